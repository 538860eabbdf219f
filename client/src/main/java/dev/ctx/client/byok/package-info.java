/**
 * Participant-held keys (BYOK): registering an own public key with the key service by proving possession of its
 * private key (opening the service's HPKE challenge locally), so the service never holds that private key.
 *
 * <p>Boundary: the only user of the envelope library's proof-of-possession HPKE
 * ({@code dev.ctx.envelope.HpkeChallenge}) in this module is {@link dev.ctx.client.byok.ProofOfPossession}; the calls
 * go through {@link dev.ctx.client.access.AccessClient}.
 */
package dev.ctx.client.byok;
