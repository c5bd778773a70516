package io.lytx.servlet.it.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * A page of the test application: prints what the request attribute {@code lytics} tells, one
 * {@code key=value} per line, reading the profile (so the request waits for it within the budget), and
 * how long that first read of the profile took ({@code profileWaitMs}).
 *
 * <p>It reads the attribute reflectively, by method name, exactly as JSP EL does, so this class does
 * not link against the plugin (the test JVM may load it without the plugin's classes).
 */
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object lytics = req.getAttribute("lytics");
        resp.setContentType("text/html;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        String cacheControl = req.getParameter("cc");
        if (cacheControl != null) {
            // set after the filter ran and after the writer was taken, before the first byte: as pages do
            resp.setHeader("Cache-Control", cacheControl);
        }
        if (lytics == null) {
            out.println("active=false");
            out.println("reason=not handled");
            return;
        }
        out.println("active=" + call(lytics, "isActive"));
        long waitStart = System.nanoTime();
        Object status = call(lytics, "getStatus"); // the first read of the profile: waits for it within the budget
        long waitedMillis = (System.nanoTime() - waitStart) / 1_000_000;
        out.println("status=" + status);
        out.println("profileWaitMs=" + waitedMillis);
        out.println("reason=" + call(lytics, "getReason"));
        out.println("visitorId=" + call(lytics, "getVisitorId"));
        out.println("knownUser=" + call(lytics, "isKnownUser"));
        out.println("pageViewId=" + call(lytics, "getPageViewId"));
        out.println("segments=" + String.join(",", strings(call(lytics, "getSegments"))));
        out.println("email=" + call(lytics, "field", "email"));
        String recs = req.getParameter("recs");
        if (recs != null) {
            List<?> list = (List<?>) call(lytics, "recommend", Integer.parseInt(recs));
            out.println("recs=" + list.size());
        }
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    static Object call(Object target, String method, Object... args) {
        try {
            for (java.lang.reflect.Method m : target.getClass().getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    return m.invoke(target, args);
                }
            }
            throw new IllegalStateException("no method " + method);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
