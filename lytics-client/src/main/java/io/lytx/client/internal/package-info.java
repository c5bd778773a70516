/**
 * Plumbing shared by the API families, one job per class: {@link io.lytx.client.internal.ApiCalls}
 * (what the families call through, and what closes everything), {@code JerseyExchange} (requests
 * through Jersey and the Apache 5 connector), {@code UploadExchange} (in-memory bodies straight
 * through Apache HttpClient on the same pool), {@code AsyncRunner} (async calls under deadlines),
 * {@code SizeCappedReader} (answers read under the size cap), request building, path and query
 * encoding ({@link io.lytx.client.internal.ListParams} for lists), envelope parsing and tolerant
 * value conversion. Public only so that the API families and the project's other modules can use
 * it; not a supported API, and it may change in any release.
 */
package io.lytx.client.internal;
