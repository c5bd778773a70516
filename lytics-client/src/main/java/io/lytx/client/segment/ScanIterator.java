package io.lytx.client.segment;

import io.lytx.client.entity.ProfileFields;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks a scan page by page, fetching a page only when the previous one is used up. Stops when
 * {@code _next} is empty, when a page is empty, or when a page adds nothing new (every profile on it
 * was on the previous page, which is how a repeated cursor shows). Memory: two pages at most. Not
 * thread-safe; one consumer.
 */
final class ScanIterator implements Iterator<ProfileFields> {

    private final Function<String, ScanPage> fetch;
    private final ArrayDeque<ProfileFields> buffer = new ArrayDeque<>();
    private Set<ProfileFields> previousPage = Set.of();
    private Optional<String> cursor = Optional.empty();
    private boolean started;
    private boolean finished;

    ScanIterator(Function<String, ScanPage> fetch) {
        this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !finished) {
            fetchPage();
        }
        return !buffer.isEmpty();
    }

    @Override
    public ProfileFields next() {
        if (!hasNext()) {
            throw new NoSuchElementException("scan has no more profiles");
        }
        return buffer.removeFirst();
    }

    private void fetchPage() {
        if (started && cursor.isEmpty()) {
            finished = true;
            return;
        }
        started = true;
        ScanPage page = fetch.apply(cursor.orElse(null));
        Set<ProfileFields> thisPage = new HashSet<>(page.profiles());
        if (page.profiles().isEmpty() || previousPage.containsAll(thisPage)) {
            finished = true;
            return;
        }
        for (ProfileFields p : page.profiles()) {
            if (!previousPage.contains(p)) {
                buffer.addLast(p);
            }
        }
        previousPage = thisPage;
        cursor = page.next();
    }
}
