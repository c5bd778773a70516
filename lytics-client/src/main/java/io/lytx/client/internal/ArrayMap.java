package io.lytx.client.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable map that keeps its entries in the order they were given, held in one array of
 * alternating keys and values plus, above {@value #SCANNED} entries, a small index of positions by key hash
 * (open addressing, at most half full): a lookup is one hash and a few probes, as in a
 * {@link java.util.HashMap} (or a scan of at most {@value #SCANNED} keys), but without an entry object per
 * member. It is the compact form of decoded JSON objects, which the plugin keeps per
 * cached visitor; a {@link java.util.LinkedHashMap} costs about 40 bytes per entry more.
 *
 * <p>Keys and values may be null; keys are unique (a repeated key keeps its first position and its
 * last value, as {@code LinkedHashMap.put} would). Equality and hash code are those of every
 * {@link Map}. Mutators throw {@link UnsupportedOperationException}. Immutable and thread-safe when
 * its values are.
 */
public final class ArrayMap extends AbstractMap<String, Object> {

    private static final ArrayMap EMPTY = new ArrayMap(new Object[0], new int[1]);

    /** key0, value0, key1, value1, ...: exactly {@code 2 * size} slots (the size is not stored apart). */
    private final Object[] members;
    /**
     * Position + 1 of the key whose hash lands there, 0 for a free slot; length a power of two, at least
     * 2 * size. Null up to {@value #SCANNED} entries (they are scanned), chars up to 65,534 entries, else ints.
     */
    private final char[] index;
    private final int[] wideIndex;

    /** Maps of at most this many entries are scanned instead of indexed. */
    static final int SCANNED = 8;

    private ArrayMap(Object[] members, int[] index) {
        this.members = members;
        int size = members.length >> 1;
        if (size <= SCANNED) {
            this.index = null;
            this.wideIndex = null;
        } else if (size < Character.MAX_VALUE) {
            this.index = new char[index.length];
            for (int i = 0; i < index.length; i++) {
                this.index[i] = (char) index[i];
            }
            this.wideIndex = null;
        } else {
            this.index = null;
            this.wideIndex = index;
        }
    }

    /**
     * @param source the entries, in the order to keep; not null; the map is not kept
     * @return an unmodifiable ordered copy (the source itself when it is already an {@code ArrayMap})
     */
    public static ArrayMap copyOf(Map<String, ?> source) {
        if (source instanceof ArrayMap a) {
            return a;
        }
        if (source.isEmpty()) {
            return EMPTY;
        }
        Builder b = new Builder(source.size());
        source.forEach(b::put);
        return b.build();
    }

    /** @return a builder for up to {@code expected} entries (it grows beyond); not thread-safe */
    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    @Override
    public int size() {
        return members.length >> 1;
    }

    @Override
    public boolean containsKey(Object key) {
        return position(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int p = position(key);
        return p < 0 ? null : members[2 * p + 1];
    }

    private int position(Object key) {
        int size = members.length >> 1;
        if (size <= SCANNED) {
            for (int p = 0; p < size; p++) {
                Object k = members[2 * p];
                if (k == key || k != null && k.equals(key)) {
                    return p;
                }
            }
            return -1;
        }
        int mask = (index != null ? index.length : wideIndex.length) - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            int at = index != null ? index[slot] : wideIndex[slot];
            if (at == 0) {
                return -1;
            }
            Object k = members[2 * (at - 1)];
            if (k == key || k != null && k.equals(key)) {
                return at - 1;
            }
        }
    }

    private static int spread(Object key) {
        int h = Objects.hashCode(key);
        return h ^ (h >>> 16);
    }

    /** @throws UnsupportedOperationException always */
    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("unmodifiable");
    }

    /** @throws UnsupportedOperationException always */
    @Override
    public void clear() {
        throw new UnsupportedOperationException("unmodifiable");
    }

    /** @return a view of the entries in order (a small object made per call: the map keeps no field for it) */
    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new Entries();
    }

    private final class Entries extends AbstractSet<Map.Entry<String, Object>> {
        @Override
        public int size() {
            return members.length >> 1;
        }

        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size();
                }

                @Override
                public Map.Entry<String, Object> next() {
                    if (next >= size()) {
                        throw new NoSuchElementException();
                    }
                    int p = next++;
                    return new SimpleImmutableEntry<>((String) members[2 * p], members[2 * p + 1]);
                }
            };
        }
    }

    /** Collects entries in order, then {@link #build()}s the map. Not thread-safe; use once. */
    public static final class Builder {
        private Object[] members;
        private int size;
        private int[] index;

        private Builder(int expected) {
            members = new Object[2 * Math.max(expected, 1)];
            index = new int[tableLength(expected)];
        }

        private static int tableLength(int entries) {
            return entries <= 1 ? 2 : Integer.highestOneBit(2 * entries - 1) * 2;
        }

        /**
         * @param key   the key; null allowed
         * @param value the value; null allowed
         * @return this builder
         */
        public Builder put(String key, Object value) {
            int mask = index.length - 1;
            int slot = spread(key) & mask;
            for (int at = index[slot]; at != 0; at = index[slot]) {
                if (Objects.equals(members[2 * (at - 1)], key)) {
                    members[2 * (at - 1) + 1] = value;
                    return this;
                }
                slot = (slot + 1) & mask;
            }
            if (2 * size == members.length) {
                members = java.util.Arrays.copyOf(members, 2 * members.length);
            }
            members[2 * size] = key;
            members[2 * size + 1] = value;
            size++;
            index[slot] = size;
            if (index.length < tableLength(size)) {
                reindex();
            }
            return this;
        }

        private void reindex() {
            index = new int[tableLength(size)];
            int mask = index.length - 1;
            for (int p = 0; p < size; p++) {
                int slot = spread(members[2 * p]) & mask;
                while (index[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                index[slot] = p + 1;
            }
        }

        /** @return the map; members trimmed to the entries given */
        public ArrayMap build() {
            if (size == 0) {
                return EMPTY;
            }
            Object[] exact = members.length == 2 * size ? members : java.util.Arrays.copyOf(members, 2 * size);
            return new ArrayMap(exact, index);
        }
    }
}
