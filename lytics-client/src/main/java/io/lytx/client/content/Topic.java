package io.lytx.client.content;

import java.util.List;

/**
 * A topic of the content corpus ({@code /api/content/topic}).
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param label    the topic label
 * @param docCount documents tagged with it
 * @param total    users measured
 * @param missing  users without affinity
 * @param present  users with affinity
 * @param avg      average affinity
 * @param tags     tags, e.g. {@code blacklisted}
 */
public record Topic(String label, long docCount, long total, long missing, long present, double avg, List<String> tags) {
}
