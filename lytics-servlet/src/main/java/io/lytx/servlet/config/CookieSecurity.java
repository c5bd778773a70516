package io.lytx.servlet.config;

/** When the identity cookie carries the {@code Secure} attribute. */
public enum CookieSecurity {
    /** When the request reached the application over HTTPS ({@code request.isSecure()}). */
    AUTO,
    /** Always (e.g. behind a TLS-terminating proxy the container does not know about). */
    ALWAYS,
    /** Never (plain-HTTP development only). */
    NEVER
}
