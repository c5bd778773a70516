package io.lytx.sandbox.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the content API needs from the rest of the domain: profiles and segments. Implementations
 * are thread-safe.
 */
public interface ContentContext {

    /**
     * The profile holding an identity value.
     *
     * @param field the identity field
     * @param value the value
     * @return the profile's fields, if found
     */
    Optional<Map<String, Object>> profile(String field, String value);

    /**
     * The members of a user segment.
     *
     * @param idOrSlug the segment's id or slug
     * @return the members' fields, or empty when there is no such user segment
     */
    Optional<List<Map<String, Object>>> segmentMembers(String idOrSlug);

    /**
     * The membership test of a content segment ({@code table=content}).
     *
     * @param idOrSlug the segment's id or slug
     * @return the test over documents, or empty when there is no such content segment
     */
    Optional<Predicate<Document>> contentSegment(String idOrSlug);
}
