/**
 * The processor's HTTP plumbing to the key service (java.net.http, JSON, bearer token, optional TLS trust store, one
 * timeout per call), shared by the rewrap client and the audit sealer's checkpoint signer.
 */
package dev.ctx.processor.keyservice;
