package dev.cellguard.monitor.resources.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** How a described cluster becomes attributes, for the shapes the integration tests do not serve. */
class RdsClusterAttributesTest {

    @ParameterizedTest(name = "{0} {1} is major version {2}")
    @CsvSource({
            "aurora-postgresql, 15.4, 15",
            "aurora-postgresql, 11.9, 11",
            "postgres, 16, 16",
            "postgres, 9.6.22, 9.6",
            "aurora-mysql, 8.0.mysql_aurora.3.05.2, 8.0",
            "aurora-mysql, 5.7.mysql_aurora.2.11.2, 5.7",
            "aurora, 5.6.10a, 5.6",
            "mysql, 8.0.35, 8.0"})
    void engineMajorVersionIsCountedAsTheVendorCountsIt(String engine, String version, String major) {
        assertThat(RdsClusterCollector.engineMajorVersion(engine, version)).hasValue(major);
    }

    @Test
    void serverlessV2MembersShowTheirScalingRangeAndCountTheirMaximumCapacity() {
        DBCluster cluster = DBCluster.builder().status("available").engine("aurora-postgresql").engineVersion("16.2")
                .engineMode("provisioned")
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(16.0))
                .build();
        List<DBInstance> members = List.of(
                DBInstance.builder().dbInstanceIdentifier("a").dbInstanceClass("db.serverless").build(),
                DBInstance.builder().dbInstanceIdentifier("b").dbInstanceClass("db.serverless").build());

        assertThat(RdsClusterCollector.attributes(cluster, members, false, Optional.empty())).contains(
                entry("instanceClass", List.of("db.serverless(0.5-16 ACU)")), entry("capacity", 32.0),
                entry("engineMajorVersion", "16"), entry("memberCount", 2L));
    }

    @Test
    void serverlessV1ClusterIsItsMaximumCapacity() {
        DBCluster cluster = DBCluster.builder().status("available").engine("aurora-mysql")
                .engineVersion("5.7.mysql_aurora.2.08.3").engineMode("serverless")
                .scalingConfigurationInfo(s -> s.minCapacity(2).maxCapacity(64))
                .build();

        assertThat(RdsClusterCollector.attributes(cluster, List.of(), false, Optional.empty())).contains(
                entry("engineMode", "serverless"), entry("instanceClass", List.of("serverless")), entry("capacity", 64.0));
    }

    @Test
    void headlessSecondaryHasNoInstancesAndNoCapacity() {
        DBCluster cluster = DBCluster.builder().status("available").engine("aurora-postgresql").engineVersion("15.4")
                .engineMode("provisioned").build();

        assertThat(RdsClusterCollector.attributes(cluster, List.of(), true, Optional.of(420L))).contains(
                entry("instanceClass", List.of()), entry("capacity", 0.0), entry("globalSecondary", true),
                entry("globalReplicaLagMs", 420L));
    }

    @Test
    void aClassOfUnknownSizeLeavesCapacityOut() {
        DBCluster cluster = DBCluster.builder().status("available").engine("aurora-postgresql").engineVersion("15.4").build();

        assertThat(RdsClusterCollector.attributes(cluster,
                List.of(DBInstance.builder().dbInstanceIdentifier("a").dbInstanceClass("db.r6g.enormous").build()), false,
                Optional.empty()))
                .doesNotContainKey("capacity")
                .contains(entry("engineMode", "provisioned"), entry("instanceClass", List.of("db.r6g.enormous")));
    }
}
