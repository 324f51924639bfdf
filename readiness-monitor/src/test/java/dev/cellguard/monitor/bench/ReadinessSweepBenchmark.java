package dev.cellguard.monitor.bench;

import dev.cellguard.monitor.model.CellSpec;
import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.readiness.GroupReadiness.CellNode;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.ReadinessTracker;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.resources.ResourceRef;
import dev.cellguard.monitor.resources.http.HttpJsonCollector;
import dev.cellguard.monitor.resources.http.ProbeHttpClient;
import dev.cellguard.monitor.service.Sweeper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one readiness sweep of N resources × 2 cells (http-json resources served by a local
 * event-loop HTTP server that answers after a set latency, without holding a thread), run the way the
 * monitor runs it: every resource through the bounded probe pool, each set judged and fed to the
 * group's tracker. Prints sweep time percentiles, the CPU time of judging alone, and the probe
 * concurrency reached, next to the goal (a sweep comfortably inside a 1 s interval).
 *
 * <p>Run: {@code bench/readiness-sweep.sh [resources=500] [targetLatencyMs=5] [poolSize=64] [sweeps=15]}
 */
public final class ReadinessSweepBenchmark {

    private ReadinessSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int resources = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 5;
        int poolSize = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int sweeps = args.length > 3 ? Integer.parseInt(args[3]) : 15;

        // The targets: one event-loop HTTP server that answers every request after the latency,
        // holding no thread while it waits (as a fleet of remote endpoints would cost us nothing).
        Vertx vertx = Vertx.vertx();
        Buffer body = Buffer.buffer("{\"app\":{\"version\":\"1.0.0\",\"configHash\":\"c0ffee\"}}");
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> vertx.setTimer(Math.max(1, latencyMs), id -> request.response()
                        .putHeader("Content-Type", "application/json").end(body)))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + server.actualPort() + "/info/";

        HttpClient http = ProbeHttpClient.create();
        HttpJsonCollector collector = new HttpJsonCollector(http, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(poolSize);
        Sweeper sweeper = new Sweeper(pool, Duration.ofSeconds(10), Clock.systemUTC(), Sweeper.ProbeListener.NONE);

        CellSpec west = new CellSpec("us-west-2", "us-west-2", null, List.of());
        CellSpec eu = new CellSpec("eu-west-1", "eu-west-1", null, List.of());
        Map<String, Object> settings = Map.of("pointers", List.of("/app/version", "/app/configHash"), "timeout", "2s");
        List<ResourceSetSpec> sets = new ArrayList<>();
        List<List<ResourceRef>> refs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < resources; i++) {
            Map<String, Map<String, String>> byCell = Map.of(
                    "us-west-2", Map.of("url", base + "w" + i), "eu-west-1", Map.of("url", base + "e" + i));
            ResourceSetSpec set = new ResourceSetSpec("set-" + i, HttpJsonCollector.TYPE, settings, byCell, List.of(), Duration.ofSeconds(1));
            sets.add(set);
            names.add(set.name());
            refs.add(List.of(new ResourceRef("orders", set.name(), west, byCell.get("us-west-2"), settings),
                    new ResourceRef("orders", set.name(), eu, byCell.get("eu-west-1"), settings)));
        }
        List<ReadinessRule> rules = collector.rules(sets.get(0));
        ReadinessTracker tracker = new ReadinessTracker("orders",
                List.of(new CellNode("us-west-2", List.of()), new CellNode("eu-west-1", List.of())), names);

        System.out.printf("Readiness sweep: %d resources x 2 cells (%d checks), target latency %d ms, probe pool %d, %d cores%n%n",
                resources, resources * 2, latencyMs, poolSize, Runtime.getRuntime().availableProcessors());
        for (int warmup = 0; warmup < 3; warmup++) {
            sweep(sweeper, collector, sets, refs, rules, tracker);
        }
        long[] sweepMicros = new long[sweeps];
        List<ResourceSetReport> last = List.of();
        for (int i = 0; i < sweeps; i++) {
            long start = System.nanoTime();
            last = sweep(sweeper, collector, sets, refs, rules, tracker);
            sweepMicros[i] = (System.nanoTime() - start) / 1_000;
        }
        long judgeStart = System.nanoTime();
        for (ResourceSetReport report : last) {
            tracker.update(report);
        }
        double judgeMs = (System.nanoTime() - judgeStart) / 1e6;
        Arrays.sort(sweepMicros);

        System.out.printf("%-34s %10s%n", "measure", "value");
        System.out.printf("%-34s %10.1f%n", "sweep p50 (ms)", sweepMicros[sweeps / 2] / 1000.0);
        System.out.printf("%-34s %10.1f%n", "sweep max (ms)", sweepMicros[sweeps - 1] / 1000.0);
        System.out.printf("%-34s %10.2f%n", "sweep p50 / 1 s interval", sweepMicros[sweeps / 2] / 1e6);
        System.out.printf("%-34s %10.1f%n", "tracker update of all sets (ms)", judgeMs);
        System.out.printf("%-34s %10d%n", "probe concurrency reached", sweeper.maxInFlight());
        System.out.printf("%-34s %10s%n", "all sets READY", last.stream().allMatch(r -> r.drift().isEmpty()) ? "yes" : "NO");
        System.out.printf("%ngoal: a sweep comfortably inside a 1 s interval on 2 cores%n");

        pool.shutdownNow();
        vertx.close();
        System.exit(0);
    }

    private static List<ResourceSetReport> sweep(Sweeper sweeper, HttpJsonCollector collector, List<ResourceSetSpec> sets,
            List<List<ResourceRef>> refs, List<ReadinessRule> rules, ReadinessTracker tracker) {
        List<CompletableFuture<ResourceSetReport>> all = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            all.add(sweeper.sweep(sets.get(i).name(), collector, refs.get(i), rules));
        }
        List<ResourceSetReport> reports = all.stream().map(CompletableFuture::join).toList();
        reports.forEach(tracker::update);
        return reports;
    }
}
