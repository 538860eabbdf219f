package dev.ctx.keyservice.participants;

/**
 * A custodial private key may not be opened: the escrow key (never unsealed by this service), a key version that is not
 * ACTIVE or RETIRED (a revoked key is never used again; a destroyed one has no private part), or a revoked participant.
 */
public final class OpenRefusedException extends RegistryException {

    public OpenRefusedException(String message) {
        super(message);
    }
}
