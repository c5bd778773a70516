package io.lytx.sandbox.collect;

import io.lytx.sandbox.profile.CollectedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Events of one request, with their times resolved, and the number rejected for an unreadable
 * time.
 *
 * @param events   the accepted events, in order
 * @param rejected how many events were rejected
 */
record EventBatch(List<CollectedEvent> events, int rejected) {

    /**
     * Resolves the time of each event with {@link EventIngest#eventTime}.
     *
     * @param ingest         the ingest (for the clock and rules)
     * @param stream         the stream
     * @param maps           the events' fields
     * @param timestampField the time field, or null
     * @return the batch
     */
    static EventBatch of(EventIngest ingest, String stream, List<Map<String, Object>> maps, String timestampField) {
        List<CollectedEvent> events = new ArrayList<>(maps.size());
        int rejected = 0;
        for (Map<String, Object> m : maps) {
            OptionalLong ts = ingest.eventTime(m, timestampField);
            if (ts.isEmpty()) {
                rejected++;
            } else {
                events.add(new CollectedEvent(stream, ts.getAsLong(), m));
            }
        }
        return new EventBatch(events, rejected);
    }
}
