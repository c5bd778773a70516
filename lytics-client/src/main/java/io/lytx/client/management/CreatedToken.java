package io.lytx.client.management;

import java.util.List;

/**
 * A token just created. The secret is shown once by Lytics and kept here only; {@link #toString()}
 * masks it.
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param id     the token's auth id
 * @param label  its label or name
 * @param scopes its roles
 * @param secret the token itself
 */
public record CreatedToken(String id, String label, List<String> scopes, String secret) {

    /** @return id, label and scopes; the secret as {@code ***} */
    @Override
    public String toString() {
        return "CreatedToken[id=" + id + ", label=" + label + ", scopes=" + scopes + ", secret=***]";
    }
}
