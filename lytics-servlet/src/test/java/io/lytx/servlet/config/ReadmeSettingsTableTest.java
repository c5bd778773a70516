package io.lytx.servlet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The module README's configuration table is the settings reference a site developer reads; it must
 * say what {@link ConfigKey} does. Input: the rows of the table under {@code ## Configuration} in
 * {@code lytics-servlet/README.md}. Must hold: one row per key, each with the
 * key's environment name, its default ({@code (none)} when it has none) and its description (the
 * README may add Markdown emphasis, code marks and a closing link to a section, nothing else);
 * {@code (none)} for no default, {@code (empty)} for an empty one. The bot pattern's default, a long
 * regular expression, is described rather than quoted.
 */
class ReadmeSettingsTableTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern SEE_SECTION = Pattern.compile(" \\(see \\[[^]]+]\\(#[a-z0-9-]+\\)\\)$");

    @Test
    void theReadmeTableListsEveryKeyWithItsEnvironmentNameDefaultAndDescription() throws IOException {
        Map<String, List<String>> rows = configurationRows();

        assertThat(rows.keySet()).as("keys of the README table")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toList());
        SoftAssertions softly = new SoftAssertions();
        for (ConfigKey key : ConfigKey.values()) {
            List<String> cells = rows.get(key.key());
            softly.assertThat(cells.get(0)).as("%s: environment name", key.key()).isEqualTo(key.environmentName());
            if (key != ConfigKey.BOT_PATTERN) { // a long regex: the README says what it matches instead
                softly.assertThat(cells.get(1)).as("%s: default", key.key())
                        .isEqualTo(key.defaultValue().map(v -> v.isEmpty() ? "(empty)" : v).orElse("(none)"));
            }
            softly.assertThat(plain(cells.get(2))).as("%s: meaning", key.key()).isEqualTo(plain(key.description()));
        }
        softly.assertAll();
    }

    /** Key (without its code marks) to the other cells (environment, default, meaning), in table order. */
    private static Map<String, List<String>> configurationRows() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int start = lines.indexOf("## Configuration");
        assertThat(start).as("a ## Configuration section in " + README.toAbsolutePath()).isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            List<String> cells = cells(line);
            if (cells.get(0).startsWith("`lytics.")) {
                List<String> rest = new ArrayList<>();
                for (String cell : cells.subList(1, cells.size())) {
                    rest.add(unquote(cell));
                }
                assertThat(rows.put(unquote(cells.get(0)), rest)).as("a second row for " + cells.get(0)).isNull();
            }
        }
        return rows;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        assertThat(cells).as("four cells in: " + row).hasSize(4);
        return cells;
    }

    private static String unquote(String cell) {
        return cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`") && cell.indexOf('`', 1) == cell.length() - 1
                ? cell.substring(1, cell.length() - 1) : cell;
    }

    /** The text without Markdown emphasis and code marks, and without a closing "(see [section](#anchor))". */
    private static String plain(String text) {
        return SEE_SECTION.matcher(text).replaceFirst("").replace("**", "").replace("`", "").replace("&#124;", "|");
    }
}
