package dev.ctx.processor.audit;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;

/** Gets a checkpoint signed with the custodial audit signing key ({@link HttpCheckpointSigner} in production). */
@FunctionalInterface
public interface CheckpointSigner {

    /**
     * The signed checkpoint of {@code draft}: its fields plus {@code signedAt}, {@code signingKeyId} and the Ed25519
     * {@code signature} over signing input v1.
     *
     * @throws CheckpointSigningException when it was not signed (the sealer retries later; it never writes unsigned)
     */
    AccessLogCheckpoint sign(CheckpointDraft draft);

    /** A signer for a sealer without a key service: every checkpoint fails with {@code not_configured}. */
    static CheckpointSigner notConfigured() {
        return draft -> {
            throw new CheckpointSigningException(CheckpointFailure.NOT_CONFIGURED, "no audit key service configured");
        };
    }
}
