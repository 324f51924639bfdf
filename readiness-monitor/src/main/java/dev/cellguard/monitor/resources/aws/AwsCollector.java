package dev.cellguard.monitor.resources.aws;

import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.ResourceRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the AWS collectors share: read the identifying property, run the type's API calls within
 * one time budget in the cell's Region, and turn any failure into an {@link Observation.Failed}.
 * Subclasses only say which calls to make and which attributes to keep.
 */
abstract class AwsCollector implements ResourceCollector {

    protected final AwsClients clients;
    protected final Clock clock;

    AwsCollector(AwsClients clients, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static Set<String> ruleIds(List<ReadinessRule> rules) {
        return Set.copyOf(rules.stream().map(ReadinessRule::id).toList());
    }

    /** Every rule of the type, in report order. */
    abstract List<ReadinessRule> allRules();

    /** The model property that identifies a resource of this type (name, arn…). */
    abstract String identifyingProperty();

    /** How a resource is named in messages, e.g. {@code Auto Scaling group 'web'}. */
    abstract String describe(String id);

    /**
     * Reads one resource in one Region.
     *
     * @return the attributes: String, Long, Double, Boolean or List&lt;String&gt;; no nulls (an
     *         attribute that does not apply is left out)
     * @throws CollectionFailure when a call fails or the resource does not exist
     */
    abstract Map<String, Object> read(String region, String id, AwsCall call);

    /** The type's rules without the ones the set disables. */
    @Override
    public List<ReadinessRule> rules(ResourceSetSpec set) {
        return allRules();
    }

    @Override
    public final Observation collect(ResourceRef resource) {
        String id = resource.property(identifyingProperty());
        if (id == null || id.isBlank()) {
            return new Observation.Failed(Observation.Failure.COULD_NOT_RUN, type().name() + " resource " + resource.key()
                    + " has no '" + identifyingProperty() + "' property", clock.instant());
        }
        String region = resource.cell().region();
        AwsCall call = new AwsCall(describe(id), region, clients.apiCallTimeout());
        try {
            return new Observation.Observed(read(region, id, call), clock.instant());
        } catch (CollectionFailure failure) {
            return new Observation.Failed(failure.failure(), failure.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            // e.g. a client that cannot be built for this Region, or an answer we could not make sense of
            return new Observation.Failed(Observation.Failure.COULD_NOT_RUN, "Reading " + describe(id) + " in " + region
                    + " failed unexpectedly: " + e, clock.instant());
        }
    }
}
