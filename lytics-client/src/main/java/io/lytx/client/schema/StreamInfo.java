package io.lytx.client.schema;

import io.lytx.client.entity.ProfileFields;
import java.time.Instant;
import java.util.Optional;

/**
 * Statistics of one data stream ({@code /api/schema/_streams}).
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param stream    stream name
 * @param hidden    whether hidden
 * @param count     events seen ({@code ct})
 * @param lastMsgTs time of the last event, when known
 * @param all       every member, including {@code fields}
 */
public record StreamInfo(String stream, boolean hidden, long count, Optional<Instant> lastMsgTs, ProfileFields all) {
}
