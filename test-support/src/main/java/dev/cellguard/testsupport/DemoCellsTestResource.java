package dev.cellguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Starts the two demo cells {@code us-west-2} and {@code eu-west-1} for a {@code @QuarkusTest} and
 * gives the readiness-monitor the demo model over them (probes every 200 ms, UNHEALTHY after two
 * failures, HEALTHY after one success). Tests reach them through a {@link DemoCells} field
 * annotated {@link InjectDemoCells}.
 */
public class DemoCellsTestResource implements QuarkusTestResourceLifecycleManager {

    private DemoCells cells;

    @Override
    public Map<String, String> start() {
        cells = DemoCells.start("us-west-2", "eu-west-1");
        try {
            Path model = DemoModel.write(Files.createTempDirectory("cellguard-model").resolve("readiness-model.yaml"),
                    cells.all(), Duration.ofMillis(200), 2, 1);
            return Map.of("cellguard.monitor.model-file", model.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(cells, new TestInjector.AnnotatedAndMatchesType(InjectDemoCells.class, DemoCells.class));
    }

    @Override
    public void stop() {
        if (cells != null) {
            cells.close();
        }
    }
}
