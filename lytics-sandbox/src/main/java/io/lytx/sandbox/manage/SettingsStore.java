package io.lytx.sandbox.manage;

import io.lytx.sandbox.auth.Cidr;
import io.lytx.sandbox.auth.IpAllowlist;
import io.lytx.sandbox.entity.ProfileVisibility;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.store.Journal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The account settings: a fixed catalog of slugs ({@link #DEFINITIONS}) with values that may be
 * set and cleared. Setting {@code api_ip_whitelist} validates every CIDR and drives the
 * {@link IpAllowlist}. Changes are journaled ({@value #KIND_PUT}, {@value #KIND_DELETED}) before
 * they apply. As a {@link ProfileVisibility} it hands {@code allow_public_personalization} (unset =
 * allowed) and {@code private_fields} to the entity endpoints. Thread-safe: changes are serialized;
 * reads see a consistent value per slug.
 */
public final class SettingsStore implements ProfileVisibility {

    /** The slug of the API IP allowlist. */
    public static final String IP_ALLOWLIST = "api_ip_whitelist";
    /** Journal kind of a changed setting. */
    public static final String KIND_PUT = "setting.put";
    /** Journal kind of a cleared setting. */
    public static final String KIND_DELETED = "setting.deleted";

    /** The settings the sandbox knows. */
    public static final List<SettingDefinition> DEFINITIONS = List.of(
            new SettingDefinition(IP_ALLOWLIST, "API", "API IP allowlist",
                    "CIDR ranges (IPv4 and IPv6) allowed to call the API; empty or unset allows every address.",
                    SettingType.STRING_LIST, true, 1),
            new SettingDefinition("allow_public_personalization", "Personalization", "Allow public personalization API",
                    "Whether the browser may read profiles without a token.", SettingType.BOOL, true, 2),
            new SettingDefinition("entity_timeout_ms", "Personalization", "Entity timeout (ms)",
                    "How long a browser profile lookup may take, 1..60000 ms.", SettingType.INT, true, 3),
            new SettingDefinition("private_fields", "Data", "Private fields",
                    "Profile fields hidden from the public endpoints and from tokens without admin, data manager or user search roles.", SettingType.STRING_LIST,
                    true, 4),
            new SettingDefinition("account_type", "Account", "Account type",
                    "The kind of account; set by Lytics.", SettingType.STRING, false, 5));

    private static final Map<String, Object> FIXED_VALUES = Map.of("account_type", "sandbox");

    private final IpAllowlist allowlist;
    private final Journal journal;
    private final Map<String, Object> values = new HashMap<>();

    /**
     * Creates the store and registers its replay handlers.
     *
     * @param allowlist the allowlist kept in step with {@code api_ip_whitelist}; not null
     * @param journal   where changes are recorded; not null
     */
    public SettingsStore(IpAllowlist allowlist, Journal journal) {
        this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
        this.journal = Objects.requireNonNull(journal, "journal");
        journal.register(KIND_PUT, r -> apply((String) r.get("slug"), r.get("value")));
        journal.register(KIND_DELETED, r -> apply((String) r.get("slug"), null));
    }

    /**
     * Every setting with its current value.
     *
     * @return the setting objects, in catalog order
     */
    public synchronized List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SettingDefinition d : DEFINITIONS) {
            out.add(describe(d));
        }
        return out;
    }

    /**
     * One setting with its current value ({@code value} null when unset).
     *
     * @param slug the setting slug
     * @return the setting object
     * @throws ApiError 404 for an unknown slug
     */
    public synchronized Map<String, Object> get(String slug) {
        return describe(definition(slug));
    }

    /**
     * Sets a setting; a null value clears it.
     *
     * @param slug  the setting slug
     * @param value the parsed JSON value
     * @return the setting object after the change
     * @throws ApiError 404 unknown slug, 403 not editable, 400 wrong type or invalid CIDR
     */
    public synchronized Map<String, Object> put(String slug, Object value) {
        SettingDefinition d = editable(slug);
        if (value == null) {
            return delete(slug);
        }
        d.type().check(slug, value);
        validate(d, value);
        journal.append(KIND_PUT, recordOf(slug, value));
        apply(slug, value);
        return describe(d);
    }

    /**
     * Clears a setting.
     *
     * @param slug the setting slug
     * @return the setting object after the change (value null)
     * @throws ApiError 404 unknown slug, 403 not editable
     */
    public synchronized Map<String, Object> delete(String slug) {
        SettingDefinition d = editable(slug);
        journal.append(KIND_DELETED, Map.of("slug", slug));
        apply(slug, null);
        return describe(d);
    }

    @Override
    public synchronized boolean allowsPublicProfiles() {
        return !Boolean.FALSE.equals(values.get("allow_public_personalization"));
    }

    @Override
    public synchronized Set<String> privateFields() {
        Object v = values.get("private_fields");
        if (!(v instanceof List<?> list)) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        list.forEach(x -> out.add(String.valueOf(x)));
        return Set.copyOf(out);
    }

    /** Clears every setting. */
    public synchronized void reset() {
        values.clear();
        allowlist.replace(List.of());
    }

    private static Map<String, Object> recordOf(String slug, Object value) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("slug", slug);
        r.put("value", value);
        return r;
    }

    private synchronized void apply(String slug, Object value) {
        if (value == null) {
            values.remove(slug);
        } else {
            values.put(slug, value);
        }
        if (IP_ALLOWLIST.equals(slug)) {
            allowlist.replace(value == null ? List.of() : parseRanges(value));
        }
    }

    private static void validate(SettingDefinition d, Object value) {
        if (IP_ALLOWLIST.equals(d.slug())) {
            parseRanges(value);
        } else if (d.slug().equals("entity_timeout_ms")) {
            BigDecimal n = (BigDecimal) value;
            if (n.compareTo(BigDecimal.ONE) < 0 || n.compareTo(BigDecimal.valueOf(60_000)) > 0) {
                throw new ApiError(400, "setting \"entity_timeout_ms\" must be 1..60000, was " + n);
            }
        }
    }

    private static List<Cidr> parseRanges(Object value) {
        List<Cidr> out = new ArrayList<>();
        List<?> items = (List<?>) value;
        for (int i = 0; i < items.size(); i++) {
            String text = (String) items.get(i);
            try {
                out.add(Cidr.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "invalid CIDR \"" + text + "\" at index " + i + " of " + IP_ALLOWLIST + ": "
                        + e.getMessage());
            }
        }
        return out;
    }

    private static SettingDefinition definition(String slug) {
        return find(slug).orElseThrow(() -> new ApiError(404, "unknown setting \"" + slug + "\""));
    }

    private static Optional<SettingDefinition> find(String slug) {
        return DEFINITIONS.stream().filter(d -> d.slug().equals(slug)).findFirst();
    }

    private static SettingDefinition editable(String slug) {
        SettingDefinition d = definition(slug);
        if (!d.editable()) {
            throw new ApiError(403, "This setting \"" + slug + "\" is not editable by the account");
        }
        return d;
    }

    private Map<String, Object> describe(SettingDefinition d) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", d.slug());
        field.put("label", d.label());
        field.put("description", d.description());
        field.put("type", d.type().wireName());
        field.put("editable", d.editable());
        field.put("optional", true);
        field.put("sort_order", d.sortOrder());
        field.put("user_config_disabled", !d.editable());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", d.slug());
        m.put("category", d.category());
        m.put("sub_category", "");
        m.put("type", "setting");
        m.put("value", values.getOrDefault(d.slug(), FIXED_VALUES.get(d.slug())));
        m.put("can_be_assigned", d.editable());
        m.put("field", field);
        return m;
    }
}
