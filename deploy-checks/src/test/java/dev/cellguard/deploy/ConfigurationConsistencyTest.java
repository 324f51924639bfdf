package dev.cellguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.deploy.support.CellguardService;
import dev.cellguard.deploy.support.ConfigKeys;
import dev.cellguard.deploy.support.Deployed;
import dev.cellguard.deploy.support.DeployedFiles;
import dev.cellguard.deploy.support.Overlays;
import dev.cellguard.deploy.support.ReadmeConfigTable;
import dev.cellguard.deploy.support.SampleAccount;
import dev.cellguard.deploy.support.Stack;
import dev.cellguard.monitor.model.ReadinessModel;
import dev.cellguard.monitor.model.ResourceSetSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting the overlays give a service is one its code reads (by the name the code reads it
 * under), and the files and endpoints those settings name are there and reachable.
 */
class ConfigurationConsistencyTest {

    static Stream<String> clusters() {
        return Overlays.clusters().stream();
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyEnvironmentVariableOfTheOverlaysIsASettingTheServiceReads(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        List<String> unknown = new ArrayList<>();
        for (Deployment deployment : deployed.all(Deployment.class)) {
            ConfigKeys keys = ConfigKeys.of(Deployed.service(deployment));
            for (String name : Deployed.envNames(deployment)) {
                if (!keys.knowsEnv(name)) {
                    unknown.add(deployment.getMetadata().getName() + ": " + name);
                }
            }
        }
        assertThat(unknown).as("environment variables no code reads").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyKeyOfTheMountedApplicationPropertiesIsASettingTheServiceReads(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        List<String> unknown = new ArrayList<>();
        for (Deployment deployment : deployed.all(Deployment.class)) {
            ConfigKeys keys = ConfigKeys.of(Deployed.service(deployment));
            for (String key : deployed.applicationProperties(deployment).stringPropertyNames()) {
                if (!keys.knowsProperty(key)) {
                    unknown.add(deployment.getMetadata().getName() + ": " + key);
                }
            }
        }
        assertThat(unknown).as("keys no code reads").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyFileASettingNamesIsInTheMountedConfigMapAndNothingElseIs(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        for (Deployment monitor : deployed.deploymentsOf(CellguardService.READINESS_MONITOR)) {
            DeployedFiles.model(deployed, monitor);
            assertThat(deployed.configMap(monitor).getData()).containsOnlyKeys("application.properties", "readiness-model.yaml");
        }
        Deployment orchestrator = deployed.deploymentsOf(CellguardService.FAILOVER_ORCHESTRATOR).get(0);
        DeployedFiles.policy(deployed);
        assertThat(deployed.configMap(orchestrator).getData()).containsOnlyKeys("application.properties", "failover-policy.yaml");
        for (Deployment audit : deployed.deploymentsOf(CellguardService.AUDIT_SERVICE)) {
            assertThat(deployed.configMap(audit).getData()).containsOnlyKeys("application.properties");
        }
        for (ConfigMap configMap : deployed.all(ConfigMap.class)) {
            assertThat(deployed.all(Deployment.class).stream().anyMatch(d -> deployed.configMap(d) == configMap))
                    .as("%s is mounted by a Deployment", configMap.getMetadata().getName()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyApiVerifiesTokensOfTheOrganisationsIssuer(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        for (CellguardService service : List.of(CellguardService.READINESS_MONITOR, CellguardService.FAILOVER_ORCHESTRATOR,
                CellguardService.AUDIT_SERVICE)) {
            for (Deployment deployment : deployed.deploymentsOf(service)) {
                String name = deployment.getMetadata().getName();
                assertThat(deployed.setting(deployment, "mp.jwt.verify.publickey.location")).as("%s: the issuer's keys", name)
                        .hasValueSatisfying(url -> assertThat(URI.create(url).getScheme()).isEqualTo("https"));
                assertThat(deployed.setting(deployment, "mp.jwt.verify.issuer")).as(name)
                        .hasValueSatisfying(issuer -> assertThat(issuer).startsWith("https://").isNotEqualTo("https://cellguard.dev/local"));
                assertThat(deployed.setting(deployment, "mp.jwt.verify.publickey")).as("%s: no key inline", name).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void theAuditServiceReachesTheAuditDatabaseWithTheCredentialsOfItsSecret(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        Stack database = SampleAccount.fromReadme().stack("cellguard-audit-db");
        String defaultUrl = CellguardService.AUDIT_SERVICE.applicationProperties().getProperty("quarkus.datasource.jdbc.url");
        String databaseName = URI.create(defaultUrl.substring("jdbc:".length())).getPath().substring(1);
        for (Deployment audit : deployed.deploymentsOf(CellguardService.AUDIT_SERVICE)) {
            URI url = URI.create(deployed.setting(audit, "quarkus.datasource.jdbc.url").orElseThrow().substring("jdbc:".length()));
            assertThat(url.getScheme()).isEqualTo("postgresql");
            assertThat(url.getHost()).isEqualTo(database.output("WriterEndpoint"));
            assertThat(url.getPort()).isEqualTo(Integer.parseInt(database.output("Port")));
            assertThat(url.getPath()).as("the database the service is built for, which the stack creates")
                    .isEqualTo("/" + databaseName).isEqualTo("/" + database.output("DatabaseName"));
            assertThat(url.getQuery()).contains("sslmode=require");
            NetworkPolicy policy = deployed.named(NetworkPolicy.class, audit.getMetadata().getName());
            assertThat(policy.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream()).map(p -> p.getPort().getIntVal()))
                    .as("egress to the database").contains(url.getPort());
            for (String key : List.of("quarkus.datasource.username", "quarkus.datasource.password")) {
                EnvVar var = Deployed.container(audit).getEnv().stream()
                        .filter(e -> e.getName().equals(ConfigKeys.envName(key))).findFirst()
                        .orElseThrow(() -> new AssertionError(ConfigKeys.envName(key) + " is not set"));
                assertThat(var.getValue()).as("%s comes from the Secret, not from Git", key).isNull();
                assertThat(var.getValueFrom().getSecretKeyRef().getName()).isEqualTo("audit-db");
                assertThat(var.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(key.substring(key.lastIndexOf('.') + 1));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyMonitorMayReachThePortsOfTheUrlsItProbes(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        for (Deployment monitor : deployed.deploymentsOf(CellguardService.READINESS_MONITOR)) {
            ReadinessModel model = DeployedFiles.model(deployed, monitor);
            Set<Integer> ports = new TreeSet<>();
            model.recoveryGroups().forEach(g -> g.resourceSets().stream().map(ResourceSetSpec::resources)
                    .flatMap(r -> r.values().stream())
                    .map(properties -> properties.get("url"))
                    .filter(url -> url != null)
                    .map(URI::create)
                    .forEach(uri -> ports.add(uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80)));
            NetworkPolicy policy = deployed.named(NetworkPolicy.class, monitor.getMetadata().getName());
            assertThat(policy.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream()).map(p -> p.getPort().getIntVal()))
                    .as("egress of %s", monitor.getMetadata().getName()).containsAll(ports);
        }
    }

    @Test
    void everyVariableOfTheReadmesConfigurationTableIsReadByTheServicesItNames() {
        List<String> unknown = new ArrayList<>();
        for (ReadmeConfigTable.Row row : ReadmeConfigTable.rows()) {
            for (CellguardService service : CellguardService.values()) {
                if (!row.covers(service)) {
                    continue;
                }
                ConfigKeys keys = ConfigKeys.of(service);
                for (String name : row.names()) {
                    boolean known = name.contains(".")
                            ? keys.knowsProperty(name.replaceAll("<[a-z]+>", "sample"))
                            : keys.knowsEnv(name);
                    if (!known) {
                        unknown.add(service.id() + ": " + name);
                    }
                }
            }
        }
        assertThat(ReadmeConfigTable.rows()).isNotEmpty();
        assertThat(unknown).as("variables of " + ReadmeConfigTable.README + " no code reads").isEmpty();
    }
}
