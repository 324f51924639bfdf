package dev.cellguard.orchestrator.bench;

import dev.cellguard.arc.local.LocalArc;
import dev.cellguard.arc.local.LocalArcConfig;
import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.CellReadinessChanged;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.EventSource;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.orchestrator.policy.FailoverEngine;
import dev.cellguard.orchestrator.policy.PlannedUpdate;
import dev.cellguard.orchestrator.policy.PolicyDocument;
import dev.cellguard.orchestrator.policy.PolicyLoader;
import dev.cellguard.orchestrator.routing.ArcEndpoint;
import dev.cellguard.orchestrator.routing.RoutingControlClient;
import dev.cellguard.orchestrator.routing.UpdateOutcome;
import dev.cellguard.safety.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Signal received → ARC update accepted, through the orchestrator's real path: the engine records
 * the UNHEALTHY signal and decides, the routing controls are read again from ARC (fencing against
 * another orchestrator's change), and the update goes through the endpoint-rotating client to the
 * local ARC. Prints p50/p99 of the whole path, of ARC's own update latency, and the difference,
 * next to the goal (≤ 50 ms beyond ARC's own latency).
 *
 * <p>Run: {@code bench/decision-latency.sh [iterations=300]}
 */
public final class DecisionLatencyBenchmark {

    private static final EventSource MONITOR = new EventSource("readiness-monitor", "bench");

    private DecisionLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        PolicyDocument policy = new PolicyLoader().load(
                Path.of(DecisionLatencyBenchmark.class.getResource("/policy/test-policy.yaml").toURI()));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z")); // moved forward: wait periods pass without waiting
        try (LocalArc arc = LocalArc.start(LocalArcConfig.defaults().withClock(clock).withMutatingCallsPerSecond(0));
             RoutingControlClient client = new RoutingControlClient(
                     arc.endpoints().stream().map(e -> new ArcEndpoint(e.region(), e.url())).toList(),
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")),
                     Duration.ofSeconds(1), Duration.ofSeconds(10), new SecureRandom())) {
            long[] wholeMicros = new long[iterations];
            long[] arcMicros = new long[iterations];
            for (int i = -iterations / 5; i < iterations; i++) {
                arc.reset();
                clock.advance(Duration.ofSeconds(10));
                FailoverEngine engine = new FailoverEngine(policy, clock.instant().minusSeconds(60), Duration.ofSeconds(1));
                engine.routingObserved(client.readStates(policy.routingControlArns()));
                Instant t = clock.instant();
                engine.record(EventEnvelope.create(new CellHealthChanged("bench", HealthStatus.HEALTHY, null, "x", "ok", 2, 1L),
                        MONITOR, "orders", "eu-west-1", null, t));
                engine.record(EventEnvelope.create(new CellReadinessChanged("bench", Readiness.READY, null, null, Map.of(), List.of()),
                        MONITOR, "orders", "eu-west-1", null, t));
                engine.evaluate(t);

                long start = System.nanoTime();
                engine.record(EventEnvelope.create(new CellHealthChanged("bench", HealthStatus.UNHEALTHY, HealthStatus.HEALTHY, "x",
                        "HTTP 503", 3, 1L), MONITOR, "orders", "us-west-2", null, t));
                PlannedUpdate update = engine.evaluate(t).update().orElseThrow(() -> new IllegalStateException("no decision"));
                engine.routingObserved(client.readStates(policy.routingControlArns()));
                long arcStart = System.nanoTime();
                UpdateOutcome outcome = client.updateStates(update.proposal().desired(), List.of());
                long arcEnd = System.nanoTime();
                engine.executed(update, "accepted by " + outcome.endpoint().region(), t);
                long end = System.nanoTime();
                if (i >= 0) {
                    wholeMicros[i] = (end - start) / 1_000;
                    arcMicros[i] = (arcEnd - arcStart) / 1_000;
                }
            }
            Percentiles whole = new Percentiles(wholeMicros);
            Percentiles arcOnly = new Percentiles(arcMicros);
            System.out.printf("Signal received -> ARC update accepted, %d failovers (after %d warm-up)%n%n", iterations, iterations / 5);
            System.out.printf("%-40s %9s %9s%n", "measure", "p50 ms", "p99 ms");
            System.out.printf("%-40s %9.2f %9.2f%n", "whole path (decide, re-read, update)", whole.millis(50), whole.millis(99));
            System.out.printf("%-40s %9.2f %9.2f%n", "ARC's own update latency", arcOnly.millis(50), arcOnly.millis(99));
            System.out.printf("%-40s %9.2f %9.2f%n", "beyond ARC's own latency", whole.millis(50) - arcOnly.millis(50),
                    whole.millis(99) - arcOnly.millis(99));
            System.out.printf("%ngoal: <= 50 ms beyond ARC's own latency%n");
        }
    }
}
