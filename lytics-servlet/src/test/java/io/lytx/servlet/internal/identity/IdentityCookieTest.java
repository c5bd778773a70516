package io.lytx.servlet.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdentityCookieTest {

    private static final String ID = "21c033ae-567a-49b1-9935-35e79a056559";

    @Test
    void hostOnlyCookieOnPlainHttp() {
        String header = new IdentityCookie("seerid", Duration.ofDays(365), null).headerValue(ID, false);

        assertThat(header).isEqualTo("seerid=" + ID + "; Path=/; Max-Age=31536000; SameSite=Lax");
        assertThat(header).doesNotContainIgnoringCase("HttpOnly").doesNotContain("Domain");
    }

    @Test
    void secureAndDomainWhenAsked() {
        String header = new IdentityCookie("vid", Duration.ofDays(1), "example.com").headerValue(ID, true);

        assertThat(header).startsWith("vid=" + ID + ";").contains("; Max-Age=86400").contains("; Domain=example.com")
                .contains("; SameSite=Lax").endsWith("; Secure").doesNotContainIgnoringCase("HttpOnly");
    }

    @Test
    void refusesToWriteAnInvalidId() {
        IdentityCookie cookie = new IdentityCookie("seerid", Duration.ofDays(1), null);
        // input: a value that would split the header; must be refused, not written
        assertThatThrownBy(() -> cookie.headerValue("x\r\nSet-Cookie: admin=1", false))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("admin"));
    }
}
