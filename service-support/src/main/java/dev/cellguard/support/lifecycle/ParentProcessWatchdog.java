package dev.cellguard.support.lifecycle;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When the local launcher starts a service it passes its own process id. If the launcher dies
 * without stopping its children (killed hard), the service notices and exits, so no orphan keeps a
 * port busy.
 */
@ApplicationScoped
public class ParentProcessWatchdog {

    void watchParent(@Observes StartupEvent event, @ConfigProperty(name = "cellguard.parent-pid") Optional<Long> parentPid) {
        parentPid.flatMap(ProcessHandle::of).ifPresent(parent -> parent.onExit().thenRun(() -> {
            Log.warnf("Parent process %d is gone: shutting down", parent.pid());
            Quarkus.asyncExit(0);
        }));
    }
}
