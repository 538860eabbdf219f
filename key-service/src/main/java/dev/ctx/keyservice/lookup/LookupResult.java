package dev.ctx.keyservice.lookup;

import java.util.Objects;

import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;

/** What the view knows about one transaction id. */
public sealed interface LookupResult {

    /** The encrypted record and its newest envelope generation. */
    record Found(EncryptedTransaction transaction, Envelope envelope) implements LookupResult {
        public Found {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(envelope, "envelope");
        }
    }

    /** The record exists but its envelope was tombstoned (crypto-shredded): HTTP 410. */
    record Shredded(String transactionId) implements LookupResult {
        public Shredded {
            Objects.requireNonNull(transactionId, "transactionId");
        }
    }

    /**
     * Neither record nor envelope is known, or only one half has arrived yet (the other may still be in flight): HTTP
     * 404.
     */
    record Unknown(String transactionId) implements LookupResult {
        public Unknown {
            Objects.requireNonNull(transactionId, "transactionId");
        }
    }
}
