package org.durableworkflow.impl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/error-codes.md has a table row for every {@code DWFnnnn} code the main sources of api, impl and
 * liberty-sample contain, and no row for a code they do not contain. Run from the impl module's directory, as
 * Maven runs it.
 */
class ErrorCodesPageTest {

    private static final Pattern CODE = Pattern.compile("DWF\\d{4}");
    private static final Path ROOT = Path.of("..");
    private static final Path PAGE = ROOT.resolve(Path.of("docs", "error-codes.md"));
    private static final List<Path> SOURCES = List.of(
            ROOT.resolve(Path.of("api", "src", "main")),
            ROOT.resolve(Path.of("impl", "src", "main")),
            ROOT.resolve(Path.of("liberty-sample", "src", "main")));

    @Test
    void thePageListsExactlyTheCodesTheSourcesUse() throws IOException {
        Set<String> inCode = codesInSources();
        Set<String> onPage = codesInTableRows();
        assertFalse(inCode.isEmpty(), "no DWF code found under " + SOURCES + "; is the test run from impl?");

        Set<String> missing = new TreeSet<>(inCode);
        missing.removeAll(onPage);
        Set<String> stale = new TreeSet<>(onPage);
        stale.removeAll(inCode);

        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("codes the sources use that docs/error-codes.md has no table row for: " + missing);
        }
        if (!stale.isEmpty()) {
            problems.add("codes docs/error-codes.md lists that no main source uses: " + stale);
        }
        assertTrue(problems.isEmpty(), String.join("; ", problems));
    }

    /** Every code in any file under the main source trees (Java, resources, server configuration). */
    private static Set<String> codesInSources() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (Path tree : SOURCES) {
            assertTrue(Files.isDirectory(tree), tree.toAbsolutePath() + " is not a directory");
            try (Stream<Path> files = Files.walk(tree)) {
                files.filter(Files::isRegularFile).forEach(file -> codes.addAll(codesIn(read(file))));
            }
        }
        return codes;
    }

    /** The code in the first cell of each table row of the page; codes mentioned elsewhere do not count. */
    private static Set<String> codesInTableRows() throws IOException {
        assertTrue(Files.isRegularFile(PAGE), PAGE.toAbsolutePath() + " is missing");
        Set<String> codes = new TreeSet<>();
        for (String line : Files.readAllLines(PAGE, StandardCharsets.UTF_8)) {
            String row = line.trim();
            if (row.startsWith("|")) {
                String[] cells = row.substring(1).split("\\|", 2);
                codes.addAll(codesIn(cells[0]));
            }
        }
        return codes;
    }

    private static Set<String> codesIn(String text) {
        Set<String> codes = new TreeSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            codes.add(m.group());
        }
        return codes;
    }

    /** A file's text; bytes that are not UTF-8 (a binary resource) cannot hold a code and are replaced. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
