package dev.cellguard.monitor.service;

import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.monitor.config.MonitorConfig;
import dev.cellguard.monitor.messaging.SignalPublisher;
import dev.cellguard.monitor.model.CellSpec;
import dev.cellguard.monitor.model.ModelLoader;
import dev.cellguard.monitor.model.ReadinessModel;
import dev.cellguard.monitor.model.RecoveryGroupSpec;
import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.readiness.GroupReadiness;
import dev.cellguard.monitor.readiness.GroupReadiness.CellNode;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessChange;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ReadinessTracker;
import dev.cellguard.monitor.resources.ResourceTypes;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.ResourceRef;
import dev.cellguard.monitor.resources.http.HttpHealthCollector;
import dev.cellguard.support.lifecycle.ServiceIdentity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs the readiness model: each resource set is checked on its own interval, every cell's
 * resource at once on a bounded pool (a slow or hanging target holds one thread for at most its
 * timeout and delays nothing else), judged by its type's rules, rolled up per recovery group, and
 * every change announced: {@code cell.readiness.changed}, {@code resourceset.drift.detected} and
 * {@code .resolved}, plus a periodic {@code readiness.snapshot}.
 */
@ApplicationScoped
public class ReadinessMonitor {

    private final MonitorConfig config;
    private final ResourceTypes collectors;
    private final SignalPublisher publisher;
    private final MeterRegistry registry;
    private final EventFactory events;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private ExecutorService probes;
    private Sweeper sweeper;
    private ScheduledExecutorService scheduler;
    private ReadinessModel model;

    /** One recovery group's model, tracker and resources. */
    private static final class Group {
        final RecoveryGroupSpec spec;
        final ReadinessTracker tracker;
        final Map<String, List<ResourceRef>> resourcesBySet = new LinkedHashMap<>();
        final Map<String, List<ReadinessRule>> rulesBySet = new LinkedHashMap<>();

        Group(RecoveryGroupSpec spec) {
            this.spec = spec;
            this.tracker = new ReadinessTracker(spec.name(), spec.cells().stream().map(Group::node).toList(),
                    spec.resourceSets().stream().map(ResourceSetSpec::name).collect(Collectors.toSet()));
        }

        private static CellNode node(CellSpec cell) {
            return new CellNode(cell.name(), cell.cells().stream().map(Group::node).toList());
        }
    }

    @Inject
    public ReadinessMonitor(MonitorConfig config, ResourceTypes collectors, SignalPublisher publisher, ServiceIdentity identity,
            MeterRegistry registry) {
        this.config = config;
        this.collectors = collectors;
        this.publisher = publisher;
        this.registry = registry;
        this.events = new EventFactory(identity.source(), config.observer(), clock);
        this.model = new ModelLoader(collectors.types()).load(config.modelFile());
        collectors.validate(model);
        for (RecoveryGroupSpec spec : model.recoveryGroups()) {
            Group group = new Group(spec);
            Map<String, CellSpec> cells = spec.allCells();
            for (ResourceSetSpec set : spec.resourceSets()) {
                ResourceCollector collector = collectors.forType(set.type());
                group.rulesBySet.put(set.name(), collector.enabledRules(set));
                List<ResourceRef> refs = new ArrayList<>();
                set.resources().forEach((cell, properties) ->
                        refs.add(new ResourceRef(spec.name(), set.name(), cells.get(cell), properties, set.settings())));
                group.resourcesBySet.put(set.name(), refs);
            }
            groups.put(spec.name(), group);
        }
        registerGauges();
    }

