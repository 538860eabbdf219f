package dev.ctx.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** What the consumer module may depend on, checked on its compiled main classes. */
class ClientDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ctx.client");

    @Test
    void noClassDependsOnStreamsMetricsOrAnHttpServer() {
        assertThat(CLASSES).as("imported main classes").hasSizeGreaterThan(20);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.kafka.streams..", "io.micrometer..", "io.javalin..", "org.eclipse.jetty..")
                .because("a downstream consumer needs the opener and the access client, not a processor or a server")
                .check(CLASSES);
    }

    @Test
    void noClassDependsOnTheProcessorOrTheKeyService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ctx.processor..", "dev.ctx.keyservice..", "dev.ctx.testkit..", "dev.ctx.cli..")
                .because("the client is built against the topics and the HTTP contract, not against our servers")
                .check(CLASSES);
    }

    @Test
    void noClassUsesTheEnvelopeInternals() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ctx.envelope.internal..")
                .because("the envelope library's internals (raw HPKE, AES-GCM) are not API")
                .check(CLASSES);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("dev.ctx.client.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void nothingWritesToTheStandardStreams() {
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("a library reports through exceptions and return values")
                .check(CLASSES);
    }
}
