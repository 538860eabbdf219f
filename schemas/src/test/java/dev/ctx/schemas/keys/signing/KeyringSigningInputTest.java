package dev.ctx.schemas.keys.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;
import dev.ctx.schemas.keys.PublicKeyVersion;

/**
 * Pins canonical form v1 and the Ed25519 signature over it with a golden file (fixed seed, fixed keyring). Regenerate
 * only for a deliberate, documented change with {@code -Dctx.golden.update=true}.
 */
class KeyringSigningInputTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/keyring-signature-v1.txt");
    private static final byte[] SEED =
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    /** The fixed keyring of the golden file. */
    static ParticipantKeyring goldenKeyring() {
        return ParticipantKeyring.newBuilder()
                .setParticipantId("miner-9")
                .setRole(ParticipantRole.MINER)
                .setStatus(ParticipantStatus.ACTIVE)
                .setKycStatus(KycStatus.VERIFIED)
                .setAllowedPurposes(List.of("settlement", "audit"))
                .setCurrentVersion(2)
                .setKeys(List.of(
                        new PublicKeyVersion(1, "X25519", ByteBuffer.wrap(new byte[] {9, 9}), AT, KeyStatus.RETIRED),
                        new PublicKeyVersion(2, "X25519", ByteBuffer.wrap(new byte[] {8, 8, 8}), AT, KeyStatus.ACTIVE)))
                .setRevision(7)
                .setUpdatedAt(AT)
                .setSignatureKeyId("ab")
                .build();
    }

    @Test
    void canonicalBytesAndSignatureEqualTheGoldenFile() throws IOException {
        // Given
        Ed25519SigningKey key = Ed25519SigningKey.takeOwnershipOf(SEED.clone());
        // When
        byte[] canonical = KeyringSigningInput.canonicalBytes(goldenKeyring());
        byte[] signature = key.sign(canonical);
        // Then
        Map<String, String> actual = new LinkedHashMap<>();
        actual.put("seed", HexFormat.of().formatHex(SEED));
        actual.put("public-key", HexFormat.of().formatHex(key.verifyingKey().bytes()));
        actual.put("fingerprint", key.verifyingKey().fingerprint());
        actual.put("canonical", HexFormat.of().formatHex(canonical));
        actual.put("signature", HexFormat.of().formatHex(signature));
        StringBuilder text = new StringBuilder();
        actual.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\n'));
        if (Boolean.getBoolean("ctx.golden.update")) {
            Files.writeString(GOLDEN, text.toString());
        }
        assertThat(text.toString()).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        assertThat(key.verifyingKey().verify(canonical, signature)).isTrue();
    }

    @Test
    void canonicalFormStartsWithTheLabelThenTheLengthPrefixedParticipantId() {
        // When
        byte[] canonical = KeyringSigningInput.canonicalBytes(goldenKeyring());
        // Then
        byte[] label = "ctx.keyring-signature.v1".getBytes(StandardCharsets.US_ASCII);
        assertThat(canonical).startsWith(label);
        assertThat(HexFormat.of().formatHex(canonical, label.length, label.length + 11))
                .isEqualTo("000000076d696e65722d39");
    }

    @Test
    void signatureFieldIsNotPartOfTheCanonicalForm() {
        // Given
        ParticipantKeyring keyring = goldenKeyring();
        // When
        ParticipantKeyring signed = KeyringSigningInput.withSignature(keyring, new byte[64]);
        // Then
        assertThat(KeyringSigningInput.canonicalBytes(signed)).isEqualTo(KeyringSigningInput.canonicalBytes(keyring));
        assertThat(KeyringSigningInput.signatureOf(signed)).hasSize(64);
        assertThat(KeyringSigningInput.signatureOf(keyring)).isNull();
    }

    static Stream<Arguments> everyOtherField() {
        return Stream.of(
                change("participantId", k -> k.setParticipantId("miner-8")),
                change("role", k -> k.setRole(ParticipantRole.CLIENT)),
                change("status", k -> k.setStatus(ParticipantStatus.SUSPENDED)),
                change("kycStatus", k -> k.setKycStatus(KycStatus.EXPIRED)),
                change("allowedPurposes", k -> k.setAllowedPurposes(List.of("settlement"))),
                change("currentVersion", k -> k.setCurrentVersion(1)),
                change(
                        "keys.version",
                        k -> k.setKeys(replaceKey(
                                k,
                                new PublicKeyVersion(
                                        3, "X25519", ByteBuffer.wrap(new byte[] {8, 8, 8}), AT, KeyStatus.ACTIVE)))),
                change(
                        "keys.algorithm",
                        k -> k.setKeys(replaceKey(
                                k,
                                new PublicKeyVersion(
                                        2, "X448", ByteBuffer.wrap(new byte[] {8, 8, 8}), AT, KeyStatus.ACTIVE)))),
                change(
                        "keys.publicKey",
                        k -> k.setKeys(replaceKey(
                                k,
                                new PublicKeyVersion(
                                        2, "X25519", ByteBuffer.wrap(new byte[] {8, 8, 7}), AT, KeyStatus.ACTIVE)))),
                change(
                        "keys.createdAt",
                        k -> k.setKeys(replaceKey(
                                k,
                                new PublicKeyVersion(
                                        2,
                                        "X25519",
                                        ByteBuffer.wrap(new byte[] {8, 8, 8}),
                                        AT.plusMillis(1),
                                        KeyStatus.ACTIVE)))),
                change(
                        "keys.status",
                        k -> k.setKeys(replaceKey(
                                k,
                                new PublicKeyVersion(
                                        2, "X25519", ByteBuffer.wrap(new byte[] {8, 8, 8}), AT, KeyStatus.REVOKED)))),
                change("revision", k -> k.setRevision(8)),
                change("updatedAt", k -> k.setUpdatedAt(AT.plusSeconds(1))),
                change("signatureKeyId", k -> k.setSignatureKeyId(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOtherField")
    void changingAnyOtherFieldChangesTheCanonicalForm(String field, UnaryOperator<ParticipantKeyring.Builder> edit) {
        // Given
        byte[] before = KeyringSigningInput.canonicalBytes(goldenKeyring());
        // When
        byte[] after = KeyringSigningInput.canonicalBytes(
                edit.apply(ParticipantKeyring.newBuilder(goldenKeyring())).build());
        // Then
        assertThat(after).as(field).isNotEqualTo(before);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // Given two keyrings whose purposes concatenate to the same characters
        ParticipantKeyring one = ParticipantKeyring.newBuilder(goldenKeyring())
                .setAllowedPurposes(List.of("ab", "c"))
                .build();
        ParticipantKeyring two = ParticipantKeyring.newBuilder(goldenKeyring())
                .setAllowedPurposes(List.of("a", "bc"))
                .build();
        // Then
        assertThat(KeyringSigningInput.canonicalBytes(one)).isNotEqualTo(KeyringSigningInput.canonicalBytes(two));
    }

    private static Arguments change(String field, UnaryOperator<ParticipantKeyring.Builder> edit) {
        return Arguments.of(field, edit);
    }

    private static List<PublicKeyVersion> replaceKey(ParticipantKeyring.Builder keyring, PublicKeyVersion replacement) {
        return List.of(keyring.getKeys().get(0), replacement);
    }
}
