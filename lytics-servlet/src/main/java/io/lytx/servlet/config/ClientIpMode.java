package io.lytx.servlet.config;

/** Whether and how the client IP address goes into forwarded page views. */
public enum ClientIpMode {
    /** The address as the container reports it. */
    FULL,
    /** IPv4 truncated to /24 (last octet 0), IPv6 to /48. */
    ANONYMIZED,
    /** No IP at all. */
    OFF
}
