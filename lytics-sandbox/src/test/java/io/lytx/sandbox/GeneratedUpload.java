package io.lytx.sandbox;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A request body of generated rows, made while it is read: large uploads without a large file or
 * array. Row {@code i} belongs to identity {@code big-<i % ids>}. Not thread-safe (one reader).
 */
public final class GeneratedUpload extends InputStream {

    private static final String PAD = "padding-padding-padding-padding-padding-padding";

    private final int rows;
    private final IntFunction<String> row;
    private int next = -1;
    private byte[] current;
    private int pos;

    private GeneratedUpload(String head, int rows, IntFunction<String> row) {
        this.rows = rows;
        this.row = row;
        this.current = head.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * CSV with a header row: {@code user_id,email,row,pad}.
     *
     * @param rows how many data rows
     * @param ids  how many distinct identities, in turn
     * @return the body
     */
    public static GeneratedUpload csv(int rows, int ids) {
        return csv(rows, ids, "big-");
    }

    /**
     * CSV with a header row: {@code user_id,email,row,pad}, with another identity prefix.
     *
     * @param rows   how many data rows
     * @param ids    how many distinct identities, in turn
     * @param prefix the prefix of the user ids
     * @return the body
     */
    public static GeneratedUpload csv(int rows, int ids, String prefix) {
        return new GeneratedUpload("user_id,email,row,pad\n", rows,
                i -> prefix + (i % ids) + "," + prefix + (i % ids) + "@example.org," + i + "," + PAD + "\n");
    }

    /**
     * Newline-delimited JSON objects {@code {"user_id","row","pad"}}.
     *
     * @param rows how many objects
     * @param ids  how many distinct identities, in turn
     * @return the body
     */
    public static GeneratedUpload ndjson(int rows, int ids) {
        return new GeneratedUpload("", rows,
                i -> "{\"user_id\":\"big-" + (i % ids) + "\",\"row\":\"" + i + "\",\"pad\":\"" + PAD + "\"}\n");
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() {
        while (pos >= current.length) {
            next++;
            if (next >= rows) {
                return false;
            }
            current = row.apply(next).getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }
}
