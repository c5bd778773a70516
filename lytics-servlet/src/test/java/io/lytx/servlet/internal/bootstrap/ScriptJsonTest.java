package io.lytx.servlet.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {

    @Test
    void hostileStringsCannotCloseTheScriptElementAndSurviveParsing() {
        String hostile = "a</script><script>alert(1)</script><!--b\u2028c\u2029d&e>f";
        JsonObject in = Json.createObjectBuilder().add("k", hostile).add("</script>", 1).build();
        String json = ScriptJson.write(in);
        // input: a value and a key holding </script>, <!--, U+2028/2029, & and >: none may appear raw
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .doesNotContain("\u2028").doesNotContain("\u2029")
                .contains("\\u003c/script\\u003e").contains("\\u003c!--").contains("\\u2028").contains("\\u2029");
        JsonObject back = Json.createReader(new StringReader(json)).readObject();
        assertThat(back.getString("k")).isEqualTo(hostile);
        assertThat(back.getInt("</script>")).isEqualTo(1);
    }

    @Test
    void plainJsonIsUnchanged() {
        JsonObject plain = Json.createObjectBuilder().add("a", "b c").add("n", 3).build();
        assertThat(ScriptJson.write(plain)).isEqualTo("{\"a\":\"b c\",\"n\":3}");
    }

    @Test
    void theGeneratorEscapesLongHostileStringsWhateverChunksTheyArriveIn() {
        // input: 20,000 chars mixing </script>, <!--, & and U+2028 (more than the generator's buffer, so
        // the text reaches the writer in several chunks); must hold: nothing raw, the value parses back equal
        StringBuilder hostile = new StringBuilder();
        for (int i = 0; hostile.length() < 20_000; i++) {
            hostile.append(i % 3 == 0 ? "</script>" : i % 3 == 1 ? "<!--&\u2028" : "plain text ").append(i);
        }
        StringBuilder out = new StringBuilder();
        try (JsonGenerator g = ScriptJson.generator(out)) {
            g.writeStartObject().write("k", hostile.toString()).write("<key>", true).writeEnd();
        }
        String json = out.toString();
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        JsonObject back = Json.createReader(new StringReader(json)).readObject();
        assertThat(back.getString("k")).isEqualTo(hostile.toString());
        assertThat(back.getBoolean("<key>")).isTrue();
    }
}
