package io.lytx.servlet.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.servlet.Identity;
import io.lytx.servlet.config.ClientIpMode;
import io.lytx.servlet.internal.collect.CollectEvent;
import io.lytx.servlet.internal.collect.JsonBatches;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The page-view event, whose fields the worker derives ({@link PageView}), is written on the wire
 * exactly as the same fields put in a builder, on hostile request facts; and its size estimate,
 * made on the request thread from lengths only, is an upper bound of the exact one.
 */
class PageViewTest {

    private static final String UID = "21c033ae-567a-49b1-9935-35e79a056559";
    private static final String EMOJI = "\ud83d\ude00";

    private static final List<String[]> SCHEME_PORTS = List.of(new String[] {"https", "443"}, new String[] {"http", "80"},
            new String[] {"http", "8080"}, new String[] {"https", "-1"}, new String[] {"HTTP", "80"},
            new String[] {"https", "8443"}, new String[] {null, "0"});
    private static final List<String> HOSTS = java.util.Arrays.asList("Shop.Example.com", "localhost", null,
            "\u0130stanbul.example", "h\"ost\\\u0001", "x".repeat(2100), "");
    private static final List<String> URIS = java.util.Arrays.asList("/p", null, "/a%20b/" + EMOJI + "\"\\\n",
            "/" + "a".repeat(2030) + EMOJI.repeat(10), "/" + "\u00e9".repeat(2045) + EMOJI, "");
    private static final List<String> QUERIES = java.util.Arrays.asList(null, "",
            "utm_source=news%20letter&x=1&utm_campaign=spring",
            "utm_source=a&utm_source=b&utm_medium=&utm_medium=+&utm_term=%E0%A4%A&utm_term=ok&utm_source=%20",
            "&&utm_id==x&=utm_source&utm_content=x" + EMOJI.repeat(200),
            "utm_source=" + "a".repeat(300) + "&utm_medium=" + "%C3%A9".repeat(300),
            "utm_source=%ZZ&utm_campaign=q\"uote\\&utm_term=%0A%00%22",
            "utm_source=+%2B+&UTM_SOURCE=x&utm_sourcex=y&utm_=z&utm_id",
            "a=1&utm_medium=\u2003&utm_medium=\u00a0&utm_id=%F0%9F%98%80&utm_id=" + EMOJI + "\ud800");
    private static final List<String> REFERERS = java.util.Arrays.asList(null, "https://google.com/search?q=x",
            "http://SHOP.example.com:8080/x", "https://user@shop.example.com/", "https://[::1]:8080/", "https://[::1]/",
            "https://", "http://a", "ftp://x", "https://other.org#frag", "HTTPS://x.org?" + "q".repeat(3000) + EMOJI,
            "https://a@b@c.org:1:2/x", "https://LOCALHOST", "https://ex\"ample.org/\\\n\ud800", "https://:80/");
    private static final List<String> LANGUAGES = java.util.Arrays.asList(null, "fr-CH, fr;q=0.9", "*", "  en-US  ;q=1",
            "", ",en", "<script>", "\u00a0en", "\u2003en-GB\u2003", "x".repeat(36), "x".repeat(35), " ; ", "de;q=0.5,en");
    private static final List<String> AGENTS = java.util.Arrays.asList(null,
            "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "u".repeat(511) + EMOJI, "q\"\\\u0000\u001f\u2028" + EMOJI);
    private static final List<String> ADDRESSES = java.util.Arrays.asList(null, "203.0.113.77", "2001:db8::1",
            "[2001:db8::1]", "fe80::1%eth0", "1.2.3.256", "junk", "::ffff:1.2.3.4", "01.002.3.4", "1.2.3.4.", "::1", "");
    private static final List<Identity> IDENTITIES = List.of(new Identity(UID, false, null, null),
            new Identity(UID, true, "email", "pat\"@example.org\n"), new Identity(null, false, "user_id", "cust-42"),
            new Identity(UID, false, "url", "collides"), new Identity(UID, false, "utm_source", "collides too"),
            new Identity(UID, false, "_ul", "x"));

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @Test
    void theEventIsWrittenAsItsFieldsAndItsEstimateBoundsItsSize() {
        // input: random combinations of hostile request facts, identities (some named like page-view fields)
        // and settings; must hold: the JSON is that of a builder event with the same fields, and the
        // estimate is at least the builder event's exact size
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String[] schemePort = pick(random, SCHEME_PORTS);
            PageRequest page = new PageRequest(schemePort[0], pick(random, HOSTS), Integer.parseInt(schemePort[1]),
                    pick(random, URIS), pick(random, QUERIES), pick(random, REFERERS), pick(random, LANGUAGES),
                    pick(random, AGENTS), pick(random, ADDRESSES));
            Identity identity = pick(random, IDENTITIES);
            PageViewEvents events = new PageViewEvents(random.nextBoolean(), pick(random, List.of(ClientIpMode.values())));
            long now = random.nextBoolean() ? 1_700_000_000_123L : random.nextLong();
            String pvid = random.nextBoolean() ? UUID.randomUUID().toString() : "pv-\"" + i;

            CollectEvent deferred = events.pageView(page, identity, pvid, now);
            CollectEvent.Builder builder = CollectEvent.builder().id(deferred.id()); // the same id: the estimates count it
            deferred.fields().forEach(builder::put);
            CollectEvent eager = builder.build();

            String context = "case " + i + ": " + page + " " + identity;
            assertThat(JsonBatches.withoutId(deferred)).as(context).isEqualTo(JsonBatches.withoutId(eager));
            assertThat(deferred.estimatedBytes()).as(context).isGreaterThanOrEqualTo(eager.estimatedBytes());
        }
    }

    @Test
    void theEstimateOfATypicalPageViewIsCloseToItsSize() {
        // input: a typical page view with every optional field; must hold: the estimate is at most 64 bytes above the size
        PageRequest page = new PageRequest("https", "shop.example.com", 443, "/articles/green-tea",
                "utm_source=newsletter&utm_medium=email", "https://www.google.com/search?q=tea", "en-US,en;q=0.9",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                "203.0.113.77");
        CollectEvent event = new PageViewEvents(true, ClientIpMode.ANONYMIZED)
                .pageView(page, new Identity(UID, false, null, null), "0e7e9a54-4c6c-4d3c-9a0c-1b3f5d7e9a54", 1_700_000_000_000L);

        int size = JsonBatches.write(event).length - 1; // counted like the estimate: one comma instead of the brackets
        assertThat(event.estimatedBytes()).isBetween(size, size + 64);
    }

    @Test
    void digitsCountsTheCharactersOfTheDecimalText() {
        // input: the edges of each decimal length, both signs, and the extremes; must hold: as many as Long.toString gives
        List<Long> values = new java.util.ArrayList<>(List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE, 1_700_000_000_000L));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10 * 10; p *= 10) {
            values.addAll(List.of(p - 1, p, p + 1, -p, -(p - 1), -(p + 1)));
            if (p > Long.MAX_VALUE / 10) {
                break;
            }
        }
        for (long v : values) {
            assertThat(PageView.digits(v)).as("%d", v).isEqualTo(Long.toString(v).length());
        }
    }
}
