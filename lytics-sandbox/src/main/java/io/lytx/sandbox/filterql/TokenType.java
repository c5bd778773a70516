package io.lytx.sandbox.filterql;

/** The kinds of FilterQL tokens. */
enum TokenType {
    /** A field path or bare word (keywords are bare single-segment words). */
    IDENT,
    /** A double-quoted string. */
    STRING,
    /**
     * A single-quoted text ({@code 'abc'}): a string where a literal is expected, a field or a name
     * where one is expected (Lytics writes {@code EXISTS '_uids'}, {@code INCLUDE '<segment id>'}).
     */
    QUOTED,
    /** An integer or decimal number, optionally negative, optionally with an exponent. */
    NUMBER,
    /** A run of {@code = ! < >} characters; validity is checked by the parser. */
    OPERATOR,
    LPAREN,
    RPAREN,
    COMMA,
    STAR,
    /** {@code ;}, ending a statement. */
    SEMICOLON,
    EOF
}
