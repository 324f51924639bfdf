package dev.cellguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cellguard.deploy.support.AwsCalls;
import dev.cellguard.deploy.support.CellguardService;
import dev.cellguard.deploy.support.Deployed;
import dev.cellguard.deploy.support.DeployedFiles;
import dev.cellguard.deploy.support.Overlays;
import dev.cellguard.deploy.support.SampleAccount;
import dev.cellguard.deploy.support.Stack;
import dev.cellguard.monitor.model.CellSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service account's IAM role allows exactly the AWS calls the service's code makes (read from its
 * byte code and the SQS connector it uses) — nothing missing, nothing more — on the queues, Regions and
 * routing controls that service uses, and is assumable by exactly that service's accounts in that cluster.
 */
class IamConsistencyTest {

    private static final Pattern QUEUE_ARN = Pattern.compile("^arn:aws:sqs:([a-z0-9-]+):" + SampleAccount.ACCOUNT_ID + ":(.+)$");
    private static final Set<String> SEND = Set.of("sqs:SendMessage");
    private static final Set<String> RECEIVE = Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
    private static final String LOOK_UP = "sqs:GetQueueUrl";

    /**
     * Which of its queues each service sends to and which it receives from: the monitor publishes
     * (SignalPublisher), the orchestrator consumes signals (its "signals" channel) and publishes
     * decisions to the audit queue (FailoverService), the audit-service consumes the audit queue
     * (AuditIngestor). The code's SDK calls decide whether it sends or receives at all.
     */
    private static final Map<CellguardService, Set<String>> SENDS_TO = Map.of(
            CellguardService.READINESS_MONITOR, Set.of("signals", "audit"),
            CellguardService.FAILOVER_ORCHESTRATOR, Set.of("audit"),
            CellguardService.AUDIT_SERVICE, Set.of());
    private static final Map<CellguardService, Set<String>> RECEIVES_FROM = Map.of(
            CellguardService.READINESS_MONITOR, Set.of(),
            CellguardService.FAILOVER_ORCHESTRATOR, Set.of("signals"),
            CellguardService.AUDIT_SERVICE, Set.of("audit"));

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> servicesByCluster() {
        return Overlays.clusters().stream().flatMap(c -> Stream.of(CellguardService.values()).map(s -> Arguments.of(c, s)));
    }

    /** The role of the service's accounts in that cluster: stack and logical id. */
    private record Role(Stack stack, String logicalId) {

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> statements() {
            List<Map<String, Object>> statements = new ArrayList<>();
            for (Object policy : (List<?>) stack.resolve(stack.template().properties(logicalId).get("Policies"))) {
                Map<String, Object> document = (Map<String, Object>) ((Map<?, ?>) policy).get("PolicyDocument");
                for (Object statement : (List<?>) document.get("Statement")) {
                    statements.add((Map<String, Object>) statement);
                }
            }
            return statements;
        }

