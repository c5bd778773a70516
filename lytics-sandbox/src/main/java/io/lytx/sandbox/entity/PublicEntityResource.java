package io.lytx.sandbox.entity;

import io.lytx.sandbox.domain.RequestParams;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.profile.IdentityFields;
import io.lytx.sandbox.profile.ProfileRenderer;
import io.lytx.sandbox.profile.ProfileStore;
import io.lytx.sandbox.profile.StoredProfile;
import io.lytx.sandbox.segment.Membership;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The public browser form of the personalization API, {@code GET /api/me/{account}/{seerid}}, as
 * pathfora and the v1/v2 tags call it: no token, the visitor's cookie id ({@code _uid}) in the
 * path, optional JSONP.
 *
 * <p>Parameters: {@code segments} (default true) adds the visitor's public segment slugs;
 * {@code fields} (list, any spelling) names the profile fields to include. Without {@code fields}
 * no profile field is shown: a browser endpoint must not hand out whole profiles (Lytics limits it
 * to allow-listed fields; the sandbox lets the caller list them). The account settings
 * ({@link ProfileVisibility}) apply on every call: with {@code allow_public_personalization=false} no
 * profile field is shown at all (segments still are), and a field in {@code private_fields} is
 * never shown. Values are written as Lytics writes them ({@link EntityWire}). Segment ids
 * ({@code segments_all}) and {@code meta} are never included. An unknown visitor gets Lytics'
 * placeholder (200, {@code "Not Found"}, {@code ["not_found","all"]}).
 *
 * <p>{@code account} is the account's 32-hex id or its numeric aid; any other id of that shape is
 * 404 ({@code unknown account}). {@code callback}, when given, must be a JavaScript identifier,
 * optionally dotted ({@link #CALLBACK}, at most 128 characters); the answer is then
 * {@code /**}{@code /fn({...});} as {@code application/javascript} with
 * {@code X-Content-Type-Options: nosniff}. Any other callback is 400 and is never echoed into
 * script. JSON answers carry {@code Access-Control-Allow-Origin: *}. The token check and the API
 * IP allowlist do not apply (see {@link io.lytx.sandbox.auth.RouteClassifier#isPublicPath}).
 * Lookups are a hash-map access plus one evaluation of each user segment. Thread-safe.
 */
@Path(PublicEntityResource.PATH)
public final class PublicEntityResource {

    /** An account reference in the public path: the 32-hex id or a numeric aid. */
    public static final String ACCOUNT_PATTERN = "[0-9a-f]{32}|[0-9]{1,19}";

    /** The JAX-RS path of the public endpoint. */
    public static final String PATH = "/api/me/{account: " + ACCOUNT_PATTERN + "}/{seerid}";

    /** A JSONP callback the endpoint accepts: identifiers joined by dots, 128 characters at most. */
    public static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    private static final int MAX_CALLBACK = 128;
    private static final MediaType JAVASCRIPT = new MediaType("application", "javascript", "UTF-8");

    private final ProfileStore profiles;
    private final Membership membership;
    private final Predicate<String> isThisAccount;
    private final ProfileVisibility access;

    /**
     * The resource.
     *
     * @param profiles      the profiles; not null
     * @param membership    segment membership; not null
     * @param isThisAccount whether a path's account reference names the sandbox's account; not null
     * @param access        the account's public-personalization settings, read on every call; not null
     */
    public PublicEntityResource(ProfileStore profiles, Membership membership, Predicate<String> isThisAccount,
                                ProfileVisibility access) {
        this.access = Objects.requireNonNull(access, "access");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.isThisAccount = Objects.requireNonNull(isThisAccount, "isThisAccount");
    }

    /**
     * The visitor's public segments (and listed fields), as JSON or JSONP.
     *
     * @param account   the account id or aid
     * @param seerid    the visitor's cookie id
     * @param uriInfo   the query
     * @param providers where the sandbox's JSON-B instance is found (for JSONP)
     * @return the envelope, or the Not Found placeholder; 400 for a bad callback, 404 for another account
     */
    @GET
    public Response lookup(@PathParam("account") String account, @PathParam("seerid") String seerid,
                           @Context UriInfo uriInfo, @Context Providers providers) {
        var q = uriInfo.getQueryParameters();
        String callback = q.getFirst("callback");
        if (callback != null && (callback.length() > MAX_CALLBACK || !CALLBACK.matcher(callback).matches())) {
            throw new ApiError(400, "callback must be a JavaScript identifier (letters, digits, _ and $, dotted,"
                    + " at most " + MAX_CALLBACK + " characters)");
        }
        if (!isThisAccount.test(account)) {
            throw new ApiError(404, "unknown account '" + account + "': use this sandbox's account id or aid");
        }
        boolean withSegments = RequestParams.bool(q.getFirst("segments"), "segments", true);
        List<String> fields = RequestParams.list(uriInfo, "fields");
        Optional<StoredProfile> p = profiles.find(IdentityFields.UIDS, seerid);
        Map<String, Object> body;
        if (p.isEmpty()) {
            body = Envelope.body(EntityResource.notFoundData(), "Not Found", 200);
        } else {
            Map<String, Object> f = p.get().fields();
            List<String> slugs = withSegments ? membership.of(f).slugs() : null;
            Map<String, Object> data = EntityWire.of(ProfileRenderer.render(f, shown(fields), slugs, null));
            data.remove("segments_all");
            body = Envelope.body(data, "success", 200);
        }
        if (callback == null) {
            return Response.fromResponse(Envelope.json(200, body)).header("Access-Control-Allow-Origin", "*").build();
        }
        String json = jsonb(providers).toJson(body);
        return Response.ok("/**/" + callback + "(" + json + ");", JAVASCRIPT)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The fields a tokenless caller may see of those it listed: none when public profiles are off, never a private one. */
    private List<String> shown(List<String> listed) {
        if (listed.isEmpty() || !access.allowsPublicProfiles()) {
            return List.of("none");
        }
        Set<String> hidden = access.privateFields();
        List<String> shown = listed.stream().filter(f -> !hidden.contains(f) && !"none".equals(f)).toList();
        return shown.isEmpty() ? List.of("none") : shown;
    }

    private static Jsonb jsonb(Providers providers) {
        ContextResolver<Jsonb> resolver = providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE);
        if (resolver == null) {
            throw new IllegalStateException("no JSON-B context resolver is registered");
        }
        return resolver.getContext(Map.class);
    }
}
