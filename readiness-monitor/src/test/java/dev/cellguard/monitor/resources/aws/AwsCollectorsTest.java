package dev.cellguard.monitor.resources.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellguard.monitor.model.ModelException;
import dev.cellguard.monitor.model.ModelLoader;
import dev.cellguard.monitor.model.ReadinessModel;
import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.resources.ResourceCollector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/** Wiring: the three collectors, their model types, and how they behave around their lifecycle. */
class AwsCollectorsTest {

    private static final String MODEL = """
            recoveryGroups:
              - name: shop
                cells:
                  - name: eu-west-1
                    region: eu-west-1
                  - name: us-east-1
                    region: us-east-1
                resourceSets:
                  - name: web-asg
                    type: aws-autoscaling-group
                    disabledRules: [asg.all.normalized-capacity]
                    resources:
                      eu-west-1: { name: web-euw1 }
                      us-east-1: { name: web-use1 }
                  - name: web-alb
                    type: aws-elbv2-load-balancer
                    resources:
                      eu-west-1: { arn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188" }
                      us-east-1: { arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/7d1f3c2b9a8e6d54" }
                  - name: orders-db
                    type: aws-rds-cluster
                    interval: 1m
                    resources:
                      eu-west-1: { clusterIdentifier: orders-euw1 }
                      us-east-1: { clusterIdentifier: orders-use1 }
            """;

    @Test
    void createsOneCollectorPerAwsTypeWhoseRulesMatchTheirDeclaredIds() {
        try (AwsClients clients = AwsClients.defaults()) {
            List<ResourceCollector> collectors = AwsCollectors.create(clients, Clock.systemUTC());
            try {
                assertThat(collectors).extracting(c -> c.type().name())
                        .containsExactly("aws-autoscaling-group", "aws-elbv2-load-balancer", "aws-rds-cluster");
                assertThat(collectors).extracting(ResourceCollector::type).containsExactlyElementsOf(AwsCollectors.types());
                for (ResourceCollector collector : collectors) {
                    ResourceSetSpec everything = new ResourceSetSpec("set", collector.type().name(), Map.of(), Map.of(),
                            List.of(), Duration.ofSeconds(30));
                    assertThat(collector.rules(everything)).extracting(ReadinessRule::id)
                            .containsExactlyInAnyOrderElementsOf(collector.type().ruleIds());
                }
            } finally {
                collectors.forEach(ResourceCollector::close);
            }
        }
    }

    @Test
    void theModelLoaderAcceptsTheAwsTypesWithDefaultIntervalsAndDisabledRules() {
        ModelLoader loader = new ModelLoader(AwsCollectors.types().stream()
                .collect(Collectors.toMap(ResourceType::name, Function.identity())));

        ReadinessModel model = loader.parse("shop.yaml", MODEL);

        List<ResourceSetSpec> sets = model.recoveryGroups().get(0).resourceSets();
        assertThat(sets).extracting(ResourceSetSpec::interval)
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1));
        assertThat(sets.get(0).disabledRules()).containsExactly(AutoScalingGroupCollector.NORMALIZED_CAPACITY);
    }

    @Test
    void theModelLoaderRejectsAResourceWithoutItsIdentifyingProperty() {
        ModelLoader loader = new ModelLoader(AwsCollectors.types().stream()
                .collect(Collectors.toMap(ResourceType::name, Function.identity())));

        assertThatThrownBy(() -> loader.parse("shop.yaml", MODEL.replace("{ clusterIdentifier: orders-use1 }", "{}")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("resources.us-east-1.clusterIdentifier")
                .hasMessageContaining("missing");
    }

    @Test
    void aClosedCollectorReportsCouldNotRunInsteadOfThrowing() {
        AwsClients clients = new AwsClients(Optional.empty(), AnonymousCredentialsProvider.create(), Duration.ofSeconds(1));
        AutoScalingGroupCollector collector = new AutoScalingGroupCollector(clients, AwsStub.CLOCK);
        collector.close();

        Observation observation = collector.collect(AwsStub.ref("web", AwsStub.cell("eu-west-1", "eu-west-1"), "name", "web"));

        assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN));
    }

    @Test
    void aResourceWithoutItsPropertyIsCouldNotRun() {
        AwsClients clients = new AwsClients(Optional.empty(), AnonymousCredentialsProvider.create(), Duration.ofSeconds(1));
        try (LoadBalancerCollector collector = new LoadBalancerCollector(clients, AwsStub.CLOCK)) {
            Observation observation = collector.collect(AwsStub.ref("web", AwsStub.cell("eu-west-1", "eu-west-1"), "name", "web"));

            assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
                assertThat(failed.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
                assertThat(failed.message()).contains("'arn'");
            });
        }
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> new AwsClients(Optional.empty(), AnonymousCredentialsProvider.create(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
