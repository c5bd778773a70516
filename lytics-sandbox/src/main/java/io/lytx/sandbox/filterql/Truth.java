package io.lytx.sandbox.filterql;

/**
 * The result of evaluating a phrase, as qlbridge's evaluator has it: besides true and false a phrase
 * can be {@link #UNKNOWN} when it cannot be evaluated (for example {@code x BETWEEN 1 AND 5} on a
 * missing {@code x}). {@code NOT} keeps {@code UNKNOWN}, {@code AND} is {@code UNKNOWN} when it
 * reaches an unknown child before a false one, {@code OR} skips unknown children, and a statement
 * whose phrase is {@code UNKNOWN} does not match.
 */
public enum Truth {
    /** The phrase holds. */
    TRUE,
    /** The phrase does not hold. */
    FALSE,
    /** The phrase cannot be evaluated for this profile. */
    UNKNOWN;

    /**
     * The truth of a Java boolean.
     *
     * @param value the boolean
     * @return {@link #TRUE} or {@link #FALSE}
     */
    public static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /**
     * Logical negation; {@link #UNKNOWN} stays unknown.
     *
     * @return the negated truth
     */
    public Truth not() {
        return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
    }

    /**
     * Applies a negated operator ({@code NOT IN}, {@code NOT LIKE}, ...) when {@code negated}.
     *
     * @param negated whether to negate
     * @return this, or its negation
     */
    Truth negatedIf(boolean negated) {
        return negated ? not() : this;
    }
}
