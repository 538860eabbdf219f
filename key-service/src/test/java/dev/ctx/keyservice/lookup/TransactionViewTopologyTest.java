package dev.ctx.keyservice.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.serde.ConfluentAvroSerde;

/** The view topology on the real serdes (mock:// registry), read back through {@link ViewReader}. */
class TransactionViewTopologyTest {

    private static final ViewTopics TOPICS = ViewTopics.defaults();

    @TempDir
    Path stateDir;

    private ConfluentAvroSerde<EncryptedTransaction> encryptedSerde;
    private ConfluentAvroSerde<Envelope> envelopeSerde;
    private ViewSerdes viewSerdes;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EncryptedTransaction> records;
    private TestInputTopic<String, Envelope> envelopes;
    private TestInputTopic<String, byte[]> rawEnvelopes;
    private ViewReader lookup;

    @BeforeEach
    void startDriver() {
        String registryUrl = "mock://view-topology-" + UUID.randomUUID();
        encryptedSerde = ViewRecords.encryptedSerde(registryUrl);
        envelopeSerde = ViewRecords.envelopeSerde(registryUrl);
        viewSerdes = ViewSerdes.create(ViewRecords.registry(registryUrl));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "view-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(TransactionViewTopology.build(TOPICS, viewSerdes), props);
        records = driver.createInputTopic(TOPICS.encrypted(), new StringSerializer(), encryptedSerde.serializer());
        envelopes = driver.createInputTopic(TOPICS.envelopes(), new StringSerializer(), envelopeSerde.serializer());
        rawEnvelopes = driver.createInputTopic(TOPICS.envelopes(), new StringSerializer(), new ByteArraySerializer());
        lookup = new ViewReader(() -> driver.getKeyValueStore(TransactionViewTopology.STORE), TOPICS, viewSerdes);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
        viewSerdes.close();
        encryptedSerde.close();
        envelopeSerde.close();
    }

    @Test
    void newerGenerationReplacesTheOlderOne() {
        // Given
        records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
        envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-1", 1));
        // When
        envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-1", 2));
        // Then
        assertThat(lookup.find("txn-1"))
                .isEqualTo(new LookupResult.Found(ViewRecords.sealed("txn-1"), ViewRecords.envelope("txn-1", 2)));
    }

    @ParameterizedTest(name = "generation {0} after generation 3")
    @ValueSource(ints = {1, 2, 3})
    void olderOrEqualGenerationArrivingLaterIsIgnored(int late) {
        // Given
        records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
        envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-1", 3));
        // When
        Envelope lateEnvelope = ViewRecords.envelope("txn-1", late);
        lateEnvelope.setCreatedAt(lateEnvelope.getCreatedAt().plusSeconds(60));
        envelopes.pipeInput("txn-1", lateEnvelope);
        // Then
        assertThat(lookup.find("txn-1"))
                .isEqualTo(new LookupResult.Found(ViewRecords.sealed("txn-1"), ViewRecords.envelope("txn-1", 3)));
    }

    @Test
    void tombstoneShredsTheTransactionForGood() {
        // Given
        records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
        envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-1", 1));
        // When
        envelopes.pipeInput("txn-1", (Envelope) null);
        envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-1", 2));
        records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
        // Then
        assertThat(lookup.find("txn-1")).isEqualTo(new LookupResult.Shredded("txn-1"));
        assertThat(driver.<String, ViewEntry>getKeyValueStore(TransactionViewTopology.STORE)
                        .get("txn-1"))
                .as("no record or wrap is kept for a shredded transaction")
                .isEqualTo(ViewEntry.shreddedMarker());
    }

    @Test
    void tombstoneBeforeAnyRecordShredsToo() {
        // When
        envelopes.pipeInput("txn-1", (Envelope) null);
        records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
        // Then
        assertThat(lookup.find("txn-1")).isEqualTo(new LookupResult.Shredded("txn-1"));
    }

    @ParameterizedTest(name = "record first: {0}")
    @ValueSource(booleans = {true, false})
    void recordAndEnvelopeInEitherOrderEndFound(boolean recordFirst) {
        // When
        if (recordFirst) {
            records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
            assertThat(lookup.find("txn-1")).as("only the record so far").isEqualTo(new LookupResult.Unknown("txn-1"));
            envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-1", 1));
        } else {
            envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-1", 1));
            assertThat(lookup.find("txn-1"))
                    .as("only the envelope so far")
                    .isEqualTo(new LookupResult.Unknown("txn-1"));
            records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
        }
        // Then
        assertThat(lookup.find("txn-1"))
                .isEqualTo(new LookupResult.Found(ViewRecords.sealed("txn-1"), ViewRecords.envelope("txn-1", 1)));
    }

    @Test
    void cleartextRecordIsUnknownAndNotKept() {
        // When
        records.pipeInput("txn-clear", ViewRecords.cleartext("txn-clear"));
        // Then
        assertThat(lookup.find("txn-clear")).isEqualTo(new LookupResult.Unknown("txn-clear"));
        assertThat(driver.<String, ViewEntry>getKeyValueStore(TransactionViewTopology.STORE)
                        .get("txn-clear"))
                .isNull();
    }

    @Test
    void neverSeenIdIsUnknown() {
        // Given
        records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
        envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-1", 1));
        // When / Then
        assertThat(lookup.find("txn-2")).isEqualTo(new LookupResult.Unknown("txn-2"));
    }

    @Test
    void firstSealOfAnIdWins() {
        // Given
        records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
        envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-1", 1));
        // When
        EncryptedTransaction repeated = ViewRecords.sealed("txn-1");
        repeated.setJobId("job-other");
        records.pipeInput("txn-1", repeated);
        // Then
        assertThat(lookup.find("txn-1"))
                .isEqualTo(new LookupResult.Found(ViewRecords.sealed("txn-1"), ViewRecords.envelope("txn-1", 1)));
    }

    @Test
    void undecodableEnvelopeIsSkippedAndLaterRecordsStillCount() {
        // Given
        records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
        // When
        rawEnvelopes.pipeInput("txn-1", new byte[] {0x07, 0x01});
        envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-1", 1));
        // Then
        assertThat(lookup.find("txn-1"))
                .isEqualTo(new LookupResult.Found(ViewRecords.sealed("txn-1"), ViewRecords.envelope("txn-1", 1)));
    }

    @Test
    void envelopeKeyedByAnotherIdIsSkipped() {
        // Given
        records.pipeInput("txn-1", ViewRecords.sealed("txn-1"));
        // When
        envelopes.pipeInput("txn-1", ViewRecords.envelope("txn-9", 1));
        // Then
        assertThat(lookup.find("txn-1")).isEqualTo(new LookupResult.Unknown("txn-1"));
    }
}
