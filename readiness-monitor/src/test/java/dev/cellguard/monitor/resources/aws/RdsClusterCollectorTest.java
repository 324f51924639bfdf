package dev.cellguard.monitor.resources.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cellguard.monitor.resources.aws.AwsStub.CLOCK;
import static dev.cellguard.monitor.resources.aws.AwsStub.action;
import static dev.cellguard.monitor.resources.aws.AwsStub.awsError;
import static dev.cellguard.monitor.resources.aws.AwsStub.cell;
import static dev.cellguard.monitor.resources.aws.AwsStub.collectAndEvaluate;
import static dev.cellguard.monitor.resources.aws.AwsStub.fixture;
import static dev.cellguard.monitor.resources.aws.AwsStub.ref;
import static dev.cellguard.monitor.resources.aws.AwsStub.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cellguard.monitor.model.CellSpec;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.readiness.RuleReport;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The RDS cluster collector against AWS-shaped answers (RDS and CloudWatch) from a local stub. */
class RdsClusterCollectorTest extends StubbedCollectorTest<RdsClusterCollector> {

    private static final String RDS_NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";
    private static final String CLOUDWATCH_NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static final CellSpec IRELAND = cell("eu-west-1", "eu-west-1");
    private static final CellSpec VIRGINIA = cell("us-east-1", "us-east-1");
    private static final String GLOBAL = "orders-global";

    @Override
    RdsClusterCollector newCollector(AwsClients clients) {
        return new RdsClusterCollector(clients, CLOCK);
    }

    @Test
    void readsARegionalClusterItsMembersClassesAndEngine() {
        stubCluster("eu-west-1", "orders", null, new Member("orders-1", "db.r6g.xlarge", true),
                new Member("orders-2", "db.r6g.large", false));

        Observation observation = collector.collect(ref("orders", IRELAND, "clusterIdentifier", "orders"));

        assertThat(observation).isInstanceOfSatisfying(Observation.Observed.class, observed -> assertThat(observed.attributes())
                .containsOnly(
                        entry("status", "available"), entry("engine", "aurora-postgresql"), entry("engineVersion", "15.4"),
                        entry("engineMode", "provisioned"), entry("engineMajorVersion", "15"),
                        entry("instanceClass", List.of("db.r6g.large", "db.r6g.xlarge")),
                        entry("capacity", 12.0), entry("memberCount", 2L), entry("globalSecondary", false)));
        // not part of a global database: neither the global cluster nor CloudWatch is asked
        aws.server.verify(exactly(0), postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeGlobalClusters")));
        aws.server.verify(exactly(0), postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=GetMetricStatistics")));
    }

    @Test
    void globalSecondaryReportsTheLatestReplicationLagFromCloudWatchInItsRegion() {
        stubGlobalPair();
        stubLag("us-east-1", "orders-use1", 850.0);

        Observation observation = collector.collect(ref("orders", VIRGINIA, "clusterIdentifier", "orders-use1"));

        assertThat(observation).isInstanceOfSatisfying(Observation.Observed.class, observed -> assertThat(observed.attributes())
                .contains(entry("globalSecondary", true), entry("globalReplicaLagMs", 850L)));
        aws.server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("/us-east-1/monitoring/aws4_request"))
                .withRequestBody(containing("Action=GetMetricStatistics"))
                .withRequestBody(containing("MetricName=AuroraGlobalDBReplicationLag"))
                .withRequestBody(containing("Namespace=AWS%2FRDS"))
                .withRequestBody(containing("Dimensions.member.1.Name=DBClusterIdentifier"))
                .withRequestBody(containing("Dimensions.member.1.Value=orders-use1"))
                .withRequestBody(containing("Statistics.member.1=Maximum")));
    }

    @Test
    void primaryAndSecondaryAlikeAndReplicatingAreReady() {
        stubGlobalPair();
        stubLag("us-east-1", "orders-use1", 850.0);

        ResourceSetReport report = collectAndEvaluate(collector, "orders", "clusterIdentifier", cells());

        assertThat(report.status()).isEqualTo(ReadinessStatus.READY);
        assertThat(report.drift()).isEmpty();
    }

