package dev.ctx.processor.audit;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.CheckpointSigningInput;
import dev.ctx.schemas.auditlog.Sha256;

/**
 * An in-process signer with a real Ed25519 key, for topology tests (the key service's own signer is tested in the
 * key-service module, and over HTTP in the ITs). It can be switched off to stand for a key service that is down.
 */
final class Ed25519TestSigner implements CheckpointSigner {

    private final Ed25519SigningKey key = Ed25519SigningKey.generate(new SecureRandom());
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Instant signedAt = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public AccessLogCheckpoint sign(CheckpointDraft draft) {
        calls.incrementAndGet();
        if (!up.get()) {
            throw new CheckpointSigningException(CheckpointFailure.UNAVAILABLE, "key service answered 503");
        }
        AccessLogCheckpoint unsigned = AccessLogCheckpoint.newBuilder()
                .setFormatVersion(1)
                .setPartition(draft.partition())
                .setFirstSequence(draft.firstSequence())
                .setLastSequence(draft.lastSequence())
                .setHeadHash(new Sha256(draft.headHash()))
                .setMerkleRoot(new Sha256(draft.merkleRoot()))
                .setPreviousCheckpoint(new Sha256(draft.previousCheckpoint()))
                .setSignedAt(signedAt)
                .setSigningKeyId(key.verifyingKey().fingerprint())
                .setSignature(ByteBuffer.allocate(0))
                .build();
        signedAt = signedAt.plusSeconds(1);
        byte[] signature = key.sign(CheckpointSigningInput.bytes(unsigned));
        return AccessLogCheckpoint.newBuilder(unsigned)
                .setSignature(ByteBuffer.wrap(signature))
                .build();
    }

    /** The published public key. */
    Ed25519VerifyingKey publicKey() {
        return key.verifyingKey();
    }

    void down() {
        up.set(false);
    }

    void up() {
        up.set(true);
    }

    int calls() {
        return calls.get();
    }
}
