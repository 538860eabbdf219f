/**
 * The public keyring record {@link dev.ctx.schemas.keys.ParticipantKeyring} on {@code participant-keys} (generated from
 * {@code keys/*.avsc}) and {@link dev.ctx.schemas.keys.KeyringPublicKeys}, the one decoder of the keys it carries. The
 * signature over a keyring is in {@link dev.ctx.schemas.keys.signing}.
 */
package dev.ctx.schemas.keys;
