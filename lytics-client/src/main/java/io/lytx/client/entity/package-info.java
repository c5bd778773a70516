/**
 * Personalization: profile lookups on {@code /api/entity/{table}/{field}/{value}}, with Lytics'
 * HTTP 200 "Not Found" placeholder told apart from a real profile, and tolerant typed access to
 * profile fields.
 */
package io.lytx.client.entity;
