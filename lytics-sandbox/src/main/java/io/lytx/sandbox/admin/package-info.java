/**
 * The sandbox-only control plane under {@code /_sandbox/}: request counts per route, fault
 * injection per route (latency, error status and rate, hang, malformed body) and reset.
 */
package io.lytx.sandbox.admin;
