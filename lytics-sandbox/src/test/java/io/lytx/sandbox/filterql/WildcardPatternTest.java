package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardPatternTest {

    @ParameterizedTest(name = "''{0}'' LIKE ''{1}'' is {2}")
    @CsvSource({
        "pat@example.org, *@example.org, true",
        "pat@example.org, PAT@*, true",
        "pat@example.org, pat, false",
        "pat@example.org, pat@example.org, true",
        "pat@example.org, *, true",
        "'', *, true",
        "'', '', true",
        "a, '', false",
        "/blog/running, /blog/*, true",
        "/blog/running, */run*, true",
        "/blog/running, */walk*, false",
        "abcabc, *b*b*, true",
        "abcabc, *b*b*b*, false",
        "aaa, a*a*a*a, false",
        "a.c, a?c, false",
        "a*c, a*c, true",
        "abab, *ab, true",
        "abab, ab*ab, true",
        "aba, ab*ba, false",
        "xaxbx, *a*b*, true",
        "xbxax, *a*b*, false",
        "Straße, *STRASSE*, false",
        "ÉCOLE, é*, true",
    })
    void starIsTheOnlyWildcardAndCaseIsIgnored(String text, String pattern, boolean expected) {
        assertThat(WildcardPattern.matches(pattern, text)).isEqualTo(expected);
    }
}
