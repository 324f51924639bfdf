package dev.cellguard.deploy.support;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The code a deployed service runs: its own module's classes, the cellguard classes they refer to, and
 * the CDI observers of those libraries (they run at start-up though nothing refers to them), except
 * an observer whose work a setting switches off in this deployment.
 */
public final class ServiceCode {

    /** Start-up observers that act only when a boolean setting is {@code true}. */
    static final Map<String, String> ONLY_WHEN_ENABLED = Map.of(
            "dev/cellguard/support/sqs/QueueSetup", "cellguard.sqs.create-queues");

    private static final String OBSERVES = "Ljakarta/enterprise/event/Observes;";

    private ServiceCode() {
    }

    /** Internal names of the classes the service runs, given its settings as deployed. */
    public static Set<String> classes(CellguardService service, Function<String, Optional<String>> settings) {
        String marker = service.markerClass().getName().replace('.', '/');
        Set<String> roots = new TreeSet<>(ClassGraph.classesBeside(marker));
        String moduleLocation = ClassGraph.location(marker);
        while (true) {
            Set<String> reachable = ClassGraph.reachable(roots);
            Set<String> observers = new TreeSet<>();
            reachable.stream()
                    .map(ClassGraph::location)
                    .filter(location -> !location.equals(moduleLocation))
                    .distinct()
                    .forEach(location -> reachable.stream()
                            .filter(name -> ClassGraph.location(name).equals(location))
                            .findFirst()
                            .ifPresent(any -> ClassGraph.classesBeside(any).stream()
                                    .filter(name -> ClassGraph.classFile(name).map(f -> f.strings().contains(OBSERVES)).orElse(false))
                                    .filter(name -> enabled(name, settings))
                                    .forEach(observers::add)));
            if (roots.containsAll(observers)) {
                return reachable;
            }
            roots.addAll(observers);
        }
    }

    /** Every class the service contains, whatever its settings switch off. */
    public static Set<String> allClasses(CellguardService service) {
        return classes(service, key -> Optional.of("true"));
    }

    /** Whether the observer acts in this deployment. */
    static boolean enabled(String observer, Function<String, Optional<String>> settings) {
        String switchKey = ONLY_WHEN_ENABLED.get(observer);
        return switchKey == null || settings.apply(switchKey).map(Boolean::parseBoolean).orElse(false);
    }
}
