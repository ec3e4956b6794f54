package org.durableworkflow.impl;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shape of the implementation: packages that import each other in one direction only, and short files. */
class ArchitectureTest {

    private static final int MOST_LINES = 250;

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.durableworkflow.impl");

    @Test
    void noPackagesImportEachOtherInACircle() {
        slices().matching("org.durableworkflow.impl.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noTopLevelPackageIsInACircleEither() {
        slices().matching("org.durableworkflow.impl.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noMainSourceFileIsLongerThanTheLimit() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> lines(file) > MOST_LINES)
                    .map(file -> file + " (" + lines(file) + " lines)").toList();
            assertEquals(List.of(), tooLong, "files over " + MOST_LINES + " lines");
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
