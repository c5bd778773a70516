package io.lytx.sandbox.collect;

import io.lytx.sandbox.http.ApiError;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens the body of a bulk upload as text, inflating it when it is gzipped (recognized by its
 * magic bytes, since a container may already have decoded {@code Content-Encoding}). Streams: no
 * more than a buffer is held. The inflated text is capped at {@value #MAX_INFLATED_BYTES} bytes
 * (the bulk host's 1 GB per batch), so a small gzip bomb cannot make an endless upload. Stateless.
 */
final class UploadBody {

    /** The largest inflated size of a gzipped upload: 1 GB, Lytics' limit per batch. */
    static final long MAX_INFLATED_BYTES = 1024L * 1024 * 1024;

    private UploadBody() {
    }

    /**
     * The body as UTF-8 text.
     *
     * @param body the request body
     * @return a reader over its text; reading may raise {@link ApiError} 400 (bad gzip) or 413
     */
    static Reader open(InputStream body) {
        try {
            BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            InputStream text = b0 == 0x1f && b1 == 0x8b ? new Inflated(in) : in;
            return new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 64 * 1024);
        } catch (ZipException e) {
            throw new ApiError(400, "malformed gzip body: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gzip stream that counts what it inflates and turns gzip errors into 400. */
    private static final class Inflated extends FilterInputStream {
        private long count;

        Inflated(InputStream gzipped) throws IOException {
            super(new GZIPInputStream(gzipped, 64 * 1024));
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (ZipException e) {
                throw new ApiError(400, "malformed gzip body: " + e.getMessage());
            }
            if (n > 0) {
                count += n;
                if (count > MAX_INFLATED_BYTES) {
                    throw new ApiError(413, "the gzipped upload inflates to more than " + MAX_INFLATED_BYTES
                            + " bytes (1 GB, Lytics' limit per batch)");
                }
            }
            return n;
        }
    }
}
