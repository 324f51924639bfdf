package dev.cellguard.monitor.resources.aws;

import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.Rules;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * {@code aws-elbv2-load-balancer}: an Application, Network or Gateway Load Balancer per cell. Model
 * property: {@code arn}. Calls, in the cell's Region: DescribeLoadBalancers, DescribeLoadBalancerAttributes,
 * DescribeTargetGroups (of the load balancer) and DescribeTargetHealth for each target group.
 *
 * <p>Attributes:
 * <ul>
 *   <li>{@code state} ({@code active}, {@code provisioning}, {@code active_impaired}, {@code failed}),
 *       {@code scheme}, {@code type}, {@code ipAddressType}: as AWS spells them</li>
 *   <li>{@code crossZoneEnabled} (Boolean): {@code load_balancing.cross_zone.enabled}. Always on for
 *       an Application Load Balancer, so true when AWS does not list it for one; off by default for
 *       Network and Gateway Load Balancers</li>
 *   <li>{@code http2Enabled} (Boolean, {@code routing.http2.enabled}) and {@code idleTimeoutSeconds}
 *       (Long, {@code idle_timeout.timeout_seconds}): Application Load Balancers only. A Network or
 *       Gateway Load Balancer has neither, so the attributes are left out and their "all" rules see the
 *       same (absent) value in every such cell; a cell whose type differs fails {@code elbv2.all.type}
 *       anyway. When AWS omits one for an ALB, its documented default applies (true, 60 s).</li>
 *   <li>{@code deletionProtectionEnabled} (Boolean): {@code deletion_protection.enabled}, default false</li>
 *   <li>{@code targetGroupCount} (Long) and {@code targetGroupsWithoutHealthyTargets} (sorted List of
 *       target group names with no target in state {@code healthy}). A load balancer without target
 *       groups has none without healthy targets.</li>
 * </ul>
 */
public final class LoadBalancerCollector extends AwsCollector {

    public static final String TYPE_NAME = "aws-elbv2-load-balancer";

    public static final String STATE_ACTIVE = "elbv2.each.state-active";
    public static final String HEALTHY_TARGETS = "elbv2.each.healthy-targets";
    public static final String SCHEME = "elbv2.all.scheme";
    public static final String TYPE_RULE = "elbv2.all.type";
    public static final String IP_ADDRESS_TYPE = "elbv2.all.ip-address-type";
    public static final String CROSS_ZONE = "elbv2.all.cross-zone";
    public static final String HTTP2 = "elbv2.all.http2";
    public static final String IDLE_TIMEOUT = "elbv2.all.idle-timeout";
    public static final String DELETION_PROTECTION = "elbv2.all.deletion-protection";

    /** The type's rules in report order; {@link #enabledRules} leaves out the ones a set disables. */
    public static final List<ReadinessRule> RULES = List.of(
            Rules.eachEquals(STATE_ACTIVE, "The load balancer is active", "state", "active"),
            Rules.each(HEALTHY_TARGETS, "Every target group of the load balancer has at least one healthy target",
                    LoadBalancerCollector::targetGroupsWithoutHealthyTargets),
            Rules.allEqual(SCHEME, "Every cell's load balancer has the same scheme", "scheme"),
            Rules.allEqual(TYPE_RULE, "Every cell's load balancer is of the same type", "type"),
            Rules.allEqual(IP_ADDRESS_TYPE, "Every cell's load balancer has the same IP address type", "ipAddressType"),
            Rules.allEqual(CROSS_ZONE, "Cross-zone load balancing is on everywhere or nowhere", "crossZoneEnabled"),
            Rules.allEqual(HTTP2, "HTTP/2 is on everywhere or nowhere (Application Load Balancers)", "http2Enabled"),
            Rules.allEqual(IDLE_TIMEOUT, "Every cell's load balancer has the same idle timeout (Application Load Balancers)",
                    "idleTimeoutSeconds"),
            Rules.allEqual(DELETION_PROTECTION, "Deletion protection is on everywhere or nowhere",
                    "deletionProtectionEnabled"));

    public static final ResourceType TYPE = new ResourceType(TYPE_NAME, Set.of("arn"), Set.of(), Set.of(),
            ruleIds(RULES), Duration.ofSeconds(30));

    private static final String APPLICATION = "application";

    private final RegionalClients<ElasticLoadBalancingV2Client> elb;

