package dev.ctx.keyservice.custody;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.keyservice.audit.AuditContext;

/**
 * A plain {@link CustodialKeys} for tests: one fixed key pair per (participant, version), unsealed into a fresh handle
 * on every call and destroyed when the call returns, as the real one does; counts the unseals.
 */
final class CountingCustodialKeys implements CustodialKeys {

    private final Map<CustodyCacheKey, byte[]> scalars = new ConcurrentHashMap<>();
    private final AtomicInteger unseals = new AtomicInteger();

    @Override
    public <T> T withKey(AuditContext context, String participantId, int version, Function<X25519PrivateKey, T> use) {
        unseals.incrementAndGet();
        X25519PrivateKey key = X25519PrivateKey.takeCopyOf(scalar(participantId, version));
        try {
            return use.apply(key);
        } finally {
            key.destroy();
        }
    }

    private byte[] scalar(String participantId, int version) {
        return scalars.computeIfAbsent(new CustodyCacheKey(participantId, version), ignored -> {
            X25519KeyPair pair = X25519KeyPair.generate();
            byte[] bytes = pair.privateKey().exposeSecretBytesForCustodySealing();
            pair.destroy();
            return bytes;
        });
    }

    X25519PublicKey publicKey(String participantId, int version) {
        X25519PrivateKey key = X25519PrivateKey.takeCopyOf(scalar(participantId, version));
        key.destroy();
        return key.publicKey();
    }

    int unseals() {
        return unseals.get();
    }
}
