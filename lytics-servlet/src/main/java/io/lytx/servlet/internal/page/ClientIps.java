package io.lytx.servlet.internal.page;

/**
 * Client IP text for events: validated (IPv4 dotted quad or IPv6 hex groups; anything else is
 * dropped) and optionally anonymized: IPv4 keeps its /24 (last octet 0), IPv6 its /48 (first three
 * groups). Pure functions, no DNS lookups, thread-safe.
 */
public final class ClientIps {

    private ClientIps() {
    }

    /**
     * The key a client address is rate-limited under: an IPv4 address as it is, an IPv6 address by
     * its /64 (one household or host usually holds a whole /64, so its addresses count as one).
     * The address is the container's {@code getRemoteAddr()}, the same one page views report, so a
     * proxy in front is handled by the container's forwarded-header rule.
     *
     * @param remoteAddr the client address, may be null or malformed
     * @return the key; {@code "unknown"} for anything that is not an IP literal (all such clients share one key)
     */
    public static String addressKey(String remoteAddr) {
        String n = normalize(remoteAddr);
        if (n == null) {
            return "unknown";
        }
        if (isIpv4(n)) {
            return n;
        }
        int zone = n.indexOf('%');
        String[] groups = expand(zone >= 0 ? n.substring(0, zone) : n);
        if (groups == null) {
            return "unknown";
        }
        StringBuilder key = new StringBuilder(24);
        for (int i = 0; i < 4; i++) {
            key.append(Integer.toHexString(Integer.parseInt(groups[i], 16))).append(':'); // 0db8 and db8 alike
        }
        return key.append(":/64").toString();
    }

    /** The address if it looks like an IP literal, else null. */
    static String normalize(String ip) {
        if (ip == null || ip.isEmpty() || ip.length() > 45) {
            return null;
        }
        if (isIpv4(ip)) {
            return ip;
        }
        String v6 = stripBrackets(ip);
        return isIpv6(v6) ? v6 : null;
    }

    /** The anonymized address, or null if not an IP literal. */
    static String anonymize(String ip) {
        String n = normalize(ip);
        if (n == null) {
            return null;
        }
        if (isIpv4(n)) {
            return n.substring(0, n.lastIndexOf('.')) + ".0";
        }
        int zone = n.indexOf('%');
        String v6 = zone >= 0 ? n.substring(0, zone) : n;
        String[] groups = expand(v6);
        if (groups == null) {
            return null;
        }
        return groups[0] + ':' + groups[1] + ':' + groups[2] + "::";
    }

    private static String stripBrackets(String ip) {
        return ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    }

    static boolean isIpv4(String s) {
        return isIpv4(s, 0, s.length());
    }

    /** Whether {@code s[from, to)} is a dotted quad of decimal octets (0..255, 1 to 3 digits each). No allocation. */
    static boolean isIpv4(String s, int from, int to) {
        int parts = 0;
        int digits = 0;
        int value = 0;
        for (int i = from; i <= to; i++) {
            char c = i < to ? s.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255 || ++parts > 4) {
                    return false;
                }
                digits = 0;
                value = 0;
            } else if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
                value = value * 10 + (c - '0');
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    private static boolean isIpv6(String s) {
        int zone = s.indexOf('%');
        String body = zone >= 0 ? s.substring(0, zone) : s;
        return expand(body) != null;
    }

    /** The eight groups of an IPv6 literal (embedded IPv4 tail allowed), or null when malformed. */
    private static String[] expand(String s) {
        if (s.isEmpty() || s.indexOf(':') < 0) {
            return null;
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        String[] h = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] t = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        java.util.List<String> groups = new java.util.ArrayList<>();
        if (!addGroups(groups, h) ) {
            return null;
        }
        java.util.List<String> tailGroups = new java.util.ArrayList<>();
        if (!addGroups(tailGroups, t)) {
            return null;
        }
        int missing = 8 - groups.size() - tailGroups.size();
        if (doubleColon >= 0 ? missing < 1 : missing != 0) {
            return null;
        }
        for (int i = 0; i < missing; i++) {
            groups.add("0");
        }
        groups.addAll(tailGroups);
        return groups.toArray(new String[0]);
    }

    private static boolean addGroups(java.util.List<String> out, String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                if (!isIpv4(p)) {
                    return false;
                }
                String[] q = p.split("\\.");
                out.add(Integer.toHexString(Integer.parseInt(q[0]) << 8 | Integer.parseInt(q[1])));
                out.add(Integer.toHexString(Integer.parseInt(q[2]) << 8 | Integer.parseInt(q[3])));
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return false;
            }
            for (int j = 0; j < p.length(); j++) {
                if (Character.digit(p.charAt(j), 16) < 0) {
                    return false;
                }
            }
            out.add(p.toLowerCase(java.util.Locale.ROOT));
        }
        return true;
    }
}
