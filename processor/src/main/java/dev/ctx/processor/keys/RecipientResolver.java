package dev.ctx.processor.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.dlq.RejectedTransactionException;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * Resolves the recipients of a transaction: each distinct participant (sorted by id), then the escrow key. Fails
 * closed with a {@link RejectedTransactionException} whose reason names the first problem found.
 */
public final class RecipientResolver {

    private final KeyringLookup keyrings;

    public RecipientResolver(KeyringLookup keyrings) {
        this.keyrings = Objects.requireNonNull(keyrings, "keyrings");
    }

    /**
     * @param participants the transaction's participant ids, in any order, possibly repeated
     * @throws RejectedTransactionException if any participant or the escrow key cannot receive the DEK
     */
    public List<ResolvedRecipient> resolve(List<String> participants) {
        TreeSet<String> distinct = new TreeSet<>(participants);
        if (distinct.isEmpty()) {
            throw new RejectedTransactionException(DeadLetterReason.NO_PARTICIPANTS, "transaction has no participants");
        }
        List<ResolvedRecipient> recipients = new ArrayList<>(distinct.size() + 1);
        for (String participantId : distinct) {
            recipients.add(participant(participantId));
        }
        recipients.add(escrow());
        return List.copyOf(recipients);
    }

    private ResolvedRecipient participant(String id) {
        if (Recipient.ESCROW_ID.equals(id)) {
            throw reject(DeadLetterReason.RESERVED_PARTICIPANT_ID, id, "is reserved for the escrow key");
        }
        ParticipantKeyring keyring =
                keyrings.find(id).orElseThrow(() -> reject(DeadLetterReason.UNKNOWN_PARTICIPANT, id, "has no keyring"));
        requireTrusted(id, keyring);
        if (keyring.getStatus() == ParticipantStatus.REVOKED) {
            throw reject(DeadLetterReason.PARTICIPANT_REVOKED, id, "is revoked");
        }
        if (keyring.getStatus() != ParticipantStatus.ACTIVE) {
            throw reject(DeadLetterReason.PARTICIPANT_INACTIVE, id, "has status " + keyring.getStatus());
        }
        if (keyring.getKycStatus() != KycStatus.VERIFIED) {
            throw reject(DeadLetterReason.KYC_NOT_VERIFIED, id, "has KYC status " + keyring.getKycStatus());
        }
        X25519PublicKey key = CurrentKeys.activeKey(keyring)
                .orElseThrow(() -> reject(
                        DeadLetterReason.NO_ACTIVE_KEY,
                        id,
                        "has no ACTIVE X25519 key at current version " + keyring.getCurrentVersion()));
        return new ResolvedRecipient(id, RecipientType.PARTICIPANT, keyring.getCurrentVersion(), key);
    }

    private ResolvedRecipient escrow() {
        keyrings.find(Recipient.ESCROW_ID).ifPresent(ring -> requireTrusted(Recipient.ESCROW_ID, ring));
        ParticipantKeyring keyring = keyrings.find(Recipient.ESCROW_ID)
                .filter(ring -> ring.getRole() == ParticipantRole.ESCROW)
                .filter(ring -> ring.getStatus() == ParticipantStatus.ACTIVE)
                .orElseThrow(() -> reject(
                        DeadLetterReason.ESCROW_KEY_UNAVAILABLE,
                        Recipient.ESCROW_ID,
                        "has no ACTIVE keyring with role ESCROW"));
        X25519PublicKey key = CurrentKeys.activeKey(keyring)
                .orElseThrow(() -> reject(
                        DeadLetterReason.ESCROW_KEY_UNAVAILABLE, Recipient.ESCROW_ID, "has no ACTIVE X25519 key"));
        return new ResolvedRecipient(Recipient.ESCROW_ID, RecipientType.ESCROW, keyring.getCurrentVersion(), key);
    }

    /**
     * The store holds only keyrings {@link KeyringTrust} accepted, whose id equals their key; anything else is the
     * marker {@link TrustedKeyringProcessor} stored for a refused one.
     */
    private static void requireTrusted(String id, ParticipantKeyring keyring) {
        if (!id.equals(keyring.getParticipantId())) {
            throw reject(
                    DeadLetterReason.UNTRUSTED_KEYRING,
                    id,
                    "has an untrusted keyring (unsigned, mis-signed or keyed under another id)");
        }
    }

    private static RejectedTransactionException reject(DeadLetterReason reason, String id, String problem) {
        return new RejectedTransactionException(reason, "participant " + id + " " + problem);
    }
}
