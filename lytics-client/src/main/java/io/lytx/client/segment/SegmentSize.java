package io.lytx.client.segment;

/**
 * A segment's size.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id       segment id, empty for ad-hoc FilterQL
 * @param name     name, may be empty
 * @param slugName slug, may be empty
 * @param size     number of profiles
 */
public record SegmentSize(String id, String name, String slugName, long size) {
}
