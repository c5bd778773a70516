/**
 * Segments: the registry, the journaled write side (upsert by slug, include-cycle check), live
 * membership evaluation with the FilterQL evaluator of {@code io.lytx.sandbox.filterql}, the
 * opaque scan cursor, the ad-hoc size throttle and the {@code /api/segment} resource.
 */
package io.lytx.sandbox.segment;
