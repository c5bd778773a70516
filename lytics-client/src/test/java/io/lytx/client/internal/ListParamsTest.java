package io.lytx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ListParamsTest {

    static List<Map<String, List<String>>> fiveSpellingsOfOneAndTwo() {
        return List.of(
                Map.of("ids", List.of("1,2")),
                Map.of("ids", List.of("[1,2]")),
                Map.of("ids", List.of("1", "2")),
                Map.of("ids[]", List.of("1", "2")),
                Map.of("ids", List.of(" [ 1 , 2 ] ")));
    }

    @ParameterizedTest
    @MethodSource("fiveSpellingsOfOneAndTwo")
    void everySpellingGivesTheSameList(Map<String, List<String>> query) {
        assertThat(ListParams.parse(query, "ids")).containsExactly("1", "2");
    }

    @Test
    void singleValueIsAListOfOne() {
        assertThat(ListParams.parse(Map.of("ids", List.of("1")), "ids")).containsExactly("1");
    }

    @Test
    void mixedSpellingsMergeInOrderWithoutDuplicates() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("ids", List.of("3,1"));
        q.put("ids[]", List.of("1", "[2,4]"));
        assertThat(ListParams.parse(q, "ids")).containsExactly("3", "1", "2", "4");
    }

    @Test
    void absentParameterIsEmptyAndOtherNamesAreIgnored() {
        assertThat(ListParams.parse(Map.of("idsx", List.of("1")), "ids")).isEmpty();
    }

    @Test
    void blanksAndEmptyBracketsGiveNothing() {
        assertThat(ListParams.parse(Map.of("ids", List.of("", " , ,", "[]")), "ids")).isEmpty();
    }

    @Test
    void jsonStringsInBracketsKeepTheirCommas() {
        assertThat(ListParams.split("[\"a,b\", \"c\\\"d\", e]")).containsExactly("a,b", "c\"d", "e");
    }

    @Test
    void formatIsCommaJoinedAndRoundTrips() {
        String wire = ListParams.format(List.of("email", " _uids ", ""));
        assertThat(wire).isEqualTo("email,_uids");
        assertThat(ListParams.split(wire)).containsExactly("email", "_uids");
    }

    @Test
    void formatUsesJsonBracketsWhenAValueHoldsACommaAndStillRoundTrips() {
        List<String> values = List.of("example.org/a,b", "x\"y", "plain");
        String wire = ListParams.format(values);
        assertThat(wire).startsWith("[").endsWith("]");
        assertThat(ListParams.split(wire)).containsExactlyElementsOf(values);
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatNullPointerException().isThrownBy(() -> ListParams.parse(null, "ids")).withMessage("query");
        assertThatNullPointerException().isThrownBy(() -> ListParams.parse(Map.of(), null)).withMessage("name");
    }
}
