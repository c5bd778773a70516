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
 * The grammar and semantics follow qlbridge ({@code araddon/qlbridge}: {@code FilterQL.md},
 * {@code rel/parse_filterql.go}, {@code vm/vm.go}), the open-source parser FilterQL comes from; what
 * the sandbox does not support is refused with a message naming it, never accepted and ignored.
 * <pre>
 * statement  := FILTER phrase clause* [;]         -- FILTER is required (Lytics: "Unrecognized Filter Statement")
 * clause     := FROM name                          -- default table: user
 *             | WITH prop = literal (, prop = literal)*   -- only "name" is kept; other props are checked, then ignored
 *             | ALIAS name                         -- each clause at most once, in this order (as qlbridge)
 * phrase     := AND ( phrases ) | OR ( phrases ) | NOT phrase | ( phrase ) | * | match_all | expression
 * phrases    := phrase (sep phrase)* [,]           -- sep: a comma, a line break without comma, or the
 *                                                  -- group's own word: AND (a = 1 AND b = 2), OR (a = 1 OR b = 2)
 * expression := subject op literal                 -- op: =  ==  !=  &gt;  &gt;=  &lt;  &lt;=   (== is read as =)
 *             | literal op subject                 -- "now-1d" &gt; last_event is last_event &lt; "now-1d"
 *             | subject [NOT] IN list              -- list: ( literal, ... [,] )  or  a field holding a list or map
 *             | literal [NOT] IN list              -- e.g.  "abc" IN some_field
 *             | subject [NOT] INTERSECTS list
 *             | subject [NOT] CONTAINS literal
 *             | subject [NOT] LIKE "pattern"       -- * is the only wildcard
 *             | subject [NOT] BETWEEN literal AND literal
 *             | EXISTS field                       -- NOT EXISTS field is NOT applied to EXISTS
 *             | INCLUDE name                       -- NOT INCLUDE name likewise
 *             | subject                            -- a field or call read as a boolean: FILTER NOT foo
 *             | true | false
 * subject    := field | call
 * call       := function ( [arg (, arg)*] )        -- arg: field, literal or call (16 deep at most); see Builtins
 * field      := segment (. segment)* | 'text'      -- first segment [A-Za-z_][A-Za-z0-9_]*, later ones [A-Za-z0-9_]+,
 *                                                  -- any segment may be `backticked` (\` and \\ escape inside);
 *                                                  -- at most 32 segments; 'text' is one segment (EXISTS '_uids')
 * name       := a one-segment field, a "string" or a 'text'
 *                                                  -- also a word starting with digits that holds a letter,
 *                                                  -- such as a 32-hex segment id: INCLUDE 3f2a9c0e...
 * literal    := "string" | 'string' | number | true | false | NULL
 *                                                  -- number: -?digits[.digits][e[+-]digits]
 * </pre>
 * Keywords and function names are case-insensitive; a field whose name is a keyword (for example
 * {@code `from`}) must be backticked. Comments run from {@code --} to the end of the line. Strings
 * take the escapes {@code \" \\ \/ \' \n \t \r \b \f \\uXXXX}, and the quote doubled stands for
 * itself ({@code "Toys R"" Us"}, {@code 'it''s'}). Nesting of {@code AND}, {@code OR},
 * {@code NOT} and parentheses is limited to {@link io.lytx.sandbox.filterql.FilterQl#MAX_NESTING_DEPTH}
 * levels and the text to {@link io.lytx.sandbox.filterql.FilterQl#MAX_TEXT_LENGTH} characters.
 *
 * <p>Refused with a message naming the construct: a statement without {@code FILTER},
 * {@code SELECT ... FILTER}, {@code LIMIT}, several statements, infix {@code a AND b} outside a
 * group of the same word (FilterQL is prefix: {@code AND (a, b)}), comparing two fields or two
 * literals, date-math rounding ({@code "now-1d/d"}), a date literal in a form the sandbox does not
 * read ({@code "18/12/2015"}, {@code "2015/12/18"}), unknown functions and the qlbridge builtins the
 * sandbox does not evaluate (listed in {@code Builtins}).
 *
 * <h2>String literals with a second meaning</h2>
 * A string starting with {@code now} followed by the end, {@code +}, {@code -} or {@code /} is date
 * math: {@code "now"}, {@code "now-7d"}, {@code "now+2d"}, {@code "now-1y+2M"}, units
 * {@code y M w d h m s} (M month, m minute), at most 9 digits per amount; a malformed one (bad unit,
 * missing number) is a syntax error. It is resolved against {@link io.lytx.sandbox.filterql.EvalContext#now()}
 * at every evaluation, so membership moves with time. {@code "2016-04-02T12:00:00Z"},
 * {@code "2015-04-01 00:00:00Z"}, offsets, zone-less date-times (UTC), plain dates and US dates
 * ({@code "12/18/2015"}, {@code "12/18/2015 10:30"}, UTC; qlbridge's own tests write them) are
 * timestamps; an integer literal also stands for epoch milliseconds when compared with a date.
 *
 * <h2>Evaluation</h2>
 * A phrase is {@link io.lytx.sandbox.filterql.Truth#TRUE}, {@code FALSE} or {@code UNKNOWN} (qlbridge's
 * "not ok"); a profile is a member when the phrase is {@code TRUE}.
 * <ul>
 *   <li>Fields are read from the profile map; {@code a.b} reads key {@code b} of map {@code a} (a
 *       flat key {@code "a.b"} is found too).</li>
 *   <li>Values are read tolerantly: numbers stored as text ({@code "17"}), booleans as
 *       {@code t/f/true/false} (also 1/0), dates as {@code Instant}, ISO text, US {@code MM/dd/yyyy}
 *       text or epoch milliseconds (number or text).</li>
 *   <li>Missing fields, as qlbridge evaluates them: {@code x != v} is true and every other comparison
 *       false; {@code IN}, {@code INTERSECTS}, {@code CONTAINS}, {@code LIKE} are false, so
 *       {@code x NOT IN (...)}, {@code NOT INTERSECTS}, {@code NOT CONTAINS}, {@code NOT LIKE} are true;
 *       {@code BETWEEN} (negated or not) and a field used as a phrase are unknown. {@code EXISTS}
 *       treats empty strings, lists and maps as missing. {@code x = NULL} holds for an empty text,
 *       {@code x != NULL} for anything else (a missing {@code x} too).</li>
 *   <li>{@code NOT} keeps unknown; {@code AND} answers with its first child that is not true (false or
 *       unknown); {@code OR} is true when a child is true and false otherwise.</li>
 *   <li>Ordering compares instants when either side is a date, else numbers when both read as
 *       numbers, else two strings lexicographically (case-sensitive); otherwise it is false.</li>
 *   <li>On a list field, {@code =} is membership, {@code !=} is non-membership, orderings,
 *       {@code CONTAINS}, {@code LIKE} and {@code BETWEEN} hold when some element satisfies them,
 *       and {@code IN} / {@code INTERSECTS} mean any overlap. On a map field, {@code IN} and
 *       {@code INTERSECTS} test its keys ({@code hits IN ("foo")}, {@code "foo" IN hits}); other
 *       operators are unknown.</li>
 *   <li>{@code =} on text is case-sensitive; {@code CONTAINS} is a case-sensitive substring test;
 *       {@code LIKE} matches the whole text, case-insensitively. {@code BETWEEN} excludes both ends,
 *       as qlbridge's {@code walkTernary} does.</li>
 *   <li>Functions: see {@code Builtins}. {@code geodistance} accepts {@code "lat,lon"} text,
 *       {@code [lat, lon]} or a lat/lon map. {@code timewindow(field, count, days)}: Lytics does not
 *       publish its time-bucket format, so (our inference) the field is a list of event timestamps or
 *       a map from timestamp to count, and at least {@code count} events must fall in the last
 *       {@code days} days.</li>
 * </ul>
 */
package io.lytx.sandbox.filterql;