    @Test
    void smallerLaggingSecondaryIsDriftEverywhereAndLagOnlyInItsCell() {
        stubCluster("eu-west-1", "orders-euw1", GLOBAL, new Member("orders-euw1-1", "db.r6g.xlarge", true),
                new Member("orders-euw1-2", "db.r6g.xlarge", false));
        stubCluster("us-east-1", "orders-use1", GLOBAL, new Member("orders-use1-1", "db.r6g.large", false),
                new Member("orders-use1-2", "db.r6g.large", false));
        stubGlobalCluster();
        stubLag("us-east-1", "orders-use1", 45_000.0);

        ResourceSetReport report = collectAndEvaluate(collector, "orders", "clusterIdentifier", cells());

        assertThat(report.statusByCell()).containsOnly(entry("eu-west-1", ReadinessStatus.NOT_READY),
                entry("us-east-1", ReadinessStatus.NOT_READY));
        assertThat(report.driftRuleIds()).containsExactly(RdsClusterCollector.CAPACITY, RdsClusterCollector.INSTANCE_CLASS);
        assertThat(report.drift()).anySatisfy(d -> assertThat(d.valuesByCell())
                .containsOnly(entry("eu-west-1", 16.0), entry("us-east-1", 8.0)));
        RuleReport lag = report.rules().stream().filter(r -> r.id().equals(RdsClusterCollector.GLOBAL_REPLICA_LAG))
                .findFirst().orElseThrow();
        assertThat(lag.statusByCell()).containsOnly(entry("eu-west-1", ReadinessStatus.READY),
                entry("us-east-1", ReadinessStatus.NOT_READY));
        assertThat(lag.messages()).containsExactly("us-east-1: global replica lag is 45000 ms, must be below 30000 ms");
    }

