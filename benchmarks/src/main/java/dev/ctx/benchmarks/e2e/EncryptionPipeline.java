package dev.ctx.benchmarks.e2e;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.envelope.EpochPolicy;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.config.WrapMode;
import dev.ctx.processor.dlq.DeadLetterRecords;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.encrypt.EncryptionSettings;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.encrypt.InstrumentedSealer;
import dev.ctx.processor.keys.KeyringTrust;
import dev.ctx.processor.metrics.MicrometerProcessorMetrics;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topology.EncryptionTopology;
import dev.ctx.processor.topology.StreamsProperties;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;
import dev.ctx.schemas.keys.PublicKeyVersion;
import dev.ctx.schemas.keys.signing.KeyringSigningInput;
import dev.ctx.testkit.data.GeneratorSettings;

/**
 * The product's encryption topology ({@link EncryptionTopology#build}) with per-transaction or epoch DEK wraps, with
 * the keyrings of the generated participants and the escrow key published to its {@code participant-keys} topic first.
 * Measured on {@code transactions.encrypted}. The pipeline plays the key service for its keyrings: it signs them with
 * its own Ed25519 key, and the topology pins that key and the escrow key's fingerprint, so the processor's keyring
 * verification runs as in production.
 */
final class EncryptionPipeline implements Pipeline {

    private final String runId;
    private final GeneratorSettings input;
    private final WrapMode wrapMode;
    private final boolean receipts;
    private final TopicNames topics;
    private final DeadLetters deadLetters;
    private final MicrometerProcessorMetrics metrics = new MicrometerProcessorMetrics(new SimpleMeterRegistry());
    private final Ed25519SigningKey keyringSigner = Ed25519SigningKey.generate(new SecureRandom());
    private String escrowFingerprint;

    EncryptionPipeline(String runId, GeneratorSettings input, WrapMode wrapMode) {
        this(runId, input, wrapMode, true);
    }

    /** With {@code receipts} false the sealer makes no receipts ({@code receipts.enabled=false}). */
    EncryptionPipeline(String runId, GeneratorSettings input, WrapMode wrapMode, boolean receipts) {
        this.runId = runId;
        this.input = input;
        this.wrapMode = wrapMode;
        this.receipts = receipts;
        this.topics = new TopicNames(
                runId + ".unused-input",
                runId + ".encrypted",
                runId + ".envelopes",
                runId + ".participant-keys",
                runId + ".access-events",
                runId + ".dlq",
                runId + ".envelope-commands",
                runId + ".receipts");
        this.deadLetters = new DeadLetters("bench/" + runId, Clock.systemUTC());
    }

    @Override
    public String name() {
        return (wrapMode == WrapMode.EPOCH ? "encrypt-epoch" : "encrypt") + (receipts ? "" : "-no-receipts");
    }

    @Override
    public void prepare(BenchmarkEnvironment environment) throws Exception {
        environment.createTopics(
                topics.encrypted(),
                topics.envelopes(),
                topics.participantKeys(),
                topics.accessEvents(),
                topics.deadLetters(),
                topics.receipts());
        List<String> ids = new ArrayList<>(input.participantPool());
        ids.add(Recipient.ESCROW_ID);
        try (KafkaProducer<String, ParticipantKeyring> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", environment.bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                environment.serde(ParticipantKeyring.class).serializer())) {
            for (String id : ids) {
                producer.send(new ProducerRecord<>(topics.participantKeys(), id, keyring(id)));
            }
        }
    }

    @Override
    public Topology topology(BenchmarkEnvironment environment, String inputTopic) {
        TopicNames withInput = new TopicNames(
                inputTopic,
                topics.encrypted(),
                topics.envelopes(),
                topics.participantKeys(),
                topics.accessEvents(),
                topics.deadLetters(),
                topics.envelopeCommands(),
                topics.receipts());
        EnvelopeLibrarySealer sealer = EnvelopeLibrarySealer.create(wrapMode, EpochPolicy.defaults());
        EncryptionSettings settings = new EncryptionSettings(
                EncryptionMode.ALWAYS,
                new InstrumentedSealer(receipts ? sealer : sealer.withoutReceipts(), metrics),
                metrics,
                deadLetters,
                "bench",
                Clock.systemUTC());
        return EncryptionTopology.build(
                withInput,
                serdes(environment),
                settings,
                new KeyringTrust(
                        keyringSigner.verifyingKey(),
                        Set.of(Objects.requireNonNull(
                                escrowFingerprint,
                                "prepare() publishes the escrow keyring before the topology is built"))));
    }

    /** The product's dead-letter handlers, as the processor wires them. */
    @Override
    public Properties streamsOverrides(BenchmarkEnvironment environment) {
        return StreamsProperties.handlers(
                new DeadLetterRecords(
                        topics.deadLetters(), serdes(environment).deadLetter().serializer(), deadLetters, metrics),
                topics.participantKeys());
    }

    @Override
    public Pipeline forLatency(String latencyRunId) {
        return new EncryptionPipeline(latencyRunId, input, wrapMode, receipts);
    }

    @Override
    public String measuredTopic() {
        return topics.encrypted();
    }

    private static TopologySerdes serdes(BenchmarkEnvironment environment) {
        return TopologySerdes.create(Map.of("schema.registry.url", environment.registryUrl()));
    }

    private ParticipantKeyring keyring(String id) {
        X25519KeyPair pair = X25519KeyPair.generate();
        if (Recipient.ESCROW_ID.equals(id)) {
            escrowFingerprint = pair.publicKey().fingerprint();
        }
        Instant now = Instant.now();
        PublicKeyVersion key = PublicKeyVersion.newBuilder()
                .setVersion(1)
                .setPublicKey(ByteBuffer.wrap(pair.publicKey().bytes()))
                .setCreatedAt(now)
                .setStatus(KeyStatus.ACTIVE)
                .build();
        pair.destroy();
        ParticipantKeyring keyring = ParticipantKeyring.newBuilder()
                .setParticipantId(id)
                .setRole(Recipient.ESCROW_ID.equals(id) ? ParticipantRole.ESCROW : ParticipantRole.CLIENT)
                .setStatus(ParticipantStatus.ACTIVE)
                .setKycStatus(KycStatus.VERIFIED)
                .setCurrentVersion(1)
                .setKeys(List.of(key))
                .setUpdatedAt(now)
                .setSignatureKeyId(keyringSigner.verifyingKey().fingerprint())
                .build();
        return KeyringSigningInput.withSignature(
                keyring, keyringSigner.sign(KeyringSigningInput.canonicalBytes(keyring)));
    }
}
