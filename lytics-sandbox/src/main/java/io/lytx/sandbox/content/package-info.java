/**
 * Content: the corpus of documents (URLs without protocol, topics with relevances), the
 * deterministic keyword classifier, recommendations by user and by segment, topic reports and the
 * taxonomy, and the {@code /api/content} resource.
 */
package io.lytx.sandbox.content;
