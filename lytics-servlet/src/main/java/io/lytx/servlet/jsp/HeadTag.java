package io.lytx.servlet.jsp;

import io.lytx.servlet.internal.web.HeadOptions;
import io.lytx.servlet.internal.web.TemplateSupport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.PageContext;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <lytics:head/>}: writes, for {@code <head>}, the bootstrap ({@code <script
 * type="application/json" id="lytics-bootstrap">}, script-safe), the helper {@code <script>} with the
 * request's CSP nonce, and optionally the official Lytics JS tag loader set to the same cookie id.
 *
 * <p>Attributes: {@code nonce} (default: request attribute named by {@code lytics.csp.nonce.attribute},
 * {@code cspNonce}), {@code tag} (load the official tag; default {@code lytics.tag.loader}),
 * {@code recommendations} (fetch that many first so they are in the bootstrap), {@code deferred}
 * (pages served from a shared cache: no visitor data, the helper asks {@code /lytics/profile}),
 * {@code timeout} (the helper's bounded wait for deferred pages, ms). One instance per use (JSP rule).
 */
public class HeadTag extends SimpleTagSupport {

    private String nonce;
    private Boolean tag;
    private int recommendations;
    private boolean deferred;
    private Integer timeout;

    /** For the container. */
    public HeadTag() {
        // attributes are set by the container
    }

    /** @param nonce the CSP nonce to use instead of the request attribute */
    public void setNonce(String nonce) {
        this.nonce = nonce;
    }

    /** @param tag whether to load the official Lytics JS tag */
    public void setTag(Boolean tag) {
        this.tag = tag;
    }

    /** @param recommendations number of recommendations put in the bootstrap (0..100) */
    public void setRecommendations(int recommendations) {
        this.recommendations = recommendations;
    }

    /** @param deferred write the deferred bootstrap of a cached page */
    public void setDeferred(boolean deferred) {
        this.deferred = deferred;
    }

    /** @param timeout the helper's wait for the profile endpoint, ms (0..10000) */
    public void setTimeout(Integer timeout) {
        this.timeout = timeout;
    }

    @Override
    public void doTag() throws JspException, IOException {
        PageContext pc = Pages.page(getJspContext());
        HttpServletRequest req = (HttpServletRequest) pc.getRequest();
        HttpServletResponse res = pc.getResponse() instanceof HttpServletResponse r ? r : null;
        pc.getOut().write(TemplateSupport.of(pc.getServletContext()).head(req, res,
                new HeadOptions(nonce, recommendations, tag, deferred, timeout)));
    }
}
