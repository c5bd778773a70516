package io.lytx.servlet.internal.web;

/**
 * How a page wants its head markup ({@link TemplateSupport#head}): the options of the JSP
 * {@code <lytics:head/>} tag and the Thymeleaf {@code lytics:head} element. Immutable.
 *
 * @param nonce           the CSP nonce to use, or null for the request attribute named by
 *                        {@code lytics.csp.nonce.attribute}
 * @param recommendations fetch this many recommendations first so they are in the bootstrap, clamped
 *                        to 0..100 (0 = none)
 * @param loadTag         whether to load the official Lytics JS tag; null = as configured
 *                        ({@code lytics.tag.loader})
 * @param deferred        write the deferred bootstrap of a page served from a shared cache (no visitor
 *                        data: the helper asks the profile endpoint)
 * @param timeoutMs       the helper's bounded wait for the profile endpoint on deferred pages, ms, or
 *                        null for the helper's default
 */
public record HeadOptions(String nonce, int recommendations, Boolean loadTag, boolean deferred, Integer timeoutMs) {

    /** Nothing asked: the request's nonce, no recommendations, the configured tag loader, not deferred. */
    public static final HeadOptions DEFAULTS = new HeadOptions(null, 0, null, false, null);

    /** Clamps {@code recommendations} to 0..100. */
    public HeadOptions {
        recommendations = Math.max(0, Math.min(100, recommendations));
    }
}
