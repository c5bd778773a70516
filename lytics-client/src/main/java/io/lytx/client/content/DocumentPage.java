package io.lytx.client.content;

import java.util.List;

/**
 * The answer of {@code /api/content/doc}.
 *
 * @param total     how many documents matched
 * @param documents the documents returned
 */
public record DocumentPage(long total, List<ContentDocument> documents) {
}
