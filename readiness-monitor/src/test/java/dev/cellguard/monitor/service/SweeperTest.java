package dev.cellguard.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.monitor.model.CellSpec;
import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.readiness.Rules;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.ResourceRef;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SweeperTest {

    private static final CellSpec WEST = new CellSpec("us-west-2", "us-west-2", null, List.of());
    private static final CellSpec EU = new CellSpec("eu-west-1", "eu-west-1", null, List.of());
    private static final List<ReadinessRule> RULES = List.of(Rules.eachEquals("t.each.up", "up", "up", true));

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    /** Answers at once, except for resources whose name is "hang": those block until released. */
    private final ResourceCollector collector = new ResourceCollector() {
        @Override
        public ResourceType type() {
            return new ResourceType("test", Set.of("name"), Set.of(), Set.of(), Set.of("t.each.up"), Duration.ofSeconds(1));
        }

        @Override
        public List<ReadinessRule> rules(ResourceSetSpec set) {
            return RULES;
        }

        @Override
        public Observation collect(ResourceRef resource) {
            if ("hang".equals(resource.property("name"))) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Observation.Observed(Map.of("up", true), Clock.systemUTC().instant());
        }
    };

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void aHangingTargetCostsItsOwnSetTheCollectTimeoutAndDelaysNoOtherSet() {
        Sweeper sweeper = new Sweeper(pool, Duration.ofMillis(300), Clock.systemUTC(), Sweeper.ProbeListener.NONE);

        long start = System.nanoTime();
        CompletableFuture<ResourceSetReport> hanging = sweeper.sweep("slow-set", collector,
                List.of(ref("slow-set", WEST, "hang"), ref("slow-set", EU, "ok")), RULES);
        ResourceSetReport other = sweeper.sweep("fast-set", collector,
                List.of(ref("fast-set", WEST, "ok"), ref("fast-set", EU, "ok")), RULES).join();
        long otherDoneMs = (System.nanoTime() - start) / 1_000_000;
        ResourceSetReport slow = hanging.join();
        long slowDoneMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(other.status()).isEqualTo(ReadinessStatus.READY);
        assertThat(otherDoneMs).isLessThan(300);
        assertThat(slow.statusByCell()).containsEntry("us-west-2", ReadinessStatus.UNKNOWN)
                .containsEntry("eu-west-1", ReadinessStatus.READY);
        assertThat(slowDoneMs).isBetween(300L, 2_000L);
    }

    @Test
    void neverRunsMoreChecksAtOnceThanThePoolAllows() throws Exception {
        Sweeper sweeper = new Sweeper(pool, Duration.ofSeconds(5), Clock.systemUTC(), Sweeper.ProbeListener.NONE);
        List<CompletableFuture<ResourceSetReport>> sweeps = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sweeps.add(sweeper.sweep("set-" + i, collector, List.of(ref("set-" + i, WEST, "hang"), ref("set-" + i, EU, "hang")), RULES));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sweeper.inFlight() == 4);

        release.countDown();
        CompletableFuture.allOf(sweeps.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertThat(sweeper.maxInFlight()).isEqualTo(4);
        assertThat(sweeps).allSatisfy(s -> assertThat(s.join().status()).isEqualTo(ReadinessStatus.READY));
    }

    private static ResourceRef ref(String set, CellSpec cell, String name) {
        return new ResourceRef("orders", set, cell, Map.of("name", name), Map.of());
    }
}
