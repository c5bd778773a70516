package io.lytx.sandbox.filterql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The built-in functions the sandbox evaluates: the ones qlbridge registers that segments use
 * (qlbridge {@code expr/builtins/builtins.go}, {@code LoadAllBuiltins}) plus Lytics'
 * {@code geodistance} and {@code timewindow}. Names are case-insensitive. The qlbridge functions
 * the sandbox does not evaluate are known by name, so a filter using one is refused with a message
 * naming it. Stateless, thread-safe.
 *
 * <p>Values follow qlbridge's builtins (the behaviour cited in the sandbox's FilterQL corpus test):
 * a function that cannot compute its value (missing or unreadable argument) yields null, qlbridge's
 * "not ok". Dates are read as ISO-8601, US {@code MM/dd/yyyy} or epoch milliseconds and taken in UTC.
 */
final class Builtins {

    /** qlbridge builtins the sandbox does not evaluate (refused by name). */
    private static final Set<String> NOT_SUPPORTED = Set.of("count", "avg", "sum", "map", "todatein", "seconds",
            "maptime", "extract", "strftime", "unixtrunc", "array.index", "array.slice", "match", "mapinvert",
            "filter", "filtermatch", "hosts", "qsl", "urlmain", "urlminusqs", "url.matchqs", "useragent.map",
            "useragent", "uuid", "hash", "hash.sip", "hash.md5", "hash.sha1", "hash.sha256", "hash.sha512",
            "encoding.b64encode", "encoding.b64decode", "json.jmespath", "cast");

    private static final Map<String, Builtin> BY_NAME = new LinkedHashMap<>();

