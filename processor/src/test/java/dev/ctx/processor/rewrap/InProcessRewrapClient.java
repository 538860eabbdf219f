package dev.ctx.processor.rewrap;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.ctx.envelope.EnvelopeRewrapper;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.processor.testing.Opening;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;

/**
 * A {@link RewrapClient} that does what the key service does, in process: it knows the encrypted transactions (for
 * their context) and the participants' private keys, and rewraps with the real {@link EnvelopeRewrapper}, so the new
 * wraps open with the new key.
 */
final class InProcessRewrapClient implements RewrapClient {

    private final EnvelopeRewrapper rewrapper = EnvelopeRewrapper.create();
    private final RotatingKeys keys;
    private final Map<String, EncryptedTransaction> transactions = new ConcurrentHashMap<>();
    private final Set<String> notYetVisible = ConcurrentHashMap.newKeySet();
    private final List<RewrapRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> retirements = new CopyOnWriteArrayList<>();
    private volatile Consumer<RewrapRequest> beforeAnswer = request -> {};
    private volatile boolean unavailable;

    InProcessRewrapClient(RotatingKeys keys) {
        this.keys = keys;
    }

    void knows(EncryptedTransaction transaction) {
        transactions.put(transaction.getTransactionId(), transaction);
    }

    void notYetVisible(String transactionId) {
        notYetVisible.add(transactionId);
    }

    void visible(String transactionId) {
        notYetVisible.remove(transactionId);
    }

    void beforeAnswer(Consumer<RewrapRequest> hook) {
        beforeAnswer = hook;
    }

    void unavailable(boolean down) {
        unavailable = down;
    }

    List<RewrapRequest> requests() {
        return requests;
    }

    /** The retirements asked, as {@code participant/version}, in order. */
    List<String> retirements() {
        return retirements;
    }

    @Override
    public void retire(String participantId, int version) {
        if (unavailable) {
            throw new RewrapUnavailableException("key service down (test)");
        }
        retirements.add(participantId + "/" + version);
    }

    @Override
    public List<RewrapResult> rewrap(RewrapRequest request) {
        requests.add(request);
        if (unavailable) {
            throw new RewrapUnavailableException("key service down (test)");
        }
        beforeAnswer.accept(request);
        return request.items().stream().map(item -> answer(request, item)).toList();
    }

    private RewrapResult answer(RewrapRequest request, RewrapItem item) {
        EncryptedTransaction transaction = transactions.get(item.transactionId());
        if (transaction == null) {
            return RewrapResult.failed(item.transactionId(), item.generation(), RewrapError.UNKNOWN_TRANSACTION);
        }
        if (notYetVisible.contains(item.transactionId())) {
            return RewrapResult.failed(item.transactionId(), item.generation(), RewrapError.NOT_YET_VISIBLE);
        }
        RecipientWrap old = item.wrap();
        RecipientPrivateKey oldKey = keys.privateKey(request.participantId(), old.getKeyVersion());
        if (oldKey == null) {
            return RewrapResult.failed(item.transactionId(), item.generation(), RewrapError.KEY_NOT_OPENABLE);
        }
        TransactionContext context = TransactionContext.of(
                transaction.getTransactionId(),
                Opening.bytes(transaction.getSealed().getSchemaFingerprint()),
                transaction.getParticipants());
        Recipient target =
                keys.privateKey(request.participantId(), request.toVersion()).asRecipient();
        try {
            DekWrap rewrapped = rewrapper.rewrap(
                    DekWrap.parse(old.getRecipientId(), old.getKeyVersion(), Opening.bytes(old.getWrap())),
                    oldKey,
                    target,
                    context);
            return RewrapResult.rewrapped(
                    item.transactionId(),
                    item.generation(),
                    RecipientWrap.newBuilder()
                            .setRecipientId(request.participantId())
                            .setRecipientType(RecipientType.PARTICIPANT)
                            .setKeyVersion(request.toVersion())
                            .setWrap(ByteBuffer.wrap(rewrapped.toBytes()))
                            .build());
        } catch (EnvelopeException e) {
            return RewrapResult.failed(item.transactionId(), item.generation(), RewrapError.INTEGRITY_FAILURE);
        }
    }
}
