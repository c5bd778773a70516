package io.lytx.client.segment;

import io.lytx.client.entity.ProfileFields;
import java.util.List;

/**
 * A segment as Lytics describes it. Common fields are typed (empty text or false when absent);
 * every field is in {@link #fields()}.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param id            32-hex id
 * @param name          display name
 * @param slugName      slug
 * @param kind          {@code segment}, {@code aspect}, ... (empty means segment)
 * @param table         {@code user} or {@code content}
 * @param isPublic      whether its slug shows in profiles' {@code segments}
 * @param segmentQl     its FilterQL
 * @param description   description
 * @param tags          tags
 * @param invalid       whether Lytics marked it invalid
 * @param invalidReason why
 * @param created       creation time as sent
 * @param updated       update time as sent
 * @param fields        every field, tolerant access
 */
public record Segment(String id, String name, String slugName, String kind, String table, boolean isPublic,
                      String segmentQl, String description, List<String> tags, boolean invalid, String invalidReason,
                      String created, String updated, ProfileFields fields) {
}
