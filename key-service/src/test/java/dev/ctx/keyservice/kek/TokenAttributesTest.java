package dev.ctx.keyservice.kek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.kek.ExtractableKekException.Reason;

/** The token attribute check fails closed where it cannot query the module; no token needed. */
class TokenAttributesTest {

    @TempDir
    Path dir;

    @Test
    void theLibraryIsReadFromTheSunPkcs11Config() throws Exception {
        // Given
        Path config = Files.writeString(
                dir.resolve("a.cfg"), "name = t\n  library =  /usr/lib/softhsm/libsofthsm2.so \nslot = 3\n");
        // When / Then
        assertThat(TokenAttributes.library(config)).isEqualTo("/usr/lib/softhsm/libsofthsm2.so");
    }

    @Test
    void aQuotedLibraryWithASystemPropertyIsExpanded() throws Exception {
        // Given
        Path config = Files.writeString(dir.resolve("b.cfg"), "name = t\nlibrary = \"${java.home}/lib/x.so\"\n");
        // When / Then
        assertThat(TokenAttributes.library(config)).isEqualTo(System.getProperty("java.home") + "/lib/x.so");
    }

    @Test
    void aConfigWithoutALibraryIsRefused() throws Exception {
        // Given: an NSS-style config names no library
        Path config = Files.writeString(dir.resolve("c.cfg"), "name = t\nnssLibraryDirectory = /usr/lib\n");
        // When / Then
        assertThatThrownBy(() -> TokenAttributes.library(config))
                .isInstanceOf(KekException.class)
                .hasMessageContaining("names no library");
    }

    @Test
    void aModuleThatCannotBeLoadedMakesTheKeyUnverifiable() throws Exception {
        // Given
        Path config =
                Files.writeString(dir.resolve("d.cfg"), "name = t\nlibrary = " + dir.resolve("missing.so") + "\n");
        // When / Then
        assertThatThrownBy(() -> TokenAttributes.secretKeysLabelled(config, "kek-main"))
                .isInstanceOfSatisfying(
                        ExtractableKekException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNVERIFIABLE))
                .hasMessageContaining("kek-main");
    }

    @Test
    void theTestJvmRunsWithTheOptionTheCheckNeeds() {
        // The surefire/failsafe argLine carries Pkcs11Kek.JVM_OPTION; without it the PKCS#11 tests would all be refused
        Module cryptoki = ModuleLayer.boot().findModule("jdk.crypto.cryptoki").orElseThrow();
        assertThat(cryptoki.isExported("sun.security.pkcs11.wrapper", TokenAttributes.class.getModule()))
                .isTrue();
    }

    @Test
    void withoutTheJvmOptionEveryKeyIsRefusedNamingTheOption() throws Exception {
        // Given: a JVM started without --add-exports (the module path does not matter: the first call is refused)
        Path config =
                Files.writeString(dir.resolve("e.cfg"), "name = t\nlibrary = " + dir.resolve("missing.so") + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(List.of(
                        java, "-cp", classpath, TokenAttributesProbe.class.getName(), config.toString(), "kek-main"))
                .redirectErrorStream(true)
                .start();
        // When
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // Then
        assertThat(output).startsWith("UNVERIFIABLE").contains("kek-main").contains(Pkcs11Kek.JVM_OPTION);
    }
}
