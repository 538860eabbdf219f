package dev.ctx.testkit.auditlog;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.CanonicalAccessEvent;
import dev.ctx.schemas.auditlog.ChainHash;
import dev.ctx.schemas.auditlog.CheckpointSigningInput;
import dev.ctx.schemas.auditlog.MerkleTree;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.auditlog.Sha256;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;

/**
 * What the sealer writes, per docs/access-log-chain.md, for {@code partitions} partitions of {@code events} events
 * each: entries chained from the genesis hash, and after every {@code checkpointEvery}-th entry a checkpoint signed
 * by a {@link FixtureSigner} (entries after the last one stay unsigned, as between two checkpoints of the sealer).
 * The {@code with...} methods return a tampered copy; a record's offset is its index in its list (what a fresh topic
 * written by {@link #writeTo} holds).
 */
public final class AccessLogFixture {

    private static final Instant SEALED_AT = Instant.parse("2026-06-01T12:00:00Z");

    private final Map<Integer, List<LoggedEntry>> entries;
    private final Map<Integer, List<LoggedCheckpoint>> checkpoints;

    private AccessLogFixture(
            Map<Integer, List<LoggedEntry>> entries, Map<Integer, List<LoggedCheckpoint>> checkpoints) {
        this.entries = entries;
        this.checkpoints = checkpoints;
    }

    /** A clean log. */
    public static AccessLogFixture seal(int partitions, int events, int checkpointEvery, FixtureSigner signer) {
        Map<Integer, List<LoggedEntry>> entries = new TreeMap<>();
        Map<Integer, List<LoggedCheckpoint>> checkpoints = new TreeMap<>();
        for (int p = 0; p < partitions; p++) {
            List<LoggedEntry> chain = new ArrayList<>(events);
            List<LoggedCheckpoint> signed = new ArrayList<>();
            byte[] prevHash = ChainHash.genesis(p);
            byte[] previousCheckpoint = CheckpointSigningInput.noPrevious().bytes();
            MerkleTree.Builder tree = new MerkleTree.Builder();
            long first = 0;
            for (int n = 0; n < events; n++) {
                SealedAccessEvent entry = entry(p, n, prevHash, event(eventId(p, n), "requester-" + (n % 7)));
                chain.add(new LoggedEntry(entry.getEventId(), entry));
                prevHash = entry.getHash().bytes();
                tree.append(prevHash);
                if ((n + 1) % checkpointEvery == 0) {
                    AccessLogCheckpoint checkpoint =
                            checkpoint(p, first, n, prevHash, tree.root(), previousCheckpoint, signed.size(), signer);
                    signed.add(new LoggedCheckpoint(Integer.toString(p), checkpoint));
                    previousCheckpoint = CheckpointSigningInput.digest(checkpoint);
                    tree = new MerkleTree.Builder();
                    first = n + 1L;
                }
            }
            entries.put(p, chain);
            checkpoints.put(p, signed);
        }
        return new AccessLogFixture(entries, checkpoints);
    }

    /** The event id of sequence {@code sequence} of {@code partition}. */
    public static String eventId(int partition, long sequence) {
        return String.format("00000000-0000-4000-8%03d-%012d", partition, sequence);
    }

    /** The entries of {@code partition}; index = offset = sequence in a clean log. */
    public List<LoggedEntry> entries(int partition) {
        return List.copyOf(entries.get(partition));
    }

    /** The checkpoints of {@code partition}; index = offset. */
    public List<LoggedCheckpoint> checkpoints(int partition) {
        return List.copyOf(checkpoints.get(partition));
    }

    /** The partitions, ascending. */
    public List<Integer> partitions() {
        return List.copyOf(entries.keySet());
    }

    /** The stored event of {@code sequence} replaced by another one (other requester); its hash left as it was. */
    public AccessLogFixture withModifiedEvent(int partition, int sequence) {
        return withEntries(partition, list -> {
            SealedAccessEvent original = list.get(sequence).value();
            byte[] other = CanonicalAccessEvent.encode(event(original.getEventId(), "someone-else"));
            list.set(
                    sequence,
                    new LoggedEntry(
                            original.getEventId(),
                            SealedAccessEvent.newBuilder(original)
                                    .setEvent(ByteBuffer.wrap(other))
                                    .build()));
        });
    }

