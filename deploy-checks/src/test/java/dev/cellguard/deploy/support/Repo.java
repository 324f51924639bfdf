package dev.cellguard.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the checks read: {@code cellguard.home} (set by the build), else the module's parent. */
public final class Repo {

    private static final Path ROOT = locate();

    private Repo() {
    }

    public static Path root() {
        return ROOT;
    }

    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(String relative) {
        return read(path(relative));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT.relativize(file.toAbsolutePath()), e);
        }
    }

    /** The project version, as the build passes it (the parent pom's version otherwise). */
    public static String projectVersion() {
        String version = System.getProperty("cellguard.version");
        if (version != null && !version.isBlank()) {
            return version;
        }
        var matcher = java.util.regex.Pattern.compile("<artifactId>cellguard-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read("pom.xml"));
        if (!matcher.find()) {
            throw new IllegalStateException("no version in pom.xml");
        }
        return matcher.group(1);
    }

    private static Path locate() {
        String home = System.getProperty("cellguard.home");
        Path root = (home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath().getParent())
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy")) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("not the cellguard repository: " + root + " (set -Dcellguard.home)");
        }
        return root;
    }
}
