/**
 * Data collection: {@code POST /collect/json/{stream}}, {@code POST /collect/bulk/{stream}} (CSV
 * through Apache Commons CSV) and the JavaScript tag's {@code /c/{account}[/{stream}]}. Requests
 * are validated completely before anything is stored (a refused request changes nothing);
 * accepted batches are journaled and applied by {@link io.lytx.sandbox.collect.EventIngest}.
 */
package io.lytx.sandbox.collect;
