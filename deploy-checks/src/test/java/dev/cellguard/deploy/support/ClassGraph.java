package dev.cellguard.deploy.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Class files on the test class path, and which cellguard classes a set of classes refers to. */
public final class ClassGraph {

    private static final Pattern CELLGUARD_CLASS = Pattern.compile("dev/cellguard/[A-Za-z0-9_$/]+");
    private static final ClassLoader LOADER = ClassGraph.class.getClassLoader();
    private static final Map<String, Optional<ClassFile>> FILES = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> CLASSES_AT = new ConcurrentHashMap<>();

    private ClassGraph() {
    }

    /** The class file of an internal name ({@code a/b/C}), if it is on the class path. */
    public static Optional<ClassFile> classFile(String internalName) {
        return FILES.computeIfAbsent(internalName, name -> {
            try (InputStream in = LOADER.getResourceAsStream(name + ".class")) {
                return in == null ? Optional.empty() : Optional.of(ClassFile.parse(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Where a class comes from: a jar or a classes directory. */
    public static String location(String internalName) {
        URL url = LOADER.getResource(internalName + ".class");
        if (url == null) {
            throw new IllegalArgumentException(internalName + " is not on the class path");
        }
        String text = url.toString();
        if (text.startsWith("jar:")) {
            return text.substring("jar:".length(), text.indexOf("!/"));
        }
        return text.substring(0, text.length() - (internalName + ".class").length());
    }

    /** Every class of the jar or directory a class comes from. */
    public static List<String> classesBeside(String internalName) {
        return CLASSES_AT.computeIfAbsent(location(internalName), ClassGraph::classesAt);
    }

    /** The roots and every cellguard class they refer to, directly or through each other. */
    public static Set<String> reachable(Collection<String> roots) {
        Set<String> seen = new TreeSet<>();
        Deque<String> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            String name = queue.pop();
            if (!seen.add(name)) {
                continue;
            }
            classFile(name).ifPresent(file -> {
                for (String text : file.strings()) {
                    Matcher matcher = CELLGUARD_CLASS.matcher(text);
                    while (matcher.find()) {
                        String referenced = matcher.group();
                        if (!seen.contains(referenced) && classFile(referenced).isPresent()) {
                            queue.add(referenced);
                        }
                    }
                }
            });
        }
        return seen;
    }

    private static List<String> classesAt(String location) {
        try {
            Path path = Path.of(new URL(location).toURI());
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    return files.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> path.relativize(f).toString().replace('\\', '/'))
                            .map(f -> f.substring(0, f.length() - ".class".length()))
                            .sorted()
                            .toList();
                }
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                return jar.stream().map(JarEntry::getName)
                        .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                        .map(n -> n.substring(0, n.length() - ".class".length()))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(location, e);
        }
    }
}
