package dev.cellguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the two demo cells {@code us-west-2} and {@code eu-west-1} for a {@code @QuarkusTest} and
 * configures the readiness-monitor to probe them. Tests reach them through a {@link DemoCells} field
 * annotated {@link InjectDemoCells}.
 */
public class DemoCellsTestResource implements QuarkusTestResourceLifecycleManager {

    private DemoCells cells;

    @Override
    public Map<String, String> start() {
        cells = DemoCells.start("us-west-2", "eu-west-1");
        Map<String, String> config = new HashMap<>();
        cells.all().forEach(cell ->
                config.put("cellguard.monitor.cells." + cell.name() + ".health-url", cell.healthUrl().toString()));
        return config;
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
