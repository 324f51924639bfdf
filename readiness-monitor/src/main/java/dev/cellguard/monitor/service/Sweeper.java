package dev.cellguard.monitor.service;

import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.ResourceSetEvaluator;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.ResourceRef;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks one resource set: every cell's resource at once on a bounded pool, then judges the set.
 * A collector that does not return within the collect timeout counts as could-not-run, so one
 * hanging target delays its own set by at most that long and no other set at all.
 */
public final class Sweeper {

    /** Told how long each check took and how it ended (for latency histograms). */
    @FunctionalInterface
    public interface ProbeListener {
        ProbeListener NONE = (type, resource, observation, nanos) -> { };

        void probed(String type, ResourceRef resource, Observation observation, long nanos);
    }

    private final ExecutorService probes;
    private final Duration collectTimeout;
    private final Clock clock;
    private final ProbeListener listener;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public Sweeper(ExecutorService probes, Duration collectTimeout, Clock clock, ProbeListener listener) {
        this.probes = probes;
        this.collectTimeout = collectTimeout;
        this.clock = clock;
        this.listener = listener;
    }

    public CompletableFuture<ResourceSetReport> sweep(String setName, ResourceCollector collector, List<ResourceRef> resources,
            List<ReadinessRule> rules) {
        Map<String, CompletableFuture<Observation>> pending = new LinkedHashMap<>();
        for (ResourceRef ref : resources) {
            pending.put(ref.cell().name(), CompletableFuture.supplyAsync(() -> collect(collector, ref), probes)
                    .completeOnTimeout(new Observation.Failed(Observation.Failure.COULD_NOT_RUN,
                            "no result within " + collectTimeout.toMillis() + " ms", clock.instant()),
                            collectTimeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        return CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Map<String, Observation> observations = new LinkedHashMap<>();
            pending.forEach((cell, future) -> observations.put(cell, future.join()));
            return ResourceSetEvaluator.evaluate(setName, collector.type().name(), rules, observations, clock.instant());
        });
    }

    /** Checks running right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most checks ever running at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    private Observation collect(ResourceCollector collector, ResourceRef ref) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        long start = System.nanoTime();
        Observation observation;
        try {
            observation = collector.collect(ref);
        } catch (RuntimeException e) {
            observation = new Observation.Failed(Observation.Failure.COULD_NOT_RUN,
                    "check failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        } finally {
            inFlight.decrementAndGet();
        }
        listener.probed(collector.type().name(), ref, observation, System.nanoTime() - start);
        return observation;
    }
}
