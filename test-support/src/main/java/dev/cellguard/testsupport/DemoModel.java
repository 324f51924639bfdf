package dev.cellguard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

/**
 * Writes the readiness model of the demo: recovery group {@code orders} with the demo cells as
 * Region cells, an {@code http-health} set on their {@code /health} and an {@code http-json} set
 * comparing the {@code /app/version} of their {@code /info} documents.
 */
public final class DemoModel {

    private DemoModel() {
    }

    /**
     * @param healthInterval   time between health probes of a cell
     * @param failureThreshold failed probes in a row before a cell is UNHEALTHY
     * @param successThreshold passed probes in a row before it is HEALTHY
     */
    public static Path write(Path file, Collection<DemoCell> cells, Duration healthInterval, int failureThreshold,
            int successThreshold) {
        StringBuilder yaml = new StringBuilder("""
                # The demo's readiness model, written by the local launcher.
                recoveryGroups:
                  - name: orders
                    cells:
                """);
        for (DemoCell cell : cells) {
            yaml.append("      - name: ").append(cell.name()).append('\n')
                    .append("        region: ").append(cell.name()).append('\n');
        }
        yaml.append("""
                    resourceSets:
                      - name: orders-health
                        type: http-health
                        interval: %dms
                        settings: { timeout: 1s, failureThreshold: %d, successThreshold: %d }
                        resources:
                """.formatted(healthInterval.toMillis(), failureThreshold, successThreshold));
        for (DemoCell cell : cells) {
            yaml.append("          ").append(cell.name()).append(": { url: \"").append(cell.healthUrl()).append("\" }\n");
        }
        yaml.append("""
                      - name: orders-app-version
                        type: http-json
                        interval: %dms
                        settings: { pointers: [/app/version], timeout: 1s }
                        resources:
                """.formatted(healthInterval.toMillis()));
        for (DemoCell cell : cells) {
            yaml.append("          ").append(cell.name()).append(": { url: \"").append(cell.baseUrl().resolve("/info"))
                    .append("\" }\n");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo model to " + file, e);
        }
    }
}
