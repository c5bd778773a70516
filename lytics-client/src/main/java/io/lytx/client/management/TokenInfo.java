package io.lytx.client.management;

import io.lytx.client.entity.ProfileFields;
import java.util.List;

/**
 * A token as listed (no secret).
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param id          auth id
 * @param label       label
 * @param description description
 * @param scopes      roles
 * @param expires     expiry as sent ({@code 0001-01-01T00:00:00Z} = never)
 * @param all         every member as sent
 */
public record TokenInfo(String id, String label, String description, List<String> scopes, String expires,
                        ProfileFields all) {
}