    static {
        // text
        text("tolower", s -> s.toLowerCase(Locale.ROOT));
        text("string.lowercase", s -> s.toLowerCase(Locale.ROOT));
        text("string.uppercase", s -> s.toUpperCase(Locale.ROOT));
        text("string.titlecase", Builtins::titleCase);
        add("tostring", 1, 1, (a, c) -> Values.toText(a.get(0)));
        add("contains", 2, 2, (a, c) -> {
            String left = Values.toText(a.get(0));
            String right = Values.toText(a.get(1));
            if (left == null || right == null) {
                return Boolean.FALSE;
            }
            return left.isEmpty() || right.isEmpty() ? null : left.contains(right);
        });
        add("hasprefix", 2, 2, (a, c) -> affix(a, String::startsWith));
        add("hassuffix", 2, 2, (a, c) -> affix(a, String::endsWith));
        add("len", 1, 1, (a, c) -> length(a.get(0)));
        add("char_length", 1, 1, (a, c) -> length(a.get(0)));
        add("split", 2, 2, (a, c) -> {
            String s = Values.toText(a.get(0));
            String by = Values.toText(a.get(1));
            return s == null || by == null || s.isEmpty() || by.isEmpty() ? null : List.of(s.split(Pattern.quote(by), -1));
        });
        add("strip", 1, 1, (a, c) -> {
            Object v = a.get(0);
            if (v instanceof String s) {
                return strip(s);
            }
            if (Values.isMultiValued(v)) {
                List<Object> out = new ArrayList<>();
                for (Object e : Values.elements(v)) {
                    String s = Values.toText(e);
                    out.add(s == null ? e : strip(s));
                }
                return out;
            }
            return null;
        });
        add("replace", 2, 3, (a, c) -> {
            String s = Values.toText(a.get(0));
            String what = Values.toText(a.get(1));
            String with = a.size() == 3 ? Values.toText(a.get(2)) : "";
            return s == null || what == null ? null : s.replace(what, with == null ? "" : with);
        });
        add("join", 2, Integer.MAX_VALUE, (a, c) -> {
            String sep = Values.toText(a.get(a.size() - 1));
            if (sep == null) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (Object v : a.subList(0, a.size() - 1)) {
                for (Object e : Values.elements(v)) {
                    String s = Values.toText(e);
                    if (s != null && !s.isEmpty()) {
                        parts.add(s);
                    }
                }
            }
            return parts.isEmpty() ? null : String.join(sep, parts);
        });

        // logic and selection
        add("eq", 2, 2, (a, c) -> a.get(0) != null && a.get(1) != null && equal(a.get(0), a.get(1), c));
        add("ne", 2, 2, (a, c) -> a.get(0) == null || a.get(1) == null || !equal(a.get(0), a.get(1), c));
        add("gt", 2, 2, (a, c) -> order(a, c, sign -> sign > 0));
        add("ge", 2, 2, (a, c) -> order(a, c, sign -> sign >= 0));
        add("lt", 2, 2, (a, c) -> order(a, c, sign -> sign < 0));
        add("le", 2, 2, (a, c) -> order(a, c, sign -> sign <= 0));
        add("not", 1, 1, (a, c) -> {
            Boolean b = a.get(0) == null ? null : Values.toBoolean(a.get(0));
            return b == null ? null : !b;
        });
        add("exists", 1, 1, (a, c) -> !Values.isEmpty(a.get(0)));
        add("any", 1, Integer.MAX_VALUE, (a, c) -> a.stream().anyMatch(v -> !Values.isEmpty(v)));
        add("all", 1, Integer.MAX_VALUE, (a, c) -> a.stream().allMatch(v -> !Values.isEmpty(v)
                && !Boolean.FALSE.equals(v instanceof Boolean ? v : null)));
        add("oneof", 1, Integer.MAX_VALUE, (a, c) -> a.stream().filter(v -> !Values.isEmpty(v)).findFirst().orElse(null));

        // casts
        add("toint", 1, 1, (a, c) -> {
            BigDecimal n = looseNumber(a.get(0));
            return n == null ? null : n.setScale(0, RoundingMode.DOWN);
        });
        add("tonumber", 1, 1, (a, c) -> looseNumber(a.get(0)));
        add("tobool", 1, 1, (a, c) -> a.get(0) == null ? null : Values.toBoolean(a.get(0)));

        // time (UTC)
        add("todate", 1, 1, args -> checkDateArgument("todate", args), (a, c) -> date(a.get(0), c));
        add("now", 0, 0, (a, c) -> c.now());
        add("totimestamp", 1, 1, args -> checkDateArgument("totimestamp", args), (a, c) -> onDate(a, c, t -> BigDecimal.valueOf(t.toEpochSecond())));
        add("yy", 0, 1, args -> checkDateArgument("yy", args), (a, c) -> onDate(a, c, t -> BigDecimal.valueOf(twoDigitYear(t.getYear()))));
        add("mm", 0, 1, args -> checkDateArgument("mm", args), (a, c) -> onDate(a, c, t -> BigDecimal.valueOf(t.getMonthValue())));
        add("monthofyear", 0, 1, args -> checkDateArgument("monthofyear", args), (a, c) -> onDate(a, c, t -> BigDecimal.valueOf(t.getMonthValue())));
        add("yymm", 0, 1, args -> checkDateArgument("yymm", args), (a, c) -> onDate(a, c, t -> String.format("%02d%02d", twoDigitYear(t.getYear()),
                t.getMonthValue())));
        add("dayofweek", 0, 1, args -> checkDateArgument("dayofweek", args), (a, c) -> onDate(a, c, t -> BigDecimal.valueOf(t.getDayOfWeek().getValue() % 7)));
        add("hourofday", 0, 1, args -> checkDateArgument("hourofday", args), (a, c) -> onDate(a, c, t -> BigDecimal.valueOf(t.getHour())));
        add("hourofweek", 0, 1, args -> checkDateArgument("hourofweek", args), (a, c) -> onDate(a, c,
                t -> BigDecimal.valueOf((t.getDayOfWeek().getValue() % 7) * 24L + t.getHour())));

        // e-mail and URLs
        add("email", 1, 1, (a, c) -> {
            String[] parts = UrlText.address(first(a.get(0)));
            return parts == null ? null : parts[1];
        });
        add("emailname", 1, 1, (a, c) -> {
            String[] parts = UrlText.address(first(a.get(0)));
            return parts == null ? null : parts[0];
        });
        add("emaildomain", 1, 1, (a, c) -> {
            String[] parts = UrlText.address(first(a.get(0)));
            return parts == null ? null : parts[1].substring(parts[1].indexOf('@') + 1);
        });
        add("domain", 1, 1, (a, c) -> UrlText.domain(first(a.get(0))));
        add("domains", 1, Integer.MAX_VALUE, (a, c) -> {
            List<Object> out = new ArrayList<>();
            for (Object v : a) {
                for (Object e : Values.elements(v)) {
                    String d = UrlText.domain(Values.toText(e));
                    if (d != null) {
                        out.add(d);
                    }
                }
            }
            return out.isEmpty() ? null : out;
        });
        add("host", 1, 1, (a, c) -> UrlText.host(first(a.get(0))));
        add("path", 1, 1, (a, c) -> UrlText.path(first(a.get(0))));
        add("urldecode", 1, 1, (a, c) -> UrlText.decode(first(a.get(0))));
        add("qs", 2, 2, (a, c) -> UrlText.queryParameter(first(a.get(0)), Values.toText(a.get(1))));
        add("qs2", 2, 2, (a, c) -> UrlText.queryParameter(first(a.get(0)), Values.toText(a.get(1))));

        // math and maps
        add("sqrt", 1, 1, (a, c) -> {
            BigDecimal n = Values.toNumber(a.get(0));
            return n == null || n.signum() < 0 ? null : n.sqrt(MathContext.DECIMAL64).stripTrailingZeros();
        });
        add("pow", 2, 2, (a, c) -> {
            BigDecimal base = Values.toNumber(a.get(0));
            BigDecimal exponent = Values.toNumber(a.get(1));
            if (base == null || exponent == null) {
                return null;
            }
            double result = Math.pow(base.doubleValue(), exponent.doubleValue());
            return Double.isFinite(result) ? BigDecimal.valueOf(result).stripTrailingZeros() : null;
        });
        add("mapkeys", 1, 1, (a, c) -> a.get(0) instanceof Map<?, ?> m && !m.isEmpty() ? new ArrayList<Object>(m.keySet()) : null);
        add("mapvalues", 1, 1, (a, c) -> {
            if (!(a.get(0) instanceof Map<?, ?> m)) {
                return null;
            }
            Set<Object> texts = new LinkedHashSet<>();
            for (Object v : m.values()) {
                String text = v == null ? null : Values.toText(v);
                if (text != null) {
                    texts.add(text);
                }
            }
            return texts.isEmpty() ? null : new ArrayList<>(texts);
        });

        // Lytics
        add("geodistance", 3, 3, LyticsFunctions::checkGeodistance, LyticsFunctions::geodistance);
        add("timewindow", 3, 3, LyticsFunctions::checkTimewindow, LyticsFunctions::timewindow);
    }

