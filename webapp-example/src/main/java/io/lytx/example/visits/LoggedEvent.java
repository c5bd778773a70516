package io.lytx.example.visits;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One event this example saw the plugin send for a visitor. Immutable.
 *
 * @param at     when, never null
 * @param type   {@code pv} (page view) or {@code login} (the stitch of a known user), never null
 * @param detail the page path or the identity, never null
 */
public record LoggedEvent(Instant at, String type, String detail) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * @throws NullPointerException if a component is null (the message names it)
     */
    public LoggedEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
    }

    /** For JSP EL. */
    public Instant getAt() {
        return at;
    }

    /** The time of day, UTC, to the second ({@code 22:14:03}). */
    public String getTime() {
        return TIME.format(at);
    }

    /** For JSP EL. */
    public String getType() {
        return type;
    }

    /** For JSP EL. */
    public String getDetail() {
        return detail;
    }
}
