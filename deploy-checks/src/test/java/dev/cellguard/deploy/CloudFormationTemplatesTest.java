package dev.cellguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.deploy.support.Commands;
import dev.cellguard.deploy.support.SampleAccount;
import dev.cellguard.deploy.support.Stack;
import dev.cellguard.deploy.support.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template refers only to what it declares, uses what it declares, and evaluates in every stack made of it. */
class CloudFormationTemplatesTest {

    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NoValue", "AWS::NotificationARNs",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    /** Resources whose deletion loses data: each says what happens to it. */
    private static final Set<String> STATEFUL = Set.of("AWS::SQS::Queue", "AWS::RDS::DBCluster", "AWS::SecretsManager::Secret");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    static Stream<String> templates() {
        return Template.names().stream();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyReferenceIsDeclaredAndEveryParameterIsUsed(String name) {
        Template template = Template.load(name);
        assertThat(template.root()).containsEntry("AWSTemplateFormatVersion", "2010-09-09").containsKey("Description");
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        walk(template, template.resources(), Set.of(), used, problems);
        walk(template, template.outputs(), Set.of(), used, problems);
        template.resources().forEach((id, resource) -> {
            Object dependsOn = resource.get("DependsOn");
            List<?> targets = dependsOn instanceof List<?> list ? list : dependsOn == null ? List.of() : List.of(dependsOn);
            targets.stream().map(String::valueOf).filter(t -> !template.resources().containsKey(t))
                    .forEach(t -> problems.add(id + " depends on an unknown resource " + t));
        });
        assertThat(problems).as(template.file()).isEmpty();
        assertThat(used).as("parameters %s uses", template.file()).containsAll(template.parameters().keySet());
    }

    @ParameterizedTest
    @MethodSource("templates")
    void statefulResourcesSayWhatHappensToThemWhenTheStackGoes(String name) {
        Template template = Template.load(name);
        template.resources().forEach((id, resource) -> {
            if (STATEFUL.contains(String.valueOf(resource.get("Type")))) {
                assertThat(resource).as("%s in %s", id, template.file()).containsKeys("DeletionPolicy", "UpdateReplacePolicy");
            }
        });
    }

    @Test
    void everyStackTheReadmeCreatesEvaluatesToTheOutputsItPromises() {
        List<Stack> stacks = SampleAccount.fromReadme().stacks();
        assertThat(stacks).isNotEmpty();
        for (Stack stack : stacks) {
            assertThat(stack.outputs()).as("outputs of %s", stack.name()).isNotEmpty().doesNotContainValue("");
        }
    }

    @Test
    void cfnLintFindsNothing() {
        Assumptions.assumeTrue(Commands.onPath("cfn-lint"), "cfn-lint is not installed: the templates are not linted here");
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--"));
        Template.names().forEach(n -> command.add(Template.file(n)));
        Commands.Result result = Commands.run(Duration.ofMinutes(2), command.toArray(String[]::new));
        assertThat(result.exitCode()).as("cfn-lint:\n%s%s", result.stdout(), result.stderr()).isZero();
    }

    private static void walk(Template template, Object value, Set<String> subVariables, Set<String> used, List<String> problems) {
        var function = Template.intrinsic(value);
        if (function.isPresent()) {
            String fn = function.get().getKey();
            Object argument = function.get().getValue();
            switch (fn) {
                case "Ref" -> reference(template, String.valueOf(argument), used, problems);
                case "Fn::GetAtt" -> {
                    String resource = String.valueOf(((List<?>) argument).get(0));
                    if (!template.resources().containsKey(resource)) {
                        problems.add("GetAtt of an unknown resource " + resource);
                    }
                }
                case "Fn::Sub" -> {
                    String text;
                    Set<String> variables = new TreeSet<>();
                    if (argument instanceof List<?> parts) {
                        text = String.valueOf(parts.get(0));
                        ((Map<?, ?>) parts.get(1)).forEach((k, v) -> {
                            variables.add(String.valueOf(k));
                            walk(template, v, Set.of(), used, problems);
                        });
                    } else {
                        text = String.valueOf(argument);
                    }
                    Matcher matcher = SUB_VARIABLE.matcher(text);
                    while (matcher.find()) {
                        String variable = matcher.group(1);
                        if (variables.contains(variable)) {
                            continue;
                        }
                        if (variable.contains(".") && !variable.startsWith("AWS::")) {
                            String resource = variable.substring(0, variable.indexOf('.'));
                            if (!template.resources().containsKey(resource)) {
                                problems.add("Sub of an unknown resource attribute " + variable);
                            }
                        } else {
                            reference(template, variable, used, problems);
                        }
                    }
                }
                case "Fn::FindInMap" -> {
                    List<?> parts = (List<?>) argument;
                    if (!template.mappings().containsKey(String.valueOf(parts.get(0)))) {
                        problems.add("FindInMap of an unknown mapping " + parts.get(0));
                    }
                    parts.subList(1, parts.size()).forEach(p -> walk(template, p, Set.of(), used, problems));
                }
                default -> walk(template, argument, subVariables, used, problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> walk(template, v, subVariables, used, problems));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> walk(template, v, subVariables, used, problems));
        }
    }

    private static void reference(Template template, String name, Set<String> used, List<String> problems) {
        if (template.parameters().containsKey(name)) {
            used.add(name);
        } else if (!template.resources().containsKey(name) && !PSEUDO.contains(name)) {
            problems.add("reference to an undeclared " + name);
        }
    }
}
