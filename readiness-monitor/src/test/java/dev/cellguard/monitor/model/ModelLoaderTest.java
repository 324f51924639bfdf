package dev.cellguard.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelLoaderTest {

    private static final ResourceType HTTP_JSON = new ResourceType("http-json", Set.of("url"), Set.of(),
            Set.of("pointers"), Set.of("http-json.all.equal"), Duration.ofSeconds(10));
    private final ModelLoader loader = new ModelLoader(Map.of("http-json", HTTP_JSON));

    private static final String VALID = """
            recoveryGroups:
              - name: orders
                cells:
                  - name: us-west-2
                    region: us-west-2
                    kubernetesContext: eks-west
                    cells:
                      - name: us-west-2a
                  - name: eu-west-1
                    region: eu-west-1
                resourceSets:
                  - name: orders-info
                    type: http-json
                    interval: 2s
                    settings: { pointers: [/app/version] }
                    resources:
                      us-west-2: { url: "http://127.0.0.1:8081/info" }
                      eu-west-1: { url: "http://127.0.0.1:8082/info" }
            """;

    @Test
    void readsNestedCellsWithInheritedRegionAndContext() {
        ReadinessModel model = loader.parse("model.yaml", VALID);

        RecoveryGroupSpec group = model.recoveryGroups().get(0);
        CellSpec zone = group.allCells().get("us-west-2a");
        assertThat(zone.region()).isEqualTo("us-west-2");
        assertThat(zone.kubernetesContext()).isEqualTo("eks-west");
        assertThat(group.parentOf("us-west-2a")).map(CellSpec::name).contains("us-west-2");
        ResourceSetSpec set = group.resourceSets().get(0);
        assertThat(set.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(set.settings()).containsKey("pointers");
        assertThat(set.resources().get("eu-west-1")).containsEntry("url", "http://127.0.0.1:8082/info");
    }

    static Stream<Arguments> badModels() {
        return Stream.of(
                Arguments.of(VALID.replace("type: http-json", "type: http-xml"), "recoveryGroups[0].resourceSets[0].type",
                        "unknown resource type 'http-xml'"),
                Arguments.of(VALID.replace("eu-west-1: { url", "eu-west-9: { url"), "recoveryGroups[0].resourceSets[0].resources.eu-west-9",
                        "no cell is named 'eu-west-9'"),
                Arguments.of(VALID.replace("{ url: \"http://127.0.0.1:8082/info\" }", "{ link: x }"),
                        "recoveryGroups[0].resourceSets[0].resources.eu-west-1.link", "unknown field"),
                Arguments.of(VALID.replace("eu-west-1: { url: \"http://127.0.0.1:8082/info\" }", "eu-west-1: {}"),
                        "recoveryGroups[0].resourceSets[0].resources.eu-west-1.url", "missing"),
                Arguments.of(VALID.replace("interval: 2s", "interval: soon"), "recoveryGroups[0].resourceSets[0].interval",
                        "not a duration"),
                Arguments.of(VALID.replace("        region: eu-west-1\n", ""), "recoveryGroups[0].cells[1].region", "missing"),
                Arguments.of(VALID.replace("- name: us-west-2a", "- name: eu-west-1"), "recoveryGroups[0].cells[1].name",
                        "defined twice"),
                Arguments.of(VALID.replace("settings: { pointers", "settings: { pointer"),
                        "recoveryGroups[0].resourceSets[0].settings.pointer", "unknown field"),
                Arguments.of(VALID.replace("        interval: 2s\n", "        interval: 2s\n        disabledRules: [http-json.each.up]\n"),
                        "recoveryGroups[0].resourceSets[0].disabledRules[0]", "no rule 'http-json.each.up'"),
                Arguments.of(VALID.replace("- name: orders\n", "- name: 'orders group'\n"), "recoveryGroups[0].name", "not a valid name"),
                Arguments.of("recoveryGroups: []", "recoveryGroups", "at least one"),
                Arguments.of("recoveryGroups: [ {", "(file)", "not valid YAML"),
                Arguments.of(VALID.replace("        interval: 2s\n", "        interval: 2s\n        interval: 5s\n"), "(file)",
                        "Duplicate field 'interval'"),
                Arguments.of(VALID.replace("recoveryGroups:", "recoveryGroup:"), "(top level).recoveryGroup", "unknown field"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badModels")
    void aBadModelIsRefusedNamingFileFieldAndReason(String yaml, String field, String reason) {
        assertThatThrownBy(() -> loader.parse("/etc/cellguard/model.yaml", yaml))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.file()).isEqualTo("/etc/cellguard/model.yaml");
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                })
                .hasMessageStartingWith("Invalid readiness model /etc/cellguard/model.yaml: " + field + ": ");
    }
}
