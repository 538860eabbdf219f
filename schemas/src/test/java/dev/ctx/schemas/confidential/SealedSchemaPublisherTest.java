package dev.ctx.schemas.confidential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.SchemaFingerprint;
import dev.ctx.schemas.schemaregistry.InMemorySchemaRegistry;
import dev.ctx.schemas.schemaregistry.RegisteredSchema;

/** The sealed record's schema is published under its own subject, or its absence stops startup with a clear error. */
class SealedSchemaPublisherTest {

    private final Schema sealed = ConfidentialFields.ofTransaction().schema();
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void theSubjectIsTheSealedRecordsFullName() {
        assertThat(SealedSchemaPublisher.subjectOf(sealed)).isEqualTo("dev.ctx.schemas.transaction.ConfidentialFields");
    }

    @Test
    void theCurrentSealedSchemaHasTheFingerprintDocsTopicsAndRecordsQuotes() {
        assertThat(SealedSchemaPublisher.fingerprintHex(sealed))
                .isEqualTo("751e509858b2e85e18c14c75800456707caeeddf38cdd5dd6642a7128d49cf01");
    }

    @Test
    void withAutoRegisterTheSubjectHoldsTheSealedSchemaWhoseFingerprintIsTheOneTheCiphertextBinds() {
        // When
        int id = SealedSchemaPublisher.publish(registry, sealed, true);

        // Then
        RegisteredSchema latest = registry.getLatestVersion("dev.ctx.schemas.transaction.ConfidentialFields");
        assertThat(latest.id()).isEqualTo(id);
        assertThat(SchemaFingerprint.of(latest.schema(), FormatVersion.CURRENT))
                .isEqualTo(SchemaFingerprint.of(sealed, FormatVersion.CURRENT));
        assertThat(SealedSchemaPublisher.fingerprintHex(latest.schema()))
                .isEqualTo(HexFormat.of().formatHex(SchemaFingerprint.of(sealed, FormatVersion.CURRENT)));
    }

    @Test
    void publishingTwiceKeepsOneVersion() {
        // Given
        int first = SealedSchemaPublisher.publish(registry, sealed, true);

        // When
        int second = SealedSchemaPublisher.publish(registry, sealed, true);

        // Then
        assertThat(second).isEqualTo(first);
        assertThat(registry.versions(SealedSchemaPublisher.subjectOf(sealed))).hasSize(1);
    }

    @Test
    void withoutAutoRegisterARegisteredSchemaIsOnlyLookedUp() {
        // Given
        int registered = registry.register(SealedSchemaPublisher.subjectOf(sealed), sealed);

        // When
        int found = SealedSchemaPublisher.publish(registry, sealed, false);

        // Then
        assertThat(found).isEqualTo(registered);
        assertThat(registry.versions(SealedSchemaPublisher.subjectOf(sealed))).hasSize(1);
    }

    @Test
    void withoutAutoRegisterAMissingSchemaFailsNamingTheSubjectAndFingerprintAndRegistersNothing() {
        assertThatThrownBy(() -> SealedSchemaPublisher.publish(registry, sealed, false))
                .isInstanceOf(SealedSchemaNotRegisteredException.class)
                .hasMessageContaining("dev.ctx.schemas.transaction.ConfidentialFields")
                .hasMessageContaining(SealedSchemaPublisher.fingerprintHex(sealed))
                .hasMessageContaining("auto.register.schemas=false");
        assertThat(registry.subjects()).isEmpty();
    }
}
