package io.lytx.example.web;

import io.lytx.client.error.LyticsException;
import io.lytx.example.content.Article;
import io.lytx.example.content.ArticleCatalog;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /articles}: every article of the corpus by topic; {@code GET /articles/<topic>/<slug>}:
 * one article. The articles come from the Lytics content API ({@link ArticleCatalog}); the page view
 * the library forwards for an article page is what builds the visitor's topic affinity. When Lytics
 * cannot be read the page says so (503) instead of failing. Thread-safe.
 */
@WebServlet(urlPatterns = {"/articles", "/articles/*"})
public class ArticleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern ONE = Pattern.compile("^/([a-z0-9-]{1,64})/([a-z0-9-]{1,128})/?$");

    /** For the container. */
    public ArticleServlet() {
        // stateless
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        ArticleCatalog catalog = (ArticleCatalog) getServletContext().getAttribute(ArticleCatalog.ATTRIBUTE);
        String path = req.getPathInfo();
        try {
            if (path == null || "/".equals(path)) {
                req.setAttribute("articlesByTopic", catalog.byTopic());
                req.getRequestDispatcher("/WEB-INF/jsp/articles.jsp").forward(req, resp);
                return;
            }
            Matcher m = ONE.matcher(path);
            Optional<Article> article = m.matches() ? catalog.find(m.group(1), m.group(2)) : Optional.empty();
            if (article.isEmpty()) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no such article");
                return;
            }
            req.setAttribute("article", article.get());
            req.getRequestDispatcher("/WEB-INF/jsp/article.jsp").forward(req, resp);
        } catch (LyticsException e) {
            log("content API unavailable: " + e.getMessage());
            resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            req.setAttribute("contentError", "The articles could not be read from Lytics right now.");
            req.getRequestDispatcher("/WEB-INF/jsp/articles.jsp").forward(req, resp);
        }
    }
}
