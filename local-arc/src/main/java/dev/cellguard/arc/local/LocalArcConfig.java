package dev.cellguard.arc.local;

import dev.cellguard.safety.EvaluationOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link LocalArc}. Start from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * LocalArc arc = LocalArc.start(LocalArcConfig.defaults()
 *         .withTopologyFile(Path.of("topology.json"))
 *         .withEndpointPorts(List.of(4001, 4002, 4003, 4004, 4005))
 *         .withAdminPort(4000));
 * }</pre>
 *
 * @param topologyFile           the topology file (JSON, or YAML by extension); {@code null} for the
 *                               default topology shipped as a classpath resource
 * @param endpointPorts          five ports, one per region of {@link LocalArc#REGIONS} in that order; 0 = ephemeral
 * @param adminPort              the admin API port; 0 = ephemeral
 * @param bindAddress            the address every port binds to (default {@code 127.0.0.1})
 * @param mutatingCallsPerSecond the per-endpoint limit on update calls per second (ARC's quota is 3); 0 = unlimited
 * @param evaluationOptions      safety-rule choices where AWS is silent
 * @param clock                  the time source for wait periods and the change log (tests use a fixed or movable clock)
 */
public record LocalArcConfig(Path topologyFile, List<Integer> endpointPorts, int adminPort, String bindAddress,
                             int mutatingCallsPerSecond, EvaluationOptions evaluationOptions, Clock clock) {

    /** ARC's quota of mutating calls per second per endpoint. */
    public static final int ARC_MUTATING_CALLS_PER_SECOND = 3;

    public LocalArcConfig {
        endpointPorts = List.copyOf(endpointPorts);
        if (endpointPorts.size() != LocalArc.REGIONS.size()) {
            throw new IllegalArgumentException("Exactly " + LocalArc.REGIONS.size() + " endpoint ports are needed (one per region "
                    + LocalArc.REGIONS + "), got " + endpointPorts);
        }
        endpointPorts.forEach(port -> requirePort(port, "endpoint port"));
        requirePort(adminPort, "admin port");
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (mutatingCallsPerSecond < 0) {
            throw new IllegalArgumentException("mutatingCallsPerSecond must be 0 (unlimited) or more, got " + mutatingCallsPerSecond);
        }
        Objects.requireNonNull(evaluationOptions, "evaluationOptions");
        Objects.requireNonNull(clock, "clock");
    }

    private static void requirePort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid " + what + " " + port + " (0 means ephemeral)");
        }
    }

    /**
     * The default topology, ephemeral ports on 127.0.0.1, ARC's throttling quota, default
     * evaluation options and the system clock.
     */
    public static LocalArcConfig defaults() {
        return new LocalArcConfig(null, List.of(0, 0, 0, 0, 0), 0, "127.0.0.1", ARC_MUTATING_CALLS_PER_SECOND,
                EvaluationOptions.defaults(), Clock.systemUTC());
    }

    public LocalArcConfig withTopologyFile(Path value) {
        return new LocalArcConfig(value, endpointPorts, adminPort, bindAddress, mutatingCallsPerSecond, evaluationOptions, clock);
    }

    public LocalArcConfig withEndpointPorts(List<Integer> value) {
        return new LocalArcConfig(topologyFile, value, adminPort, bindAddress, mutatingCallsPerSecond, evaluationOptions, clock);
    }

    public LocalArcConfig withAdminPort(int value) {
        return new LocalArcConfig(topologyFile, endpointPorts, value, bindAddress, mutatingCallsPerSecond, evaluationOptions, clock);
    }

    public LocalArcConfig withBindAddress(String value) {
        return new LocalArcConfig(topologyFile, endpointPorts, adminPort, value, mutatingCallsPerSecond, evaluationOptions, clock);
    }

    public LocalArcConfig withMutatingCallsPerSecond(int value) {
        return new LocalArcConfig(topologyFile, endpointPorts, adminPort, bindAddress, value, evaluationOptions, clock);
    }

    public LocalArcConfig withEvaluationOptions(EvaluationOptions value) {
        return new LocalArcConfig(topologyFile, endpointPorts, adminPort, bindAddress, mutatingCallsPerSecond, value, clock);
    }

    public LocalArcConfig withClock(Clock value) {
        return new LocalArcConfig(topologyFile, endpointPorts, adminPort, bindAddress, mutatingCallsPerSecond, evaluationOptions, value);
    }
}
