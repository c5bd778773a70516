package io.lytx.client.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of path segments and query components (RFC 3986). Everything outside the
 * unreserved set {@code A-Z a-z 0-9 - _ ~} is encoded as UTF-8 bytes, including {@code / % ; ? # &
 * = + .}, spaces, CR and LF, so an encoded value is always exactly one path segment or one query
 * value and can never add a segment, a query, a fragment or a header line. The dot is encoded too,
 * so {@code .} and {@code ..} cannot be read as dot-segments by anything normalizing the path.
 * Stateless and thread-safe.
 */
final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /**
     * @param value the raw value (not encoded)
     * @param name  parameter name for the null/blank check
     * @return the value encoded as one path segment
     * @throws NullPointerException     when value is null
     * @throws IllegalArgumentException when value is blank
     */
    static String segment(String value, String name) {
        return encode(Args.notBlank(value, name));
    }

    /**
     * Encodes a query value: like {@link #encode} but keeps commas literal, so list parameters read
     * {@code fields=a,b} on the wire (a comma cannot end a parameter or start a new one).
     *
     * @param value any text, not null
     * @return the encoded value
     */
    static String queryValue(String value) {
        return encode(value).replace("%2C", ",");
    }

    /**
     * @param value any text, not null
     * @return the text with every byte outside {@code A-Z a-z 0-9 - _ ~} percent-encoded
     */
    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }
}
