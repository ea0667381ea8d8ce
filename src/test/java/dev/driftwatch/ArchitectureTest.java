package dev.driftwatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.driftwatch");
    /** Micronaut's annotation processor writes bean introspections ({@code $Name$Introspection}) beside annotated types. */
    private static final DescribedPredicate<JavaClass> HAND_WRITTEN =
            DescribedPredicate.describe("hand-written", c -> !c.getName().contains(".$"));

    @Test
    void theEngineDependsOnNoFrameworkNorOnOuterLayers() {
        noClasses().that().resideInAPackage("dev.driftwatch.engine..").and(HAND_WRITTEN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "io.micrometer..", "java.sql..", "javax.sql..",
                        "dev.driftwatch.spec..", "dev.driftwatch.report..", "dev.driftwatch.cli..", "dev.driftwatch.app..",
                        "dev.driftwatch.spark..", "org.apache.spark..", "scala..")
                .check(CLASSES);
    }

    @Test
    void onlyTheSparkRunnerUsesSpark() {
        noClasses().that().resideOutsideOfPackage("dev.driftwatch.spark..").and(HAND_WRITTEN)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(CLASSES);
    }

    @Test
    void rulesFilesAndReportsDoNotReachIntoTheServiceOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("dev.driftwatch.spec..", "dev.driftwatch.report..").and(HAND_WRITTEN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "io.micrometer..", "java.sql..", "dev.driftwatch.cli..", "dev.driftwatch.app..")
                .check(CLASSES);
    }

    @Test
    void theCommandLineStartsNoApplicationContext() {
        noClasses().that().resideInAPackage("dev.driftwatch.cli..").and(HAND_WRITTEN)
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "dev.driftwatch.app..")
                .check(CLASSES);
    }
}
