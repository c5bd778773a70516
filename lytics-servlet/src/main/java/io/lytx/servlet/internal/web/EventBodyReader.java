package io.lytx.servlet.internal.web;

import io.lytx.client.internal.Jsonp;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one browser event: a flat JSON object of at most {@link FirstPartySettings#MAX_EVENT_BYTES}
 * bytes (never reading more than one byte past the limit), whose values are strings, numbers,
 * booleans or null (skipped). Refusals: 413 when too large, 415 for a content type other than JSON or
 * text, 400 naming where the JSON is wrong (line, column) or which field is not flat.
 *
 * <p>Stateless and thread-safe.
 */
final class EventBodyReader {

    /** Most fields of one event. */
    static final int MAX_FIELDS = 200;
    /** Longest field name. */
    static final int MAX_KEY = 128;

    private EventBodyReader() {
    }

    static void checkContentType(String contentType) throws RelayRefusal {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        if (!(ct.startsWith("application/json") || ct.startsWith("text/plain"))) {
            throw new RelayRefusal(415, "expected Content-Type application/json");
        }
    }

    static void checkLength(long contentLength) throws RelayRefusal {
        if (contentLength > FirstPartySettings.MAX_EVENT_BYTES) {
            throw new RelayRefusal(413, "event larger than " + FirstPartySettings.MAX_EVENT_BYTES + " bytes");
        }
    }

    /** Reads at most the limit; 413 when the body is longer. */
    static byte[] readBody(InputStream in) throws IOException, RelayRefusal {
        byte[] bytes = in.readNBytes(FirstPartySettings.MAX_EVENT_BYTES + 1);
        if (bytes.length > FirstPartySettings.MAX_EVENT_BYTES) {
            throw new RelayRefusal(413, "event larger than " + FirstPartySettings.MAX_EVENT_BYTES + " bytes");
        }
        return bytes;
    }

    /**
     * Parses the event.
     *
     * @return field name to text value, in body order (a repeated name keeps the last value)
     */
    static Map<String, String> parse(byte[] body) throws RelayRefusal {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser p = Jsonp.PROVIDER.createParser(new ByteArrayInputStream(body))) {
            if (!p.hasNext()) {
                throw new RelayRefusal(400, "empty body: expected a JSON object");
            }
            if (p.next() != JsonParser.Event.START_OBJECT) {
                throw new RelayRefusal(400, "expected a JSON object " + where(p.getLocation()));
            }
            while (true) {
                JsonParser.Event e = p.next();
                if (e == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String key = p.getString();
                if (key.isBlank() || key.length() > MAX_KEY) {
                    throw new RelayRefusal(400, "field names must be 1.." + MAX_KEY + " characters "
                            + where(p.getLocation()));
                }
                JsonParser.Event v = p.next();
                switch (v) {
                    case VALUE_STRING, VALUE_NUMBER -> fields.put(key, p.getString());
                    case VALUE_TRUE -> fields.put(key, "true");
                    case VALUE_FALSE -> fields.put(key, "false");
                    case VALUE_NULL -> fields.remove(key);
                    default -> throw new RelayRefusal(400, "field '" + shortKey(key) + "' " + where(p.getLocation())
                            + " is an object or array: events are flat");
                }
                if (fields.size() > MAX_FIELDS) {
                    throw new RelayRefusal(400, "more than " + MAX_FIELDS + " fields");
                }
            }
            if (p.hasNext()) {
                throw new RelayRefusal(400, "unexpected content after the object " + where(p.getLocation()));
            }
        } catch (JsonParsingException e) {
            throw new RelayRefusal(400, "invalid JSON " + where(e.getLocation()));
        } catch (java.util.NoSuchElementException | jakarta.json.JsonException e) {
            throw new RelayRefusal(400, "invalid JSON: the body ends before the object does");
        }
        return fields;
    }

    private static String where(JsonLocation l) {
        if (l == null) {
            return "";
        }
        return "at line " + l.getLineNumber() + ", column " + l.getColumnNumber() + " (byte offset " + l.getStreamOffset() + ")";
    }

    private static String shortKey(String key) {
        String k = key.length() > 40 ? key.substring(0, 40) + "..." : key;
        return k.replaceAll("[^\\x20-\\x7e]", "?").replace("'", "?");
    }
}
