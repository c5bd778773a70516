/**
 * Micrometer meters of the plugin ({@link io.lytx.servlet.metrics.micrometer.LyticsMeterBinder}).
 *
 * <p>The only package of {@code lytics-servlet} that uses Micrometer, an optional dependency: no other
 * class refers to this package, so the plugin loads and works the same without Micrometer on the
 * class path.
 */
package io.lytx.servlet.metrics.micrometer;