    @Test
    void accessDeniedIsNotAuthorized() {
        aws.server.stubFor(action("DescribeDBClusters").willReturn(awsError(403, RDS_NAMESPACE, "AccessDenied",
                "User: arn:aws:sts::123456789012:assumed-role/readiness/monitor is not authorized to perform: "
                        + "rds:DescribeDBClusters on resource: arn:aws:rds:eu-west-1:123456789012:cluster:orders")));

        Observation observation = collector.collect(ref("orders", IRELAND, "clusterIdentifier", "orders"));

        assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Observation.Failure.NOT_AUTHORIZED);
            assertThat(failed.message()).contains("DescribeDBClusters", "'orders'", "eu-west-1", "AccessDenied");
        });
    }

    @Test
    void noPermissionToReadTheLagMetricIsNotAuthorized() {
        stubGlobalPair();
        aws.server.stubFor(action("GetMetricStatistics").willReturn(awsError(403, CLOUDWATCH_NAMESPACE, "AccessDenied",
                "User: arn:aws:sts::123456789012:assumed-role/readiness/monitor is not authorized to perform: "
                        + "cloudwatch:GetMetricStatistics")));

        Observation observation = collector.collect(ref("orders", VIRGINIA, "clusterIdentifier", "orders-use1"));

        assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Observation.Failure.NOT_AUTHORIZED);
            assertThat(failed.message()).contains("GetMetricStatistics", "AccessDenied");
        });
    }

    @Test
    void unknownClusterIsAnApiError() {
        aws.server.stubFor(action("DescribeDBClusters").willReturn(awsError(404, RDS_NAMESPACE, "DBClusterNotFoundFault",
                "DBCluster orders not found.")));

        Observation observation = collector.collect(ref("orders", IRELAND, "clusterIdentifier", "orders"));

        assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Observation.Failure.API_ERROR);
            assertThat(failed.message()).contains("DescribeDBClusters", "'orders'", "DBClusterNotFoundFault", "HTTP 404");
        });
    }

    @Test
    void slowAnswerGivesUpWithinTheTimeoutAsCouldNotRun() {
        aws.server.stubFor(action("DescribeDBClusters").willReturn(xml(clusterXml("eu-west-1", "orders", null, List.of()))
                .withFixedDelay(3_000)));

        try (RdsClusterCollector impatient = new RdsClusterCollector(aws.clients(Duration.ofMillis(400)), CLOCK)) {
            long start = System.nanoTime();
            Observation observation = impatient.collect(ref("orders", IRELAND, "clusterIdentifier", "orders"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
                assertThat(failed.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
                assertThat(failed.message()).contains("DescribeDBClusters", "400 ms");
            });
            assertThat(took).isLessThan(Duration.ofMillis(1_500));
        }
    }

    private static Map<CellSpec, String> cells() {
        Map<CellSpec, String> cells = new LinkedHashMap<>();
        cells.put(IRELAND, "orders-euw1");
        cells.put(VIRGINIA, "orders-use1");
        return cells;
    }

    /** A primary in Ireland and a secondary in Virginia, both with two db.r6g.large. */
    private static void stubGlobalPair() {
        stubCluster("eu-west-1", "orders-euw1", GLOBAL, new Member("orders-euw1-1", "db.r6g.large", true),
                new Member("orders-euw1-2", "db.r6g.large", false));
        stubCluster("us-east-1", "orders-use1", GLOBAL, new Member("orders-use1-1", "db.r6g.large", false),
                new Member("orders-use1-2", "db.r6g.large", false));
        stubGlobalCluster();
    }

    private static void stubGlobalCluster() {
        // DescribeGlobalClusters is answered by any Region's endpoint
        aws.server.stubFor(action("DescribeGlobalClusters")
                .withFormParam("GlobalClusterIdentifier", equalTo(GLOBAL))
                .willReturn(xml(fixture("aws/rds/describe-global-clusters.xml", Map.of(
                        "globalId", GLOBAL,
                        "primaryArn", "arn:aws:rds:eu-west-1:123456789012:cluster:orders-euw1",
                        "secondaryArn", "arn:aws:rds:us-east-1:123456789012:cluster:orders-use1")))));
    }

    private static void stubLag(String region, String clusterId, double latestMaximum) {
        // CloudWatch does not order datapoints: the latest is listed first on purpose
        String datapoints = fixture("aws/cloudwatch/datapoint-member.xml", Map.of("timestamp", "2025-01-01T11:58:00Z",
                "maximum", latestMaximum))
                + fixture("aws/cloudwatch/datapoint-member.xml", Map.of("timestamp", "2025-01-01T11:56:00Z", "maximum", 99_999.0))
                + fixture("aws/cloudwatch/datapoint-member.xml", Map.of("timestamp", "2025-01-01T11:57:00Z", "maximum", 120.0));
        aws.server.stubFor(action("GetMetricStatistics", region, "monitoring")
                .withFormParam("Dimensions.member.1.Value", equalTo(clusterId))
                .willReturn(xml(fixture("aws/cloudwatch/get-metric-statistics.xml", Map.of("datapoints", datapoints)))));
    }

    record Member(String id, String instanceClass, boolean writer) {
    }

    /** DescribeDBClusters and DescribeDBInstances of one cluster, answered only to requests signed for its Region. */
    private static void stubCluster(String region, String id, String globalId, Member... members) {
        aws.server.stubFor(action("DescribeDBClusters", region, "rds")
                .withFormParam("DBClusterIdentifier", equalTo(id))
                .willReturn(xml(clusterXml(region, id, globalId, List.of(members)))));
        String instances = Arrays.stream(members)
                .map(m -> fixture("aws/rds/db-instance-member.xml", Map.of("instanceId", m.id(), "instanceClass", m.instanceClass(),
                        "engine", "aurora-postgresql", "region", region, "clusterId", id)))
                .collect(Collectors.joining());
        aws.server.stubFor(action("DescribeDBInstances", region, "rds")
                .withFormParam("Filters.Filter.1.Name", equalTo("db-cluster-id"))
                .withFormParam("Filters.Filter.1.Values.Value.1", equalTo(id))
                .willReturn(xml(fixture("aws/rds/describe-db-instances.xml", Map.of("instances", instances)))));
    }

    private static String clusterXml(String region, String id, String globalId, List<Member> members) {
        String memberXml = members.stream()
                .map(m -> fixture("aws/rds/db-cluster-member.xml", Map.of("instanceId", m.id(), "writer", m.writer())))
                .collect(Collectors.joining());
        return fixture("aws/rds/describe-db-clusters.xml", Map.of(
                "region", region, "id", id, "status", "available", "engine", "aurora-postgresql", "engineVersion", "15.4",
                "engineMode", "provisioned", "members", memberXml,
                "globalCluster", globalId == null ? "" : "\n        <GlobalClusterIdentifier>" + globalId + "</GlobalClusterIdentifier>",
                "serverlessV2", ""));
    }
}