    private Builtins() {
    }

    /**
     * The function named {@code name} (any case).
     *
     * @return the function, or null when the sandbox has none of that name
     */
    static Builtin named(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code name} is a qlbridge builtin that the sandbox deliberately does not evaluate. */
    static boolean isKnownButUnsupported(String name) {
        return NOT_SUPPORTED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The names of all functions the sandbox evaluates, sorted, for error messages. */
    static String names() {
        return String.join(", ", new TreeSet<>(BY_NAME.keySet()));
    }

    // ------------------------------------------------------------------ registration

    private static void add(String name, int min, int max, Builtin.Body body) {
        add(name, min, max, Builtin.ANY, body);
    }

    private static void add(String name, int min, int max, Builtin.Check check, Builtin.Body body) {
        BY_NAME.put(name, new Builtin(name, min, max, check, body));
    }

    private static void text(String name, Function<String, String> f) {
        add(name, 1, 1, (a, c) -> {
            String s = Values.toText(a.get(0));
            return s == null ? null : f.apply(s);
        });
    }

    // ------------------------------------------------------------------ helpers

    private static String titleCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            out.append(start ? Character.toUpperCase(ch) : ch);
            start = !Character.isLetterOrDigit(ch) && ch != '_' && ch != '\'';
        }
        return out.toString();
    }

    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && " \n\t\r".indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && " \n\t\r".indexOf(s.charAt(to - 1)) >= 0) {
            to--;
        }
        return s.substring(from, to);
    }

    private interface Affix {
        boolean test(String text, String affix);
    }

    private static Object affix(List<Object> a, Affix test) {
        String affix = Values.toText(a.get(1));
        if (affix == null || affix.isEmpty()) {
            return null;
        }
        String text = Values.toText(a.get(0));
        return text != null && test.test(text, affix);
    }

    private static Object length(Object v) {
        if (v instanceof String s) {
            return BigDecimal.valueOf(s.codePointCount(0, s.length()));
        }
        if (Values.isMultiValued(v)) {
            return BigDecimal.valueOf(Values.elements(v).size());
        }
        if (v instanceof Map<?, ?> m) {
            return BigDecimal.valueOf(m.size());
        }
        return v == null ? null : BigDecimal.ZERO; // qlbridge list_map.go lenEval: 0 for numbers, booleans, dates
    }

    private static boolean equal(Object a, Object b, EvalContext ctx) {
        Literal literal = Literal.ofValue(b);
        return literal != null && LooseComparison.equalsAny(a, List.of(literal), ctx);
    }

    private static Object order(List<Object> a, EvalContext ctx, Predicate<Integer> wanted) {
        Literal literal = a.get(1) == null ? null : Literal.ofValue(a.get(1));
        if (a.get(0) == null || literal == null) {
            return null;
        }
        Integer sign = LooseComparison.compare(a.get(0), literal, ctx);
        return sign != null && wanted.test(sign);
    }

    /** A number read loosely, as qlbridge's toint/tonumber do: currency signs and thousands commas are dropped. */
    private static BigDecimal looseNumber(Object v) {
        BigDecimal n = Values.toNumber(v);
        if (n != null || !(v instanceof String s)) {
            return n;
        }
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if ((ch >= '0' && ch <= '9') || ch == '.' || ch == '-') {
                kept.append(ch);
            } else if (ch != ',' && ch != ' ' && ch != '$' && ch != '€' && ch != '£') {
                return null;
            }
        }
        return Values.parseNumber(kept.toString());
    }

    /** Refuses a literal date argument the sandbox cannot read, instead of letting the call never match. */
    private static String checkDateArgument(String function, List<Operand> args) {
        if (!args.isEmpty() && args.get(0) instanceof Literal literal && literal.kind() == Literal.Kind.STRING
                && date(literal.text(), null) == null && !literal.isDateMath()) {
            return function + " cannot read \"" + literal.text() + "\" as a date (the sandbox reads ISO-8601, "
                    + "MM/dd/yyyy, epoch milliseconds and \"now-...\" date math)";
        }
        return null;
    }

    /** An instant from a date, date text, epoch milliseconds or (with a context) date math; null otherwise. */
    private static Instant date(Object v, EvalContext ctx) {
        if (v instanceof String s && ctx != null) {
            try {
                DateMath math = DateMath.parse(s.trim());
                if (math != null) {
                    return math.resolve(ctx.now());
                }
            } catch (DateMath.Invalid e) {
                return null;
            }
        }
        return v == null ? null : Values.toInstant(v);
    }

    private static Object onDate(List<Object> a, EvalContext ctx, Function<ZonedDateTime, Object> f) {
        Instant t = a.isEmpty() ? ctx.now() : date(a.get(0), ctx);
        return t == null ? null : f.apply(t.atZone(ZoneOffset.UTC));
    }

    private static int twoDigitYear(int year) {
        return year >= 2000 ? year - 2000 : year >= 1900 ? year - 1900 : year;
    }

    /** The text of a value, or of the first element of a list. */
    private static String first(Object v) {
        if (Values.isMultiValued(v)) {
            List<Object> elements = Values.elements(v);
            return elements.isEmpty() ? null : Values.toText(elements.get(0));
        }
        return v == null ? null : Values.toText(v);
    }
}
