/**
 * Who may call what: API tokens (created, listed, expired, deleted), roles and their permissions
 * per API area, the IP allowlist with CIDR ranges and trusted proxies, and the two JAX-RS filters
 * that enforce them (authentication before routing, permissions after).
 */
package io.lytx.sandbox.auth;
