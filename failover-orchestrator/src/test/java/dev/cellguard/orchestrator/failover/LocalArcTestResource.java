package dev.cellguard.orchestrator.failover;

import dev.cellguard.arc.local.Endpoint;
import dev.cellguard.arc.local.LocalArc;
import dev.cellguard.arc.local.LocalArcConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the local ARC (default topology: cells us-west-2 On and eu-west-1 Off, "no fail-open" and
 * "at most one Region active" rules) and points the orchestrator at its five endpoints, with the
 * test policy (no start-up grace, acts on the first UNHEALTHY signal).
 */
public class LocalArcTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String PANEL = "arn:aws:route53-recovery-control::111122223333:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a";
    public static final String WEST = PANEL + "/routingcontrol/a1b2c3d4e5f60718";
    public static final String EU = PANEL + "/routingcontrol/1827364554637281";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectLocalArc {
    }

    private LocalArc arc;

    @Override
    public Map<String, String> start() {
        arc = LocalArc.start(LocalArcConfig.defaults());
        Map<String, String> config = new HashMap<>();
        for (Endpoint endpoint : arc.endpoints()) {
            config.put("cellguard.arc.endpoints." + endpoint.region(), endpoint.url().toString());
        }
        config.put("cellguard.arc.access-key-id", "test");
        config.put("cellguard.arc.secret-access-key", "test");
        try {
            config.put("cellguard.orchestrator.policy-file",
                    Path.of(LocalArcTestResource.class.getResource("/policy/test-policy.yaml").toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(arc, new TestInjector.AnnotatedAndMatchesType(InjectLocalArc.class, LocalArc.class));
    }

    @Override
    public void stop() {
        if (arc != null) {
            arc.close();
        }
    }
}
