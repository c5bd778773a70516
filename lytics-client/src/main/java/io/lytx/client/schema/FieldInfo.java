package io.lytx.client.schema;

import io.lytx.client.entity.ProfileFields;
import java.util.Map;

/**
 * Statistics of one field ({@code /fieldinfo}).
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param field             field name
 * @param termsCounts       top terms and their counts
 * @param moreTerms         whether there are more terms than listed
 * @param entsPresent       profiles with the field
 * @param entsAbsent        profiles without it
 * @param approxCardinality approximate distinct values
 * @param all               every member, including {@code stats} and {@code histograms}
 */
public record FieldInfo(String field, Map<String, Long> termsCounts, boolean moreTerms, long entsPresent,
                        long entsAbsent, long approxCardinality, ProfileFields all) {
}
