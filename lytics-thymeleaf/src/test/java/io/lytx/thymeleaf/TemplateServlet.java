package io.lytx.thymeleaf;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Renders {@code templates/<name>.html} with plain Thymeleaf and the Lytics dialect (one line). */
public class TemplateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient TemplateEngine engine;
    private transient JakartaServletWebApplication application;

    @Override
    public void init() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new LyticsDialect());
        application = JakartaServletWebApplication.buildApplication(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "page" : req.getPathInfo().substring(1);
        WebContext context = new WebContext(application.buildExchange(req, resp), req.getLocale());
        // the site's own items for lytics:fallback; the second one is markup, which th:text must escape
        context.setVariable("picks", java.util.List.of("editors-pick-1", "<b>editors-pick-2</b>", "editors-pick-3"));
        resp.setContentType("text/html;charset=UTF-8");
        engine.process(name, context, resp.getWriter());
    }
}
