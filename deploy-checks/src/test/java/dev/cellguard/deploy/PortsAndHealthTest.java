package dev.cellguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.deploy.support.CellguardService;
import dev.cellguard.deploy.support.Compose;
import dev.cellguard.deploy.support.Deployed;
import dev.cellguard.deploy.support.Overlays;
import dev.cellguard.deploy.support.ReadmeConfigTable;
import dev.cellguard.deploy.support.Repo;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The port each image listens on (its Dockerfile) is the one compose and Kubernetes talk to; the host
 * ports are the services' own; the health paths are the ones the services answer on.
 */
class PortsAndHealthTest {

    @ParameterizedTest
    @EnumSource(CellguardService.class)
    void composePublishesTheImagesPortOnTheServicesOwnPortAndChecksItsReadiness(CellguardService service) {
        Map<String, Object> compose = Compose.service(service);
        assertThat(Compose.list(compose, "ports")).containsExactly(service.localPort() + ":" + service.containerPort());
        Map<?, ?> healthcheck = (Map<?, ?>) compose.get("healthcheck");
        assertThat(String.join(" ", ((List<?>) healthcheck.get("test")).stream().map(String::valueOf).toList()))
                .endsWith("http://127.0.0.1:" + service.containerPort() + service.healthPaths().get("readiness"));
    }

    @ParameterizedTest
    @EnumSource(CellguardService.class)
    void everyDeploymentDeclaresTheImagesPort(CellguardService service) {
        for (String cluster : Overlays.clusters()) {
            for (Deployment deployment : Overlays.deployed(cluster).deploymentsOf(service)) {
                assertThat(Deployed.container(deployment).getPorts()).extracting(ContainerPort::getContainerPort)
                        .as(deployment.getMetadata().getName()).containsExactly(service.containerPort());
                assertThat(Deployed.env(deployment)).as("the image sets the port").doesNotContainKey("QUARKUS_HTTP_PORT");
            }
        }
    }

    @Test
    void theReadmeStatesEachServicesPortAndHealthPaths() {
        assertThat(ReadmeConfigTable.row("QUARKUS_HTTP_PORT").defaultValue()).contains(
                "`" + CellguardService.READINESS_MONITOR.localPort() + "` monitor",
                "`" + CellguardService.FAILOVER_ORCHESTRATOR.localPort() + "` orchestrator",
                "`" + CellguardService.AUDIT_SERVICE.localPort() + "` audit");
        for (CellguardService service : CellguardService.values()) {
            Map<String, String> paths = service.healthPaths();
            assertThat(Repo.read(ReadmeConfigTable.README)).contains("Health: every service answers `" + paths.get("liveness")
                    + "`, `" + paths.get("readiness") + "` and `" + paths.get("startup") + "`.");
        }
    }
}
