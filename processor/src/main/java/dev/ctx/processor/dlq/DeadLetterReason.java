package dev.ctx.processor.dlq;

/** Why a transaction was not encrypted; the {@code reason} code of its dead letter and the metric tag. */
public enum DeadLetterReason {

    /** The value (or key) bytes are not a decodable Confluent-framed Avro record. */
    UNDECODABLE_RECORD,

    /** The writer schema is unknown to the registry or cannot be read as a {@code Transaction}. */
    SCHEMA_MISMATCH,

    /** The record key is missing or differs from the transaction id in the value. */
    KEY_MISMATCH,

    /** The transaction names no participant. */
    NO_PARTICIPANTS,

    /** The transaction names the reserved escrow id as a participant. */
    RESERVED_PARTICIPANT_ID,

    /** A participant has no keyring on the participant-keys topic. */
    UNKNOWN_PARTICIPANT,

    /** A participant's status is REVOKED. */
    PARTICIPANT_REVOKED,

    /** A participant's status is neither ACTIVE nor REVOKED (suspended or unknown). */
    PARTICIPANT_INACTIVE,

    /** A participant's KYC status is not VERIFIED. */
    KYC_NOT_VERIFIED,

    /** A participant has no current ACTIVE public key (or its key is not a valid X25519 public key). */
    NO_ACTIVE_KEY,

    /** The audit escrow key is missing, not ACTIVE, or has no current ACTIVE public key. */
    ESCROW_KEY_UNAVAILABLE,

    /** The writer schema's fingerprint is not on the configured allow-list for the transactions topic. */
    WRITER_SCHEMA_NOT_ALLOWED,

    /** A transaction with this id was already sealed with different content. */
    DUPLICATE_TRANSACTION_ID,

    /** A participant's (or the escrow's) keyring is unsigned, mis-signed, or keyed under another id. */
    UNTRUSTED_KEYRING,

    /** The envelope library refused to seal. */
    SEAL_FAILED,

    /** The key service refused to rewrap an envelope for a participant's new key version (rewrap topology). */
    REWRAP_FAILED,

    /** An access event the sealer cannot chain: a tombstone, no event id, or no canonical encoding (audit sealer). */
    UNSEALABLE_EVENT,

    /** Any other failure while processing the record. */
    PROCESSING_FAILED
}
