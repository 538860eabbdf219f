package dev.ctx.keyservice.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.testing.AccessLog;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/** Opening a custodial private key inside the service: only ACTIVE or RETIRED participant keys, always audited. */
class CustodialOpenIT {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final AuditContext DEMO = new AuditContext("system:demo", null, null);
    private static final ParticipantId ALICE = ParticipantId.parse("alice");

    @TempDir
    Path dir;

    private StoreFixture service;

    @BeforeEach
    void start() {
        service = StoreFixture.start(dir, Clock.systemUTC());
        service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
        service.keys.createKey(OPERATOR, ALICE);
        service.keys.rotate(OPERATOR, ALICE);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void openingAnActiveKeyCommitsAKeyOpenedEventWithTheVersionAndNoKeyMaterial() {
        // When
        X25519PrivateKey opened = service.keys.openCustodialKeyAudited(DEMO, ALICE, 1);

        // Then
        byte[] secret = opened.exposeSecretBytesForCustodySealing().clone();
        assertThat(opened.publicKey())
                .isEqualTo(service.registry.get(ALICE).key(1).orElseThrow().publicKey());
        opened.destroy();
        List<AccessEvent> events = AccessLog.read(service).stream()
                .filter(e -> e.getType() == AccessEventType.KEY_OPENED)
                .toList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getRequester()).isEqualTo("system:demo");
            assertThat(event.getSubject()).isEqualTo("alice");
            assertThat(event.getOutcome()).isEqualTo(AccessOutcome.SUCCESS);
            assertThat(event.getAttributes()).containsEntry("keyVersion", "1").containsEntry("participantId", "alice");
            assertThat(event.toString())
                    .doesNotContain(HexFormat.of().formatHex(secret))
                    .doesNotContain(Base64.getEncoder().encodeToString(secret));
        });
    }

    @Test
    void aRetiredKeyMayStillBeOpened() {
        // Given
        service.keys.retire(OPERATOR, ALICE, 1);

        // When / Then
        X25519PrivateKey opened = service.keys.openCustodialKeyAudited(DEMO, ALICE, 1);
        assertThat(opened.publicKey())
                .isEqualTo(service.registry.get(ALICE).key(1).orElseThrow().publicKey());
        opened.destroy();
    }

    @Test
    void refusesTheEscrowKey() {
        // Given
        service.keys.createEscrowKey(OPERATOR);

        // When / Then
        assertThatThrownBy(() -> service.keys.openCustodialKeyAudited(DEMO, ParticipantId.ESCROW, 1))
                .isInstanceOf(OpenRefusedException.class)
                .hasMessageContaining("escrow");
        assertNoKeyOpenedEvent();
    }

    @Test
    void refusesARevokedKey() {
        // Given
        service.keys.revoke(OPERATOR, ALICE, 1);

        // When / Then
        assertThatThrownBy(() -> service.keys.openCustodialKeyAudited(DEMO, ALICE, 1))
                .isInstanceOf(OpenRefusedException.class)
                .hasMessageContaining("REVOKED");
        assertNoKeyOpenedEvent();
    }

    @Test
    void refusesADestroyedKey() {
        // Given
        service.keys.revoke(OPERATOR, ALICE, 1);
        service.keys.destroy(OPERATOR, ALICE, 1);

        // When / Then
        assertThatThrownBy(() -> service.keys.openCustodialKeyAudited(DEMO, ALICE, 1))
                .isInstanceOf(OpenRefusedException.class)
                .hasMessageContaining("DESTROYED");
        assertNoKeyOpenedEvent();
    }

    @Test
    void refusesTheKeysOfARevokedParticipant() {
        // Given
        service.registry.update(OPERATOR, ALICE, new ParticipantUpdate(ParticipantStatus.REVOKED, null, null, null));

        // When / Then
        assertThatThrownBy(() -> service.keys.openCustodialKeyAudited(DEMO, ALICE, 2))
                .isInstanceOf(OpenRefusedException.class)
                .hasMessageContaining("revoked");
        assertNoKeyOpenedEvent();
    }

    @Test
    void refusesAnUnknownVersion() {
        assertThatThrownBy(() -> service.keys.openCustodialKeyAudited(DEMO, ALICE, 9))
                .isInstanceOf(NotFoundException.class);
    }

    private void assertNoKeyOpenedEvent() {
        assertThat(AccessLog.awaitAtLeast(service, e -> e.getType() == AccessEventType.KEY_OPENED, 1, Duration.ZERO))
                .isEmpty();
    }
}
