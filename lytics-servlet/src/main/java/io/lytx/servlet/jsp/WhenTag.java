package io.lytx.servlet.jsp;

/**
 * {@code <lytics:when in="vip" match="any">} inside {@code <lytics:choose>}: a segment branch (same
 * attributes as {@link SegmentTag}). One instance per use (JSP rule).
 */
public class WhenTag extends SegmentTag {

    /** For the container. */
    public WhenTag() {
        // attributes are set by the container
    }
}
