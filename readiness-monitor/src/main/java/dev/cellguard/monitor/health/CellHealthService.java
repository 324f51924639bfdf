package dev.cellguard.monitor.health;

import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.monitor.config.MonitorConfig;
import dev.cellguard.monitor.messaging.SignalPublisher;
import dev.cellguard.monitor.probe.HttpHealthProber;
import dev.cellguard.support.lifecycle.ServiceIdentity;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Probes every configured cell each interval, all at once, feeds each result to that cell's
 * hysteresis and publishes {@code cell.health.changed} on every transition.
 */
@ApplicationScoped
public class CellHealthService {

    private final MonitorConfig config;
    private final ServiceIdentity identity;
    private final SignalPublisher publisher;
    private final HttpHealthProber prober;
    private final Clock clock;
    private final Map<String, HealthHysteresis> hysteresisByCell = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "health-probe-ticker");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public CellHealthService(MonitorConfig config, ServiceIdentity identity, SignalPublisher publisher) {
        this.config = config;
        this.identity = identity;
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
        if (config.cells().isEmpty()) {
            throw new IllegalStateException(
                    "cellguard.monitor.cells: no cell configured; set cellguard.monitor.cells.<cell>.health-url");
        }
        this.prober = new HttpHealthProber(
                HttpClient.newBuilder().connectTimeout(config.probe().timeout()).build(), config.probe().timeout());
        config.cells().keySet().forEach(cell -> hysteresisByCell.put(cell,
                new HealthHysteresis(config.probe().failureThreshold(), config.probe().successThreshold())));
    }

    void start(@Observes StartupEvent event) {
        long intervalMs = config.probe().interval().toMillis();
        ticker.scheduleWithFixedDelay(this::probeAllSafely, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
    }

    private void probeAllSafely() {
        try {
            probeAll();
        } catch (RuntimeException e) {
            Log.errorf(e, "Probe round failed");
        }
    }

    /** Probes every cell at once and waits for all of them (each is bounded by the probe timeout). */
    void probeAll() {
        CompletableFuture<?>[] probes = config.cells().entrySet().stream()
                .map(cell -> prober.probe(cell.getValue().healthUrl())
                        .thenAccept(result -> record(cell.getKey(), cell.getValue(), result)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(probes).join();
    }

    /** Current verdict per cell, by cell name. */
    public Map<String, HealthStatus> currentHealth() {
        Map<String, HealthStatus> health = new TreeMap<>();
        hysteresisByCell.forEach((cell, hysteresis) -> health.put(cell, hysteresis.status()));
        return health;
    }

    private void record(String cell, MonitorConfig.Cell cellConfig, ProbeResult result) {
        HealthHysteresis hysteresis = hysteresisByCell.get(cell);
        synchronized (hysteresis) {
            hysteresis.record(result).ifPresent(transition -> {
                Log.infof("Cell %s is %s (was %s) as seen from %s: %s", cell, transition.current(), transition.previous(),
                        config.observer(), result.detail());
                EventEnvelope<CellHealthChanged> event = EventEnvelope.create(
                        new CellHealthChanged(config.observer(), transition.current(), transition.previous(),
                                cellConfig.healthUrl().toString(), result.detail(), transition.consecutiveResults(),
                                result.latencyMs()),
                        identity.source(), identity.recoveryGroup(), cell, null, clock.instant());
                publisher.publish(event);
            });
        }
    }
}
