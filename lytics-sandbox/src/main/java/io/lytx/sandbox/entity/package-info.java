/**
 * The personalization (entity) API, {@code /api/entity/...} and {@code /api/me/...}, including
 * Lytics' HTTP 200 {@code "Not Found"} placeholder for unknown visitors.
 */
package io.lytx.sandbox.entity;