    /** The stored event of {@code sequence} replaced and the hashes of it and every later entry recomputed. */
    public AccessLogFixture withRechainedModification(int partition, int sequence) {
        return withEntries(partition, list -> {
            byte[] prevHash = list.get(sequence).value().getPrevHash().bytes();
            for (int n = sequence; n < list.size(); n++) {
                SealedAccessEvent original = list.get(n).value();
                byte[] event = n == sequence
                        ? CanonicalAccessEvent.encode(event(original.getEventId(), "someone-else"))
                        : bytes(original.getEvent());
                byte[] hash = ChainHash.next(prevHash, event);
                list.set(
                        n,
                        new LoggedEntry(
                                original.getEventId(),
                                SealedAccessEvent.newBuilder(original)
                                        .setPrevHash(new Sha256(prevHash))
                                        .setEvent(ByteBuffer.wrap(event))
                                        .setHash(new Sha256(hash))
                                        .build()));
                prevHash = hash;
            }
        });
    }

    /** Without the entry of {@code sequence}. */
    public AccessLogFixture withoutEntry(int partition, int sequence) {
        return withEntries(partition, list -> list.remove(sequence));
    }

    /** The entries of {@code sequence} and {@code sequence + 1} swapped. */
    public AccessLogFixture withSwappedEntries(int partition, int sequence) {
        return withEntries(partition, list -> list.set(sequence, list.set(sequence + 1, list.get(sequence))));
    }

    /**
     * A fabricated entry for {@code sequence} written just before the sealer's one: it names sequence
     * {@code sequence}, chains on the (public) hash of the entry before and has a correct hash of its own event.
     */
    public AccessLogFixture withInjectedEntry(int partition, int sequence) {
        return withEntries(partition, list -> {
            byte[] prevHash = list.get(sequence).value().getPrevHash().bytes();
            SealedAccessEvent injected =
                    entry(partition, sequence, prevHash, event("00000000-0000-4000-9000-000000000bad", "intruder"));
            list.add(sequence, new LoggedEntry(injected.getEventId(), injected));
        });
    }

    /** Only the entries up to {@code lastSequence}. */
    public AccessLogFixture truncatedAfter(int partition, int lastSequence) {
        return withEntries(
                partition, list -> list.subList(lastSequence + 1, list.size()).clear());
    }

    /** Checkpoint {@code index} changed by {@code change}; its signature left as it was (a forgery). */
    public AccessLogFixture withForgedCheckpoint(
            int partition, int index, UnaryOperator<AccessLogCheckpoint.Builder> change) {
        return withCheckpoint(
                partition,
                index,
                checkpoint ->
                        change.apply(AccessLogCheckpoint.newBuilder(checkpoint)).build());
    }

    /** Checkpoint {@code index} changed by {@code change}, naming {@code keyId} and signed by {@code signer}. */
    public AccessLogFixture withCheckpointSignedBy(
            int partition,
            int index,
            String keyId,
            FixtureSigner signer,
            UnaryOperator<AccessLogCheckpoint.Builder> change) {
        return withCheckpoint(partition, index, checkpoint -> {
            AccessLogCheckpoint unsigned = change.apply(AccessLogCheckpoint.newBuilder(checkpoint))
                    .setSigningKeyId(keyId)
                    .build();
            return AccessLogCheckpoint.newBuilder(unsigned)
                    .setSignature(ByteBuffer.wrap(signer.sign(CheckpointSigningInput.bytes(unsigned))))
                    .build();
        });
    }

