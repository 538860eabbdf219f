package dev.ctx.keyservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.testkit.artifact.ProductionArtifact;

/** The packaged {@code target/ctx-key-service.jar} + {@code target/lib/}: what the key-service image runs. */
class ProductionJarIT {

    private static final String PKCS11_EXPORT = "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";

    private final ProductionArtifact artifact = ProductionArtifact.inTarget("ctx-key-service");

    @TempDir
    Path dir;

    @Test
    void libHoldsTheRuntimeClasspathWithoutTestSupportJmhOrTheEmbeddedBroker() {
        // When
        List<String> jars = artifact.libJarNames();

        // Then
        assertThat(jars).anyMatch(name -> name.startsWith("javalin-")).anyMatch(name -> name.startsWith("ctx-schemas-"));
        assertThat(artifact.testOnlyJars()).isEmpty();
    }

    @Test
    void noJarHoldsTheInProcessTestRegistry() {
        assertThat(artifact.jarsHoldingClass("dev.ctx.schemas.registry.InMemorySchemaRegistry")).isEmpty();
        assertThat(artifact.jarsHoldingClass("dev.ctx.schemas.registry.MockSchemaRegistry")).isEmpty();
        assertThat(artifact.jarsHoldingClass("dev.ctx.schemas.registry.SchemaRegistryClient")).hasSize(1);
    }

    @Test
    void javaJarRefusesAMockRegistryWithAClearMessage() throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("key-service.properties"),
                "kafka.bootstrap.servers=127.0.0.1:9\nschema.registry.url=mock://prod\n"
                        + "kek.pkcs12.path=/nonexistent/kek.p12\nkek.pkcs12.password.env=KEK_PASSWORD\n"
                        + "auth.jwt.issuer=issuer\nauth.jwt.audience=audience\n"
                        + "auth.jwt.hs256.secret.file=/nonexistent/jwt-secret\n");

        // When
        ProductionArtifact.Exit exit = artifact.run(List.of(PKCS11_EXPORT), List.of("--config", file.toString()), dir, 60);

        // Then: the manifest class path loads the main; mock:// stops it before any Kafka or KEK work
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.output()).contains("invalid configuration").contains("schema.registry.url is a mock:// URL");
    }
}
