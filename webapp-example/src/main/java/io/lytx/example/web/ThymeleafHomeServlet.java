package io.lytx.example.web;

import io.lytx.example.content.FeaturedArticles;
import io.lytx.example.content.Links;
import io.lytx.example.content.SiteTopics;
import io.lytx.thymeleaf.LyticsDialect;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * {@code GET /thymeleaf}: the home page again, rendered by Thymeleaf with the Lytics dialect
 * registered in one line ({@code engine.addDialect(new LyticsDialect())}). Templates are read from
 * {@code /WEB-INF/templates/} and cached. Thread-safe (the engine is built once in {@link #init()}).
 */
@WebServlet("/thymeleaf")
public class ThymeleafHomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient JakartaServletWebApplication application;
    private transient TemplateEngine engine;

    /** For the container. */
    public ThymeleafHomeServlet() {
        // the engine is built in init()
    }

    @Override
    public void init() {
        application = JakartaServletWebApplication.buildApplication(getServletContext());
        WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
        resolver.setPrefix("/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new LyticsDialect());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        WebContext context = new WebContext(application.buildExchange(req, resp), req.getLocale());
        Object topics = getServletContext().getAttribute(SiteTopics.ATTRIBUTE);
        context.setVariable("topics", topics instanceof SiteTopics st ? st.list() : List.of());
        context.setVariable("links", getServletContext().getAttribute(Links.ATTRIBUTE));
        Object featured = getServletContext().getAttribute(FeaturedArticles.ATTRIBUTE);
        context.setVariable("featured", featured instanceof FeaturedArticles f ? f.list() : List.of());
        context.setVariable("user", req.getAttribute(LoginServlet.USER_ATTRIBUTE));
        context.setVariable("showConsentBanner", req.getCookies() == null
                || Arrays.stream(req.getCookies()).noneMatch(c -> ConsentServlet.COOKIE.equals(c.getName())));
        resp.setContentType("text/html;charset=UTF-8");
        engine.process("home", context, resp.getWriter());
    }
}
