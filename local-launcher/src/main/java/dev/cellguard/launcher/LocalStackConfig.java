package dev.cellguard.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * Ports and places for a local stack. {@link #standard} uses fixed, documented ports so the README's
 * commands work as written; {@link #ephemeral} picks free ports (tests).
 *
 * @param home    the cellguard checkout: services are started from {@code <module>/target/quarkus-app}
 * @param workDir where logs go
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
        boolean echoServiceLogs) {

    public static LocalStackConfig standard(Path home) {
        return new LocalStackConfig(home, home.resolve(".cellguard"), 9324, 5433, 9100,
                List.of(9101, 9102, 9103, 9104, 9105), 8081, 8082, 8181, 8182, 8183, true);
    }

    public static LocalStackConfig ephemeral(Path home, Path workDir) {
        PortAllocator ports = new PortAllocator();
        return new LocalStackConfig(home, workDir, ports.next(), ports.next(), ports.next(),
                List.of(ports.next(), ports.next(), ports.next(), ports.next(), ports.next()),
                ports.next(), ports.next(), ports.next(), ports.next(), ports.next(), false);
    }
}
