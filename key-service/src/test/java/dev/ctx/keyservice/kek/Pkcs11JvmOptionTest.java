package dev.ctx.keyservice.kek;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every place that starts the key service passes the JVM option the PKCS#11 attribute check needs. */
class Pkcs11JvmOptionTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theLauncherPassesTheOption() throws IOException {
        assertThat(Files.readString(ROOT.resolve("bin/ctx"))).contains(Pkcs11Kek.JVM_OPTION);
    }

    @Test
    void theContainerImageEntrypointPassesTheOption() throws IOException {
        assertThat(Files.readString(ROOT.resolve("deploy/docker/Dockerfile")))
                .containsPattern("ENTRYPOINT \\[\"java\", \"" + Pattern.quote(Pkcs11Kek.JVM_OPTION) + "\"");
    }

    @Test
    void theKubernetesStatefulSetKeepsTheImageEntrypointAndPassesTheOption() throws IOException {
        String deployment = Files.readString(ROOT.resolve("deploy/k8s/base/key-service-statefulset.yaml"));
        assertThat(deployment).doesNotContainPattern("(?m)^\\s*command:").contains(Pkcs11Kek.JVM_OPTION);
    }

    @Test
    void theMavenTestJvmsPassTheOption() throws IOException {
        assertThat(Files.readString(Path.of("pom.xml"))).contains("${kek.pkcs11.jvm.option}");
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<kek.pkcs11.jvm.option>" + Pkcs11Kek.JVM_OPTION + "</kek.pkcs11.jvm.option>");
    }
}
