package io.lytx.client.management;

import io.lytx.client.entity.ProfileFields;

/**
 * A Lytics account. Key material ({@code apikey}, {@code dataapikey}) is left out of the typed
 * fields and of {@link #toString()}; it remains reachable in {@link #all()} only.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id       32-hex account id
 * @param aid      legacy numeric id as text
 * @param name     name
 * @param domain   domain
 * @param email    contact email
 * @param timezone time zone
 * @param parentId parent account id, empty for a top account
 * @param created  creation time as sent
 * @param updated  update time as sent
 * @param all      every member as sent
 */
public record Account(String id, String aid, String name, String domain, String email, String timezone,
                      String parentId, String created, String updated, ProfileFields all) {

    /** @return the typed fields only (no keys) */
    @Override
    public String toString() {
        return "Account[id=" + id + ", aid=" + aid + ", name=" + name + ", domain=" + domain + "]";
    }
}
