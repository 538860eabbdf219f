package dev.ctx.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.processor.app.ProcessorApplication;
import dev.ctx.processor.config.RewrapKeys;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;

/** The demo's steps and what it prints about each. */
final class DemoScript {

    private final PrintWriter out;
    private final DemoStack stack;
    private final Path workDir;
    private final TopicNames topics = DemoCommand.topics();

    DemoScript(PrintWriter out, DemoStack stack, Path workDir) {
        this.out = out;
        this.stack = stack;
        this.workDir = workDir;
    }

    void run(long transactions, double rate) throws Exception {
        step("Kafka broker (KRaft, single node)", stack::startKafka);
        say("    bootstrap.servers=" + stack.bootstrapServers());
        step("schema registry (Confluent REST API)", stack::startRegistry);
        step("key service (master KEK in a PKCS#12 keystore)", stack::startKeyService);
        say("    " + stack.keyServiceUrl() + "  (OpenAPI: /v1/openapi.json)");
        String escrowFingerprint = registerParticipants();
        say("    keyring-signing key sha256=" + stack.keyringSigningKey().fingerprint()
                + " (GET /v1/keyring-signing-key)," + " escrow key sha256=" + escrowFingerprint
                + ": both pinned in the processor");
        ProcessorApplication processor = stack.startProcessor(
                escrowFingerprint,
                Map.of(
                        RewrapKeys.URL_CONFIG,
                        stack.keyServiceUrl(),
                        RewrapKeys.TOKEN_CONFIG,
                        stack.issueToken("demo-rewrap-job", "operator", Duration.ofHours(8))));
        step(
                "encryption processor and rotation (rewrap) job (Kafka Streams, exactly_once_v2)",
                () -> DemoCommand.awaitRunning(processor));
        try (TopologySerdes serdes = DemoCommand.serdes(stack.registryUrl());
                OutputCounter counter =
                        new OutputCounter(stack.bootstrapServers(), topics, serdes, SampleReading::suits)) {
            produce(transactions, rate, counter);
            summary(counter, serdes);
        }
    }

    /** Registers the sample participants and the escrow key; returns the escrow public key's SHA-256 fingerprint. */
    private String registerParticipants() throws Exception {
        String token = stack.issueToken("demo-operator", "operator", Duration.ofHours(8));
        Path tokenFile = workDir.resolve("operator.jwt");
        Files.writeString(tokenFile, token);
        KeyServiceClient client = stack.operatorClient(token);
        for (String id : DemoCommand.PARTICIPANTS) {
            client.registerParticipant(
                    id, id.startsWith("client") ? "client" : "miner", List.of("settlement", "dispute"));
            client.createKey(id);
        }
        String escrowFingerprint = client.createEscrowKey().path("fingerprint").asText();
        say("  registered " + String.join(", ", DemoCommand.PARTICIPANTS)
                + " (KYC verified, one X25519 key each) and the escrow key");
        say("    operator token for curl: " + tokenFile);
        return escrowFingerprint;
    }

    private void produce(long transactions, double rate, OutputCounter counter) throws InterruptedException {
        say(String.format(
                "Producing %,d generated transactions at %,.0f/s to '%s' (90%% confidential, 2-3 participants each):",
                transactions, rate, topics.transactions()));
        try (TransactionProducer producer = DemoCommand.producer(stack);
                ProgressLine progress = new ProgressLine(out, counter, topics)) {
            producer.produce(
                    new TransactionGenerator(DemoCommand.generatorSettings(), 1).asIterator(),
                    transactions,
                    rate,
                    progress::sent);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (counter.count(topics.encrypted()) + counter.count(topics.deadLetters()) < transactions
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
    }

    private void summary(OutputCounter counter, TopologySerdes serdes) throws InterruptedException {
        say("");
        say("Summary (records committed per topic, read_committed):");
        for (String topic :
                List.of(topics.encrypted(), topics.envelopes(), topics.accessEvents(), topics.deadLetters())) {
            say(String.format("  %-26s %,8d", topic, counter.count(topic)));
        }
        say(String.format(
                "  sealed %,d, passed in clear %,d (confidential=false)",
                counter.sealed(), counter.count(topics.encrypted()) - counter.sealed()));
        openSample(counter.sample(), serdes);
        say("");
        say("Where things are:");
        say("  processor metrics   http://127.0.0.1:" + stack.metricsPort() + "/metrics");
        say("  key service         " + stack.keyServiceUrl() + "/v1/participants  (Bearer token in "
                + workDir.resolve("operator.jwt") + ")");
        say("  schema registry     " + stack.registryUrl());
        say("  kafka               " + stack.bootstrapServers());
    }

    private void openSample(Optional<Map.Entry<EncryptedTransaction, Envelope>> sample, TopologySerdes serdes)
            throws InterruptedException {
        if (sample.isEmpty()) {
            say("  (no sealed transaction of " + SampleReading.READER
                    + " with its envelope was seen, so none was opened)");
            return;
        }
        EncryptedTransaction encrypted = sample.get().getKey();
        Envelope envelope = sample.get().getValue();
        say("");
        say("Sample " + encrypted.getTransactionId() + " as stored: participants " + encrypted.getParticipants() + ", "
                + encrypted.getSealed().getCiphertext().remaining() + " bytes of ciphertext, "
                + envelope.getWraps().size()
                + " wraps (participants + escrow)");
        CommittedAccessEvents events = new CommittedAccessEvents(
                stack.bootstrapServers(),
                topics.accessEvents(),
                serdes.accessEvent().deserializer());
        new SampleReading(out, stack, events).show(encrypted);
    }

    private void step(String what, Step action) throws Exception {
        long start = System.nanoTime();
        out.print("  starting " + what + " ... ");
        out.flush();
        action.run();
        say(String.format("ready (%.1f s)", (System.nanoTime() - start) / 1e9));
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
