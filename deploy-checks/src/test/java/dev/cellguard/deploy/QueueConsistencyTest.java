package dev.cellguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.deploy.support.CellguardService;
import dev.cellguard.deploy.support.ConfigKeys;
import dev.cellguard.deploy.support.Deployed;
import dev.cellguard.deploy.support.DeployedFiles;
import dev.cellguard.deploy.support.Overlays;
import dev.cellguard.deploy.support.ReadmeConfigTable;
import dev.cellguard.deploy.support.Repo;
import dev.cellguard.deploy.support.SampleAccount;
import dev.cellguard.deploy.support.Stack;
import dev.cellguard.deploy.support.Template;
import dev.cellguard.orchestrator.policy.Mode;
import dev.cellguard.orchestrator.policy.Policy;
import dev.cellguard.orchestrator.policy.PolicyDocument;
import dev.cellguard.support.sqs.CellguardQueues;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queues the templates create are the ones the services' code and README name, with the redrive
 * the code expects; every service uses them in a Region where they exist; and each orchestrator
 * hears every observer from its own Region's queue.
 */
class QueueConsistencyTest {

    private static final String QUEUE = "AWS::SQS::Queue";
    private static final Pattern EXPRESSION = Pattern.compile("^\\$\\{([^:}]+)(?::([^}]*))?}$");

    static Stream<String> clusters() {
        return Overlays.clusters().stream();
    }

    private static String sqsDefault(String key) {
        return ConfigKeys.of(CellguardService.READINESS_MONITOR).mappingDefault(key)
                .orElseThrow(() -> new AssertionError("SqsConfig has no default for " + key));
    }

    @Test
    void theCodesDefaultQueueNamesAreCellguardsQueues() {
        assertThat(sqsDefault("cellguard.sqs.queues.signals")).isEqualTo(CellguardQueues.SIGNALS);
        assertThat(sqsDefault("cellguard.sqs.queues.audit")).isEqualTo(CellguardQueues.AUDIT);
    }

    @Test
    void theTemplateCreatesEachQueueOfTheCodeWithItsFifoDeadLetterQueueAndTheCodesRedrive() {
        Template template = Template.load("queues");
        Stack stack = SampleAccount.fromReadme().stacksOf("queues").get(0);
        Map<String, String> names = new LinkedHashMap<>();
        template.resourcesOfType(QUEUE).forEach(id -> names.put(id, String.valueOf(template.properties(id).get("QueueName"))));
        List<String> queues = List.of(CellguardQueues.SIGNALS, CellguardQueues.AUDIT);
        assertThat(names.values()).containsExactlyInAnyOrder(CellguardQueues.SIGNALS, CellguardQueues.AUDIT,
                CellguardQueues.deadLetterQueueOf(CellguardQueues.SIGNALS), CellguardQueues.deadLetterQueueOf(CellguardQueues.AUDIT));

        for (String queue : queues) {
            String id = idOf(names, queue);
            String dlqId = idOf(names, CellguardQueues.deadLetterQueueOf(queue));
            Map<String, Object> properties = template.properties(id);
            assertThat(properties).as(queue)
                    .containsEntry("FifoQueue", true)
                    .containsEntry("ContentBasedDeduplication", false)
                    .containsEntry("VisibilityTimeout", Integer.parseInt(sqsDefault("cellguard.sqs.visibility-timeout-seconds")));
            Map<?, ?> redrive = (Map<?, ?>) properties.get("RedrivePolicy");
            assertThat(redrive.get("deadLetterTargetArn")).as("DLQ of %s", queue).isEqualTo(Map.of("Fn::GetAtt", List.of(dlqId, "Arn")));
            assertThat(redrive.get("maxReceiveCount")).as("maxReceiveCount of %s", queue)
                    .isEqualTo(Integer.parseInt(sqsDefault("cellguard.sqs.max-receive-count")));

            Map<String, Object> dlq = template.properties(dlqId);
            assertThat(dlq).as(CellguardQueues.deadLetterQueueOf(queue)).containsEntry("FifoQueue", true);
            Map<?, ?> allow = (Map<?, ?>) dlq.get("RedriveAllowPolicy");
            assertThat(stack.strings(allow.get("sourceQueueArns"))).as("who may redrive into the DLQ of %s", queue)
                    .containsExactly(stack.attribute(id, "Arn"));
            assertThat((Integer) dlq.get("MessageRetentionPeriod")).as("the DLQ keeps messages at least as long as %s", queue)
                    .isGreaterThanOrEqualTo((Integer) properties.get("MessageRetentionPeriod"));
        }
    }

