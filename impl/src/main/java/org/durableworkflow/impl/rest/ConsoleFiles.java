package org.durableworkflow.impl.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console's static files, read once from the library's JAR ({@code META-INF/durable-workflow/console/}),
 * each with its content type and a tag of its content for HTTP revalidation.
 */
final class ConsoleFiles {

    private static final String FOLDER = "/META-INF/durable-workflow/console/";
    /** Plain names only: no folder, no {@code ..}, so a request can never read another resource of the JAR. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(html|css|js|svg)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");
    private static final Map<String, Optional<File>> READ = new ConcurrentHashMap<>();

    /** A file: its bytes, content type and entity tag. */
    record File(byte[] bytes, String contentType, String tag) {
    }

    private ConsoleFiles() {
    }

    /** The file named {@code name}, or empty when the console has none. */
    static Optional<File> named(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return READ.computeIfAbsent(name, ConsoleFiles::read);
    }

    private static Optional<File> read(String name) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new File(bytes, TYPES.get(extension), tagOf(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tagOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
