package io.lytx.client.management;

import io.lytx.client.entity.ProfileFields;
import java.util.List;

/**
 * An admin user of the account.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param id    user id
 * @param email email
 * @param name  name
 * @param roles role slugs
 * @param all   every member as sent
 */
public record AdminUser(String id, String email, String name, List<String> roles, ProfileFields all) {
}
