/**
 * The confidential fields as JSON, in the form the key service's access API answers with: decimals as strings,
 * timestamps as ISO-8601 strings, nested records as objects, bytes as base64.
 *
 * <p>Boundary: Avro generic records in, Jackson trees out; no crypto, no I/O.
 */
package dev.ctx.client.fields;
