package dev.ctx.envelope.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * Ids hash by their bytes; a schema seen for the first time is fingerprinted as the SHA-256 of the canonical form of
 * each version (a fresh schema, so no cached fingerprint answers for it).
 */
class RandomIdTest {

    private static byte[] bytes(int first) {
        byte[] bytes = new byte[RandomId.LENGTH];
        bytes[0] = (byte) first;
        return bytes;
    }

    @Test
    void idsOfDifferentBytesHashDifferently() {
        assertThat(SealId.of(bytes(1)).hashCode())
                .isNotEqualTo(SealId.of(bytes(2)).hashCode());
        assertThat(SealId.of(bytes(1))).hasSameHashCodeAs(SealId.of(bytes(1)));
    }

    @Test
    void aFreshSchemaIsFingerprintedAsTheSha256OfEachVersionsCanonicalForm() throws Exception {
        // Given: a record name no other test uses
        String name = "Fresh" + UUID.randomUUID().toString().replace("-", "");
        Schema schema = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"" + name
                        + "\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        // When
        byte[] v1 = SchemaFingerprint.of(schema, FormatVersion.V1);
        byte[] v2 = SchemaFingerprint.of(schema, FormatVersion.V2);
        // Then
        assertThat(HexFormat.of().formatHex(v1))
                .isEqualTo(HexFormat.of()
                        .formatHex(sha256.digest(
                                SchemaNormalization.toParsingForm(schema).getBytes(StandardCharsets.UTF_8))));
        assertThat(HexFormat.of().formatHex(v2))
                .isEqualTo(HexFormat.of()
                        .formatHex(sha256.digest(
                                SchemaFingerprint.logicalCanonicalForm(schema).getBytes(StandardCharsets.UTF_8))));
    }
}
