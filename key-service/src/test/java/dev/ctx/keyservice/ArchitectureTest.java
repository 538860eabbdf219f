package dev.ctx.keyservice;

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

import dev.ctx.keyservice.participants.KeyLifecycle;

/** Package boundaries of the key service, checked on its compiled main classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ctx.keyservice");

    @Test
    void featurePackagesFormNoCycle() {
        assertThat(CLASSES).as("imported main classes").hasSizeGreaterThan(50);
        slices().matching("dev.ctx.keyservice.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void featurePackagesAreLayered() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("main")
                .definedBy("dev.ctx.keyservice")
                .layer("api")
                .definedBy("dev.ctx.keyservice.api..")
                .layer("access")
                .definedBy("dev.ctx.keyservice.access..")
                .layer("escrow")
                .definedBy("dev.ctx.keyservice.escrow..")
                .layer("receipts")
                .definedBy("dev.ctx.keyservice.receipts..")
                .layer("rotation")
                .definedBy("dev.ctx.keyservice.rotation..")
                .layer("byok")
                .definedBy("dev.ctx.keyservice.byok..")
                .layer("rewrap")
                .definedBy("dev.ctx.keyservice.rewrap..")
                .layer("store")
                .definedBy("dev.ctx.keyservice.store..")
                .layer("registry")
                .definedBy("dev.ctx.keyservice.participants..")
                .layer("auditlog")
                .definedBy("dev.ctx.keyservice.auditlog..")
                .layer("signing")
                .definedBy("dev.ctx.keyservice.signing..")
                .layer("custody")
                .definedBy("dev.ctx.keyservice.custody..")
                .layer("kek")
                .definedBy("dev.ctx.keyservice.kek..")
                .layer("auth")
                .definedBy("dev.ctx.keyservice.auth..")
                .layer("audit")
                .definedBy("dev.ctx.keyservice.audit..")
                .layer("config")
                .definedBy("dev.ctx.keyservice.config..")
                .whereLayer("main")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("api")
                .mayOnlyBeAccessedByLayers("main")
                .whereLayer("access")
                .mayOnlyBeAccessedByLayers("main", "api", "config", "escrow", "receipts")
                .whereLayer("escrow")
                .mayOnlyBeAccessedByLayers("main", "api", "store")
                .whereLayer("receipts")
                .mayOnlyBeAccessedByLayers("main", "api")
                .whereLayer("store")
                .mayOnlyBeAccessedByLayers("main")
                .whereLayer("rotation")
                .mayOnlyBeAccessedByLayers("main", "api")
                .whereLayer("byok")
                .mayOnlyBeAccessedByLayers("main", "api")
                .whereLayer("rewrap")
                .mayOnlyBeAccessedByLayers("main", "api")
                .whereLayer("registry")
                .mayOnlyBeAccessedByLayers(
                        "main",
                        "api",
                        "store",
                        "rotation",
                        "access",
                        "byok",
                        "rewrap",
                        "escrow",
                        "auditlog",
                        "receipts")
                .whereLayer("auditlog")
                .mayOnlyBeAccessedByLayers("main", "api")
                .whereLayer("signing")
                .mayOnlyBeAccessedByLayers("main", "store", "auditlog")
                .whereLayer("custody")
                .mayOnlyBeAccessedByLayers(
                        "main", "registry", "store", "signing", "access", "rewrap", "auditlog", "receipts")
                .whereLayer("kek")
                .mayOnlyBeAccessedByLayers("main", "custody")
                .whereLayer("auth")
                .mayOnlyBeAccessedByLayers("main", "api", "access", "escrow", "receipts")
                .whereLayer("config")
                .mayOnlyBeAccessedByLayers("main")
                .because("the KEK is reachable only through custody, and the registry knows neither HTTP nor Kafka")
                .check(CLASSES);
    }

    @Test
    void onlyTheEscrowWorkflowHoldsTheEscrowKeyUnsealingCapability() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.ctx.keyservice.escrow..", "dev.ctx.keyservice.participants..")
                .and()
                .doNotHaveFullyQualifiedName("dev.ctx.keyservice.EscrowWiring")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.ctx.keyservice.participants.EscrowKeyUnsealing")
                .because("the escrow private key opens every transaction: only the two-person escrow workflow may "
                        + "unseal it")
                .check(CLASSES);
    }

    @Test
    void onlyTheWiringHandsOverTheEscrowKeyUnsealingCapability() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("dev.ctx.keyservice.EscrowWiring")
                .and()
                .resideOutsideOfPackage("dev.ctx.keyservice.participants..")
                .should()
                .callMethod(KeyLifecycle.class, "handOverEscrowKeyUnsealingOnce")
                .because("the capability is given once, at startup, to the escrow workflow")
                .check(CLASSES);
    }

    @Test
    void onlyTheRewrapEndpointHoldsTheEscrowRewrappingCapability() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.ctx.keyservice.rewrap..", "dev.ctx.keyservice.participants..")
                .and()
                .doNotHaveFullyQualifiedName("dev.ctx.keyservice.KeyService")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.ctx.keyservice.participants.EscrowRewrapping")
                .because("the escrow private key opens every transaction: besides the two-person escrow workflow only"
                        + " key rotation may use it, and only to rewrap")
                .check(CLASSES);
    }

    @Test
    void onlyTheWiringHandsOverTheEscrowRewrappingCapability() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("dev.ctx.keyservice.KeyService")
                .and()
                .resideOutsideOfPackage("dev.ctx.keyservice.participants..")
                .should()
                .callMethod(KeyLifecycle.class, "handOverEscrowRewrappingOnce")
                .because("the capability is given once, at startup, to the rewrap endpoint")
                .check(CLASSES);
    }

    @Test
    void onlyMainWritesToTheStandardStreams() {
        noClasses()
                .that()
                .doNotHaveSimpleName("KeyServiceMain")
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

    @Test
    void registryUsesNeitherKafkaNorJavalin() {
        noClasses()
                .that()
                .resideInAPackage("dev.ctx.keyservice.participants..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "io.javalin..", "org.eclipse.jetty..")
                .check(CLASSES);
    }
}
