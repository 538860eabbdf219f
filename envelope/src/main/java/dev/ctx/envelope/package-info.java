/**
 * The envelope API: seal a transaction's confidential fields once under a fresh DEK and wrap the DEK for every
 * recipient ({@link dev.ctx.envelope.EnvelopeSealer}), open them with a recipient's key
 * ({@link dev.ctx.envelope.EnvelopeOpener}), move a wrap to a new key ({@link dev.ctx.envelope.EnvelopeRewrapper}), and
 * check the crypto provider at startup ({@link dev.ctx.envelope.EnvelopeSelfCheck}).
 *
 * <p>Security guarantees: the confidential fields are sealed with AES-256-GCM under a 256-bit DEK used once, with a
 * random 96-bit nonce; the AAD binds (format version, transaction id, random seal id, schema fingerprint that keeps
 * logical types, sorted participant set), so a ciphertext moved to another transaction, seal, schema or participant set
 * fails to open. Each wrap is standard RFC 9180 HPKE (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM) with
 * info = (format version, transaction id, seal id, recipient id, key version) and the same AAD, so a wrap cannot be
 * replayed for another recipient, key version, seal or transaction. Layouts: {@code docs/envelope-format.md}.
 * HPKE base mode does not authenticate the sealer: anyone with the recipients' public keys can seal.
 *
 * <p>Boundary: no Kafka; depends on Avro (serialization of the confidential record), BouncyCastle (X25519) and the
 * JDK (HKDF, AES-GCM). The {@code TransactionContext} is a required parameter of every operation.
 */
package dev.ctx.envelope;
