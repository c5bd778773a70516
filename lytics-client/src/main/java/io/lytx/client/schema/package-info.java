/** Catalog: table schemas (both answer shapes), field statistics and stream statistics. */
package io.lytx.client.schema;
