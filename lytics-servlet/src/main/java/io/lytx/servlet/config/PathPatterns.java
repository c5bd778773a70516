package io.lytx.servlet.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A list of servlet-style path patterns, matched against a path inside the web application
 * (without the context path): {@code /exact}, {@code /prefix/*} (the prefix itself and everything
 * under it) and {@code *.ext} (case-insensitive extension). Immutable and thread-safe; matching
 * does not allocate.
 */
public final class PathPatterns {

    private static final PathPatterns NONE = new PathPatterns(new String[0], new String[0], new String[0]);

    private final String[] exact;
    private final String[] prefixes;
    private final String[] extensions;

    private PathPatterns(String[] exact, String[] prefixes, String[] extensions) {
        this.exact = exact;
        this.prefixes = prefixes;
        this.extensions = extensions;
    }

    /** The empty list: matches nothing. */
    public static PathPatterns none() {
        return NONE;
    }

    /**
     * Parses a comma-separated list of patterns.
     *
     * @param commaList patterns such as {@code "/account/*, *.html, /"}; blank gives {@link #none()}
     * @throws NullPointerException     if {@code commaList} is null
     * @throws IllegalArgumentException naming the pattern if one is neither {@code /...} nor {@code *.ext}
     */
    public static PathPatterns parse(String commaList) {
        Objects.requireNonNull(commaList, "commaList");
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        for (String raw : commaList.split(",")) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith("*.") && p.length() > 2 && p.indexOf('/') < 0 && p.indexOf('*', 1) < 0) {
                extensions.add("." + p.substring(2).toLowerCase(Locale.ROOT));
            } else if (p.startsWith("/") && p.endsWith("/*") && p.indexOf('*') == p.length() - 1) {
                prefixes.add(p.substring(0, p.length() - 2));
            } else if (p.startsWith("/") && p.indexOf('*') < 0) {
                exact.add(p);
            } else {
                throw new IllegalArgumentException("not a path pattern (use /exact, /prefix/* or *.ext): " + p);
            }
        }
        if (exact.isEmpty() && prefixes.isEmpty() && extensions.isEmpty()) {
            return NONE;
        }
        return new PathPatterns(exact.toArray(new String[0]), prefixes.toArray(new String[0]),
                extensions.toArray(new String[0]));
    }

    /**
     * Builds an extension-only list from bare extensions ({@code "css,js"}).
     *
     * @throws IllegalArgumentException naming the extension if one contains {@code /}, {@code *} or a space
     */
    public static PathPatterns extensions(String commaList) {
        Objects.requireNonNull(commaList, "commaList");
        StringBuilder patterns = new StringBuilder();
        for (String raw : commaList.split(",")) {
            String ext = raw.strip();
            if (ext.startsWith(".")) {
                ext = ext.substring(1);
            }
            if (ext.isEmpty()) {
                continue;
            }
            for (int i = 0; i < ext.length(); i++) {
                char c = ext.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                    throw new IllegalArgumentException("not a file extension: " + ext);
                }
            }
            patterns.append("*.").append(ext).append(',');
        }
        return parse(patterns.toString());
    }

    /** Whether no pattern is present. */
    public boolean isEmpty() {
        return exact.length == 0 && prefixes.length == 0 && extensions.length == 0;
    }

    /**
     * Whether {@code path} matches one of the patterns.
     *
     * @param path a path inside the web app such as {@code /shop/item.html}; null never matches
     */
    public boolean matches(String path) {
        if (path == null) {
            return false;
        }
        for (String e : exact) {
            if (e.equals(path)) {
                return true;
            }
        }
        for (String p : prefixes) {
            if (path.startsWith(p) && (path.length() == p.length() || path.charAt(p.length()) == '/'
                    || p.endsWith("/"))) {
                return true;
            }
        }
        if (extensions.length > 0) {
            int slash = path.lastIndexOf('/');
            int dot = path.lastIndexOf('.');
            if (dot > slash) {
                int extLength = path.length() - dot;
                for (String ext : extensions) {
                    if (ext.length() == extLength && path.regionMatches(true, dot, ext, 0, extLength)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
