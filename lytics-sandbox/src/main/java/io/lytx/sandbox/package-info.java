/**
 * The Lytics sandbox: {@link io.lytx.sandbox.LyticsSandbox} (embedded start/stop),
 * {@link io.lytx.sandbox.SandboxOptions} and the standalone {@link io.lytx.sandbox.Main}.
 */
package io.lytx.sandbox;
