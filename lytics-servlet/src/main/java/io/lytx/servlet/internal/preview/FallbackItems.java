package io.lytx.servlet.internal.preview;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The site's own items that a recommendations loop renders when Lytics gives none (profile
 * unavailable, personalization off, a bot, a preview, or simply no recommendation): for example
 * editor's picks. {@code <lytics:recommendations fallback="${picks}">} and the Thymeleaf
 * {@code lytics:fallback="${picks}"} accept an {@link Iterable}, an array, a {@link Map} (its values)
 * or a single object; null means no fallback.
 *
 * <p>Fallback items are the site's objects, passed to the template as they are: they are not checked
 * like Lytics' recommendations (URL schemes) and not written into the bootstrap. Escape them as any
 * other value of the site. Stateless and thread-safe; reads at most {@code limit} items of the
 * source, so an endless iterable is safe.
 */
public final class FallbackItems {

    private FallbackItems() {
    }

    /**
     * The first {@code limit} non-null items of a fallback source.
     *
     * @param source an {@link Iterable}, an array, a {@link Map} (its values), a single object, or null
     * @param limit  the most items returned; 0 or less gives none
     * @return the items in the source's order, never null (empty for a null source)
     */
    public static List<Object> of(Object source, int limit) {
        List<Object> out = new ArrayList<>();
        if (source == null || limit <= 0) {
            return out;
        }
        if (source instanceof Map<?, ?> map) {
            addFrom(map.values().iterator(), limit, out);
        } else if (source instanceof Iterable<?> iterable) {
            addFrom(iterable.iterator(), limit, out);
        } else if (source.getClass().isArray()) {
            int length = Array.getLength(source);
            for (int i = 0; i < length && out.size() < limit; i++) {
                Object item = Array.get(source, i);
                if (item != null) {
                    out.add(item);
                }
            }
        } else {
            out.add(source);
        }
        return out;
    }

    private static void addFrom(Iterator<?> items, int limit, List<Object> out) {
        while (out.size() < limit && items.hasNext()) {
            Object item = items.next();
            if (item != null) {
                out.add(item);
            }
        }
    }
}
