/**
 * The catalog: fields seen per stream with inferred types, the {@code user} and {@code content}
 * table schemas ({@code is_by} on identity fields), field term counts, and {@code /api/schema}.
 */
package io.lytx.sandbox.catalog;
