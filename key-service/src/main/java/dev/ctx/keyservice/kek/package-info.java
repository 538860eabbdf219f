/**
 * Master key-encryption keys (KEKs): the one secret that seals every custodial private key.
 *
 * <p>{@link dev.ctx.keyservice.kek.MasterKek} is the only way to use a KEK; the key itself never leaves its provider.
 * Providers: a PKCS#11 token through SunPKCS11 ({@link dev.ctx.keyservice.kek.Pkcs11Kek}, non-extractable key) and a
 * PKCS#12 keystore file ({@link dev.ctx.keyservice.kek.Pkcs12KeystoreKek}, the embedded default). A token key is
 * accepted only if the token reports it non-extractable ({@code KeyProtection}, read by {@code TokenAttributes});
 * otherwise, or if that cannot be read, opening fails with {@link dev.ctx.keyservice.kek.ExtractableKekException}.
 */
package dev.ctx.keyservice.kek;
