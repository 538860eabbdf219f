/**
 * Which fields of a transaction are confidential (the {@code "ctx.confidential": true} field property) and the one Avro
 * record they are sealed as. The processor projects transactions into it; consumers decode opened records with it.
 */
package dev.ctx.schemas.confidential;
