package dev.packetwalk.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the arrows of design §1 true: a layer uses only the layers below it. */
class LayerArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.packetwalk");
    }

    @Test
    void netUsesNoOtherLayer() {
        noClasses().that().resideInAPackage("dev.packetwalk.net..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.packetwalk.ovs..", "dev.packetwalk.linux..", "dev.packetwalk.host..",
                        "dev.packetwalk.cloud..", "dev.packetwalk.app..")
                .check(classes);
    }

    @Test
    void ovsAndLinuxNeverMeet() {
        noClasses().that().resideInAPackage("dev.packetwalk.ovs..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.packetwalk.linux..", "dev.packetwalk.host..",
                        "dev.packetwalk.cloud..", "dev.packetwalk.app..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("dev.packetwalk.linux..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.packetwalk.ovs..", "dev.packetwalk.host..",
                        "dev.packetwalk.cloud..", "dev.packetwalk.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void hostIsBelowCloudAndApp() {
        noClasses().that().resideInAPackage("dev.packetwalk.host..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.packetwalk.cloud..", "dev.packetwalk.app..")
                .check(classes);
    }

    @Test
    void cloudIsBelowApp() {
        noClasses().that().resideInAPackage("dev.packetwalk.cloud..")
                .should().dependOnClassesThat().resideInAPackage("dev.packetwalk.app..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