        JsonNode trust() {
            try {
                return JSON.readTree(stack.string(stack.template().properties(logicalId).get("AssumeRolePolicyDocument")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Role roleOf(Deployed deployed, List<Deployment> deployments) {
        Set<String> arns = new TreeSet<>();
        deployments.forEach(d -> arns.add(deployed.serviceAccount(d).getMetadata().getAnnotations().get(Deployed.ROLE_ANNOTATION)));
        assertThat(arns).as("the role of %s", deployments.get(0).getMetadata().getName()).hasSize(1);
        String arn = arns.iterator().next();
        for (Stack stack : SampleAccount.fromReadme().stacksOf("iam")) {
            for (String id : stack.template().resourcesOfType("AWS::IAM::Role")) {
                if (stack.attribute(id, "Arn").equals(arn)) {
                    return new Role(stack, id);
                }
            }
        }
        throw new AssertionError("no role of deploy/aws/iam.yaml has the ARN " + arn);
    }

    private static Set<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? new TreeSet<>(list.stream().map(String::valueOf).toList()) : Set.of(String.valueOf(action));
    }

    private static List<String> resources(Map<String, Object> statement) {
        Object resource = statement.get("Resource");
        return resource instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(resource));
    }

    @ParameterizedTest
    @MethodSource("servicesByCluster")
    void theRoleAllowsExactlyTheAwsCallsTheServiceMakes(String cluster, CellguardService service) {
        Deployed deployed = Overlays.deployed(cluster);
        List<Deployment> deployments = deployed.deploymentsOf(service);
        Set<String> called = new TreeSet<>();
        deployments.forEach(d -> called.addAll(AwsCalls.iamActions(service, key -> deployed.setting(d, key))));
        assertThat(called).as("AWS calls in the code of %s", service.id()).isNotEmpty();

        Role role = roleOf(deployed, deployments);
        assertThat(role.stack().name()).as("the role comes from this cluster's IAM stack").isEqualTo("cellguard-iam-" + cluster);
        Set<String> allowed = new TreeSet<>();
        for (Map<String, Object> statement : role.statements()) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            allowed.addAll(actions(statement));
        }
        assertThat(allowed).as("actions of %s allowed by %s (the calls are %s)", service.id(), role.logicalId(),
                AwsCalls.of(service, key -> deployed.setting(deployments.get(0), key))).containsExactlyInAnyOrderElementsOf(called);
    }

    @ParameterizedTest
    @MethodSource("servicesByCluster")
    void queueActionsAreAllowedOnlyOnTheQueuesAndRegionsTheServiceUses(String cluster, CellguardService service) {
        Deployed deployed = Overlays.deployed(cluster);
        List<Deployment> deployments = deployed.deploymentsOf(service);
        Set<String> called = new TreeSet<>();
        deployments.forEach(d -> called.addAll(AwsCalls.iamActions(service, key -> deployed.setting(d, key))));
        assertThat(SENDS_TO.get(service).isEmpty()).as("%s sends to no queue", service.id()).isEqualTo(!called.containsAll(SEND));
        assertThat(RECEIVES_FROM.get(service).isEmpty()).as("%s receives from no queue", service.id())
                .isEqualTo(!called.containsAll(RECEIVE));

        Set<String> regions = new TreeSet<>();
        deployments.forEach(d -> regions.add(deployed.setting(d, "cellguard.sqs.region").orElseThrow()));
        Deployment any = deployments.get(0);
        Set<String> sendTo = queues(deployed, any, SENDS_TO.get(service), regions);
        Set<String> receiveFrom = queues(deployed, any, RECEIVES_FROM.get(service), regions);
        Set<String> lookUp = new TreeSet<>(sendTo);
        lookUp.addAll(receiveFrom);

        Role role = roleOf(deployed, deployments);
        for (String action : called.stream().filter(a -> a.startsWith("sqs:")).toList()) {
            Set<String> granted = new TreeSet<>();
            for (Map<String, Object> statement : role.statements()) {
                if (actions(statement).contains(action)) {
                    for (String arn : resources(statement)) {
                        Matcher queue = QUEUE_ARN.matcher(arn);
                        assertThat(queue.matches()).as("%s is allowed on %s, not a queue of the account", action, arn).isTrue();
                        granted.add(queue.group(2) + "@" + queue.group(1));
                    }
                }
            }
            Set<String> expected = action.equals(LOOK_UP) ? lookUp : SEND.contains(action) ? sendTo : receiveFrom;
            assertThat(granted).as("queues %s may %s", service.id(), action).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("servicesByCluster")
    void otherActionsAreLimitedToTheRoutingControlsOfThePolicyOrToTheCellsRegions(String cluster, CellguardService service) {
        Deployed deployed = Overlays.deployed(cluster);
        Role role = roleOf(deployed, deployed.deploymentsOf(service));
        Set<String> cellRegions = new TreeSet<>();
        for (Deployment monitor : deployed.deploymentsOf(CellguardService.READINESS_MONITOR)) {
            DeployedFiles.model(deployed, monitor).recoveryGroups().forEach(g -> g.allCells().values().stream()
                    .map(CellSpec::region).forEach(cellRegions::add));
        }
        List<String> routingControls = DeployedFiles.policy(deployed).routingControlArns();
        for (Map<String, Object> statement : role.statements()) {
            Set<String> actions = actions(statement);
            assertThat(actions).as("no wildcard actions").noneMatch(a -> a.contains("*"));
            if (actions.stream().allMatch(a -> a.startsWith("route53-recovery-cluster:"))) {
                assertThat(resources(statement)).as("routing controls %s may read and set", service.id())
                        .containsExactlyInAnyOrderElementsOf(routingControls);
            } else if (actions.stream().noneMatch(a -> a.startsWith("sqs:"))) {
                Map<?, ?> condition = (Map<?, ?>) ((Map<?, ?>) statement.get("Condition")).get("StringEquals");
                assertThat(((List<?>) condition.get("aws:RequestedRegion")).stream().map(String::valueOf).toList())
                        .as("Regions of %s", actions).containsExactlyInAnyOrderElementsOf(cellRegions);
                assertThat(resources(statement)).as("resources of %s", actions).allSatisfy(r -> assertThat(r)
                        .satisfiesAnyOf(x -> assertThat(x).isEqualTo("*"),
                                x -> assertThat(x).startsWith("arn:aws:").contains(":" + SampleAccount.ACCOUNT_ID + ":")));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servicesByCluster")
    void onlyTheServicesAccountsInThatClusterMayAssumeTheRole(String cluster, CellguardService service) {
        Deployed deployed = Overlays.deployed(cluster);
        List<Deployment> deployments = deployed.deploymentsOf(service);
        Role role = roleOf(deployed, deployments);
        String provider = String.valueOf(role.stack().parameters().get("OidcProvider"));
        assertThat(provider).as("the OIDC issuer of cluster %s", cluster).startsWith("oidc.eks." + cluster + ".");

        JsonNode trust = role.trust();
        assertThat(trust.get("Statement")).hasSize(1);
        JsonNode statement = trust.get("Statement").get(0);
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.get("Action").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(statement.at("/Principal/Federated").asText())
                .isEqualTo("arn:aws:iam::" + SampleAccount.ACCOUNT_ID + ":oidc-provider/" + provider);
        JsonNode equals = statement.at("/Condition/StringEquals");
        assertThat(equals.get(provider + ":aud").asText()).isEqualTo("sts.amazonaws.com");
        Set<String> subjects = new TreeSet<>();
        JsonNode sub = equals.get(provider + ":sub");
        if (sub.isArray()) {
            sub.forEach(s -> subjects.add(s.asText()));
        } else {
            subjects.add(sub.asText());
        }
        Set<String> accounts = new TreeSet<>();
        deployments.forEach(d -> accounts.add("system:serviceaccount:" + d.getMetadata().getNamespace() + ":"
                + deployed.serviceAccount(d).getMetadata().getName()));
        assertThat(subjects).containsExactlyInAnyOrderElementsOf(accounts);
    }

    /** {@code name@region} of the given queue kinds, by the names the deployment configures. */
    private static Set<String> queues(Deployed deployed, Deployment deployment, Set<String> kinds, Set<String> regions) {
        Set<String> queues = new TreeSet<>();
        for (String kind : kinds) {
            String name = deployed.setting(deployment, "cellguard.sqs.queues." + kind).orElseThrow();
            regions.forEach(region -> queues.add(name + "@" + region));
        }
        return queues;
    }
}
