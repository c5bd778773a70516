/**
 * Content API: recommendations for a user or a segment, documents, classification, topics and the
 * topic taxonomy.
 */
package io.lytx.client.content;
