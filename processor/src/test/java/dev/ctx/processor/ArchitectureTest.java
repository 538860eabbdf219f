package dev.ctx.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package layering and the logging rules of the processor, checked on its compiled main classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ctx.processor");

    @Test
    void featurePackagesFormNoCycle() {
        assertThat(CLASSES).as("imported main classes").hasSizeGreaterThan(40);
        slices().matching("dev.ctx.processor.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void featurePackagesAreLayered() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("app")
                .definedBy("dev.ctx.processor.app..")
                .layer("topology")
                .definedBy("dev.ctx.processor.topology..")
                .layer("dedup")
                .definedBy("dev.ctx.processor.dedup..")
                .layer("rewrap")
                .definedBy("dev.ctx.processor.rewrap..")
                .layer("audit")
                .definedBy("dev.ctx.processor.audit..")
                .layer("keyservice")
                .definedBy("dev.ctx.processor.keyservice..")
                .layer("encrypt")
                .definedBy("dev.ctx.processor.encrypt..")
                .layer("keys")
                .definedBy("dev.ctx.processor.keys..")
                .layer("metrics")
                .definedBy("dev.ctx.processor.metrics..")
                .layer("dlq")
                .definedBy("dev.ctx.processor.dlq..")
                .layer("config")
                .definedBy("dev.ctx.processor.config..")
                .layer("topics")
                .definedBy("dev.ctx.processor.topics..")
                .whereLayer("app")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("topology")
                .mayOnlyBeAccessedByLayers("app")
                .whereLayer("dedup")
                .mayOnlyBeAccessedByLayers("topology")
                .whereLayer("rewrap")
                .mayOnlyBeAccessedByLayers("app")
                .whereLayer("audit")
                .mayOnlyBeAccessedByLayers("app")
                .whereLayer("keyservice")
                .mayOnlyBeAccessedByLayers("rewrap", "audit", "app")
                .whereLayer("encrypt")
                .mayOnlyBeAccessedByLayers("topology", "app", "dedup", "rewrap")
                .whereLayer("keys")
                .mayOnlyBeAccessedByLayers("encrypt", "topology", "app", "rewrap")
                .whereLayer("metrics")
                .mayOnlyBeAccessedByLayers("encrypt", "topology", "app", "dedup", "rewrap")
                .because("the topology wires the features and only main wires the application")
                .check(CLASSES);
    }

    @Test
    void onlyMainWritesToTheStandardStreams() {
        noClasses()
                .that()
                .doNotHaveSimpleName("ProcessorMain")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("log through SLF4J with coordinates, never content")
                .check(CLASSES);
    }

    @Test
    void loggersArePrivateStaticFinalAndNamedLogger() {
        fields().that()
                .haveRawType(Logger.class)
                .should()
                .bePrivate()
                .andShould()
                .beStatic()
                .andShould()
                .beFinal()
                .andShould()
                .haveName("LOGGER")
                .check(CLASSES);
    }
}
