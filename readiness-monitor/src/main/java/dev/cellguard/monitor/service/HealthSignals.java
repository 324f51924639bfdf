package dev.cellguard.monitor.service;

import dev.cellguard.monitor.config.MonitorConfig;
import dev.cellguard.monitor.health.HealthTransition;
import dev.cellguard.monitor.messaging.SignalPublisher;
import dev.cellguard.monitor.resources.ResourceRef;
import dev.cellguard.monitor.resources.http.HttpHealthCollector;
import dev.cellguard.support.lifecycle.ServiceIdentity;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Announces every health verdict change of an http-health resource as {@code cell.health.changed}. */
@ApplicationScoped
public class HealthSignals implements HttpHealthCollector.HealthListener {

    private final SignalPublisher publisher;
    private final EventFactory events;
    private final String observer;

    @Inject
    public HealthSignals(SignalPublisher publisher, ServiceIdentity identity, MonitorConfig config) {
        this.publisher = publisher;
        this.observer = config.observer();
        this.events = new EventFactory(identity.source(), config.observer(), Clock.systemUTC());
    }

    @Override
    public void onTransition(ResourceRef resource, HealthTransition transition) {
        Log.infof("Cell %s is %s (was %s) as seen from %s: %s", resource.cell().name(), transition.current(),
                transition.previous(), observer, transition.lastResult().detail());
        publisher.publish(events.health(resource, transition));
    }
}
