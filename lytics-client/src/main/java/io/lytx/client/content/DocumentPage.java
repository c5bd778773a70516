package io.lytx.client.content;

import java.util.List;

/**
 * The answer of {@code /api/content/doc}.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param total     how many documents matched
 * @param documents the documents returned
 */
public record DocumentPage(long total, List<ContentDocument> documents) {
}
