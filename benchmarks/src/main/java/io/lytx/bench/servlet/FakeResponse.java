package io.lytx.bench.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A response that keeps its status and headers in memory and discards its body, as a container's
 * response does before it is committed. {@link #reset()} forgets everything between invocations.
 *
 * <p>Not thread-safe: one instance per benchmark thread.
 */
public final class FakeResponse implements HttpServletResponse {

    private final List<String> headerNames = new ArrayList<>(8);
    private final List<String> headerValues = new ArrayList<>(8);
    private int status = 200;
    private String contentType;
    private String characterEncoding;
    private final ServletOutputStream discard = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            throw new UnsupportedOperationException("setWriteListener is not supported by the benchmark response");
        }

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }
    };

    /** Forgets the status, headers and content type of the previous invocation. */
    public void reset() {
        headerNames.clear();
        headerValues.clear();
        status = 200;
        contentType = null;
        characterEncoding = null;
    }

    /** @return the number of headers set so far (a minted cookie adds one) */
    public int headerCount() {
        return headerNames.size();
    }

    @Override
    public void addCookie(Cookie cookie) {
        addHeader("Set-Cookie", cookie.getName() + "=" + cookie.getValue());
    }

    @Override
    public boolean containsHeader(String name) {
        return getHeader(name) != null;
    }

    @Override
    public String encodeURL(String url) {
        return url;
    }

    @Override
    public String encodeRedirectURL(String url) {
        return url;
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
    }

    @Override
    public void sendError(int sc) {
        status = sc;
    }

    @Override
    public void sendRedirect(String location) {
        status = 302;
        setHeader("Location", location);
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, Long.toString(date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, Long.toString(date));
    }

    @Override
    public void setHeader(String name, String value) {
        for (int i = headerNames.size() - 1; i >= 0; i--) {
            if (headerNames.get(i).equalsIgnoreCase(name)) {
                headerNames.remove(i);
                headerValues.remove(i);
            }
        }
        if (value != null) {
            addHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        headerNames.add(name);
        headerValues.add(value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public String getHeader(String name) {
        for (int i = 0; i < headerNames.size(); i++) {
            if (headerNames.get(i).equalsIgnoreCase(name)) {
                return headerValues.get(i);
            }
        }
        return null;
    }

    @Override
    public Collection<String> getHeaders(String name) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < headerNames.size(); i++) {
            if (headerNames.get(i).equalsIgnoreCase(name)) {
                out.add(headerValues.get(i));
            }
        }
        return out;
    }

    @Override
    public Collection<String> getHeaderNames() {
        return List.copyOf(headerNames);
    }

    @Override
    public String getCharacterEncoding() {
        return characterEncoding == null ? "ISO-8859-1" : characterEncoding;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return discard;
    }

    @Override
    public PrintWriter getWriter() {
        throw new UnsupportedOperationException("getWriter is not supported by the benchmark response");
    }

    @Override
    public void setCharacterEncoding(String charset) {
        characterEncoding = charset;
    }

    @Override
    public void setContentLength(int len) {
        setIntHeader("Content-Length", len);
    }

    @Override
    public void setContentLengthLong(long len) {
        setHeader("Content-Length", Long.toString(len));
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
    }

    @Override
    public void setBufferSize(int size) {
        // no buffer
    }

    @Override
    public int getBufferSize() {
        return 0;
    }

    @Override
    public void flushBuffer() {
        // nothing buffered
    }

    @Override
    public void resetBuffer() {
        // nothing buffered
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void setLocale(Locale loc) {
        // ignored
    }

    @Override
    public Locale getLocale() {
        return Locale.ENGLISH;
    }
}
