package dev.cellguard.monitor.resources.aws;

import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.Rules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.GlobalClusterMember;
import software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfigurationInfo;

/**
 * {@code aws-rds-cluster}: an Aurora (or Multi-AZ RDS) DB cluster per cell. Model property:
 * {@code clusterIdentifier}. Calls, in the cell's Region: DescribeDBClusters; DescribeDBInstances for
 * the members; when the cluster belongs to a global database, DescribeGlobalClusters (is it a
 * secondary?) and, for a secondary, CloudWatch GetMetricStatistics of {@code AuroraGlobalDBReplicationLag}.
 * (CloudWatch's SDK client of this version speaks the AWS Query protocol, like RDS.)
 *
 * <p>Attributes:
 * <ul>
 *   <li>{@code status}, {@code engine}, {@code engineVersion}, {@code engineMode} (String, as AWS
 *       spells them; an Aurora Serverless v2 cluster is {@code provisioned})</li>
 *   <li>{@code engineMajorVersion} (String): see {@link #engineMajorVersion}</li>
 *   <li>{@code instanceClass} (sorted List): the distinct classes of the member instances; a
 *       Serverless v2 member shows as {@code db.serverless(min-max ACU)} so that a change of the
 *       scaling range is visible; a Serverless v1 cluster (no instances) shows {@code serverless}</li>
 *   <li>{@code capacity} (Double): the sum over member instances of their size's normalization factor
 *       ({@link InstanceSizes}, e.g. {@code db.r6g.2xlarge} → 16); a Serverless v2 member counts as the
 *       cluster's maximum ACUs; a Serverless v1 cluster is its maximum ACUs. Members count whatever
 *       their status (this is configured capacity); left out if a class's size is unknown.</li>
 *   <li>{@code memberCount} (Long), {@code globalSecondary} (Boolean)</li>
 *   <li>{@code globalReplicaLagMs} (Long): only for a secondary of a global database, the most recent
 *       one-minute maximum of {@code AuroraGlobalDBReplicationLag} over the last
 *       {@value #LAG_LOOKBACK_MINUTES} minutes; left out when CloudWatch has no datapoint</li>
 * </ul>
 */
public final class RdsClusterCollector extends AwsCollector {

    public static final String TYPE_NAME = "aws-rds-cluster";

    public static final String STATUS_AVAILABLE = "rds.each.status-available";
    public static final String GLOBAL_REPLICA_LAG = "rds.each.global-replica-lag";
    public static final String ENGINE_MODE = "rds.all.engine-mode";
    public static final String ENGINE_MAJOR_VERSION = "rds.all.engine-major-version";
    public static final String INSTANCE_CLASS = "rds.all.instance-class";
    public static final String CAPACITY = "rds.all.capacity";

    /** A global secondary lagging this much or more is not ready. */
    public static final long MAX_GLOBAL_REPLICA_LAG_MS = 30_000;
    /** Largest difference of capacity between cells, in percent of the largest. */
    public static final double CAPACITY_TOLERANCE_PERCENT = 15;
    static final int LAG_LOOKBACK_MINUTES = 5;

    /** The type's rules in report order; {@link #enabledRules} leaves out the ones a set disables. */
    public static final List<ReadinessRule> RULES = List.of(
            Rules.eachEquals(STATUS_AVAILABLE, "The cluster is available", "status", "available"),
            Rules.each(GLOBAL_REPLICA_LAG, "A global database secondary replicates with less than 30 s of lag",
                    RdsClusterCollector::replicaLagProblem),
            Rules.allEqual(ENGINE_MODE, "Every cell's cluster has the same engine mode", "engineMode"),
            Rules.allEqual(ENGINE_MAJOR_VERSION, "Every cell's cluster runs the same engine and major version",
                    "engine", "engineMajorVersion"),
            Rules.allEqual(INSTANCE_CLASS, "Every cell's cluster uses the same instance classes", "instanceClass"),
            Rules.allWithinPercent(CAPACITY, "The clusters' capacity differs by at most 15%", "capacity",
                    CAPACITY_TOLERANCE_PERCENT));

    public static final ResourceType TYPE = new ResourceType(TYPE_NAME, Set.of("clusterIdentifier"), Set.of(), Set.of(),
            ruleIds(RULES), Duration.ofSeconds(30));

    private static final String SERVERLESS_V2_CLASS = "db.serverless";

    private final RegionalClients<RdsClient> rds;
    private final RegionalClients<CloudWatchClient> cloudWatch;

