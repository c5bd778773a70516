/**
 * The sandbox's HTTP plumbing shared by every resource: the Lytics envelope ({@link
 * io.lytx.sandbox.http.Envelope}), errors ({@link io.lytx.sandbox.http.ApiError} and the mapper
 * that answers every exception in the envelope), strict JSON input with positions, body limits,
 * route templates, and the Grizzly add-on that declines HTTP/2 upgrade offers.
 */
package io.lytx.sandbox.http;
