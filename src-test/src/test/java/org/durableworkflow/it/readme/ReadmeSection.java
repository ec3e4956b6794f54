package org.durableworkflow.it.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One section of a Markdown page and its fenced code blocks. */
record ReadmeSection(List<String> blocks) {

    /** The section of {@code page} that starts with the heading line {@code heading}, up to the next heading. */
    static ReadmeSection read(Path page, String heading) throws IOException {
        String text = Files.readString(page);
        int start = text.indexOf(heading + "\n");
        if (start < 0) {
            throw new AssertionError("no section " + heading + " in " + page);
        }
        int end = text.indexOf("\n## ", start + heading.length());
        String section = text.substring(start, end < 0 ? text.length() : end);
        List<String> blocks = new ArrayList<>();
        String[] parts = section.split("\n```");
        for (int i = 1; i + 1 < parts.length; i += 2) {
            String block = parts[i];
            blocks.add(block.substring(block.indexOf('\n') + 1) + "\n"); // without the language line
        }
        return new ReadmeSection(blocks);
    }

    /** The one block containing {@code text}. */
    String block(String text) {
        List<String> found = blocks.stream().filter(b -> b.contains(text)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " blocks contain " + text + ": " + blocks);
        }
        return found.get(0);
    }
}
