package dev.ctx.keyservice.custody;

import java.util.function.Function;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;

/**
 * Lends a participant's unsealed custodial private key to one operation (an access request, a rewrap) and takes it
 * back: the key is valid only inside {@code use} and the caller never destroys or keeps it. Implementations decide
 * how long the unsealed key lives (destroyed at once, or cached with a bounded size and TTL).
 *
 * <p>Refusals are typed: {@link ParticipantHeldKeyException} when the participant holds its own key (BYOK), and the
 * registry's {@code NotFoundException} / {@code OpenRefusedException} for unknown, revoked or destroyed keys.
 */
public interface CustodialKeys {

    /**
     * @param context who asks; recorded when the key is unsealed from custody
     * @param participantId the key's owner (never the escrow key)
     * @param version the key version named in the envelope's wrap
     * @param use what to do with the key; must not keep it beyond the call
     */
    <T> T withKey(AuditContext context, String participantId, int version, Function<X25519PrivateKey, T> use);
}