    /**
     * Writes every entry to {@code entriesTopic} and every checkpoint to {@code checkpointsTopic}, partition for
     * partition, as the sealer does: key event id / partition number, value in the Confluent wire format.
     */
    public void writeTo(
            String bootstrapServers, Map<String, ?> serdeConfig, String entriesTopic, String checkpointsTopic) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        // One request in flight: a batch retried after a slow answer (a loaded machine) is then still the last one the
        // broker saw, so it is deduplicated; with five in flight a late retry of the first batch is out of order for
        // good (OutOfOrderSequenceException) and the fixture would lose it.
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 60_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000);
        try (ConfluentAvroSerde<SealedAccessEvent> entrySerde =
                        ConfluentAvroSerdes.forClass(SealedAccessEvent.class, serdeConfig, false);
                ConfluentAvroSerde<AccessLogCheckpoint> checkpointSerde =
                        ConfluentAvroSerdes.forClass(AccessLogCheckpoint.class, serdeConfig, false);
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            awaitLeaders(producer, entriesTopic);
            awaitLeaders(producer, checkpointsTopic);
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Map.Entry<Integer, List<LoggedEntry>> partition : entries.entrySet()) {
                for (LoggedEntry entry : partition.getValue()) {
                    sent.add(producer.send(new ProducerRecord<>(
                            entriesTopic,
                            partition.getKey(),
                            entry.key(),
                            entrySerde.serialize(entriesTopic, entry.value()))));
                }
                for (LoggedCheckpoint checkpoint : checkpoints.get(partition.getKey())) {
                    sent.add(producer.send(new ProducerRecord<>(
                            checkpointsTopic,
                            partition.getKey(),
                            checkpoint.key(),
                            checkpointSerde.serialize(checkpointsTopic, checkpoint.value()))));
                }
            }
            producer.flush();
            awaitAll(sent);
        }
    }

    /** A fixture whose records did not all land would test nothing: every send must be acknowledged. */
    private static void awaitAll(List<Future<RecordMetadata>> sent) {
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get(200, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the fixture", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take every fixture record", e);
        }
    }

    /** A topic created a moment ago may not have a leader for each partition yet. */
    private static void awaitLeaders(KafkaProducer<String, byte[]> producer, String topic) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (producer.partitionsFor(topic).stream().anyMatch(info -> info.leader() == null)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no leader for every partition of " + topic);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + topic, e);
            }
        }
    }

    private AccessLogFixture withEntries(int partition, Consumer<List<LoggedEntry>> change) {
        Map<Integer, List<LoggedEntry>> copy = new TreeMap<>();
        entries.forEach((p, list) -> copy.put(p, new ArrayList<>(list)));
        change.accept(copy.get(partition));
        return new AccessLogFixture(copy, checkpoints);
    }

    private AccessLogFixture withCheckpoint(int partition, int index, UnaryOperator<AccessLogCheckpoint> change) {
        Map<Integer, List<LoggedCheckpoint>> copy = new TreeMap<>();
        checkpoints.forEach((p, list) -> copy.put(p, new ArrayList<>(list)));
        List<LoggedCheckpoint> list = copy.get(partition);
        LoggedCheckpoint original = list.get(index);
        list.set(index, new LoggedCheckpoint(original.key(), change.apply(original.value())));
        return new AccessLogFixture(entries, copy);
    }

    private static SealedAccessEvent entry(int partition, long sequence, byte[] prevHash, AccessEvent event) {
        byte[] canonical = CanonicalAccessEvent.encode(event);
        return SealedAccessEvent.newBuilder()
                .setFormatVersion(1)
                .setPartition(partition)
                .setSequence(sequence)
                .setEventId(event.getEventId())
                .setPrevHash(new Sha256(prevHash))
                .setHash(new Sha256(ChainHash.next(prevHash, canonical)))
                .setEvent(ByteBuffer.wrap(canonical))
                .setSealedAt(SEALED_AT.plusMillis(sequence))
                .setSourceOffset(sequence)
                .build();
    }

    private static AccessLogCheckpoint checkpoint(
            int partition,
            long first,
            long last,
            byte[] head,
            byte[] root,
            byte[] previous,
            int index,
            FixtureSigner signer) {
        AccessLogCheckpoint unsigned = AccessLogCheckpoint.newBuilder()
                .setFormatVersion(1)
                .setPartition(partition)
                .setFirstSequence(first)
                .setLastSequence(last)
                .setHeadHash(new Sha256(head))
                .setMerkleRoot(new Sha256(root))
                .setPreviousCheckpoint(new Sha256(previous))
                .setSignedAt(SEALED_AT.plusSeconds(index + 1L))
                .setSigningKeyId(signer.keyId())
                .setSignature(ByteBuffer.allocate(0))
                .build();
        return AccessLogCheckpoint.newBuilder(unsigned)
                .setSignature(ByteBuffer.wrap(signer.sign(CheckpointSigningInput.bytes(unsigned))))
                .build();
    }

    private static AccessEvent event(String eventId, String requester) {
        return AccessEvent.newBuilder()
                .setEventId(eventId)
                .setType(AccessEventType.ACCESS_GRANTED)
                .setTransactionId("txn-" + eventId.substring(eventId.length() - 6))
                .setRequester(requester)
                .setPurpose("settlement")
                .setAuthorizedBy("grant-1")
                .setDataAccessed(List.of("amount", "pricing"))
                .setTimestamp(SEALED_AT)
                .setOutcome(AccessOutcome.GRANTED)
                .setSource("key-service/ks-1")
                .setAttributes(Map.of("participants", "client-1,miner-9", "keyVersion", "3"))
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    /** An entry of {@code access-log}: its record key and value. */
    public record LoggedEntry(String key, SealedAccessEvent value) {}

    /** A checkpoint of {@code access-log.checkpoints}: its record key and value. */
    public record LoggedCheckpoint(String key, AccessLogCheckpoint value) {}
}
