package io.lytx.servlet.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The identity rules of {@link IdentityResolver} on requests made in memory: which {@code seerid} is
 * kept, when the marker is (re)written, when the id is rotated. The request answers its cookies and
 * the {@code user} attribute (the logged-in user); everything else is absent.
 */
class IdentityResolverTest {

    private static final String ADA_ID = "21c033ae-567a-49b1-9935-35e79a056559";
    private static final String OTHER_ID = "5b0a2a8e-5f1c-4d2b-9a3e-0c1d2e3f4a5b";
    private final IdentityBinding binding = IdentityBinding.derivedFrom("token-of-the-site");
    private final IdentityResolver resolver = new IdentityResolver(
            new IdentityCookie("seerid", Duration.ofDays(365), null), false, false,
            new KnownUserResolver("user", false), "email", binding);

    @Test
    void aReturningVisitorWhoseMarkerFitsKeepsTheIdAndGetsNoCookie() {
        // input: an anonymous visitor's id and its marker (also with other cookies around); must hold: the id
        // is kept, not minted, nothing is written, nothing rotated
        IdentityResolver.Resolution r = resolver.resolve(request(null, new Cookie("JSESSIONID", "x"),
                new Cookie("seerid", ADA_ID), new Cookie("seerid_bind", binding.marker(ADA_ID, null, null))));

        assertThat(r.identity().visitorId()).isEqualTo(ADA_ID);
        assertThat(r.identity().minted()).isFalse();
        assertThat(r.setCookies()).isEmpty();
        assertThat(r.rotated()).isFalse();
    }

    @Test
    void theIdTheMarkerVouchesForWinsWhateverItsPlaceAndOnlyTheFirstMarkerCounts() {
        // input: two valid ids, the marker of the second first, then a marker of the first; must hold: the
        // second id is kept (the first marker decides), with no cookie written
        IdentityResolver.Resolution r = resolver.resolve(request(null, new Cookie("seerid", OTHER_ID),
                new Cookie("seerid", ADA_ID), new Cookie("seerid_bind", binding.marker(ADA_ID, null, null)),
                new Cookie("seerid_bind", binding.marker(OTHER_ID, null, null))));

        assertThat(r.identity().visitorId()).isEqualTo(ADA_ID);
        assertThat(r.setCookies()).isEmpty();
    }

    @Test
    void anIdBoundToSomeoneElseIsRotated() {
        // input: Ada's id and marker, while Bob is logged in; must hold: a new id, both cookies written, rotated,
        // and the new marker binds the new id to Bob
        IdentityResolver.Resolution r = resolver.resolve(request("bob@example.org", new Cookie("seerid", ADA_ID),
                new Cookie("seerid_bind", binding.marker(ADA_ID, "email", "ada@example.org"))));

        assertThat(r.identity().visitorId()).isNotEqualTo(ADA_ID);
        assertThat(r.identity().minted()).isTrue();
        assertThat(r.rotated()).isTrue();
        assertThat(r.setCookies()).hasSize(2);
        assertThat(r.setCookies().get(1)).startsWith("seerid_bind="
                + binding.marker(r.identity().visitorId(), "email", "bob@example.org") + ";");
    }

    @Test
    void anAnonymousVisitorWhoLogsInKeepsTheIdAndTheMarkerIsReboundToThem() {
        // input: an anonymous id and marker, now with Ada logged in; must hold: the id is kept and only the
        // marker is written, binding it to Ada
        IdentityResolver.Resolution r = resolver.resolve(request("ada@example.org", new Cookie("seerid", ADA_ID),
                new Cookie("seerid_bind", binding.marker(ADA_ID, null, null))));

        assertThat(r.identity().visitorId()).isEqualTo(ADA_ID);
        assertThat(r.identity().knownValue()).isEqualTo("ada@example.org");
        assertThat(r.setCookies()).singleElement().asString()
                .startsWith("seerid_bind=" + binding.marker(ADA_ID, "email", "ada@example.org") + ";");
    }

    @Test
    void onlyTheFirstFourDistinctValidIdsAreExamined() {
        // input: an invalid value, the same valid id twice, then four more ids, the marker vouching for the
        // last one (the sixth distinct valid id); must hold: it is not found, the id is rotated
        String[] ids = {
            "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
            "00000000-0000-4000-8000-000000000003", "00000000-0000-4000-8000-000000000004",
        };
        IdentityResolver.Resolution r = resolver.resolve(request(null, new Cookie("seerid", "not an id"),
                new Cookie("seerid", ADA_ID), new Cookie("seerid", ADA_ID), new Cookie("seerid", ids[0]),
                new Cookie("seerid", ids[1]), new Cookie("seerid", ids[2]), new Cookie("seerid", ids[3]),
                new Cookie("seerid_bind", binding.marker(ids[3], null, null))));
        assertThat(r.rotated()).as("the fifth distinct id is not examined").isTrue();

        IdentityResolver.Resolution fourth = resolver.resolve(request(null, new Cookie("seerid", "not an id"),
                new Cookie("seerid", ADA_ID), new Cookie("seerid", ADA_ID), new Cookie("seerid", ids[0]),
                new Cookie("seerid", ids[1]), new Cookie("seerid", ids[2]),
                new Cookie("seerid_bind", binding.marker(ids[2], null, null))));
        assertThat(fourth.identity().visitorId()).as("the fourth distinct id is").isEqualTo(ids[2]);
    }

    @Test
    void anIdWithoutMarkerIsAdoptedAndMarked() {
        // input: an id set by the JS tag, no marker; must hold: kept, and a marker binding it to nobody is written
        IdentityResolver.Resolution r = resolver.resolve(request(null, new Cookie("seerid", ADA_ID)));

        assertThat(r.identity().visitorId()).isEqualTo(ADA_ID);
        assertThat(r.identity().minted()).isFalse();
        assertThat(r.setCookies()).singleElement().asString()
                .startsWith("seerid_bind=" + binding.marker(ADA_ID, null, null) + ";");
    }

    /** A request with these cookies and, when {@code user} is not null, that logged-in user. */
    private static HttpServletRequest request(String user, Cookie... cookies) {
        Map<String, Object> attributes = user == null ? Map.of() : Map.of("user", user);
        return (HttpServletRequest) Proxy.newProxyInstance(IdentityResolverTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> cookies.clone();
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "isSecure" -> false;
                    default -> null;
                });
    }
}
