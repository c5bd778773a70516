package io.lytx.bench.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A plain-HTTP GET request held in fields, as a container would present it after parsing the
 * request line and headers: headers and attributes are answered from memory without allocating
 * (header names are matched ignoring case, by a scan). Cookies are parsed from the {@code Cookie}
 * header on the first {@link #getCookies()} of each request, into new {@link Cookie} objects, as a
 * container does, and the same array is returned for the rest of the request. Only what a page
 * filter reads is supported; anything else (body, parameters, sessions, async, login) throws
 * {@link UnsupportedOperationException}, so that a benchmark notices when the code under test starts
 * to need more.
 *
 * <p>Not thread-safe: one instance per benchmark thread. {@link #reset()} clears the attributes and
 * the parsed cookies between invocations, as a new request would start with none.
 */
public final class FakeRequest implements HttpServletRequest {

    private final String requestUri;
    private final String queryString;
    private final String[] headerNames;
    private final String[] headerValues;
    /** The {@code Cookie} header, or null. */
    private final String cookieHeader;
    /** This request's parsed cookies, or null before the first {@link #getCookies()}. */
    private Cookie[] cookies;
    private final Map<String, Object> attributes = new HashMap<>();

    /**
     * @param requestUri  the request URI (context path {@code ""}), not null
     * @param queryString the query string, or null
     * @param headers     header names and values alternating, not null
     * @param cookies     the request's cookies (names and values only), sent as its {@code Cookie}
     *                    header; null or empty for none
     * @throws NullPointerException     if {@code requestUri} or {@code headers} is null
     * @throws IllegalArgumentException if {@code headers} has an odd length or already holds a {@code Cookie}
     */
    public FakeRequest(String requestUri, String queryString, String[] headers, Cookie[] cookies) {
        this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
        this.queryString = queryString;
        Objects.requireNonNull(headers, "headers");
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers must alternate names and values, got " + headers.length + " items");
        }
        this.cookieHeader = cookieHeader(cookies);
        int n = headers.length / 2 + (cookieHeader == null ? 0 : 1);
        this.headerNames = new String[n];
        this.headerValues = new String[n];
        for (int i = 0; i < headers.length / 2; i++) {
            if ("Cookie".equalsIgnoreCase(headers[2 * i])) {
                throw new IllegalArgumentException("give the cookies as Cookie objects, not as a header");
            }
            headerNames[i] = headers[2 * i];
            headerValues[i] = headers[2 * i + 1];
        }
        if (cookieHeader != null) {
            headerNames[n - 1] = "Cookie";
            headerValues[n - 1] = cookieHeader;
        }
    }

    /** {@code name=value; name=value}, as a browser sends them, or null for none. */
    private static String cookieHeader(Cookie[] cookies) {
        if (cookies == null || cookies.length == 0) {
            return null;
        }
        StringBuilder header = new StringBuilder();
        for (Cookie c : cookies) {
            header.append(header.length() == 0 ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        }
        return header.toString();
    }

    /** Forgets the attributes and the parsed cookies of the previous invocation. */
    public void reset() {
        attributes.clear();
        cookies = null;
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(what + " is not supported by the benchmark request");
    }

    // ------------------------------------------------------------ what a page filter reads

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object o) {
        if (o == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, o);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public String getHeader(String name) {
        for (int i = 0; i < headerNames.length; i++) {
            if (headerNames[i].equalsIgnoreCase(name)) {
                return headerValues[i];
            }
        }
        return null;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        return value == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(java.util.List.of(headerNames));
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public long getDateHeader(String name) {
        if (getHeader(name) == null) {
            return -1;
        }
        throw unsupported("getDateHeader");
    }

    /**
     * The cookies of the {@code Cookie} header, parsed on the first call of this request into new
     * objects ({@code name=value} pairs separated by {@code ;}, blanks around them ignored, pairs
     * without {@code =} or with an empty name skipped); later calls return the same array.
     *
     * @return the cookies, or null when the request has none
     */
    @Override
    public Cookie[] getCookies() {
        if (cookies == null && cookieHeader != null) {
            cookies = parseCookies(cookieHeader);
        }
        return cookies;
    }

    static Cookie[] parseCookies(String header) {
        java.util.List<Cookie> parsed = new java.util.ArrayList<>(4);
        int from = 0;
        while (from < header.length()) {
            int semicolon = header.indexOf(';', from);
            int end = semicolon < 0 ? header.length() : semicolon;
            int eq = header.indexOf('=', from);
            if (eq > from && eq < end) {
                String name = trimmed(header, from, eq);
                if (!name.isEmpty()) {
                    parsed.add(new Cookie(name, trimmed(header, eq + 1, end)));
                }
            }
            from = end + 1;
        }
        return parsed.isEmpty() ? null : parsed.toArray(new Cookie[0]);
    }

    /**
     * The text between {@code from} and {@code to} without the spaces around it, cut out once, as a
     * container's parser does (Tomcat skips them on the header's bytes and makes one string per name
     * and value).
     */
    private static String trimmed(String text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer("http://localhost").append(requestUri);
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getServletPath() {
        return requestUri;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getPathTranslated() {
        return null;
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getScheme() {
        return "http";
    }

    @Override
    public String getServerName() {
        return "localhost";
    }

    @Override
    public int getServerPort() {
        return 8080;
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public String getRemoteAddr() {
        return "127.0.0.1";
    }

    @Override
    public String getRemoteHost() {
        return "127.0.0.1";
    }

    @Override
    public int getRemotePort() {
        return 50000;
    }

    @Override
    public String getLocalName() {
        return "localhost";
    }

    @Override
    public String getLocalAddr() {
        return "127.0.0.1";
    }

    @Override
    public int getLocalPort() {
        return 8080;
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (create) {
            throw unsupported("getSession(true)");
        }
        return null;
    }

    @Override
    public HttpSession getSession() {
        throw unsupported("getSession()");
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public String getAuthType() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    @Override
    public String getCharacterEncoding() {
        return null;
    }

    @Override
    public void setCharacterEncoding(String env) {
        throw unsupported("setCharacterEncoding");
    }

    @Override
    public int getContentLength() {
        return -1;
    }

    @Override
    public long getContentLengthLong() {
        return -1;
    }

    @Override
    public String getContentType() {
        return null;
    }

    @Override
    public Locale getLocale() {
        return Locale.ENGLISH;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        return Collections.enumeration(java.util.List.of(Locale.ENGLISH));
    }

    @Override
    public String getRequestedSessionId() {
        return null;
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    @Override
    public String getRequestId() {
        return "0";
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    // ------------------------------------------------------------ not part of a page filter's path

    @Override
    public ServletInputStream getInputStream() {
        throw unsupported("getInputStream");
    }

    @Override
    public BufferedReader getReader() {
        throw unsupported("getReader");
    }

    @Override
    public String getParameter(String name) {
        throw unsupported("getParameter");
    }

    @Override
    public Enumeration<String> getParameterNames() {
        throw unsupported("getParameterNames");
    }

    @Override
    public String[] getParameterValues(String name) {
        throw unsupported("getParameterValues");
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        throw unsupported("getParameterMap");
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        throw unsupported("getRequestDispatcher");
    }

    @Override
    public ServletContext getServletContext() {
        throw unsupported("getServletContext");
    }

    @Override
    public AsyncContext startAsync() {
        throw unsupported("startAsync");
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        throw unsupported("startAsync");
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw unsupported("getAsyncContext");
    }

    @Override
    public ServletConnection getServletConnection() {
        throw unsupported("getServletConnection");
    }

    @Override
    public String changeSessionId() {
        throw unsupported("changeSessionId");
    }

    @Override
    public boolean authenticate(HttpServletResponse response) {
        throw unsupported("authenticate");
    }

    @Override
    public void login(String username, String password) {
        throw unsupported("login");
    }

    @Override
    public void logout() {
        throw unsupported("logout");
    }

    @Override
    public Collection<Part> getParts() {
        throw unsupported("getParts");
    }

    @Override
    public Part getPart(String name) {
        throw unsupported("getPart");
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) {
        throw unsupported("upgrade");
    }
}
