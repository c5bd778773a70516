package io.lytx.sandbox.filterql;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Parses one FilterQL text. Phrases ({@code AND}, {@code OR}, {@code NOT}, parentheses) are parsed
 * with an explicit stack, so hostile nesting fails with a {@link FilterQlSyntaxException} after
 * {@link FilterQl#MAX_NESTING_DEPTH} levels instead of overflowing the thread stack; the rest of
 * the grammar has no recursion. Linear in the length of the text. One instance per parse; not
 * thread-safe.
 */
final class Parser {

    /** Numbers whose scale is beyond this are refused (their plain text would be huge). */
    private static final int MAX_NUMBER_SCALE = 400;

    private final String text;
    private final Lexer lexer;
    private final Deque<Token> lookahead = new ArrayDeque<>(2);

    Parser(String text) {
        this.text = text;
        this.lexer = new Lexer(text);
    }

    /** Parses the whole text as a statement: {@code FILTER phrase [FROM t] [WITH ...] [ALIAS s] [;]}. */
    ParsedSegment statement() {
        Token first = peek();
        if (first.type() == TokenType.EOF) {
            throw error(first, "empty filter: expected FILTER and a phrase (a comparison, EXISTS, INCLUDE, AND, OR, NOT or *)");
        }
        if (first.isKeyword("SELECT")) {
            throw error(first, "SELECT ... FILTER statements are not supported by the sandbox; a segment is FILTER <phrase>");
        }
        if (!first.isKeyword("FILTER")) {
            throw error(first, "expected FILTER at the start of the statement but found " + first.describe(text)
                    + " (Lytics refuses a segment without it: \"Unrecognized Filter Statement\")");
        }
        advance();
        Expr filter = phrase();
        String table = null;
        String alias = null;
        String name = null;
        boolean sawWith = false;
        while (peek().type() != TokenType.EOF && peek().type() != TokenType.SEMICOLON) {
            Token clause = peek();
            if (clause.isKeyword("LIMIT")) {
                throw error(clause, "LIMIT is not supported by the sandbox (a segment has no limit)");
            }
            if (clause.isKeyword("FROM")) {
                duplicate(clause, table != null);
                outOfOrder(clause, sawWith || alias != null);
                advance();
                table = name("a table name after FROM");
            } else if (clause.isKeyword("WITH")) {
                duplicate(clause, sawWith);
                outOfOrder(clause, alias != null);
                advance();
                sawWith = true;
                name = withProperties();
            } else if (clause.isKeyword("ALIAS")) {
                duplicate(clause, alias != null);
                advance();
                alias = name("a segment slug after ALIAS");
            } else {
                throw expected(clause, "FROM, WITH, ALIAS or end of input after the filter");
            }
        }
        if (peek().type() == TokenType.SEMICOLON) {
            advance();
            if (peek().type() != TokenType.EOF) {
                throw error(peek(), "expected end of input after ';' (the sandbox takes one statement at a time)");
            }
        }
        return new ParsedSegment(filter, table == null ? ParsedSegment.DEFAULT_TABLE : table, alias, name);
    }

    // ---------------------------------------------------------------- phrases (iterative)

    private enum FrameKind { AND, OR, NOT, PAREN }

    /** An opened {@code AND (}, {@code OR (}, {@code NOT} or {@code (} waiting for its operands. */
    private static final class Frame {
        final FrameKind kind;
        final List<Expr> children = new ArrayList<>();

        Frame(FrameKind kind) {
            this.kind = kind;
        }

        Expr group() {
            return kind == FrameKind.AND ? new AndExpr(children) : new OrExpr(children);
        }
    }

    /**
     * A phrase, without recursion: open every prefix up to the next leaf, then fold the leaf into
     * the open frames; repeat while a group waits for another child.
     */
    private Expr phrase() {
        Deque<Frame> open = new ArrayDeque<>();
        while (true) {
            openPrefixes(open);
            Expr done = fold(open, expression());
            if (done != null) {
                return done;
            }
        }
    }

    /** Pushes a frame for each {@code AND (}, {@code OR (}, {@code NOT} and {@code (} before the next leaf. */
    private void openPrefixes(Deque<Frame> open) {
        while (true) {
            Token t = peek();
            if ((t.isKeyword("AND") || t.isKeyword("OR")) && peek2().type() == TokenType.LPAREN) {
                FrameKind kind = t.isKeyword("AND") ? FrameKind.AND : FrameKind.OR;
                push(open, t, kind);
                advance();
                advance();
                if (peek().type() == TokenType.RPAREN) {
                    throw expected(peek(), "a phrase inside " + kind + " ( ... )");
                }
            } else if (t.isKeyword("NOT")) {
                push(open, t, FrameKind.NOT);
                advance();
            } else if (t.type() == TokenType.LPAREN) {
                push(open, t, FrameKind.PAREN);
                advance();
            } else {
                return;
            }
        }
    }

    /**
     * Folds a finished {@code node} into the open frames, closing each that it completes.
     *
     * @return the whole phrase once every frame is closed, or null when a group expects another child
     */
    private Expr fold(Deque<Frame> open, Expr node) {
        Expr result = node;
        while (!open.isEmpty()) {
            Frame top = open.peek();
            switch (top.kind) {
                case NOT -> result = new NotExpr(result);
                case PAREN -> expect(TokenType.RPAREN, "')'");
                default -> {
                    top.children.add(result);
                    if (!groupCloses(top.kind)) {
                        return null;
                    }
                    result = top.group();
                }
            }
            open.pop();
        }
        return result;
    }

    /**
     * After a child of {@code AND}/{@code OR}: consumes the separator and tells whether the group
     * closes here ({@code )}, possibly after a trailing comma) or another child follows (after a
     * comma, on a new line, or after the group's own keyword used infix, as in
     * {@code AND (a > 1 AND b > 2)}).
     */
    private boolean groupCloses(FrameKind group) {
        Token next = peek();
        if (next.isKeyword(group.name()) && peek2().type() != TokenType.LPAREN) {
            advance();
            return false;
        }
        if (next.type() == TokenType.COMMA) {
            advance();
            next = peek();
            if (next.type() != TokenType.RPAREN) {
                return false;
            }
        }
        if (next.type() == TokenType.RPAREN) {
            advance();
            return true;
        }
        if (next.newlineBefore() && startsPhrase(next)) {
            return false;
        }
        throw expected(next, "',' or ')'");
    }

    private void push(Deque<Frame> open, Token at, FrameKind kind) {
        if (open.size() >= FilterQl.MAX_NESTING_DEPTH) {
            throw error(at, "filter nested deeper than " + FilterQl.MAX_NESTING_DEPTH
                    + " levels (AND, OR, NOT and parentheses each count one)");
        }
        open.push(new Frame(kind));
    }

    private static boolean startsPhrase(Token t) {
        return t.type() == TokenType.IDENT || t.type() == TokenType.STRING || t.type() == TokenType.QUOTED
                || t.type() == TokenType.NUMBER || t.type() == TokenType.STAR || t.type() == TokenType.LPAREN;
    }

    // ---------------------------------------------------------------- expressions (leaves)

    private Expr expression() {
        Token t = peek();
        switch (t.type()) {
            case STAR:
                advance();
                return new MatchAllExpr();
            case STRING:
            case NUMBER:
                return predicate(literal("a literal"), t);
            case QUOTED:
                advance();
                return subjectPhrase(new Identifier(List.of(t.value())), t);
            case IDENT:
                break;
            default:
                throw expected(t, "a phrase (a comparison, EXISTS, INCLUDE, AND, OR, NOT or *)");
        }
        if (isCall(t)) {
            return subjectPhrase(functionCall(0), t);
        }
        if (t.isKeyword("EXISTS")) {
            advance();
            return new ExistsExpr(field("a field name after EXISTS"));
        }
        if (t.isKeyword("INCLUDE")) {
            advance();
            return new IncludeExpr(name("a segment slug after INCLUDE"));
        }
        if (t.isKeyword("AND") || t.isKeyword("OR")) {
            advance();
            throw expected(peek(), "'(' after " + t.value().toUpperCase(Locale.ROOT));
        }
        if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
            Literal bool = literal("a literal");
            return startsPredicate(peek(), peek2()) ? predicate(bool, t) : new ValuePhrase(bool);
        }
        if (t.isBareWord() && (Keywords.isPredicate(t.value()) || t.isKeyword("FROM") || t.isKeyword("WITH")
                || t.isKeyword("ALIAS") || t.isKeyword("FILTER") || t.isKeyword("NULL"))) {
            throw error(t, "expected a phrase but found the keyword " + t.describe(text)
                    + " (write a field of that name in backticks: `" + t.value() + "`)");
        }
        advance();
        if (t.isKeyword("match_all") && !startsPredicate(peek(), peek2())) {
            return new MatchAllExpr();
        }
        return subjectPhrase(new Identifier(t.segments()), t);
    }

    /** A field or call followed by its predicate, or standing alone as a boolean phrase ({@code NOT foo}). */
    private Expr subjectPhrase(Operand subject, Token subjectToken) {
        if (startsPredicate(peek(), peek2()) || continuesTheLine(peek())) {
            return predicate(subject, subjectToken);
        }
        return new ValuePhrase(subject);
    }

    /**
     * Whether {@code t} goes on the line of a subject as a (malformed) predicate would, such as
     * {@code IS} in {@code visits IS 5}: then the subject is not a phrase of its own and the error
     * names the operator expected.
     */
    private static boolean continuesTheLine(Token t) {
        if (t.newlineBefore()) {
            return false;
        }
        return switch (t.type()) {
            case NUMBER, STRING, QUOTED -> true;
            case IDENT -> !(t.isKeyword("FROM") || t.isKeyword("WITH") || t.isKeyword("ALIAS") || t.isKeyword("LIMIT")
                    || t.isKeyword("AND") || t.isKeyword("OR"));
            default -> false;
        };
    }

    /** Whether {@code t} (followed by {@code next}) begins an operator or keyword predicate. */
    private static boolean startsPredicate(Token t, Token next) {
        return t.type() == TokenType.OPERATOR
                || (t.isBareWord() && Keywords.isPredicate(t.value()))
                || (t.isKeyword("NOT") && next.isBareWord() && Keywords.isPredicate(next.value()));
    }

    /**
     * Whether {@code t} names a function: an unquoted word or dotted word before {@code (}. A keyword
     * ({@code exists}, {@code contains}) is a call only when the {@code (} follows it directly;
     * {@code AND}, {@code OR} and {@code NOT} never are.
     */
    private boolean isCall(Token t) {
        if (t.type() != TokenType.IDENT || t.quoted() || t.isKeyword("AND") || t.isKeyword("OR") || t.isKeyword("NOT")) {
            return false;
        }
        Token next = peek2();
        return next.type() == TokenType.LPAREN
                && (!(t.isBareWord() && Keywords.isReserved(t.value())) || next.start() == t.end());
    }

    /** {@code name(arg, ...)}, the current token being the name; arguments may be calls, {@code depth} deep so far. */
    private FunctionCall functionCall(int depth) {
        Token nameToken = advance();
        String fname = String.join(".", nameToken.segments());
        if (depth >= FunctionCall.MAX_NESTING) {
            throw error(nameToken, "function calls nested deeper than " + FunctionCall.MAX_NESTING + " levels");
        }
        Builtin function = Builtins.named(fname);
        if (function == null) {
            String why = Builtins.isKnownButUnsupported(fname)
                    ? "function " + nameToken.describe(text) + " (a qlbridge builtin) is not supported by the sandbox"
                    : "unknown function " + nameToken.describe(text);
            throw error(nameToken, why + " (supported: " + Builtins.names() + ")");
        }
        advance();
        List<Operand> args = new ArrayList<>();
        if (peek().type() != TokenType.RPAREN) {
            while (true) {
                Token arg = peek();
                if (isCall(arg)) {
                    args.add(functionCall(depth + 1));
                } else if (arg.type() == TokenType.IDENT && !arg.isKeyword("TRUE") && !arg.isKeyword("FALSE")
                        && !arg.isKeyword("NULL")) {
                    advance();
                    args.add(new Identifier(arg.segments()));
                } else if (arg.type() == TokenType.STRING || arg.type() == TokenType.QUOTED
                        || arg.type() == TokenType.NUMBER || arg.type() == TokenType.IDENT) {
                    args.add(literal("a literal"));
                } else {
                    throw expected(arg, "a field, a literal or a call as argument of " + function.name());
                }
                if (peek().type() == TokenType.COMMA) {
                    advance();
                } else {
                    break;
                }
            }
        }
        expect(TokenType.RPAREN, "',' or ')' in the arguments of " + function.name());
        String problem = function.problemWith(args);
        if (problem != null) {
            throw error(nameToken, problem);
        }
        return new FunctionCall(function, args);
    }

    /** Parses what follows a subject: an operator or a (possibly negated) keyword predicate. */
    private Expr predicate(Operand subject, Token subjectToken) {
        Token op = peek();
        boolean negated = false;
        if (op.isKeyword("NOT")) {
            advance();
            negated = true;
            op = peek();
            if (!op.isBareWord() || !Keywords.isPredicate(op.value())) {
                throw expected(op, "IN, INTERSECTS, CONTAINS, LIKE or BETWEEN after NOT");
            }
        }
        if (subject instanceof Literal && !op.isKeyword("IN") && op.type() != TokenType.OPERATOR) {
            throw expected(op, "IN or a comparison after the literal " + subjectToken.describe(text)
                    + " (only IN and comparisons may have a literal on their left)");
        }
        if (op.type() == TokenType.OPERATOR) {
            advance();
            ComparisonOperator operator = ComparisonOperator.fromSymbol(op.value());
            if (operator == null) {
                throw error(op, "unknown operator " + op.describe(text) + " (expected =, ==, !=, >, >=, <, <=)");
            }
            Token right = peek();
            boolean rightIsValue = right.type() == TokenType.IDENT && !right.isKeyword("TRUE")
                    && !right.isKeyword("FALSE") && !right.isKeyword("NULL");
            if (subject instanceof Literal literal) {
                if (!rightIsValue) {
                    throw expected(right, "a field or a call after " + subjectToken.describe(text) + " " + op.value()
                            + " (comparing two literals is not supported by the sandbox)");
                }
                Operand field = isCall(right) ? functionCall(0) : new Identifier(advance().segments());
                return new CompareExpr(field, operator.flipped(), literal);
            }
            if (rightIsValue) {
                throw error(right, "comparing " + subjectToken.describe(text) + " with another field or call "
                        + right.describe(text) + " is not supported by the sandbox (compare with a literal)");
            }
            return new CompareExpr(subject, operator, literal("a literal after " + op.value()));
        }
        if (op.isKeyword("IN")) {
            advance();
            return new InExpr(subject, valueList("IN"), negated);
        }
        if (op.isKeyword("INTERSECTS")) {
            advance();
            return new IntersectsExpr(subject, valueList("INTERSECTS"), negated);
        }
        if (op.isKeyword("CONTAINS")) {
            advance();
            return new ContainsExpr(subject, literal("a literal after CONTAINS"), negated);
        }
        if (op.isKeyword("LIKE")) {
            advance();
            Token pattern = peek();
            if (pattern.type() != TokenType.STRING && pattern.type() != TokenType.QUOTED) {
                throw expected(pattern, "a quoted pattern after LIKE");
            }
            advance();
            return new LikeExpr(subject, pattern.value(), negated);
        }
        if (op.isKeyword("BETWEEN")) {
            advance();
            Literal low = literal("a literal after BETWEEN");
            Token and = peek();
            if (!and.isKeyword("AND")) {
                throw expected(and, "AND between the two bounds of BETWEEN");
            }
            advance();
            return new BetweenExpr(subject, low, literal("a literal after BETWEEN ... AND"), negated);
        }
        throw expected(op, "an operator (=, !=, >, >=, <, <=, IN, INTERSECTS, CONTAINS, LIKE, BETWEEN) after "
                + subjectToken.describe(text));
    }

    /** {@code (lit, ...)} with an optional trailing comma, or a field holding the values. */
    private ValueList valueList(String after) {
        Token t = peek();
        if (t.type() == TokenType.IDENT && !t.isKeyword("TRUE") && !t.isKeyword("FALSE") && !t.isKeyword("NULL")) {
            advance();
            return new Identifier(t.segments());
        }
        if (t.type() != TokenType.LPAREN) {
            throw expected(t, "'(' or a field name after " + after);
        }
        advance();
        List<Literal> values = new ArrayList<>();
        while (true) {
            values.add(literal("a literal in the list of " + after));
            Token next = peek();
            if (next.type() == TokenType.COMMA) {
                advance();
                if (peek().type() == TokenType.RPAREN) {
                    advance();
                    break;
                }
            } else if (next.type() == TokenType.RPAREN) {
                advance();
                break;
            } else {
                throw expected(next, "',' or ')' in the list of " + after);
            }
        }
        return new LiteralList(values);
    }

    // ---------------------------------------------------------------- tokens of one kind

    private Literal literal(String what) {
        Token t = peek();
        switch (t.type()) {
            case STRING, QUOTED -> {
                advance();
                if (Timestamps.looksLikeUnreadableDate(t.value())) {
                    throw error(t, "the date " + t.describe(text) + " is in no form the sandbox reads "
                            + "(write ISO-8601 such as \"2015-12-18\" or \"2015-12-18T10:00:00Z\", or MM/dd/yyyy "
                            + "such as \"12/18/2015\")");
                }
                try {
                    return Literal.string(t.value());
                } catch (DateMath.Invalid e) {
                    int at = text.substring(t.start(), t.end()).indexOf('\\') < 0 ? t.start() + 1 + e.index() : t.start();
                    throw FilterQlSyntaxException.at(text, at, e.getMessage());
                }
            }
            case NUMBER -> {
                advance();
                BigDecimal n = new BigDecimal(t.value());
                if (Math.abs(n.scale()) > MAX_NUMBER_SCALE) {
                    throw error(t, "number " + t.describe(text) + " is out of range");
                }
                return Literal.number(t.value());
            }
            case IDENT -> {
                if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
                    advance();
                    return Literal.bool(t.isKeyword("TRUE"));
                }
                if (t.isKeyword("NULL")) {
                    advance();
                    return Literal.nullLiteral();
                }
                throw expected(t, what + " (a \"string\", a number, true, false or NULL)");
            }
            default -> throw expected(t, what + " (a \"string\", a number, true, false or NULL)");
        }
    }

    private Identifier field(String what) {
        Token t = peek();
        if (t.type() == TokenType.QUOTED && !t.value().isEmpty()) {
            advance();
            return new Identifier(List.of(t.value()));
        }
        if (t.type() != TokenType.IDENT) {
            throw expected(t, what);
        }
        advance();
        return new Identifier(t.segments());
    }

    /** A single name: a bare or backticked one-segment identifier, or a string. */
    private String name(String what) {
        Token t = peek();
        if ((t.type() == TokenType.STRING || t.type() == TokenType.QUOTED) && !t.value().isBlank()) {
            advance();
            return t.value();
        }
        if (t.type() != TokenType.IDENT || t.segments().size() != 1) {
            throw expected(t, what);
        }
        advance();
        return t.segments().get(0);
    }

    /** {@code key = literal (, key = literal)*}; returns the {@code name} property, other keys are checked and dropped. */
    private String withProperties() {
        String name = null;
        while (true) {
            Token key = peek();
            if (key.type() != TokenType.IDENT || key.segments().size() != 1) {
                throw expected(key, "a property name after WITH (e.g. name = \"...\")");
            }
            advance();
            Token eq = peek();
            if (eq.type() != TokenType.OPERATOR || ComparisonOperator.fromSymbol(eq.value()) != ComparisonOperator.EQ) {
                throw expected(eq, "'=' after the property " + key.describe(text));
            }
            advance();
            Literal value = literal("a literal value for the property " + key.describe(text));
            if (key.segments().get(0).equalsIgnoreCase("name")) {
                if (name != null) {
                    throw error(key, "WITH name given twice");
                }
                name = value.text();
            }
            if (peek().type() != TokenType.COMMA) {
                return name;
            }
            advance();
        }
    }

    // ---------------------------------------------------------------- token plumbing

    private Token peek() {
        if (lookahead.isEmpty()) {
            lookahead.addLast(lexer.next());
        }
        return lookahead.peekFirst();
    }

    private Token peek2() {
        peek();
        if (lookahead.size() < 2) {
            lookahead.addLast(lexer.next());
        }
        return lookahead.peekLast();
    }

    private Token advance() {
        Token t = peek();
        lookahead.removeFirst();
        return t;
    }

    private void expect(TokenType type, String what) {
        if (peek().type() != type) {
            throw expected(peek(), what);
        }
        advance();
    }

    /** Refuses a clause after one that qlbridge reads later ({@code rel/parse_filterql.go}: FROM, LIMIT, WITH, ALIAS). */
    private void outOfOrder(Token clause, boolean laterSeen) {
        if (laterSeen) {
            throw error(clause, clause.value().toUpperCase(Locale.ROOT)
                    + " comes too late: the clauses go in the order FROM, WITH, ALIAS");
        }
    }

    private void duplicate(Token clause, boolean seen) {
        if (seen) {
            throw error(clause, clause.value().toUpperCase(Locale.ROOT) + " given twice");
        }
    }

    private FilterQlSyntaxException expected(Token found, String what) {
        return error(found, "expected " + what + " but found " + found.describe(text));
    }

    private FilterQlSyntaxException error(Token at, String reason) {
        return FilterQlSyntaxException.at(text, at.start(), reason);
    }
}
