package dev.cellguard.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One cellguard service running as a child JVM from its packaged Quarkus application. Its output
 * goes to {@code <workDir>/logs/<name>.log} (and to the console, prefixed, if asked). Stopping sends
 * SIGTERM and waits for a clean shutdown before killing.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final URI baseUrl;
    private final Path logFile;

    private ServiceProcess(String name, Process process, URI baseUrl, Path logFile) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.logFile = logFile;
    }

    /** JVM options for a quick start and a small footprint on a laptop (the local stack). */
    public static final List<String> LOCAL_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * JVM options as in a 2-CPU container: full JIT, a 512 MB heap and the serial collector the JVM
     * itself picks for so small a container (benchmarks).
     */
    public static final List<String> PRODUCTION_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:+UseSerialGC");

    public static ServiceProcess start(String name, Path home, Path workDir, int port, Map<String, String> config,
            boolean echo) {
        return start(name, home, workDir, port, config, echo, LOCAL_JVM);
    }

    public static ServiceProcess start(String name, Path home, Path workDir, int port, Map<String, String> config,
            boolean echo, List<String> jvmOptions) {
        Path jar = home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dcellguard.parent-pid=" + ProcessHandle.current().pid()));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Path logs = Files.createDirectories(workDir.resolve("logs"));
            Path logFile = logs.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            pump(name, process, logFile, echo);
            return new ServiceProcess(name, process, URI.create("http://127.0.0.1:" + port), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static void pump(String name, Process process, Path logFile, boolean echo) throws IOException {
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.println(line);
                    if (echo) {
                        System.out.printf("%-22s| %s%n", name, line);
                    }
                }
            } catch (IOException e) {
                log.println("[launcher] output closed: " + e.getMessage());
            } finally {
                log.close();
            }
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process dies. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUrl.resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " during start-up; see " + logFile);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    String name() {
        return name;
    }

    /** The service's operating-system process (benchmarks read its CPU time). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
