package io.lytx.bench.memory;

import java.util.UUID;

/**
 * Visitor ids as the Lytics tag writes them in its {@code seerid} cookie: 36-character UUID text,
 * one per rank, the same for a rank in every run. Stateless and thread-safe.
 */
public final class VisitorIds {

    private VisitorIds() {
    }

    /**
     * @param rank the visitor's number, 0 or more
     * @return its id; distinct ranks give distinct ids
     */
    public static String of(long rank) {
        // version 4 / variant bits set as in a random UUID; the rank in the low 48 bits keeps ids distinct
        return new UUID(0x6a1d3f2e5b7c4000L | (rank >>> 48 & 0xfff), 0x8000000000000000L | (rank & 0xffffffffffffL))
                .toString();
    }
}
