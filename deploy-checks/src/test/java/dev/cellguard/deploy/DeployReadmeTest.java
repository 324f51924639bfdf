package dev.cellguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.deploy.support.CellguardService;
import dev.cellguard.deploy.support.ClusterVars;
import dev.cellguard.deploy.support.Deployed;
import dev.cellguard.deploy.support.Flux;
import dev.cellguard.deploy.support.Overlays;
import dev.cellguard.deploy.support.Repo;
import dev.cellguard.deploy.support.SampleAccount;
import dev.cellguard.deploy.support.ShellCommands;
import dev.cellguard.deploy.support.ShellCommands.Command;
import dev.cellguard.deploy.support.Template;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The steps of deploy/README.md use the templates, outputs, paths and names that exist. */
class DeployReadmeTest {

    private static final String README = SampleAccount.README;
    private static final Pattern OUTPUT = Pattern.compile("\\bout (cellguard-[a-z0-9-]+) (\\w+)\\)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");

    @Test
    void everyStackIsCreatedFromATemplateWithEveryParameterItNeeds() {
        List<Command> deploys = ShellCommands.starting(README, "aws", "cloudformation", "deploy");
        assertThat(deploys).isNotEmpty();
        for (Command deploy : deploys) {
            String file = deploy.option("--template-file").orElseThrow();
            String stack = deploy.option("--stack-name").orElseThrow();
            Template template = Template.load(file.replaceAll("^deploy/aws/|\\.yaml$", ""));
            assertThat(stack).as(deploy.toString()).startsWith("cellguard-" + template.name());
            Set<String> given = new TreeSet<>();
            deploy.arguments("--parameter-overrides").forEach(p -> given.add(p.substring(0, p.indexOf('='))));
            assertThat(template.parameters().keySet()).as("parameters of %s", stack).containsAll(given);
            template.parameters().forEach((parameter, definition) -> {
                if (!definition.containsKey("Default")) {
                    assertThat(given).as("%s needs %s", stack, parameter).contains(parameter);
                }
            });
            boolean namedRoles = template.resourcesOfType("AWS::IAM::Role").stream()
                    .anyMatch(id -> template.properties(id).containsKey("RoleName"));
            assertThat(deploy.arguments("--capabilities").contains("CAPABILITY_NAMED_IAM")).as(stack).isEqualTo(namedRoles);
        }
        assertThat(SampleAccount.fromReadme().stacks()).extracting(s -> s.name() + "@" + s.region()).doesNotHaveDuplicates();
        assertThat(SampleAccount.fromReadme().stacks()).extracting(s -> s.template().name())
                .as("every template is deployed").containsAll(Template.names());
    }

    @Test
    void everyClusterGetsItsQueuesItsRolesAndItsFluxDirectory() {
        for (String cluster : Flux.clusters()) {
            assertThat(SampleAccount.fromReadme().stacksOf("queues")).as("queues in %s", cluster)
                    .anyMatch(s -> s.region().equals(cluster));
            assertThat(SampleAccount.fromReadme().find("cellguard-iam-" + cluster)).as("roles of %s", cluster)
                    .hasValueSatisfying(s -> assertThat(s.parameters()).containsEntry("ClusterRegion", cluster));
            assertThat(ShellCommands.starting(README, "flux", "bootstrap")).as("bootstrap of %s", cluster)
                    .anyMatch(c -> c.option("--path").equals(Optional.of(Flux.CLUSTERS + "/" + cluster))
                            && c.option("--context").equals(Optional.of("cellguard-" + cluster)));
        }
        assertThat(ShellCommands.starting(README, "flux", "bootstrap")).hasSize(Flux.clusters().size());
    }

    @Test
    void everyOutputTheStepsReadExists() {
        Matcher output = OUTPUT.matcher(Repo.read(README));
        int count = 0;
        while (output.find()) {
            count++;
            assertThat(SampleAccount.fromReadme().stack(output.group(1)).output(output.group(2))).isNotBlank();
        }
        assertThat(count).isPositive();
        for (ClusterVars.Variable variable : ClusterVars.declared()) {
            if (variable.source().equals("input")) {
                assertThat(Repo.read(README)).as("the README sets the input %s of %s", variable.arguments().get(0), ClusterVars.SCRIPT)
                        .containsPattern("export[^\\n]*\\b" + variable.arguments().get(0) + "=");
            }
        }
    }

    @Test
    void theSecretTheStepsCreateIsTheOneTheAuditServiceReads() {
        List<Command> creates = ShellCommands.in(README).stream()
                .filter(c -> String.join(" ", c.words()).contains("create secret generic audit-db")).toList();
        assertThat(creates).hasSize(1);
        Set<String> keys = new TreeSet<>();
        creates.get(0).words().stream().filter(w -> w.startsWith("--from-literal="))
                .forEach(w -> keys.add(w.substring("--from-literal=".length(), w.indexOf('=', "--from-literal=".length()))));
        assertThat(creates.get(0).option("--namespace")).contains("cellguard");
        for (String cluster : Overlays.clusters()) {
            Deployed deployed = Overlays.deployed(cluster);
            Set<String> read = new TreeSet<>();
            for (Deployment deployment : deployed.deploymentsOf(CellguardService.AUDIT_SERVICE)) {
                for (EnvVar var : Deployed.container(deployment).getEnv()) {
                    if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                        assertThat(var.getValueFrom().getSecretKeyRef().getName()).isEqualTo("audit-db");
                        read.add(var.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
            }
            assertThat(keys).as("keys of audit-db").isEqualTo(read);
        }
    }

    @Test
    void everyLinkPointsAtAFileOrDirectory() {
        Matcher link = LINK.matcher(Repo.read(README));
        int count = 0;
        while (link.find()) {
            count++;
            assertThat(Repo.path("deploy").resolve(link.group(1)).normalize()).as(link.group()).exists();
        }
        assertThat(count).isPositive();
    }
}
