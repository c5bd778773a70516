package io.lytx.servlet.internal.web;

import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.collect.CollectEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which fields of a browser event the collect relay forwards: an allow-list
 * ({@value #FIELDS_KEY}: names, or prefixes ending in {@code *}), never a deny-list, so that a field
 * Lytics would stitch profiles on cannot slip through under a name nobody thought of. Identity
 * fields are never taken from the browser, whatever the allow-list says: {@code _uid}, {@code _uids},
 * {@code _uido}, {@code _uidn}, {@code _getid}, {@code seerid}, the cookie name, the known-user field
 * ({@code lytics.identity.field}) and every name of {@code lytics.endpoints.collect.identity.fields}
 * (compared without regard to case). An allow-list entry that names or matches one of them fails at
 * start-up. Events named as the server's identity events ({@code _e} = {@code login},
 * {@code identify}, {@code logout}) are refused: they change who a profile belongs to.
 *
 * <p>Immutable and thread-safe.
 */
final class RelayFields {

    /** The setting holding the allow-list. */
    static final String FIELDS_KEY = "lytics.endpoints.collect.fields";

    /** Identity fields no configuration can let through (Lytics' cookie-id fields and the tag's id markers). */
    static final Set<String> ALWAYS_IDENTITY = Set.of("_uid", "_uids", "_uido", "_uidn", "_getid", "seerid",
            CollectEvent.ID_FIELD);
    /** Event names that change identity: only the server sends them. */
    static final Set<String> SERVER_EVENTS = Set.of("login", "identify", "logout");

    /** A browser's {@code _ts} further than this from the server's clock is replaced by the server's time. */
    private static final long MAX_CLOCK_SKEW_MILLIS = 24L * 60 * 60 * 1000;

    private final Set<String> names;
    private final List<String> prefixes;
    /** Lower case. */
    private final Set<String> identity;

    private RelayFields(Set<String> names, List<String> prefixes, Set<String> identity) {
        this.names = Set.copyOf(names);
        this.prefixes = List.copyOf(prefixes);
        this.identity = Set.copyOf(identity);
    }

    /**
     * The allow-list and the identity fields of a config, which has already read them and checked
     * each entry's characters (and refused {@code lytics.endpoints.collect.trust.identity=true}).
     *
     * @param config the plugin config, never null
     * @throws io.lytx.servlet.config.InvalidConfigException naming the key when an allow-list entry
     *         admits an identity field
     */
    static RelayFields from(LyticsConfig config) {
        Set<String> identity = new TreeSet<>();
        ALWAYS_IDENTITY.forEach(f -> identity.add(f.toLowerCase(Locale.ROOT)));
        identity.add(config.cookieName().toLowerCase(Locale.ROOT));
        identity.add(config.identityField().toLowerCase(Locale.ROOT));
        config.relayIdentityFields().forEach(f -> identity.add(f.toLowerCase(Locale.ROOT)));

        Set<String> names = new TreeSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String entry : config.relayFields()) {
            boolean prefix = entry.endsWith("*");
            String name = prefix ? entry.substring(0, entry.length() - 1) : entry;
            String lower = name.toLowerCase(Locale.ROOT);
            for (String id : identity) {
                if (prefix ? id.startsWith(lower) : id.equals(lower)) {
                    throw config.invalid(ConfigKey.RELAY_FIELDS, "'" + entry + "' would take the identity field '" + id
                            + "' from the browser; identity fields are set by the server only");
                }
            }
            if (prefix) {
                prefixes.add(name);
            } else {
                names.add(name);
            }
        }
        return new RelayFields(names, prefixes, identity);
    }

    /**
     * The fields of a browser event that may be forwarded, in body order: those on the allow-list that
     * are not identity fields, and always {@code _ts}: the browser's when it is allowed and is epoch
     * milliseconds within a day of {@code nowMillis}, else {@code nowMillis} (it is the event time
     * Lytics records).
     *
     * @param fields    the parsed body
     * @param nowMillis the server's time
     * @return a new map; never null
     * @throws RelayRefusal 400 when the event is named as an identity event of the server
     */
    Map<String, String> keep(Map<String, String> fields, long nowMillis) throws RelayRefusal {
        String name = fields.get("_e");
        if (name != null && SERVER_EVENTS.contains(name.strip().toLowerCase(Locale.ROOT))) {
            throw new RelayRefusal(400, "event name '_e' = '" + name.strip().toLowerCase(Locale.ROOT)
                    + "' changes identity and is sent by the server only");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (allowed(f.getKey())) {
                kept.put(f.getKey(), f.getValue());
            }
        }
        String given = allowed(CollectEvent.TIME_FIELD) ? fields.get(CollectEvent.TIME_FIELD) : null;
        kept.put(CollectEvent.TIME_FIELD, Long.toString(eventTime(given, nowMillis)));
        return kept;
    }

    /** Whether a field of a browser event is forwarded. */
    boolean allowed(String field) {
        if (identity.contains(field.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (names.contains(field)) {
            return true;
        }
        for (String p : prefixes) {
            if (field.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static long eventTime(String given, long nowMillis) {
        if (given != null && given.matches("[0-9]{1,15}")) {
            long t = Long.parseLong(given);
            if (Math.abs(t - nowMillis) <= MAX_CLOCK_SKEW_MILLIS) {
                return t;
            }
        }
        return nowMillis;
    }

    @Override
    public String toString() {
        return "RelayFields[allowed=" + names + ", prefixes=" + prefixes + ", identity=" + identity + "]";
    }
}
