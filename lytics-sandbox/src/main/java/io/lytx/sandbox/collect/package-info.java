/**
 * Data collection: {@code POST /collect/json/{stream}}, {@code POST /collect/bulk/{stream}} (CSV
 * through Apache Commons CSV, or JSON; read and stored as a stream, see
 * {@link io.lytx.sandbox.collect.BulkUpload}) and the JavaScript tag's
 * {@code /c/{account}[/{stream}]}. A {@code /collect/json} or {@code /c/} request is validated
 * completely before anything is stored (a refused one changes nothing); a bulk upload stops at its
 * first bad record with the records before it stored, as Lytics documents. Accepted batches are
 * journaled and applied by {@link io.lytx.sandbox.collect.EventIngest}.
 */
package io.lytx.sandbox.collect;
