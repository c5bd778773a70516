package io.lytx.client.schema;

import java.util.List;

/**
 * A column of a table schema.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param as         field name
 * @param type       type, e.g. {@code string}, {@code []string}, {@code map[string]int}
 * @param isBy       whether it is an identity field
 * @param mergeOp    merge operator, e.g. {@code latest}
 * @param shortDesc  short description
 * @param longDesc   long description
 * @param froms      source streams
 * @param identities source keys
 */
public record Column(String as, String type, boolean isBy, String mergeOp, String shortDesc, String longDesc,
                     List<String> froms, List<String> identities) {
}
