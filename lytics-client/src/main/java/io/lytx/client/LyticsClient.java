package io.lytx.client;

import io.lytx.client.collect.CollectApi;
import io.lytx.client.content.ContentApi;
import io.lytx.client.entity.EntityApi;
import io.lytx.client.internal.ApiCalls;
import io.lytx.client.internal.ClientAccess;
import io.lytx.client.management.AccountApi;
import io.lytx.client.management.TokenApi;
import io.lytx.client.management.UserApi;
import io.lytx.client.schema.SchemaApi;
import io.lytx.client.segment.SegmentApi;

/**
 * Client of the Lytics REST API: one entry point per API family.
 *
 * <p>Thread-safe; create one per application and share it. It owns a pool of persistent HTTP
 * connections (Apache HttpClient 5 through Jersey) and a few daemon threads for async calls;
 * {@link #close()} releases them. Blocking methods wait at most the connect timeout plus the read
 * timeout between bytes; async methods take their own overall timeout. The API families come only
 * from a client's accessors (they cannot be constructed elsewhere). Failures are unchecked
 * {@link io.lytx.client.error.LyticsException}s. The token never appears in a {@code toString},
 * an exception message or a log line.
 */
public final class LyticsClient implements AutoCloseable {

    /**
     * What a client hands to each API family it creates ({@code new EntityApi(internals)} and its
     * siblings): the way to its connections. There is no public way to make one and a client gives
     * its own to its API families only, so the {@code *Api} classes cannot be built outside a client:
     * take them from {@link #entities()}, {@link #collect()} and the other accessors. Immutable.
     */
    public static final class Internals {

        static {
            ClientAccess.install(internals -> internals.calls);
        }

        private final ApiCalls calls;

        private Internals(ApiCalls calls) {
            this.calls = calls;
        }
    }

    private final ApiCalls calls;
    private final CollectApi collect;
    private final EntityApi entities;
    private final SegmentApi segments;
    private final SchemaApi schema;
    private final ContentApi content;
    private final AccountApi accounts;
    private final UserApi users;
    private final TokenApi tokens;

    LyticsClient(ApiCalls calls) {
        this.calls = calls;
        Internals internals = new Internals(calls);
        this.collect = new CollectApi(internals);
        this.entities = new EntityApi(internals);
        this.segments = new SegmentApi(internals);
        this.schema = new SchemaApi(internals);
        this.content = new ContentApi(internals);
        this.accounts = new AccountApi(internals);
        this.users = new UserApi(internals);
        this.tokens = new TokenApi(internals);
    }

    /** @return a builder; set at least the token */
    public static LyticsClientBuilder builder() {
        return new LyticsClientBuilder();
    }

    /** @return data collection: {@code /collect/json} and {@code /collect/bulk} */
    public CollectApi collect() {
        return collect;
    }

    /** @return personalization: profile lookups on {@code /api/entity} */
    public EntityApi entities() {
        return entities;
    }

    /** @return segmentation: {@code /api/segment} */
    public SegmentApi segments() {
        return segments;
    }

    /** @return catalog: {@code /api/schema} */
    public SchemaApi schema() {
        return schema;
    }

    /** @return content: recommendations, documents, classification, topics, taxonomy */
    public ContentApi content() {
        return content;
    }

    /** @return management: accounts and account settings */
    public AccountApi accounts() {
        return accounts;
    }

    /** @return management: admin users */
    public UserApi users() {
        return users;
    }

    /** @return management: API tokens */
    public TokenApi tokens() {
        return tokens;
    }

    /**
     * Releases the connection pool and the async threads. Idempotent and thread-safe. Blocks until the
     * client's threads have ended (at most about 4 s; in practice at once, since their connections
     * are shut first), so that a servlet container finds none left after undeploy. Every later call, and every call still under way (blocking or async), fails
     * with {@link io.lytx.client.error.LyticsClientClosedException}; an open scan stream fails on its
     * next page.
     */
    @Override
    public void close() {
        calls.close();
    }

    /** @return a description without the token */
    @Override
    public String toString() {
        return "LyticsClient[" + calls + "]";
    }
}
