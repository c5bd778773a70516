package io.lytx.servlet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
        assertThat(ScriptJson.escape("{\"a\":\"b c\"}")).isEqualTo("{\"a\":\"b c\"}");
    }
}