    @Test
    void theReadmeStatesTheQueueNamesAndRedriveOfTheCode() {
        assertThat(ReadmeConfigTable.row("CELLGUARD_SQS_QUEUES_SIGNALS").literalDefault()).contains(CellguardQueues.SIGNALS);
        assertThat(ReadmeConfigTable.row("CELLGUARD_SQS_QUEUES_AUDIT").literalDefault()).contains(CellguardQueues.AUDIT);
        assertThat(ReadmeConfigTable.row("CELLGUARD_SQS_MAX_RECEIVE_COUNT").literalDefault())
                .contains(sqsDefault("cellguard.sqs.max-receive-count"));
        assertThat(ReadmeConfigTable.row("CELLGUARD_SQS_VISIBILITY_TIMEOUT_SECONDS").literalDefault())
                .contains(sqsDefault("cellguard.sqs.visibility-timeout-seconds"));
        assertThat(Repo.read(ReadmeConfigTable.README))
                .contains("`" + CellguardQueues.deadLetterQueueOf(CellguardQueues.SIGNALS) + "`")
                .contains("`" + CellguardQueues.deadLetterQueueOf(CellguardQueues.AUDIT) + "`")
                .contains("maxReceiveCount " + sqsDefault("cellguard.sqs.max-receive-count"));
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyServiceUsesTheTemplatesQueuesInARegionWhereTheyExistThroughItsRole(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        Set<String> queueRegions = new TreeSet<>();
        SampleAccount.fromReadme().stacksOf("queues").forEach(s -> queueRegions.add(s.region()));
        for (Deployment deployment : deployed.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            assertThat(deployed.setting(deployment, "cellguard.sqs.queues.signals")).as(name).contains(CellguardQueues.SIGNALS);
            assertThat(deployed.setting(deployment, "cellguard.sqs.queues.audit")).as(name).contains(CellguardQueues.AUDIT);
            assertThat(Deployed.env(deployment)).as("%s names its queues' Region (the default is not a choice)", name)
                    .containsKey(ConfigKeys.envName("cellguard.sqs.region"));
            assertThat(deployed.setting(deployment, "cellguard.sqs.region")).as(name).get().isIn(queueRegions);
            for (String local : List.of("cellguard.sqs.endpoint", "cellguard.sqs.access-key-id", "cellguard.sqs.secret-access-key")) {
                assertThat(deployed.setting(deployment, local)).as("%s: %s is for local runs (IRSA on EKS)", name, local).isEmpty();
            }
            assertThat(deployed.setting(deployment, "cellguard.sqs.create-queues")).as(name).hasValueSatisfying(
                    v -> assertThat(Boolean.parseBoolean(v)).as("%s: the queues come from deploy/aws", name).isFalse());
        }
        Deployment orchestrator = deployed.deploymentsOf(CellguardService.FAILOVER_ORCHESTRATOR).get(0);
        assertThat(resolve(deployed, orchestrator, "mp.messaging.incoming.signals.queue"))
                .as("the queue the orchestrator's signals channel reads").isEqualTo(CellguardQueues.SIGNALS);
    }

    @Test
    void eachOrchestratorHearsEveryObserverFromItsOwnRegionsQueue() {
        Map<String, Set<String>> observersByRegion = new LinkedHashMap<>();
        for (String cluster : Overlays.clusters()) {
            Deployed deployed = Overlays.deployed(cluster);
            for (Deployment monitor : deployed.deploymentsOf(CellguardService.READINESS_MONITOR)) {
                assertThat(deployed.setting(monitor, "cellguard.monitor.observer")).as("observer id of %s in %s",
                        monitor.getMetadata().getName(), cluster).contains(cluster);
                observersByRegion.computeIfAbsent(deployed.setting(monitor, "cellguard.sqs.region").orElseThrow(), r -> new TreeSet<>())
                        .add(cluster);
            }
        }
        for (String cluster : Overlays.clusters()) {
            Deployed deployed = Overlays.deployed(cluster);
            Deployment orchestrator = deployed.deploymentsOf(CellguardService.FAILOVER_ORCHESTRATOR).get(0);
            assertThat(orchestrator.getSpec().getReplicas()).as("one orchestrator per Region consumes its queue").isEqualTo(1);
            String region = deployed.setting(orchestrator, "cellguard.sqs.region").orElseThrow();
            assertThat(region).as("the orchestrator in %s reads that Region's queue", cluster).isEqualTo(cluster);
            Set<String> heard = observersByRegion.getOrDefault(region, Set.of());
            assertThat(heard).as("observers publishing to %s's signals", region)
                    .containsExactlyInAnyOrderElementsOf(Overlays.clusters());
            PolicyDocument policy = DeployedFiles.policy(deployed);
            int quorum = policy.policies().stream().filter(p -> p.mode() == Mode.AUTO)
                    .mapToInt(p -> p.when().observersAgreeing()).max().orElse(1);
            assertThat(heard.size()).as("enough observers for the automatic policies' quorum").isGreaterThanOrEqualTo(quorum);
            for (Policy policyItem : policy.policies()) {
                assertThat(policyItem.when().observersAgreeing()).as(policyItem.name()).isLessThanOrEqualTo(heard.size());
            }
        }
    }

    /** A setting whose value may be a {@code ${key:default}} expression, as MicroProfile Config resolves it. */
    private static String resolve(Deployed deployed, Deployment deployment, String key) {
        String value = deployed.setting(deployment, key).orElseThrow(() -> new AssertionError(key + " is not set"));
        Matcher expression = EXPRESSION.matcher(value);
        if (!expression.matches()) {
            return value;
        }
        return deployed.setting(deployment, expression.group(1)).orElseGet(() -> expression.group(2));
    }

    private static String idOf(Map<String, String> names, String queue) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(queue)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no queue " + queue));
    }
}