    public RdsClusterCollector(AwsClients clients, Clock clock) {
        super(TYPE, RULES, "clusterIdentifier", id -> "DB cluster '" + id + "'", clients, clock);
        this.rds = new RegionalClients<>(clients::newRdsClient);
        this.cloudWatch = new RegionalClients<>(clients::newCloudWatchClient);
    }

    @Override
    Map<String, Object> read(String region, String id, AwsCall call) {
        RdsClient client = rds.in(region);
        // An unknown identifier is answered with DBClusterNotFoundFault (HTTP 404): an API error.
        DBCluster cluster = call.run("DescribeDBClusters", timeout -> client
                        .describeDBClusters(r -> r.dbClusterIdentifier(id).overrideConfiguration(timeout)))
                .dbClusters().stream()
                .findFirst()
                .orElseThrow(() -> call.notFound("DescribeDBClusters", "no such cluster"));

        List<DBInstance> members = new ArrayList<>();
        if (!cluster.dbClusterMembers().isEmpty()) {
            Set<String> memberIds = new TreeSet<>();
            cluster.dbClusterMembers().forEach(m -> memberIds.add(m.dbInstanceIdentifier()));
            Filter ofCluster = Filter.builder().name("db-cluster-id").values(cluster.dbClusterIdentifier()).build();
            String marker = null;
            do {
                // pages until AWS gives no marker; the collection's time limit bounds this loop too
                String page = marker;
                DescribeDbInstancesResponse response = call.run("DescribeDBInstances", timeout -> client
                        .describeDBInstances(r -> r.filters(ofCluster).marker(page).overrideConfiguration(timeout)));
                response.dbInstances().stream().filter(i -> memberIds.contains(i.dbInstanceIdentifier())).forEach(members::add);
                marker = response.marker();
            } while (marker != null && !marker.isEmpty());
        }

        boolean secondary = false;
        Optional<Long> lag = Optional.empty();
        if (cluster.globalClusterIdentifier() != null && !cluster.globalClusterIdentifier().isBlank()) {
            List<GlobalClusterMember> globalMembers = call.run("DescribeGlobalClusters", timeout -> client
                            .describeGlobalClusters(r -> r.globalClusterIdentifier(cluster.globalClusterIdentifier())
                                    .overrideConfiguration(timeout)))
                    .globalClusters().stream()
                    .flatMap(g -> g.globalClusterMembers().stream())
                    .toList();
            secondary = globalMembers.stream()
                    .anyMatch(m -> cluster.dbClusterArn() != null && cluster.dbClusterArn().equals(m.dbClusterArn())
                            && !Boolean.TRUE.equals(m.isWriter()));
            if (secondary) {
                lag = replicaLag(region, cluster.dbClusterIdentifier(), call);
            }
        }
        return attributes(cluster, members, secondary, lag);
    }

    /** The most recent one-minute maximum of the replication lag, in ms. */
    private Optional<Long> replicaLag(String region, String clusterId, AwsCall call) {
        Instant end = clock.instant();
        List<Datapoint> datapoints = call.run("GetMetricStatistics(AuroraGlobalDBReplicationLag)", timeout -> cloudWatch.in(region)
                        .getMetricStatistics(r -> r.namespace("AWS/RDS")
                                .metricName("AuroraGlobalDBReplicationLag")
                                .dimensions(Dimension.builder().name("DBClusterIdentifier").value(clusterId).build())
                                .startTime(end.minus(Duration.ofMinutes(LAG_LOOKBACK_MINUTES)))
                                .endTime(end)
                                .period(60)
                                .statistics(Statistic.MAXIMUM)
                                .overrideConfiguration(timeout)))
                .datapoints();
        // CloudWatch does not order datapoints
        return datapoints.stream()
                .filter(d -> d.timestamp() != null && d.maximum() != null)
                .max(Comparator.comparing(Datapoint::timestamp))
                .map(d -> Math.round(d.maximum()));
    }