    void start(@Observes StartupEvent event) {
        probes = Executors.newFixedThreadPool(config.maxConcurrentProbes(), named("readiness-probe"));
        sweeper = new Sweeper(probes, config.collectTimeout(), clock, this::recordProbe);
        scheduler = Executors.newSingleThreadScheduledExecutor(named("readiness-scheduler"));
        for (Group group : groups.values()) {
            for (ResourceSetSpec set : group.spec.resourceSets()) {
                AtomicBoolean running = new AtomicBoolean();
                scheduler.scheduleWithFixedDelay(() -> {
                    if (running.compareAndSet(false, true)) {
                        sweep(group, set).whenComplete((ok, failure) -> {
                            running.set(false);
                            if (failure != null) {
                                Log.errorf(failure, "Checking resource set %s failed", set.name());
                            }
                        });
                    }
                }, 0, set.interval().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        long snapshotMs = config.snapshotInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::publishSnapshots, snapshotMs, snapshotMs, TimeUnit.MILLISECONDS);
        Log.infof("Watching %d recovery group(s) from %s as observer %s", groups.size(), model.source(), config.observer());
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
            probes.shutdownNow();
        }
    }

    /** Checks every cell's resource of the set at once, then judges the set and announces changes. */
    CompletableFuture<Void> sweep(Group group, ResourceSetSpec set) {
        return sweeper.sweep(set.name(), collectors.forType(set.type()), group.resourcesBySet.get(set.name()),
                group.rulesBySet.get(set.name())).thenAccept(report -> {
                    List<ReadinessChange> changes;
                    synchronized (group) {
                        changes = group.tracker.update(report);
                    }
                    for (ReadinessChange change : changes) {
                        log(group.spec.name(), change);
                        publisher.publish(events.change(group.spec.name(), change));
                    }
                });
    }

    private void recordProbe(String type, ResourceRef ref, Observation observation, long nanos) {
        Timer.builder("cellguard.monitor.probe")
                .description("Time to check one resource of one cell")
                .tags("type", type, "resource_set", ref.resourceSet(), "cell", ref.cell().name(),
                        "outcome", observation instanceof Observation.Failed f ? f.failure().name() : "OBSERVED")
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private void publishSnapshots() {
        try {
            for (Group group : groups.values()) {
                GroupReadiness current;
                synchronized (group) {
                    if (!group.tracker.complete()) {
                        continue;
                    }
                    current = group.tracker.current();
                }
                publisher.publish(events.snapshot(current, health(group)));
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Publishing the readiness snapshot failed");
        }
    }

    private void log(String recoveryGroup, ReadinessChange change) {
        if (change instanceof ReadinessChange.CellChanged c) {
            Log.infof("Cell %s/%s is %s (was %s) as seen from %s; not ready by %s", recoveryGroup, c.cell(), c.current(),
                    c.previous(), config.observer(), c.notReadyRules());
        } else if (change instanceof ReadinessChange.DriftDetected d) {
            Log.warnf("Drift in %s/%s: %s", recoveryGroup, d.report().name(), d.report().drift());
        } else if (change instanceof ReadinessChange.DriftResolved r) {
            Log.infof("Drift in %s/%s resolved (%s)", recoveryGroup, r.report().name(), r.ruleIds());
        }
    }

    /** The recovery groups watched, by name. */
    public List<String> recoveryGroups() {
        return List.copyOf(groups.keySet());
    }

    public String observer() {
        return config.observer();
    }

    public GroupReadiness readiness(String recoveryGroup) {
        Group group = groups.get(recoveryGroup);
        synchronized (group) {
            return group.tracker.current();
        }
    }

    /** Which group holds the cell, if any. */
    public Optional<String> groupOfCell(String cell) {
        return groups.values().stream().filter(g -> g.spec.allCells().containsKey(cell)).map(g -> g.spec.name()).findFirst();
    }

    /** Which group holds the resource set, if any. */
    public Optional<String> groupOfResourceSet(String set) {
        return groups.values().stream().filter(g -> g.spec.resourceSet(set).isPresent()).map(g -> g.spec.name()).findFirst();
    }

    public List<String> notReadyRules(String recoveryGroup, String cell) {
        Group group = groups.get(recoveryGroup);
        synchronized (group) {
            return group.tracker.notReadyRules(cell);
        }
    }

    /**
     * Each cell's health from its http-health resources: UNHEALTHY if any says so, HEALTHY if all
     * do, UNKNOWN otherwise (or when no http-health resource watches the cell).
     */
    public Map<String, HealthStatus> health(String recoveryGroup) {
        return health(groups.get(recoveryGroup));
    }

    private Map<String, HealthStatus> health(Group group) {
        Map<String, List<HealthStatus>> byCell = new LinkedHashMap<>();
        for (ResourceSetSpec set : group.spec.resourceSets()) {
            if (collectors.forType(set.type()) instanceof HttpHealthCollector http) {
                for (ResourceRef ref : group.resourcesBySet.get(set.name())) {
                    byCell.computeIfAbsent(ref.cell().name(), c -> new ArrayList<>()).add(http.health(ref));
                }
            }
        }
        Map<String, HealthStatus> health = new LinkedHashMap<>();
        byCell.forEach((cell, statuses) -> health.put(cell, statuses.contains(HealthStatus.UNHEALTHY) ? HealthStatus.UNHEALTHY
                : statuses.stream().allMatch(HealthStatus.HEALTHY::equals) ? HealthStatus.HEALTHY : HealthStatus.UNKNOWN));
        return health;
    }

    /** The most resources ever checked at the same time since start-up. */
    public int maxConcurrentProbesReached() {
        return sweeper == null ? 0 : sweeper.maxInFlight();
    }

    private void registerGauges() {
        Gauge.builder("cellguard.monitor.probes.in.flight", () -> sweeper == null ? 0 : sweeper.inFlight())
                .description("Resources being checked right now").register(registry);
        for (Group group : groups.values()) {
            for (String cell : group.spec.allCells().keySet()) {
                for (ReadinessStatus status : ReadinessStatus.values()) {
                    Gauge.builder("cellguard.monitor.cell.readiness", () -> {
                        var readiness = readiness(group.spec.name()).cells().get(cell);
                        return readiness != null && readiness.status() == status ? 1 : 0;
                    }).tags("recovery_group", group.spec.name(), "cell", cell, "status", status.name())
                            .description("1 for the cell's current readiness").register(registry);
                }
                for (HealthStatus status : HealthStatus.values()) {
                    Gauge.builder("cellguard.monitor.cell.health",
                                    () -> health(group).getOrDefault(cell, HealthStatus.UNKNOWN) == status ? 1 : 0)
                            .tags("recovery_group", group.spec.name(), "cell", cell, "status", status.name())
                            .description("1 for the cell's current health").register(registry);
                }
            }
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
