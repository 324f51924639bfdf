package dev.cellguard.monitor.resources.aws;

import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.Rules;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;

/**
 * {@code aws-autoscaling-group}: an EC2 Auto Scaling group per cell, read with one
 * DescribeAutoScalingGroups call in the cell's Region. Model property: {@code name}.
 *
 * <p>Attributes:
 * <ul>
 *   <li>{@code minSize}, {@code maxSize}, {@code desiredCapacity} (Long)</li>
 *   <li>{@code availabilityZoneCount} (Long): the group's Availability Zones</li>
 *   <li>{@code instanceTypes} (sorted List): the types of the group's instances and of its mixed
 *       instances policy's overrides, i.e. what DescribeAutoScalingGroups shows. A group that launches
 *       from a launch template or configuration without overrides and has no instances yet shows
 *       none: the template's type is only in the EC2 API.</li>
 *   <li>{@code normalizedCapacity} (Double): the sum of the normalization factors (see
 *       {@link InstanceSizes}) of the InService instances; left out if an instance's size is not
 *       one we know, so the capacity rule reports it rather than compares a wrong number</li>
 *   <li>{@code inServiceCount} (Long)</li>
 * </ul>
 */
public final class AutoScalingGroupCollector extends AwsCollector {

    public static final String TYPE_NAME = "aws-autoscaling-group";

    public static final String MIN_MAX_SIZE = "asg.all.min-max-size";
    public static final String AVAILABILITY_ZONE_COUNT = "asg.all.availability-zone-count";
    public static final String INSTANCE_TYPES = "asg.all.instance-types";
    public static final String NORMALIZED_CAPACITY = "asg.all.normalized-capacity";

    /** Largest difference of normalized capacity between cells, in percent of the largest. */
    public static final double CAPACITY_TOLERANCE_PERCENT = 15;

    /** The type's rules in report order; {@link #enabledRules} leaves out the ones a set disables. */
    public static final List<ReadinessRule> RULES = List.of(
            Rules.allEqual(MIN_MAX_SIZE, "Every cell's group has the same minimum and maximum size", "minSize", "maxSize"),
            Rules.allEqual(AVAILABILITY_ZONE_COUNT, "Every cell's group spans the same number of Availability Zones",
                    "availabilityZoneCount"),
            Rules.informational(Rules.allEqual(INSTANCE_TYPES, "Every cell's group uses the same instance types",
                    "instanceTypes")),
            Rules.allWithinPercent(NORMALIZED_CAPACITY, "The groups' InService normalized capacity differs by at most 15%",
                    "normalizedCapacity", CAPACITY_TOLERANCE_PERCENT));

    public static final ResourceType TYPE = new ResourceType(TYPE_NAME, Set.of("name"), Set.of(), Set.of(),
            ruleIds(RULES), Duration.ofSeconds(30));

    private final RegionalClients<AutoScalingClient> autoScaling;

    public AutoScalingGroupCollector(AwsClients clients, Clock clock) {
        super(TYPE, RULES, "name", name -> "Auto Scaling group '" + name + "'", clients, clock);
        this.autoScaling = new RegionalClients<>(clients::newAutoScalingClient);
    }

    @Override
    Map<String, Object> read(String region, String name, AwsCall call) {
        String operation = "DescribeAutoScalingGroups";
        DescribeAutoScalingGroupsResponse response = call.run(operation, timeout -> autoScaling.in(region)
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name).overrideConfiguration(timeout)));
        // An unknown name is not an error for this API: it answers with no group.
        AutoScalingGroup group = response.autoScalingGroups().stream()
                .filter(g -> name.equals(g.autoScalingGroupName()))
                .findFirst()
                .orElseThrow(() -> call.notFound(operation, "no such group"));
        return attributes(group);
    }

    /** The attributes of a described group (pure, for tests). */
    static Map<String, Object> attributes(AutoScalingGroup group) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        putLong(attributes, "minSize", group.minSize());
        putLong(attributes, "maxSize", group.maxSize());
        putLong(attributes, "desiredCapacity", group.desiredCapacity());
        attributes.put("availabilityZoneCount", (long) group.availabilityZones().size());

        TreeSet<String> types = new TreeSet<>();
        group.instances().stream().map(Instance::instanceType).filter(Objects::nonNull).forEach(types::add);
        if (group.mixedInstancesPolicy() != null && group.mixedInstancesPolicy().launchTemplate() != null) {
            group.mixedInstancesPolicy().launchTemplate().overrides().stream()
                    .map(LaunchTemplateOverrides::instanceType)
                    .filter(Objects::nonNull)
                    .forEach(types::add);
        }
        attributes.put("instanceTypes", List.copyOf(types));

        List<Instance> inService = group.instances().stream()
                .filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE)
                .toList();
        attributes.put("inServiceCount", (long) inService.size());
        double capacity = 0;
        boolean known = true;
        for (Instance instance : inService) {
            OptionalDouble factor = InstanceSizes.normalizationFactor(instance.instanceType(), types);
            known &= factor.isPresent();
            capacity += factor.orElse(0);
        }
        if (known) {
            attributes.put("normalizedCapacity", capacity);
        }
        return attributes;
    }

    private static void putLong(Map<String, Object> attributes, String name, Integer value) {
        if (value != null) {
            attributes.put(name, value.longValue());
        }
    }

    @Override
    public void close() {
        autoScaling.close();
    }
}
