package io.lytx.sandbox.http;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Strict JSON parsing (JSON-P / Parsson) into plain Java values, with the position of the first
 * error.
 *
 * <p>Values map to {@code Map<String,Object>} (insertion-ordered; a repeated key keeps the last
 * value), {@code List<Object>}, {@code String}, {@code BigDecimal}, {@code Boolean} and
 * {@code null}. The input is read as UTF-8 (RFC 8259). Exactly one JSON value must be present; anything after it, an empty body, or a
 * syntax error raises {@link ApiError} 400 with the message
 * {@code malformed JSON at line L, column C: <reason>}. A nesting deeper than
 * {@value #MAX_DEPTH} levels is refused the same way. Stateless and thread-safe; reads the stream
 * to the end of the value and does not close it.
 */
public final class JsonInput {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 200;

    /**
     * One factory for every parse: {@code Json.createParser} looks the JSON-P provider up with a
     * {@code ServiceLoader} on each call, which cost more than parsing a 100-event batch.
     */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private JsonInput() {
    }

    /**
     * Parses one JSON value from a stream.
     *
     * @param in the body; not null
     * @return the value (see the class comment for the types)
     * @throws ApiError 400 when the input is not exactly one well-formed JSON value; any
     *                  {@link ApiError} raised while reading the stream (e.g. a size limit) passes through
     */
    public static Object parse(InputStream in) {
        Objects.requireNonNull(in, "in");
        return parse(new BufferedReader(new InputStreamReader(new NonClosingInputStream(in), StandardCharsets.UTF_8)));
    }

    /**
     * Parses one JSON value from text.
     *
     * <p>The text is parsed as it is, not encoded to bytes and decoded again: a collected batch
     * parses each of its records on its own, and a reader over UTF-8 bytes made per record (with
     * its decoder and its two 8 KB buffers) cost four times the parse itself.
     *
     * @param text the JSON text; not null
     * @return the value
     * @throws ApiError 400 when the text is not exactly one well-formed JSON value
     */
    public static Object parse(String text) {
        Objects.requireNonNull(text, "text");
        return parse(new StringReader(text));
    }

    /** Parses one value from a reader that supports {@link Reader#mark}. */
    private static Object parse(Reader reader) {
        if (isBlank(reader)) {
            throw new ApiError(400, "malformed JSON at line 1, column 1: the body is empty");
        }
        try (JsonParser parser = PARSERS.createParser(reader)) {
            Object value = read(parser, parser.next(), 0);
            if (parser.hasNext()) {
                parser.next();
                throw malformed(parser.getLocation(), "unexpected content after the JSON value");
            }
            return value;
        } catch (JsonParsingException e) {
            throw malformed(e.getLocation(), reason(e));
        } catch (JsonException e) {
            if (e.getCause() instanceof ApiError apiError) {
                throw apiError;
            }
            Throwable cause = e.getCause();
            throw new ApiError(400, "malformed JSON: " + reason(e)
                    + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""));
        }
    }

    /**
     * Parses a body that must be a JSON object.
     *
     * @param in the body; not null
     * @return the object's members, insertion-ordered
     * @throws ApiError 400 when the body is malformed or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(InputStream in) {
        Object value = parse(in);
        if (!(value instanceof Map)) {
            throw new ApiError(400, "expected a JSON object, got " + typeName(value));
        }
        return (Map<String, Object>) value;
    }

    /**
     * The JSON type name of a parsed value, for error messages.
     *
     * @param value a value returned by {@link #parse}
     * @return {@code object}, {@code array}, {@code string}, {@code number}, {@code boolean} or {@code null}
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "number";
    }

    private static Object read(JsonParser parser, JsonParser.Event event, int depth) {
        switch (event) {
            case START_OBJECT:
            case START_ARRAY:
                return readContainer(parser, event, depth);
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER:
                return parser.getBigDecimal();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw malformed(parser.getLocation(), "unexpected " + event);
        }
    }

    private static Object readContainer(JsonParser parser, JsonParser.Event start, int depth) {
        if (depth >= MAX_DEPTH) {
            throw malformed(parser.getLocation(), "nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (start == JsonParser.Event.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (true) {
                JsonParser.Event e = parser.next();
                if (e == JsonParser.Event.END_ARRAY) {
                    return list;
                }
                list.add(read(parser, e, depth + 1));
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            JsonParser.Event e = parser.next();
            if (e == JsonParser.Event.END_OBJECT) {
                return map;
            }
            String key = parser.getString();
            map.put(key, read(parser, parser.next(), depth + 1));
        }
    }

    /** Whether the reader holds only whitespace; leaves the reader at its start otherwise. */
    private static boolean isBlank(Reader reader) {
        try {
            while (true) {
                reader.mark(1);
                int c = reader.read();
                if (c < 0) {
                    return true;
                }
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    reader.reset();
                    return false;
                }
            }
        } catch (IOException e) {
            throw new ApiError(400, "malformed JSON: the body could not be read (" + e.getMessage() + ")");
        }
    }

    private static ApiError malformed(JsonLocation location, String reason) {
        if (location == null) {
            return new ApiError(400, "malformed JSON: " + reason);
        }
        return new ApiError(400, "malformed JSON at line " + location.getLineNumber()
                + ", column " + location.getColumnNumber() + ": " + reason);
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Keeps the parser's close from closing the caller's stream. */
    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
