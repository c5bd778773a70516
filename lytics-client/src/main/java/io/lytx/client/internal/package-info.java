/**
 * Plumbing shared by the API families: request building, path and query encoding, the transport
 * over Jersey and the Apache 5 connector, response size limits, envelope parsing and tolerant value
 * conversion. Public only so that the capability packages can use it; not a supported API.
 */
package io.lytx.client.internal;
