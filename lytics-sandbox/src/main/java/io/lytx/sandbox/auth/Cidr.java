package io.lytx.sandbox.auth;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IPv4 or IPv6 address range in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32});
 * a bare address is a one-address range. Host bits below the prefix are ignored, as Go's
 * {@code net.ParseCIDR} does. Parsing never touches DNS: only address literals are accepted.
 * Immutable and thread-safe.
 */
public final class Cidr {

    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final String text;
    private final byte[] network;
    private final int prefix;

    private Cidr(String text, byte[] network, int prefix) {
        this.text = text;
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Parses a range.
     *
     * @param text {@code address/prefix} or a bare address
     * @return the range
     * @throws IllegalArgumentException with the reason, when the text is not a valid range
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty range");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String addressText = slash < 0 ? t : t.substring(0, slash);
        InetAddress address = literal(addressText)
                .orElseThrow(() -> new IllegalArgumentException("\"" + addressText + "\" is not an IPv4 or IPv6 address"));
        boolean v6Text = addressText.indexOf(':') >= 0;
        int max = v6Text ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("prefix length \"" + p + "\" is not a number");
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                throw new IllegalArgumentException("prefix length " + prefix + " exceeds " + max);
            }
        }
        byte[] bytes = address.getAddress();
        if (v6Text && address instanceof Inet4Address) {
            // an IPv4-mapped IPv6 literal (::ffff:a.b.c.d); Java hands it back as IPv4
            if (prefix < 96) {
                throw new IllegalArgumentException("an IPv4-mapped range needs a prefix length of at least 96");
            }
            prefix -= 96;
        }
        return new Cidr(t, mask(bytes, prefix), prefix);
    }

    /**
     * Parses an address literal without DNS.
     *
     * @param text an IPv4 dotted quad or an IPv6 literal (brackets allowed)
     * @return the address, or empty when the text is not a literal
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (V4.matcher(t).matches()) {
            for (String part : t.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!V6.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether an address lies in this range. IPv4 ranges hold only IPv4 addresses and IPv6 ranges
     * only IPv6 addresses.
     *
     * @param address the address; not null
     * @return true when inside
     */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        return java.util.Arrays.equals(mask(a, prefix), network);
    }

    /**
     * Whether this is an IPv6 range.
     *
     * @return true for IPv6
     */
    public boolean isIpv6() {
        return network.length == 16;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - bits)));
        }
        return out;
    }

    /**
     * The range as it was written.
     *
     * @return the original text, trimmed
     */
    @Override
    public String toString() {
        return text;
    }
}
