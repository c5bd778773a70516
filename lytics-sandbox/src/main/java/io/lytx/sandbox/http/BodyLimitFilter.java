package io.lytx.sandbox.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps request bodies as Lytics does: 1 GB on the bulk endpoint {@code /collect/bulk/...} (served
 * on {@code bulk.lytics.io}), 10 MB on every other request (Lytics' BulkCSVUpload reference: "the
 * api.lytics.io domain is limited to 10MB file uploads"). A declared {@code Content-Length} over
 * the cap is refused at once (413); a chunked body is counted while read and the read fails with
 * {@link ApiError} 413 at the first byte over the cap. Runs before authentication. Thread-safe.
 */
@PreMatching
@Priority(100)
public final class BodyLimitFilter implements ContainerRequestFilter {

    /** The cap of every request but a bulk upload, 10 MB. */
    public static final long COLLECT_LIMIT = 10L * 1024 * 1024;
    /** The cap of a bulk collection request, 1 GB. */
    public static final long BULK_LIMIT = 1024L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = "/" + ctx.getUriInfo().getPath();
        long limit = path.startsWith("/collect/bulk/") ? BULK_LIMIT : COLLECT_LIMIT;
        int declared = ctx.getLength();
        if (declared > limit) {
            ctx.abortWith(Envelope.error(413, tooLarge(declared + " bytes", limit, path)));
            return;
        }
        ctx.setEntityStream(new LimitedInputStream(ctx.getEntityStream(), limit, path));
    }

    private static String tooLarge(String size, long limit, String path) {
        return "request body of " + size + " exceeds the " + (limit / (1024 * 1024)) + " MB limit of " + path
                + (limit == COLLECT_LIMIT ? " (Lytics' API host takes at most 10 MB a request; upload larger files"
                        + " to the bulk endpoint POST /collect/bulk/{stream}, on bulk.lytics.io)" : "");
    }

    /** Fails the read that crosses the limit. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private final String path;
        private long count;

        LimitedInputStream(InputStream in, long limit, String path) {
            super(in);
            this.limit = limit;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            add(s);
            return s;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new ApiError(413, tooLarge("more than " + limit + " bytes", limit, path));
            }
        }
    }
}
