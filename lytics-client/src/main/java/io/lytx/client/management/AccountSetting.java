package io.lytx.client.management;

import io.lytx.client.entity.ProfileFields;

/**
 * An account setting.
 *
 * <p>Immutable and thread-safe.
 *
 * @param slug          e.g. {@code api_ip_whitelist}
 * @param category      e.g. {@code API}
 * @param value         the value as decoded JSON (null when unset)
 * @param canBeAssigned whether the caller may change it
 * @param all           every member as sent
 */
public record AccountSetting(String slug, String category, Object value, boolean canBeAssigned, ProfileFields all) {
}
