package dev.ctx.keyservice.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.custody.ParticipantHeldKeyException;
import dev.ctx.keyservice.participants.NotFoundException;

/** In-process custodial keys for unit tests: lends the sample's keys; some participants hold their own. */
final class FakeCustodialKeys implements CustodialKeys {

    final Set<String> participantHeld = new HashSet<>();
    final List<String> lent = new ArrayList<>();
    /** Thrown instead of lending any key, when set. */
    RuntimeException failure;

    private final Map<String, X25519PrivateKey> keys;

    FakeCustodialKeys(Map<String, X25519PrivateKey> keys) {
        this.keys = keys;
    }

    @Override
    public <T> T withKey(AuditContext context, String participantId, int version, Function<X25519PrivateKey, T> use) {
        if (failure != null) {
            throw failure;
        }
        if (participantHeld.contains(participantId)) {
            throw new ParticipantHeldKeyException(participantId, version);
        }
        X25519PrivateKey key = keys.get(participantId + "/" + version);
        if (key == null) {
            throw new NotFoundException("no key " + participantId + " v" + version);
        }
        lent.add(participantId + "/" + version);
        return use.apply(key);
    }
}
