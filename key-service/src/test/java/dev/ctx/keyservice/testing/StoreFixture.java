package dev.ctx.keyservice.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.kek.KekFixture;
import dev.ctx.keyservice.kek.MasterKek;
import dev.ctx.keyservice.participants.KeyLifecycle;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantRegistry;
import dev.ctx.keyservice.participants.ParticipantStates;
import dev.ctx.keyservice.signing.KeyringSigner;
import dev.ctx.keyservice.signing.SigningKeyCustody;
import dev.ctx.keyservice.store.KafkaParticipantStore;
import dev.ctx.keyservice.store.StoreConfig;
import dev.ctx.keyservice.store.StoreTopics;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * A real key-service core for tests: a PKCS#12 KEK in a temp dir, the shared embedded broker with unique topics, the
 * Confluent serde on a {@code mock://} registry scope. {@link #restart()} builds a fresh instance on the same topics,
 * KEK and transactional id, as a process restart would.
 */
public final class StoreFixture implements AutoCloseable {

    public final StoreConfig config;
    public final String registryUrl;
    private final KekFixture kekFixture;
    private final Clock clock;
    public MasterKek kek;
    public KafkaParticipantStore store;
    public ParticipantStates states;
    public ParticipantRegistry registry;
    public KeyLifecycle keys;
    public KeyringSigner signer;

    private StoreFixture(Path dir, Clock clock, StoreTopics topics, String bootstrapServers) {
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        this.config = new StoreConfig(
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                topics == null ? StoreTopics.withSuffix(suffix) : topics,
                "key-service-test" + suffix,
                true,
                Duration.ofSeconds(10));
        this.registryUrl = "mock://key-service-test" + suffix;
        this.kekFixture = KekFixture.pkcs12(dir);
        this.kekFixture.provision("master");
        this.clock = clock;
    }

    public static StoreFixture start(Path dir, Clock clock) {
        return new StoreFixture(dir, clock, null, SharedKafka.bootstrapServers()).open();
    }

    /** Runs on a broker the test owns (e.g. to stop it). */
    public static StoreFixture startOn(String bootstrapServers, Path dir, Clock clock) {
        return new StoreFixture(dir, clock, null, bootstrapServers).open();
    }

    /** Starts on topics the test prepared itself (e.g. with broker-side limits). */
    public static StoreFixture start(Path dir, Clock clock, StoreTopics topics) {
        return new StoreFixture(dir, clock, topics, SharedKafka.bootstrapServers()).open();
    }

    private StoreFixture open() {
        kek = kekFixture.open("master");
        store = KafkaParticipantStore.open(config, serde(ParticipantKeyring.class), serde(AccessEvent.class));
        KeyCustodian custodian = new KeyCustodian(kek);
        SigningKeyCustody.Opened opened = SigningKeyCustody.open(store, custodian, new SecureRandom());
        signer = opened.signer();
        store.signWith(signer, opened.created());
        states = ParticipantStates.load(store);
        store.signAdoptedKeyrings();
        AccessEvents events = new AccessEvents("key-service/test", clock);
        registry = new ParticipantRegistry(states, events, clock);
        keys = new KeyLifecycle(states, custodian, events, clock);
        return this;
    }

    /**
     * Test-only: unseals a stored private key straight from custody with the fixture's KEK, bypassing the lifecycle's
     * refusals and audit (to check what was sealed, including escrow and revoked keys).
     */
    public X25519PrivateKey unsealForTest(ParticipantId id, int version) {
        return new KeyCustodian(kek)
                .open(id.value(), states.require(id).custody().version(version).orElseThrow());
    }

    public <T extends SpecificRecord> ConfluentAvroSerde<T> serde(Class<T> type) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return serde;
    }

    /** Drops this instance without any goodbye and starts a new one on the same topics, KEK and transactional id. */
    public StoreFixture restart() {
        close();
        return open();
    }

    /** Starts a new instance on the same topics, KEK and transactional id, leaving the old objects as they are. */
    public StoreFixture reopen() {
        return open();
    }

    @Override
    public void close() {
        store.close();
        kek.close();
    }
}
