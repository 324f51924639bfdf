package dev.cellguard.launcher.bench;

import static org.awaitility.Awaitility.await;

import dev.cellguard.launcher.LocalStack;
import dev.cellguard.launcher.LocalStackConfig;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.support.security.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fault → routing flipped in the whole local stack (demo cell, readiness-monitor, SQS,
 * failover-orchestrator, local ARC — separate processes), against the detection window the
 * monitor's probes allow (probe interval × failure threshold). Prints each run and the p50/max next
 * to the goal (≤ window + 250 ms).
 *
 * <p>Run: {@code bench/failover-time.sh [runs=8] [probeIntervalMs=500] [failureThreshold=3]}
 */
public final class FailoverTimeBenchmark {

    private FailoverTimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Duration interval = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 500);
        int threshold = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path home = Path.of(System.getProperty("cellguard.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("cellguard-bench");
        // The local policy, acting again and again: no grace, no cooldown, a generous hourly window.
        String policy = Files.readString(home.resolve(LocalStackConfig.POLICY_FILE))
                .replace("startupGrace: 5s", "startupGrace: 0s")
                .replace("cooldown: 1m", "cooldown: 0s")
                .replace("maxFailoversPerHour: 4", "maxFailoversPerHour: 60");
        Path policyFile = Files.writeString(work.resolve("bench-policy.yaml"), policy);
        Duration window = interval.multipliedBy(threshold);

        try (LocalStack stack = LocalStack.start(LocalStackConfig.ephemeral(home, work)
                .withPolicyFile(policyFile).withHealthProbes(interval, threshold))) {
            HttpClient http = HttpClient.newHttpClient();
            URI readiness = stack.serviceUrl("readiness-monitor").resolve("/api/readiness");
            long[] flipMillis = new long[runs];
            for (int run = 0; run < runs; run++) {
                stack.cell(LocalStack.PRIMARY_CELL).recover();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> http.send(
                        HttpRequest.newBuilder(readiness).header("Authorization", "Bearer " + stack.token(Roles.VIEWER)).build(), HttpResponse.BodyHandlers.ofString()).body()
                        .contains("\"status\":\"READY\",\"cells\""));
                // Traffic back to the primary the way an operator would: through the orchestrator
                // (retried while ARC's wait period after the last change still holds).
                if (stack.arc().routingControlState(LocalStack.PRIMARY_ROUTING_CONTROL_ARN) != RoutingControlState.ON) {
                    HttpRequest failback = HttpRequest.newBuilder(stack.serviceUrl("failover-orchestrator").resolve("/api/failover"))
                            .header("Authorization", "Bearer " + stack.token(Roles.OPERATOR))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"targetCell\":\"" + LocalStack.PRIMARY_CELL + "\",\"reason\":\"benchmark reset\"}"))
                            .build();
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                            http.send(failback, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
                }

                // A failure does not strike inside ARC's 5 s wait period after the last change.
                var changes = stack.arc().changeLog();
                java.time.Instant quietFrom = changes.isEmpty() ? java.time.Instant.EPOCH
                        : changes.get(changes.size() - 1).time().plusSeconds(5);
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                        .until(() -> java.time.Instant.now().isAfter(quietFrom));

                long start = System.nanoTime();
                stack.cell(LocalStack.PRIMARY_CELL).fail();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() ->
                        stack.arc().routingControlState(LocalStack.PRIMARY_ROUTING_CONTROL_ARN) == RoutingControlState.OFF);
                flipMillis[run] = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("run %d: fault -> routing flipped in %d ms%n", run + 1, flipMillis[run]);
            }
            Arrays.sort(flipMillis);
            System.out.printf("%nprobe interval %d ms x failure threshold %d = detection window %d ms%n",
                    interval.toMillis(), threshold, window.toMillis());
            System.out.printf("fault -> flipped: p50 %d ms, max %d ms; max - window = %d ms%n",
                    flipMillis[runs / 2], flipMillis[runs - 1], flipMillis[runs - 1] - window.toMillis());
            System.out.printf("goal: <= window + 250 ms = %d ms%n", window.toMillis() + 250);
        }
        System.exit(0);
    }
}