    public LoadBalancerCollector(AwsClients clients, Clock clock) {
        super(TYPE, RULES, "arn", arn -> "load balancer " + arn, clients, clock);
        this.elb = new RegionalClients<>(clients::newElasticLoadBalancingV2Client);
    }

    @Override
    Map<String, Object> read(String region, String arn, AwsCall call) {
        ElasticLoadBalancingV2Client client = elb.in(region);
        LoadBalancer lb = call.run("DescribeLoadBalancers", timeout -> client
                        .describeLoadBalancers(r -> r.loadBalancerArns(arn).overrideConfiguration(timeout)))
                .loadBalancers().stream()
                .filter(candidate -> arn.equals(candidate.loadBalancerArn()))
                .findFirst()
                // AWS answers LoadBalancerNotFound for an unknown ARN; an empty answer means the same
                .orElseThrow(() -> call.notFound("DescribeLoadBalancers", "no such load balancer"));

        Map<String, String> settings = new HashMap<>();
        call.run("DescribeLoadBalancerAttributes", timeout -> client
                        .describeLoadBalancerAttributes(r -> r.loadBalancerArn(arn).overrideConfiguration(timeout)))
                .attributes()
                .forEach((LoadBalancerAttribute a) -> settings.put(a.key(), a.value()));

        List<TargetGroup> targetGroups = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            DescribeTargetGroupsResponse response = call.run("DescribeTargetGroups", timeout -> client
                    .describeTargetGroups(r -> r.loadBalancerArn(arn).marker(page).overrideConfiguration(timeout)));
            targetGroups.addAll(response.targetGroups());
            marker = response.nextMarker();
        } while (marker != null && !marker.isEmpty());

        List<String> withoutHealthy = new ArrayList<>();
        for (TargetGroup group : targetGroups) {
            List<TargetHealthDescription> health = call.run("DescribeTargetHealth", timeout -> client
                            .describeTargetHealth(r -> r.targetGroupArn(group.targetGroupArn()).overrideConfiguration(timeout)))
                    .targetHealthDescriptions();
            boolean anyHealthy = health.stream().anyMatch(d -> d.targetHealth() != null
                    && d.targetHealth().state() == TargetHealthStateEnum.HEALTHY);
            if (!anyHealthy) {
                withoutHealthy.add(group.targetGroupName());
            }
        }
        return attributes(lb, settings, targetGroups.size(), withoutHealthy);
    }

    /** The attributes of a described load balancer (pure, for tests). */
    static Map<String, Object> attributes(LoadBalancer lb, Map<String, String> settings, int targetGroupCount,
            List<String> targetGroupsWithoutHealthyTargets) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "state", lb.state() == null ? null : lb.state().codeAsString());
        putIfPresent(attributes, "scheme", lb.schemeAsString());
        putIfPresent(attributes, "type", lb.typeAsString());
        putIfPresent(attributes, "ipAddressType", lb.ipAddressTypeAsString());
        boolean application = APPLICATION.equals(lb.typeAsString());
        attributes.put("crossZoneEnabled", bool(settings, "load_balancing.cross_zone.enabled", application));
        if (application) {
            attributes.put("http2Enabled", bool(settings, "routing.http2.enabled", true));
            attributes.put("idleTimeoutSeconds", Long.parseLong(settings.getOrDefault("idle_timeout.timeout_seconds", "60").trim()));
        }
        attributes.put("deletionProtectionEnabled", bool(settings, "deletion_protection.enabled", false));
        attributes.put("targetGroupCount", (long) targetGroupCount);
        attributes.put("targetGroupsWithoutHealthyTargets", targetGroupsWithoutHealthyTargets.stream().sorted().toList());
        return attributes;
    }

    private static Optional<String> targetGroupsWithoutHealthyTargets(Observation.Observed o) {
        Object value = o.get("targetGroupsWithoutHealthyTargets");
        if (!(value instanceof List<?> groups)) {
            return Optional.of("the health of the target groups is not known");
        }
        return groups.isEmpty() ? Optional.empty()
                : Optional.of("target groups without a healthy target: " + groups);
    }

    private static boolean bool(Map<String, String> settings, String key, boolean defaultValue) {
        String value = settings.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    private static void putIfPresent(Map<String, Object> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }

    @Override
    public void close() {
        elb.close();
    }
}
