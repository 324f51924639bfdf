package dev.cellguard.orchestrator.bench;

import dev.cellguard.arc.local.Fault;
import dev.cellguard.arc.local.LocalArc;
import dev.cellguard.arc.local.LocalArcConfig;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.orchestrator.routing.ArcEndpoint;
import dev.cellguard.orchestrator.routing.RoutingControlClient;
import dev.cellguard.orchestrator.routing.UpdateOutcome;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Update latency through the endpoint-rotating client against the local ARC, in one run:
 * all five endpoints healthy, four of five refusing connections, two neighbouring endpoints
 * blackholed (a call that starts at the first of them pays two attempt timeouts). Each call starts
 * at a random endpoint, as in production. Prints p50/p99 and the extra cost over the healthy case
 * next to the goals (4 refusing: ≤ 100 ms extra; 2 blackholed: ≤ 2 × attempt timeout extra).
 *
 * <p>Run: {@code bench/routing-client.sh [updates] [attemptTimeoutMs]}
 */
public final class RoutingClientBenchmark {

    private static final String CELL_A = "arn:aws:route53-recovery-control::111122223333:controlpanel/0a1b2c3d4e5f60718293a4b5c6d7e8f9/routingcontrol/0000000000000001";
    private static final String CELL_B = "arn:aws:route53-recovery-control::111122223333:controlpanel/0a1b2c3d4e5f60718293a4b5c6d7e8f9/routingcontrol/0000000000000002";

    private RoutingClientBenchmark() {
    }

    public static void main(String[] args) throws URISyntaxException {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Duration attemptTimeout = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 250);
        Path topology = Path.of(RoutingClientBenchmark.class.getResource("/arc/unguarded-topology.json").toURI());
        // No throttling: this measures the client and the endpoints, not ARC's 3 calls/s quota.
        try (LocalArc arc = LocalArc.start(LocalArcConfig.defaults().withTopologyFile(topology).withMutatingCallsPerSecond(0));
             RoutingControlClient client = new RoutingControlClient(
                     arc.endpoints().stream().map(e -> new ArcEndpoint(e.region(), e.url())).toList(),
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")),
                     attemptTimeout, Duration.ofSeconds(10), new SecureRandom())) {
            System.out.printf("Routing-control update latency, %d updates a scenario, attempt timeout %d ms, random start%n%n",
                    updates, attemptTimeout.toMillis());
            run(client, updates / 3);
            Result healthy = run(client, updates);
            arc.injectFault(arc.endpoints().get(0).region(), Fault.refuse());
            arc.injectFault(arc.endpoints().get(1).region(), Fault.refuse());
            arc.injectFault(arc.endpoints().get(2).region(), Fault.refuse());
            arc.injectFault(arc.endpoints().get(3).region(), Fault.refuse());
            Result refusing = run(client, updates);
            arc.clearFaults();
            arc.injectFault(arc.endpoints().get(1).region(), Fault.blackhole());
            arc.injectFault(arc.endpoints().get(2).region(), Fault.blackhole());
            Result blackholed = run(client, Math.max(20, updates / 3));

            System.out.printf("%-22s %6s %9s %9s %9s %9s %14s %s%n",
                    "scenario", "calls", "p50 ms", "p99 ms", "max ms", "attempts", "extra p99 ms", "goal");
            print("all healthy", healthy, healthy, "-");
            print("4 of 5 refusing", refusing, healthy, "<= 100 ms extra");
            print("2 of 5 blackholed", blackholed, healthy, "<= " + 2 * attemptTimeout.toMillis() + " ms extra");
        }
    }

    private record Result(Percentiles latency, double meanAttempts, int calls) {
    }

    private static Result run(RoutingControlClient client, int calls) {
        long[] micros = new long[calls];
        long attempts = 0;
        for (int i = 0; i < calls; i++) {
            boolean aOn = i % 2 == 0;
            long start = System.nanoTime();
            UpdateOutcome outcome = client.updateStates(Map.of(
                    CELL_A, aOn ? RoutingState.OFF : RoutingState.ON,
                    CELL_B, aOn ? RoutingState.ON : RoutingState.OFF), List.of());
            micros[i] = (System.nanoTime() - start) / 1_000;
            attempts += outcome.attempts();
        }
        return new Result(new Percentiles(micros), (double) attempts / calls, calls);
    }

    private static void print(String scenario, Result result, Result baseline, String goal) {
        double extraP99 = result.latency().millis(99) - baseline.latency().millis(99);
        System.out.printf("%-22s %6d %9.1f %9.1f %9.1f %9.2f %14s %s%n", scenario, result.calls(),
                result.latency().millis(50), result.latency().millis(99), result.latency().maxMillis(),
                result.meanAttempts(), result == baseline ? "-" : String.format("%.1f", extraP99), goal);
    }
}
