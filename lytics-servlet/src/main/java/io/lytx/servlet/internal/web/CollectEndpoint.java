package io.lytx.servlet.internal.web;

import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.collect.CollectEvent;
import io.lytx.servlet.internal.collect.EventCollector;
import io.lytx.servlet.internal.identity.BotDetector;
import io.lytx.servlet.internal.identity.IdentityResolver;
import io.lytx.servlet.internal.identity.KnownUserResolver;
import io.lytx.servlet.internal.page.ClientIps;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST {base}/collect}: relays one browser event into the same collector as the page views.
 *
 * <p>In order: same-origin only ({@link OriginCheck}, else 403); a browser with consent and a valid
 * visitor cookie (else 403); rate limits per client address ({@link ClientIps#addressKey}, whatever
 * visitor ids it sends) and per visitor (429 with {@code Retry-After}); a JSON object of at most 16 KB
 * (413 / 415 / 400 naming where the JSON is wrong). Then only the allowed fields are kept
 * ({@link RelayFields}: an allow-list; identity fields never) and identity is the server's:
 * {@code _uid} from the cookie and, for a logged-in user, the identity field from the server's
 * knowledge of the user. The event is offered as a relayed event, which may fill only its share of
 * the queue. 204 when queued; 503 when that share is full or collection is off. Never blocks on
 * Lytics. Thread-safe.
 */
final class CollectEndpoint {

    private final LyticsConfig config;
    private final EventCollector collector;
    private final OriginCheck origins;
    private final BotDetector bots;
    private final ConsentState consent;
    private final KnownUserResolver knownUsers;
    private final VisitorRateLimiter visitorLimiter;
    private final VisitorRateLimiter addressLimiter;
    private final RelayFields fields;
    private final IdentityResolver identities;

    /** @throws IllegalArgumentException naming the key when a relay setting is invalid */
    CollectEndpoint(FirstPartySettings settings, LyticsRuntime runtime) {
        this.config = runtime.config();
        this.collector = runtime.collector();
        this.origins = new OriginCheck(settings.extraOrigins());
        this.bots = new BotDetector(config.botPattern());
        this.consent = new ConsentState(config);
        this.knownUsers = new KnownUserResolver(config.identityAttribute().orElse(null), config.identityPrincipal());
        this.identities = IdentityResolver.forConfig(config);
        this.visitorLimiter = new VisitorRateLimiter(settings.ratePerMinute());
        this.addressLimiter = new VisitorRateLimiter(config.relayAddressRatePerMinute());
        this.fields = RelayFields.from(config);
    }

    void serve(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!"POST".equals(req.getMethod())) {
            Responses.methodNotAllowed(res, "POST");
            return;
        }
        boolean bodyRead = false;
        try {
            String visitorId = admit(req, res);
            EventBodyReader.checkContentType(req.getContentType());
            EventBodyReader.checkLength(req.getContentLengthLong());
            byte[] body = EventBodyReader.readBody(req.getInputStream());
            bodyRead = true;
            Map<String, String> kept = fields.keep(EventBodyReader.parse(body), System.currentTimeMillis());
            CollectEvent event = toEvent(kept, visitorId, knownUsers.resolve(req));
            if (collector == null) {
                throw new RelayRefusal(503, "event collection is switched off");
            }
            if (!collector.offer(event)) {
                res.setHeader("Retry-After", "5");
                throw new RelayRefusal(503, "event queue full for browser events; event dropped");
            }
            res.setStatus(204);
            res.setHeader("Cache-Control", "no-store");
        } catch (RelayRefusal refusal) {
            if (!bodyRead) {
                // refused before its body was read (or while, when too large): the container may close the
                // connection rather than skip the unread bytes, so say so and no client reuses it half-read
                res.setHeader("Connection", "close");
            }
            Responses.error(res, refusal.status(), refusal.getMessage());
        }
    }

    /** Origin, bot, consent, cookie and rate checks; the visitor id when admitted. */
    private String admit(HttpServletRequest req, HttpServletResponse res) throws RelayRefusal {
        String refusal = origins.refusal(req);
        if (refusal != null) {
            throw new RelayRefusal(403, refusal);
        }
        if (bots.isBot(req.getHeader("User-Agent"))) {
            throw new RelayRefusal(403, "not accepted from automated clients");
        }
        if (!consent.granted(req)) {
            throw new RelayRefusal(403, "no consent to collect events");
        }
        // the id the marker vouches for: never the previous person's on a shared browser
        String visitorId = identities.currentId(req);
        if (visitorId == null) {
            throw new RelayRefusal(403, "no valid visitor cookie '" + config.cookieName() + "': load a page first");
        }
        long wait = addressLimiter.acquire(ClientIps.addressKey(req.getRemoteAddr()));
        String who = "this address";
        if (wait == 0) {
            wait = visitorLimiter.acquire(visitorId);
            who = "this visitor";
        }
        if (wait > 0) {
            res.setHeader("Retry-After", Long.toString(wait));
            throw new RelayRefusal(429, "too many events from " + who + "; retry after " + wait + " s");
        }
        return visitorId;
    }

    /** The kept fields, then the server's identity over them (identity fields were never kept). */
    private CollectEvent toEvent(Map<String, String> kept, String visitorId, String knownValue) {
        CollectEvent.Builder b = CollectEvent.builder().relayed();
        kept.forEach(b::put);
        b.put("_uid", visitorId);
        if (knownValue != null) {
            b.put(config.identityField(), knownValue);
        }
        return b.build();
    }
}
