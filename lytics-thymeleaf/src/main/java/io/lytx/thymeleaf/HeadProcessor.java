package io.lytx.thymeleaf;

import io.lytx.servlet.internal.web.HeadOptions;
import io.lytx.servlet.internal.web.TemplateSupport;
import jakarta.servlet.http.HttpServletRequest;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code <lytics:head/>} (inside {@code <head>}): replaced by the bootstrap JSON (script-safe), the
 * helper {@code <script>} with the request's CSP nonce and, when configured or asked with
 * {@code tag="true"}, the official Lytics JS tag loader. Optional literal attributes:
 * {@code recommendations} (fetch that many first, so they are in the bootstrap), {@code deferred}
 * (pages served from a shared cache), {@code timeout} (ms), {@code nonce}, {@code tag}. Outside a
 * servlet request it is removed. Stateless.
 */
final class HeadProcessor extends AbstractElementTagProcessor {

    HeadProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, "head", true, null, false, 1000);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
                             IElementTagStructureHandler structureHandler) {
        HttpServletRequest req = Requests.request(context);
        if (req == null) {
            structureHandler.removeElement();
            return;
        }
        String tagAttr = tag.getAttributeValue("tag");
        HeadOptions options = new HeadOptions(tag.getAttributeValue("nonce"),
                number(tag.getAttributeValue("recommendations"), 0),
                tagAttr == null ? null : Boolean.valueOf(tagAttr.strip()),
                Boolean.parseBoolean(tag.getAttributeValue("deferred")),
                tag.getAttributeValue("timeout") == null ? null : number(tag.getAttributeValue("timeout"), 0));
        String html = TemplateSupport.of(req.getServletContext()).head(req, Requests.response(context), options);
        structureHandler.replaceWith(html, false);
    }

    private static int number(String text, int dflt) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new TemplateProcessingException("lytics:head: expected a number, got '" + text + "'");
        }
    }
}
