package dev.cellguard.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Ports and places for a local stack. {@link #standard} uses fixed, documented ports so the README's
 * commands work as written; {@link #ephemeral} picks free ports (tests).
 *
 * @param home             the cellguard checkout: services are started from {@code <module>/target/quarkus-app}
 * @param workDir          where logs go
 * @param policyFile       the orchestrator's failover policy
 * @param probeInterval    time between health probes of a demo cell
 * @param failureThreshold failed probes in a row before a demo cell is UNHEALTHY
 */
public record LocalStackConfig(
        Path home,
        Path workDir,
        int sqsPort,
        int postgresPort,
        int arcAdminPort,
        List<Integer> arcEndpointPorts,
        int primaryCellPort,
        int secondaryCellPort,
        int monitorPort,
        int orchestratorPort,
        int auditPort,
        boolean echoServiceLogs,
        Path policyFile,
        Duration probeInterval,
        int failureThreshold) {

    /** The local failover policy, shared with docker-compose. */
    public static final String POLICY_FILE = "deploy/policy/orders-local.yaml";

    public static LocalStackConfig standard(Path home) {
        return new LocalStackConfig(home, home.resolve(".cellguard"), 9324, 5433, 9100,
                List.of(9101, 9102, 9103, 9104, 9105), 8081, 8082, 8181, 8182, 8183, true,
                home.resolve(POLICY_FILE), Duration.ofSeconds(1), 3);
    }

    public static LocalStackConfig ephemeral(Path home, Path workDir) {
        PortAllocator ports = new PortAllocator();
        return new LocalStackConfig(home, workDir, ports.next(), ports.next(), ports.next(),
                List.of(ports.next(), ports.next(), ports.next(), ports.next(), ports.next()),
                ports.next(), ports.next(), ports.next(), ports.next(), ports.next(), false,
                home.resolve(POLICY_FILE), Duration.ofSeconds(1), 3);
    }

    public LocalStackConfig withPolicyFile(Path file) {
        return new LocalStackConfig(home, workDir, sqsPort, postgresPort, arcAdminPort, arcEndpointPorts, primaryCellPort,
                secondaryCellPort, monitorPort, orchestratorPort, auditPort, echoServiceLogs, file, probeInterval, failureThreshold);
    }

    public LocalStackConfig withHealthProbes(Duration interval, int failures) {
        return new LocalStackConfig(home, workDir, sqsPort, postgresPort, arcAdminPort, arcEndpointPorts, primaryCellPort,
                secondaryCellPort, monitorPort, orchestratorPort, auditPort, echoServiceLogs, policyFile, interval, failures);
    }
}
