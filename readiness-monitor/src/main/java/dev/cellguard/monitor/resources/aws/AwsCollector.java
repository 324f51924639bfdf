package dev.cellguard.monitor.resources.aws;

import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.ResourceRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What the AWS collectors share: read the identifying property, run the type's API calls within
 * one time budget in the cell's Region, and turn any failure into an {@link Observation.Failed}.
 * Subclasses only say which calls to make and which attributes to keep.
 */
abstract class AwsCollector implements ResourceCollector {

    protected final AwsClients clients;
    protected final Clock clock;
    private final ResourceType type;
    private final List<ReadinessRule> rules;
    private final String identifyingProperty;
    private final Function<String, String> describe;

    /**
     * @param rules               every rule of the type, in report order
     * @param identifyingProperty the model property that identifies a resource of this type (name, arn…)
     * @param describe            how a resource is named in messages, e.g. {@code Auto Scaling group 'web'}
     */
    AwsCollector(ResourceType type, List<ReadinessRule> rules, String identifyingProperty, Function<String, String> describe,
            AwsClients clients, Clock clock) {
        this.type = type;
        this.rules = rules;
        this.identifyingProperty = identifyingProperty;
        this.describe = describe;
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static Set<String> ruleIds(List<ReadinessRule> rules) {
        return Set.copyOf(rules.stream().map(ReadinessRule::id).toList());
    }

    /**
     * Reads one resource in one Region.
     *
     * @return the attributes: String, Long, Double, Boolean or List&lt;String&gt;; no nulls (an
     *         attribute that does not apply is left out)
     * @throws CollectionFailure when a call fails or the resource does not exist
     */
    abstract Map<String, Object> read(String region, String id, AwsCall call);

    @Override
    public final ResourceType type() {
        return type;
    }

    @Override
    public final List<ReadinessRule> rules(ResourceSetSpec set) {
        return rules;
    }

    @Override
    public final Observation collect(ResourceRef resource) {
        String id = resource.property(identifyingProperty);
        if (id == null || id.isBlank()) {
            return new Observation.Failed(Observation.Failure.COULD_NOT_RUN, type().name() + " resource " + resource.key()
                    + " has no '" + identifyingProperty + "' property", clock.instant());
        }
        String region = resource.cell().region();
        AwsCall call = new AwsCall(describe.apply(id), region, clients.apiCallTimeout());
        try {
            return new Observation.Observed(read(region, id, call), clock.instant());
        } catch (CollectionFailure failure) {
            return new Observation.Failed(failure.failure(), failure.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            // e.g. a client that cannot be built for this Region, or an answer we could not make sense of
            return new Observation.Failed(Observation.Failure.COULD_NOT_RUN, "Reading " + describe.apply(id) + " in " + region
                    + " failed unexpectedly: " + e, clock.instant());
        }
    }
}