    /** The attributes of a described cluster (pure, for tests). */
    static Map<String, Object> attributes(DBCluster cluster, List<DBInstance> members, boolean globalSecondary,
            Optional<Long> globalReplicaLagMs) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "status", cluster.status());
        putIfPresent(attributes, "engine", cluster.engine());
        putIfPresent(attributes, "engineVersion", cluster.engineVersion());
        String engineMode = cluster.engineMode() == null ? "provisioned" : cluster.engineMode();
        attributes.put("engineMode", engineMode);
        engineMajorVersion(cluster.engine(), cluster.engineVersion())
                .ifPresent(major -> attributes.put("engineMajorVersion", major));

        List<String> classes = members.stream().map(DBInstance::dbInstanceClass).filter(Objects::nonNull).toList();
        ServerlessV2ScalingConfigurationInfo v2 = cluster.serverlessV2ScalingConfiguration();
        TreeSet<String> shownClasses = new TreeSet<>();
        OptionalDouble capacity;
        if ("serverless".equals(engineMode)) {
            // Aurora Serverless v1: no instances, the cluster scales in ACUs
            shownClasses.add("serverless");
            Integer max = cluster.scalingConfigurationInfo() == null ? null : cluster.scalingConfigurationInfo().maxCapacity();
            capacity = max == null ? OptionalDouble.empty() : OptionalDouble.of(max);
        } else {
            double sum = 0;
            boolean known = true;
            for (String instanceClass : classes) {
                if (SERVERLESS_V2_CLASS.equals(instanceClass)) {
                    shownClasses.add(v2 == null ? instanceClass
                            : instanceClass + "(" + number(v2.minCapacity()) + "-" + number(v2.maxCapacity()) + " ACU)");
                    known &= v2 != null && v2.maxCapacity() != null;
                    sum += v2 == null || v2.maxCapacity() == null ? 0 : v2.maxCapacity();
                } else {
                    shownClasses.add(instanceClass);
                    OptionalDouble factor = InstanceSizes.normalizationFactor(instanceClass, classes);
                    known &= factor.isPresent();
                    sum += factor.orElse(0);
                }
            }
            capacity = known ? OptionalDouble.of(sum) : OptionalDouble.empty();
        }
        attributes.put("instanceClass", List.copyOf(shownClasses));
        capacity.ifPresent(c -> attributes.put("capacity", c));
        attributes.put("memberCount", (long) members.size());
        attributes.put("globalSecondary", globalSecondary);
        if (globalSecondary) {
            globalReplicaLagMs.ifPresent(lag -> attributes.put("globalReplicaLagMs", lag));
        }
        return attributes;
    }

    /**
     * The major version as the engine's vendor counts it:
     * <ul>
     *   <li>PostgreSQL 10 and later: the first number ({@code 15.4} → {@code 15}); before 10 the first
     *       two ({@code 9.6.22} → {@code 9.6})</li>
     *   <li>MySQL, Aurora MySQL and the others: the first two numbers ({@code 8.0.35} → {@code 8.0};
     *       Aurora MySQL's {@code 8.0.mysql_aurora.3.05.2} → {@code 8.0}, {@code 5.7.mysql_aurora.2.11.2}
     *       → {@code 5.7}). The Aurora release after {@code mysql_aurora} is a minor version: two clusters
     *       on 3.04 and 3.05 are both MySQL 8.0.</li>
     * </ul>
     */
    static Optional<String> engineMajorVersion(String engine, String version) {
        if (version == null || version.isBlank()) {
            return Optional.empty();
        }
        String[] parts = version.trim().split("\\.");
        boolean postgres = engine != null && engine.toLowerCase(Locale.ROOT).contains("postgres");
        if (postgres && isNumber(parts[0]) && Integer.parseInt(parts[0]) >= 10) {
            return Optional.of(parts[0]);
        }
        return Optional.of(parts.length >= 2 && isNumber(parts[1]) ? parts[0] + "." + parts[1] : parts[0]);
    }

    private static Optional<String> replicaLagProblem(Observation.Observed o) {
        if (!Boolean.TRUE.equals(o.get("globalSecondary"))) {
            return Optional.empty();
        }
        if (!(o.get("globalReplicaLagMs") instanceof Number lag)) {
            return Optional.of("global replica lag is not known: CloudWatch has no AuroraGlobalDBReplicationLag datapoint"
                    + " in the last " + LAG_LOOKBACK_MINUTES + " minutes");
        }
        return lag.doubleValue() < MAX_GLOBAL_REPLICA_LAG_MS ? Optional.empty()
                : Optional.of("global replica lag is " + lag + " ms, must be below " + MAX_GLOBAL_REPLICA_LAG_MS + " ms");
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    private static String number(Double value) {
        if (value == null) {
            return "?";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
    }

    private static void putIfPresent(Map<String, Object> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }

    @Override
    public void close() {
        try {
            rds.close();
        } finally {
            cloudWatch.close();
        }
    }
}
