package io.lytx.example.content;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lytx.client.error.LyticsException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A list the example reads from the {@link ArticleCatalog} (that is, from Lytics' content API) and
 * keeps: {@value #KEPT_MINUTES} minutes once read, {@value #RETRY_SECONDS} seconds of an empty list
 * after Lytics could not be read, so pages do not wait for an unreachable Lytics on every request.
 * Thread-safe; {@link #get()} blocks for one read when the kept list has expired (concurrent callers
 * wait for that same read).
 *
 * @param <T> the item type
 */
final class CatalogValue<T> {

    static final int KEPT_MINUTES = 5;
    static final int RETRY_SECONDS = 30;

    private final LoadingCache<String, Read<T>> cache;

    /**
     * @param reader reads the list; may throw {@link LyticsException}, never returns null
     */
    CatalogValue(Supplier<List<T>> reader) {
        this(reader, Ticker.systemTicker());
    }

    /** With the clock that ages the kept list (tests move it). */
    CatalogValue(Supplier<List<T>> reader, Ticker ticker) {
        Objects.requireNonNull(reader, "reader");
        this.cache = Caffeine.newBuilder().maximumSize(1).ticker(ticker)
                .expireAfter(Expiry.<String, Read<T>>creating((key, read) -> read.failed()
                        ? Duration.ofSeconds(RETRY_SECONDS) : Duration.ofMinutes(KEPT_MINUTES)))
                .build(key -> {
                    try {
                        return new Read<>(List.copyOf(reader.get()), false);
                    } catch (LyticsException e) {
                        return new Read<>(List.of(), true);
                    }
                });
    }

    /** The kept list, or a fresh read of it; empty while Lytics cannot be read. */
    List<T> get() {
        return cache.get("value").items();
    }

    private record Read<T>(List<T> items, boolean failed) {
    }
}
