package io.lytx.sandbox.auth;

import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.manage.AccountInfo;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.InetAddress;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;

/**
 * Authenticates every request before routing, as Lytics does (so an unknown path without a token
 * is a 401, not a 404): the token comes from the raw {@code Authorization} header, else the
 * {@code access_token} query parameter, else {@code key}. Missing or unknown → 401
 * {@code Not authorized}; expired → 401 {@code Expired Token}. Then the IP allowlist is applied to
 * the client's address (→ 403), except on {@code /_sandbox/}, which instead requires the admin
 * token (→ 403). An {@code account_id} query parameter naming another account than the sandbox's
 * (its 32-hex id or numeric aid) is 403, as Lytics answers a token used for an account it does not
 * reach. The public browser endpoints ({@link RouteClassifier#isPublicPath}: the JS tag's
 * {@code /c/...} and {@code /api/me/{account}/{seerid}}) pass without a token. On success the
 * {@link Caller} is stored as the request property {@link Caller#PROPERTY} and as the security
 * context. Thread-safe (one instance serves all requests).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    private final TokenStore tokens;
    private final IpAllowlist allowlist;
    private final ClientAddressResolver addresses;
    private final AccountInfo account;

    @Inject
    private Provider<Request> grizzlyRequest;

    /**
     * A filter over the given token store and allowlist.
     *
     * @param tokens    the known tokens; not null
     * @param allowlist the account's allowlist; not null
     * @param addresses how the client address is found; not null
     * @param account   the sandbox's account, the only one an {@code account_id} parameter may name; not null
     */
    public AuthenticationFilter(TokenStore tokens, IpAllowlist allowlist, ClientAddressResolver addresses,
                                AccountInfo account) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.account = Objects.requireNonNull(account, "account");
        this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (RouteClassifier.isPublicPath(ctx.getUriInfo().getPath(false))) {
            return;
        }
        TokenStore.Check check = tokens.check(presentedToken(ctx));
        if (check instanceof TokenStore.Check.Expired) {
            ctx.abortWith(Envelope.error(401, "Expired Token"));
            return;
        }
        if (!(check instanceof TokenStore.Check.Valid valid)) {
            ctx.abortWith(Envelope.error(401, "Not authorized"));
            return;
        }
        Caller caller = valid.caller();
        if (RouteClassifier.isSandboxPath(path)) {
            if (!caller.isAdminToken()) {
                ctx.abortWith(Envelope.error(403, "Not authorized: the /_sandbox/ endpoints need the admin token"));
                return;
            }
        } else {
            String asked = ctx.getUriInfo().getQueryParameters().getFirst("account_id");
            if (asked != null && !account.hasId(asked)) {
                ctx.abortWith(Envelope.error(403, "Not authorized: this token has no access to the account named by"
                        + " account_id; use " + account.id() + " or " + account.aid()));
                return;
            }
            if (!allowlist.isEmpty()) {
                // the address is worked out only when a range may refuse it (most calls have no allowlist)
                Optional<InetAddress> client = clientAddress(ctx);
                if (!allowlist.allows(client.orElse(null))) {
                    ctx.abortWith(Envelope.error(403, "Not authorized: client address "
                            + client.map(InetAddress::getHostAddress).orElse("(unknown)")
                            + " is outside the account's api_ip_whitelist"));
                    return;
                }
            }
        }
        ctx.setProperty(Caller.PROPERTY, caller);
        boolean secure = ctx.getSecurityContext() != null && ctx.getSecurityContext().isSecure();
        ctx.setSecurityContext(new CallerSecurityContext(caller, secure));
    }

    private static String presentedToken(ContainerRequestContext ctx) {
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String q = ctx.getUriInfo().getQueryParameters().getFirst("access_token");
        if (q != null && !q.isBlank()) {
            return q;
        }
        return ctx.getUriInfo().getQueryParameters().getFirst("key");
    }

    private Optional<InetAddress> clientAddress(ContainerRequestContext ctx) {
        String peer = grizzlyRequest.get().getRemoteAddr();
        return addresses.resolve(peer, ctx.getHeaderString("Forwarded"), ctx.getHeaderString("X-Forwarded-For"));
    }

    /** The caller as a JAX-RS security context: the token id is the principal, roles are roles. */
    private record CallerSecurityContext(Caller caller, boolean secure) implements jakarta.ws.rs.core.SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller::tokenId;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "LYTICS_TOKEN";
        }
    }
}
