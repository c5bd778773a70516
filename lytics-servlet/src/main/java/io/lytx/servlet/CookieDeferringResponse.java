package io.lytx.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The page's response as the application sees it, holding back the visitor cookies ({@code seerid}
 * and its binding marker) until the response is about to be committed: then, if the application
 * marked the response as cacheable by shared caches ({@code Cache-Control} with {@code public} or
 * {@code s-maxage}), the cookies are dropped, so that a CDN never stores one visitor's id and hands
 * it to everybody; otherwise they are added. The id of such a page is minted by the JS helper's call
 * to {@code /lytics/profile}, which is private.
 *
 * <p>"About to be committed" is the first byte written, {@code flushBuffer}, {@code sendError},
 * {@code sendRedirect}, or the end of the filter chain, whichever comes first; a {@code Cache-Control}
 * header set after the first byte is written is not seen. {@code onDelivered} runs once, after the
 * cookies were added (used to send the page view of a freshly minted id only when the browser gets
 * that id). Not thread-safe beyond what a response is (one request thread, or one async writer).
 */
final class CookieDeferringResponse extends HttpServletResponseWrapper {

    /**
     * The container's response, kept apart from {@link #getResponse()}: during an include a container
     * may slip its own wrapper below this one (Tomcat does), and that wrapper drops header changes.
     */
    private final HttpServletResponse original;
    private List<String> cookies = List.of();
    private Runnable onDelivered;
    private boolean decided;
    private ServletOutputStream stream;
    private PrintWriter writer;

    CookieDeferringResponse(HttpServletResponse response) {
        super(response);
        this.original = response;
    }

    /**
     * Holds cookies back until the commit.
     *
     * @param setCookies  {@code Set-Cookie} header values
     * @param onDelivered runs once the cookies were added, or null
     */
    void defer(List<String> setCookies, Runnable onDelivered) {
        this.cookies = List.copyOf(setCookies);
        this.onDelivered = onDelivered;
        this.decided = false;
    }

    /** Whether cookies are waiting (when not, the application may get the plain response). */
    boolean holding() {
        return !decided && !cookies.isEmpty();
    }

    /**
     * Decides now (end of the filter chain): adds the cookies when the response is still open and not
     * publicly cacheable. Idempotent.
     */
    void decide() {
        if (decided) {
            return;
        }
        decided = true;
        HttpServletResponse res = original;
        if (cookies.isEmpty() || res.isCommitted() || sharedCacheable(res.getHeaders("Cache-Control"))) {
            return;
        }
        for (String c : cookies) {
            res.addHeader("Set-Cookie", c);
        }
        Runnable r = onDelivered;
        onDelivered = null;
        if (r != null) {
            r.run();
        }
    }

    /**
     * Whether {@code Cache-Control} values allow a shared cache to store the response: a
     * {@code public} or {@code s-maxage} directive (names case-insensitive, RFC 9111 section 5.2).
     *
     * @param values the header's values, may be null or empty
     */
    static boolean sharedCacheable(java.util.Collection<String> values) {
        if (values == null) {
            return false;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String directive : value.split(",")) {
                int eq = directive.indexOf('=');
                String name = (eq < 0 ? directive : directive.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                if (name.equals("public") || name.equals("s-maxage")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void reset() {
        super.reset();
        if (decided && !cookies.isEmpty()) {
            decided = false; // reset removed the headers: decide again at the next commit
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        decide();
        super.flushBuffer();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        decide();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        decide();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        decide();
        super.sendRedirect(location);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new DecidingStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new DecidingWriter(super.getWriter());
        }
        return writer;
    }

    /** Decides before the first byte goes to the container's stream. */
    private final class DecidingStream extends ServletOutputStream {
        private final ServletOutputStream out;

        DecidingStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            decide();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            decide();
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            decide();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            decide();
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    /**
     * Decides before the first character goes to the container's writer. A {@link PrintWriter} over
     * the container's own, so {@code checkError()} still reports the container's I/O errors.
     */
    private final class DecidingWriter extends PrintWriter {

        DecidingWriter(PrintWriter out) {
            super(out, false);
        }

        @Override
        public void write(int c) {
            decide();
            super.write(c);
        }

        @Override
        public void write(char[] buf, int off, int len) {
            decide();
            super.write(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            decide();
            super.write(s, off, len);
        }

        @Override
        public void flush() {
            decide();
            super.flush();
        }

        @Override
        public void close() {
            decide();
            super.close();
        }
    }
}
