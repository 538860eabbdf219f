package dev.ctx.keyservice.kek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every KEK provider (PKCS#12 keystore, PKCS#11 token on a real SoftHSM2) must pass this contract. */
class MasterKekContractTest {

    private static final byte[] AAD = "participant-7|3".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "thirty-two bytes of key material".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    static Stream<Named<Function<Path, KekFixture>>> providers() {
        return Stream.of(
                Named.of("PKCS#12 keystore", KekFixture::pkcs12),
                Named.of("PKCS#11 SoftHSM2 token", ignored -> KekFixture.pkcs11()));
    }

    private static MasterKek fresh(Function<Path, KekFixture> provider) {
        KekFixture fixture = provider.apply(dir);
        String alias = "kek-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.provision(alias);
        return fixture.open(alias);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void openReturnsWhatWasSealed(Function<Path, KekFixture> provider) {
        // Given
        try (MasterKek kek = fresh(provider)) {
            // When
            KekCiphertext sealed = kek.seal(SECRET, AAD);
            // Then
            assertThat(kek.open(sealed, AAD)).isEqualTo(SECRET);
            assertThat(sealed.iv()).hasSize(12);
            assertThat(sealed.ciphertext()).hasSize(SECRET.length + 16);
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void sealUsesAFreshIvEveryTime(Function<Path, KekFixture> provider) {
        try (MasterKek kek = fresh(provider)) {
            // When
            KekCiphertext first = kek.seal(SECRET, AAD);
            KekCiphertext second = kek.seal(SECRET, AAD);
            // Then
            assertThat(first.iv()).isNotEqualTo(second.iv());
            assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void openRejectsOtherAad(Function<Path, KekFixture> provider) {
        try (MasterKek kek = fresh(provider)) {
            // Given
            KekCiphertext sealed = kek.seal(SECRET, AAD);
            // When / Then
            assertThatThrownBy(() -> kek.open(sealed, "participant-7|4".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(KekAuthenticationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void openRejectsTamperedCiphertext(Function<Path, KekFixture> provider) {
        try (MasterKek kek = fresh(provider)) {
            // Given
            KekCiphertext sealed = kek.seal(SECRET, AAD);
            byte[] bytes = sealed.ciphertext();
            bytes[0] ^= 1;
            // When / Then
            assertThatThrownBy(() -> kek.open(KekCiphertext.of(sealed.iv(), bytes), AAD))
                    .isInstanceOf(KekAuthenticationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void openRejectsWhatAnotherKekSealed(Function<Path, KekFixture> provider) {
        try (MasterKek one = fresh(provider);
                MasterKek other = fresh(provider)) {
            // Given
            KekCiphertext sealed = one.seal(SECRET, AAD);
            // When / Then
            assertThatThrownBy(() -> other.open(sealed, AAD)).isInstanceOf(KekAuthenticationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void reopenedKekOpensWhatItSealedBefore(Function<Path, KekFixture> provider) {
        // Given
        KekFixture fixture = provider.apply(dir);
        String alias = "kek-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.provision(alias);
        KekCiphertext sealed;
        try (MasterKek kek = fixture.open(alias)) {
            sealed = kek.seal(SECRET, AAD);
        }
        // When
        try (MasterKek reopened = fixture.open(alias)) {
            // Then
            assertThat(reopened.open(sealed, AAD)).isEqualTo(SECRET);
            assertThat(reopened.kekId()).endsWith(alias).doesNotContain("password");
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void openingAnUnknownAliasFailsNamingIt(Function<Path, KekFixture> provider) {
        // Given
        KekFixture fixture = provider.apply(dir);
        fixture.provision("some-other-kek"); // outside the assertion, so a missing SoftHSM2 skips instead of failing
        // When / Then
        assertThatThrownBy(() -> fixture.open("no-such-kek"))
                .isInstanceOf(KekException.class)
                .hasMessageContaining("no-such-kek");
    }
}
