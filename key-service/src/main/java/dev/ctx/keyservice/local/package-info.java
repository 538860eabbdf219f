/**
 * A key service for local runs (the demo, the benchmarks): a fresh PKCS#12 keystore KEK in a local directory and an
 * HS256 token issuer whose secret never leaves this process. Not a production configuration.
 */
package dev.ctx.keyservice.local;
