package dev.ctx.testkit.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.schemaregistry.RegistryClientConfig;
import dev.ctx.schemas.schemaregistry.RegistryUnavailableException;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.serde.SchemaLookupException;
import dev.ctx.schemas.serde.UnknownSchemaIdException;

/** Registry failures seen through the serde over HTTP arrive as typed SerializationExceptions. */
class SerdeOverHttpTest {

    @Test
    void serializerFailsTypedWhenNoRegistryAnswers() throws IOException {
        // Given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConfluentAvroSerde<DeadLetter> serde = ConfluentAvroSerdes.forClass(
                DeadLetter.class,
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        "http://127.0.0.1:" + closedPort,
                        RegistryClientConfig.RETRY_MAX_ATTEMPTS,
                        "2",
                        RegistryClientConfig.RETRY_BACKOFF_MS,
                        "1"),
                false);
        // When / Then
        assertThatThrownBy(() -> serde.serialize("transactions.dlq", deadLetter()))
                .isInstanceOf(SchemaLookupException.class)
                .hasMessageStartingWith("topic 'transactions.dlq': registering the schema")
                .hasCauseInstanceOf(RegistryUnavailableException.class)
                .satisfies(e -> assertThat(((SchemaLookupException) e).errorCode())
                        .isEqualTo(RegistryUnavailableException.NO_RESPONSE));
    }

    @Test
    void deserializerReportsAnIdTheHttpRegistryDoesNotKnow() {
        try (SchemaRegistryServer server =
                SchemaRegistryServer.builder().build().start()) {
            // Given
            ConfluentAvroSerde<DeadLetter> serde = ConfluentAvroSerdes.forClass(
                    DeadLetter.class, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);
            byte[] payload = serde.serialize("transactions.dlq", deadLetter());
            payload[4] = 0x63;
            // When / Then
            assertThatThrownBy(() -> serde.deserialize("transactions.dlq", payload))
                    .isInstanceOf(UnknownSchemaIdException.class)
                    .hasMessageContaining("schema id 99");
        }
    }

    private static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setSourceTopic("transactions")
                .setSourcePartition(0)
                .setSourceOffset(1L)
                .setReason("UNDECODABLE_RECORD")
                .setTimestamp(Instant.EPOCH)
                .setSource("test")
                .build();
    }
}
