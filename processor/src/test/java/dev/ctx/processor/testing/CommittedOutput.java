package dev.ctx.processor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;

import dev.ctx.client.open.SealedTransactionOpener;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.transaction.Transaction;

/**
 * What a {@code read_committed} reader sees of the encryption topology's output after a run with faults, and the
 * checks every crash and scale-out test makes of it: each input exactly once as one encrypted record, one envelope and
 * one access event; every wrap opens to the input's confidential fields; no epoch wrap's (enc, sequence) pair repeats
 * anywhere in the envelope log, aborted envelopes included.
 *
 * @param encrypted the committed encrypted records by transaction id
 * @param envelopes the committed envelopes by transaction id
 * @param events the committed access events by transaction id
 */
public record CommittedOutput(
        Map<String, EncryptedTransaction> encrypted, Map<String, Envelope> envelopes, Map<String, AccessEvent> events) {

    /** Reads the three output topics and asserts that each holds every input exactly once. */
    public static CommittedOutput readEveryInputOnce(ProcessorFixture fixture, Map<String, Transaction> inputs) {
        int total = inputs.size();
        CommittedOutput output = new CommittedOutput(
                fixture.readCommittedOnePerKey(
                        fixture.topics.encrypted(),
                        total,
                        fixture.serdes.encrypted().deserializer(),
                        EncryptedTransaction::getTransactionId),
                fixture.readCommittedOnePerKey(
                        fixture.topics.envelopes(),
                        total,
                        fixture.serdes.envelope().deserializer(),
                        Envelope::getTransactionId),
                fixture.readCommittedOnePerKey(
                        fixture.topics.accessEvents(),
                        total,
                        fixture.serdes.accessEvent().deserializer(),
                        AccessEvent::getTransactionId));
        assertThat(output.encrypted.keySet()).as("every input once").isEqualTo(inputs.keySet());
        assertThat(output.envelopes.keySet()).as("one envelope per input").isEqualTo(inputs.keySet());
        assertThat(output.events.keySet()).as("one access event per input").isEqualTo(inputs.keySet());
        return output;
    }

    /** Every committed wrap opens, with its recipient's private key, to its input's confidential fields. */
    public void assertEveryWrapOpens(ProcessorFixture fixture, Map<String, Transaction> inputs) {
        SealedTransactionOpener opener = new SealedTransactionOpener();
        envelopes.forEach((id, envelope) -> {
            byte[] expected = Opening.encode(ConfidentialFields.ofTransaction().project(inputs.get(id)));
            envelope.getWraps()
                    .forEach(wrap -> assertThat(Opening.encode(opener.open(
                                    encrypted.get(id), envelope, fixture.keys.privateKey(wrap.getRecipientId()))))
                            .as("%s opened by %s", id, wrap.getRecipientId())
                            .isEqualTo(expected));
        });
    }

    /**
     * Across every envelope written ({@code read_uncommitted}: aborted ones too, their wraps were sent), every wrap is
     * an epoch wrap and no (enc, sequence) pair repeats.
     *
     * @return how many envelopes were written and how many distinct epochs their wraps name
     */
    public static EpochWrapScan assertNoEpochSequenceRepeats(ProcessorFixture fixture, int atLeast) {
        List<ConsumerRecord<byte[], byte[]>> written = TopicReader.readAll(
                fixture.bootstrap,
                fixture.topics.envelopes(),
                IsolationLevel.READ_UNCOMMITTED,
                atLeast,
                Duration.ofSeconds(60));
        Set<String> pairs = new HashSet<>();
        Set<String> epochs = new HashSet<>();
        int wraps = 0;
        for (ConsumerRecord<byte[], byte[]> record : written) {
            Envelope envelope =
                    fixture.serdes.envelope().deserializer().deserialize(fixture.topics.envelopes(), record.value());
            for (RecipientWrap wrap : envelope.getWraps()) {
                DekWrap parsed =
                        DekWrap.parse(wrap.getRecipientId(), wrap.getKeyVersion(), Opening.bytes(wrap.getWrap()));
                assertThat(parsed.isEpoch()).as("default wrap mode is epoch").isTrue();
                pairs.add(HexFormat.of().formatHex(parsed.enc()) + ":" + parsed.sequence());
                epochs.add(parsed.epochId().orElseThrow().toString());
                wraps++;
            }
        }
        assertThat(pairs).as("(enc, sequence) pairs of %d wraps", wraps).hasSize(wraps);
        return new EpochWrapScan(written.size(), epochs.size());
    }

    /**
     * @param envelopesWritten envelope records in the log, aborted ones included
     * @param epochs distinct epoch ids among their wraps
     */
    public record EpochWrapScan(int envelopesWritten, int epochs) {}
}
