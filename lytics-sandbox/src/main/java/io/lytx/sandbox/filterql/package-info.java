/**
 * FilterQL (a.k.a. SegmentQL), the segment language of Lytics: a parser and an evaluator over
 * in-memory profiles, used by the sandbox to validate, size and scan segments.
 *
 * <p>Use {@link io.lytx.sandbox.filterql.FilterQl#parse(String)} to get a
 * {@link io.lytx.sandbox.filterql.ParsedSegment}; its {@link io.lytx.sandbox.filterql.Expr} tests
 * profiles against an {@link io.lytx.sandbox.filterql.EvalContext} (clock and segment membership).
 * Everything here is immutable and thread-safe; errors are
 * {@link io.lytx.sandbox.filterql.FilterQlSyntaxException}s carrying line, column and offset.
 *
 * <h2>Grammar</h2>
 * <pre>
 * statement  := [FILTER] phrase clause*            -- FILTER is optional (JSON segment_ql may omit it)
 * clause     := FROM name                          -- default table: user
 *             | WITH prop = literal (, prop = literal)*   -- only "name" is kept; other props are checked, then ignored
 *             | ALIAS name                         -- each clause at most once, in any order
 * phrase     := AND ( phrases ) | OR ( phrases ) | NOT phrase | ( phrase ) | * | match_all | expression
 * phrases    := phrase (sep phrase)* [,]           -- sep: a comma, a line break without comma, or the
 *                                                  -- group's own word: AND (a = 1 AND b = 2), OR (a = 1 OR b = 2)
 * expression := subject op literal                 -- op: =  ==  !=  &gt;  &gt;=  &lt;  &lt;=   (== is read as =)
 *             | subject [NOT] IN list              -- list: ( literal, ... [,] )  or  a field holding a list
 *             | literal [NOT] IN list              -- e.g.  "abc" IN some_field
 *             | subject [NOT] INTERSECTS list
 *             | subject [NOT] CONTAINS literal
 *             | subject [NOT] LIKE "pattern"       -- * is the only wildcard
 *             | subject [NOT] BETWEEN literal AND literal
 *             | EXISTS field                       -- NOT EXISTS field is NOT applied to EXISTS
 *             | INCLUDE name                       -- NOT INCLUDE name likewise
 *             | geodistance(field, "lat,lon", km) | timewindow(field, count, days)
 * subject    := field | domain(field)
 * field      := segment (. segment)*               -- first segment [A-Za-z_][A-Za-z0-9_]*, later ones [A-Za-z0-9_]+,
 *                                                  -- any segment may be `backticked` (\` and \\ escape inside);
 *                                                  -- at most 32 segments
 * name       := a one-segment field, or a "string" -- also a word starting with digits that holds a letter,
 *                                                  -- such as a 32-hex segment id: INCLUDE 3f2a9c0e...
 * literal    := "string" | number | true | false   -- number: -?digits[.digits][e[+-]digits]
 * </pre>
 * Keywords and function names are case-insensitive; a field whose name is a keyword (for example
 * {@code `from`}) must be backticked. Comments run from {@code --} to the end of the line. Strings
 * take the escapes {@code \" \\ \/ \n \t \r \b \f \\uXXXX}. Nesting of {@code AND}, {@code OR},
 * {@code NOT} and parentheses is limited to {@link io.lytx.sandbox.filterql.FilterQl#MAX_NESTING_DEPTH}
 * levels and the text to {@link io.lytx.sandbox.filterql.FilterQl#MAX_TEXT_LENGTH} characters.
 *
 * <p>Not supported: infix {@code a AND b} outside a group of the same word (FilterQL is prefix:
 * {@code AND (a, b)}), mixing {@code AND} and {@code OR} infix in one group, {@code SELECT},
 * date-math rounding ({@code "now-1d/d"}), single-quoted strings, functions other than the three
 * above, nested function calls.
 *
 * <h2>String literals with a second meaning</h2>
 * A string starting with {@code now} followed by the end, {@code +}, {@code -} or {@code /} is date
 * math: {@code "now"}, {@code "now-7d"}, {@code "now+2d"}, {@code "now-1y+2M"}, units
 * {@code y M w d h m s} (M month, m minute), at most 9 digits per amount; a malformed one (bad unit,
 * missing number) is a syntax error. It is resolved against {@link io.lytx.sandbox.filterql.EvalContext#now()}
 * at every evaluation, so membership moves with time. {@code "2016-04-02T12:00:00Z"},
 * {@code "2015-04-01 00:00:00Z"}, offsets, zone-less date-times (UTC) and plain dates are
 * timestamps; an integer literal also stands for epoch milliseconds when compared with a date.
 *
 * <h2>Evaluation</h2>
 * <ul>
 *   <li>Fields are read from the profile map; {@code a.b} reads key {@code b} of map {@code a} (a
 *       flat key {@code "a.b"} is found too).</li>
 *   <li>Values are read tolerantly: numbers stored as text ({@code "17"}), booleans as
 *       {@code t/f/true/false} (also 1/0), dates as {@code Instant}, ISO text or epoch milliseconds
 *       (number or text).</li>
 *   <li>A missing field matches no comparison and no negated operator ({@code x NOT IN (...)},
 *       {@code NOT CONTAINS}, {@code NOT LIKE}, {@code NOT INTERSECTS}, {@code NOT BETWEEN} are
 *       false on a missing {@code x}); a prefix {@code NOT} is plain logical negation, so
 *       {@code NOT x IN (...)} and {@code NOT EXISTS x} are true on a missing {@code x}.
 *       {@code EXISTS} treats empty strings, lists and maps as missing.</li>
 *   <li>Ordering compares instants when either side is a date, else numbers when both read as
 *       numbers, else two strings lexicographically (case-sensitive); otherwise it is false.</li>
 *   <li>On a list field, {@code =} is membership, {@code !=} is non-membership, orderings,
 *       {@code CONTAINS}, {@code LIKE} and {@code BETWEEN} hold when some element satisfies them,
 *       and {@code IN} / {@code INTERSECTS} mean any overlap.</li>
 *   <li>{@code =} on text is case-sensitive; {@code CONTAINS} is a case-sensitive substring test;
 *       {@code LIKE} matches the whole text, case-insensitively. {@code BETWEEN} includes both ends.</li>
 *   <li>{@code domain(x)} is the lower-cased e-mail domain or URL host of {@code x}.
 *       {@code geodistance} accepts {@code "lat,lon"} text, {@code [lat, lon]} or a lat/lon map.
 *       {@code timewindow(field, count, days)}: Lytics does not publish its time-bucket format, so
 *       (our inference) the field is a list of event timestamps or a map from timestamp to count,
 *       and at least {@code count} events must fall in the last {@code days} days.</li>
 * </ul>
 */
package io.lytx.sandbox.filterql;
