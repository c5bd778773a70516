package io.lytx.example.visits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The recent events of each visitor, kept by the example for the "what Lytics knows about you" page:
 * bounded in visitors (Caffeine, idle entries expire after an hour) and in events per visitor (oldest
 * dropped). Thread-safe; never blocks beyond a short lock on one visitor's list.
 */
public final class VisitLog {

    /** Servlet-context attribute holding the instance. */
    public static final String ATTRIBUTE = VisitLog.class.getName();

    private final Cache<String, Deque<LoggedEvent>> byVisitor;
    private final int perVisitor;

    /**
     * @param maxVisitors visitors kept, at least 1
     * @param perVisitor  events kept per visitor, at least 1
     * @throws IllegalArgumentException if a bound is below 1
     */
    public VisitLog(long maxVisitors, int perVisitor) {
        if (maxVisitors < 1 || perVisitor < 1) {
            throw new IllegalArgumentException("maxVisitors and perVisitor must be at least 1, were "
                    + maxVisitors + " and " + perVisitor);
        }
        this.byVisitor = Caffeine.newBuilder().maximumSize(maxVisitors).expireAfterAccess(Duration.ofHours(1))
                .executor(Runnable::run).build(); // upkeep inline: no hand-off to a pool per page
        this.perVisitor = perVisitor;
    }

    /**
     * Appends an event to a visitor's log.
     *
     * @param visitorId the visitor id, never null
     * @param event     the event, never null
     * @throws NullPointerException if an argument is null
     */
    public void add(String visitorId, LoggedEvent event) {
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(event, "event");
        Deque<LoggedEvent> events = byVisitor.get(visitorId, k -> new ArrayDeque<>());
        synchronized (events) {
            events.addLast(event);
            while (events.size() > perVisitor) {
                events.removeFirst();
            }
        }
    }

    /**
     * Whether the visitor's log holds an event of that type and detail.
     *
     * @param visitorId the visitor id, never null
     * @param type      the event type, never null
     * @param detail    the detail, never null
     * @return true when such an event is logged
     */
    public boolean contains(String visitorId, String type, String detail) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        return events(visitorId).stream().anyMatch(e -> e.type().equals(type) && e.detail().equals(detail));
    }

    /**
     * A visitor's events, newest first.
     *
     * @param visitorId the visitor id, never null
     * @return a snapshot, possibly empty, never null
     */
    public List<LoggedEvent> events(String visitorId) {
        Objects.requireNonNull(visitorId, "visitorId");
        Deque<LoggedEvent> events = byVisitor.getIfPresent(visitorId);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            List<LoggedEvent> out = new ArrayList<>(events.size());
            events.descendingIterator().forEachRemaining(out::add);
            return List.copyOf(out);
        }
    }
}
