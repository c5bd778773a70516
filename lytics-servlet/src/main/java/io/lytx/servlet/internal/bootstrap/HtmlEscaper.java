package io.lytx.servlet.internal.bootstrap;

/**
 * Escapes untrusted text for HTML element content and for quoted attribute values: {@code & < > " '}
 * become character references, so a profile value such as {@code <script>alert(1)</script>} or
 * {@code "><img src=x onerror=alert(1)>} is shown as text and never parsed as markup.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlEscaper {

    private HtmlEscaper() {
    }

    /**
     * The escaped text.
     *
     * @param text any text; null gives the empty string
     * @return text safe inside element content and inside a single- or double-quoted attribute value
     */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(len + 16).append(text, 0, i);
                }
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text.toString() : out.toString();
    }
}
