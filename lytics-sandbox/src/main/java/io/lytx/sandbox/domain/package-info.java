/**
 * The sandbox's domain, wired: {@link io.lytx.sandbox.domain.DomainModule} builds the profile
 * store, segments, catalog and content corpus, registers the journal replay handlers and hands
 * the JAX-RS resources to the server; {@link io.lytx.sandbox.domain.DomainWriter} serializes
 * every change so the journal order is the apply order; {@link io.lytx.sandbox.domain.RequestParams}
 * reads query parameters (list parameters in the five Lytics spellings) for every resource.
 */
package io.lytx.sandbox.domain;
