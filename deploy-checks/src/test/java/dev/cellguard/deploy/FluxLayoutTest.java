package dev.cellguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.deploy.support.ClusterVars;
import dev.cellguard.deploy.support.Flux;
import dev.cellguard.deploy.support.Overlays;
import dev.cellguard.deploy.support.Repo;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each cluster's Flux directory follows the bootstrap layout, applies the namespace before the
 * overlay, prunes and waits, and provides every variable the overlay uses — and nothing else.
 */
class FluxLayoutTest {

    /** The fields of a kustomize.toolkit.fluxcd.io/v1 Kustomization's spec. */
    private static final Set<String> SPEC_FIELDS = Set.of("commonMetadata", "components", "decryption", "deletionPolicy",
            "dependsOn", "force", "healthCheckExprs", "healthChecks", "ignoreMissingComponents", "images", "interval",
            "kubeConfig", "namePrefix", "nameSuffix", "patches", "path", "postBuild", "prune", "retryInterval",
            "serviceAccountName", "sourceRef", "suspend", "targetNamespace", "timeout", "wait");
    private static final Set<String> POST_BUILD_FIELDS = Set.of("substitute", "substituteFrom");
    private static final String CONFIG_MAP = "cellguard-aws";

    static Stream<String> clusters() {
        return Flux.clusters().stream();
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void theClusterDirectoryLeavesItsKustomizationToBootstrap(String cluster) {
        // Flux generates the directory's kustomization.yaml, taking in bootstrap's flux-system/ and these files.
        assertThat(Repo.path(Flux.CLUSTERS + "/" + cluster + "/kustomization.yaml")).doesNotExist();
        assertThat(Flux.documents(cluster)).allSatisfy(d -> assertThat(d.get("apiVersion")).asString()
                .as("only Flux objects at the cluster level").endsWith(".toolkit.fluxcd.io/v1"));
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyKustomizationPrunesWaitsAndAppliesADirectoryOfThisRepository(String cluster) {
        List<Map<String, Object>> kustomizations = Flux.kustomizations(cluster);
        assertThat(kustomizations).isNotEmpty();
        Set<String> names = kustomizations.stream().map(FluxLayoutTest::name).collect(Collectors.toSet());
        for (Map<String, Object> kustomization : kustomizations) {
            String name = name(kustomization);
            Map<String, Object> spec = Flux.spec(kustomization);
            assertThat(kustomization.get("apiVersion")).as(name).isEqualTo("kustomize.toolkit.fluxcd.io/v1");
            assertThat(metadata(kustomization).get("namespace")).as(name).isEqualTo("flux-system");
            assertThat(SPEC_FIELDS).as("spec fields of %s", name).containsAll(spec.keySet());
            assertThat(spec).as(name).containsKeys("interval", "path", "sourceRef")
                    .containsEntry("prune", true).containsEntry("wait", true);
            assertThat(spec.get("sourceRef")).as("bootstrap's GitRepository, i.e. this repository")
                    .isEqualTo(Map.of("kind", "GitRepository", "name", "flux-system"));
            String path = Flux.normalise(String.valueOf(spec.get("path")));
            assertThat(Repo.path(path + "/kustomization.yaml")).as("path of %s", name).isRegularFile();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> dependsOn = (List<Map<String, Object>>) spec.getOrDefault("dependsOn", List.of());
            assertThat(dependsOn).as("dependsOn of %s", name).allSatisfy(d -> assertThat(names).contains(String.valueOf(d.get("name"))));
        }
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void theOverlayIsAppliedAfterTheNamespaceWithTheClustersValues(String cluster) {
        Map<String, Object> namespace = Flux.applying(cluster, Overlays.NAMESPACE);
        Map<String, Object> overlay = Flux.applying(cluster, Overlays.OVERLAYS + "/" + cluster);
        Map<String, Object> spec = Flux.spec(overlay);
        assertThat(spec.get("dependsOn")).isEqualTo(List.of(Map.of("name", name(namespace))));

        @SuppressWarnings("unchecked")
        Map<String, Object> postBuild = (Map<String, Object>) spec.get("postBuild");
        assertThat(POST_BUILD_FIELDS).containsAll(postBuild.keySet());
        assertThat(postBuild.get("substituteFrom")).as("the ConfigMap %s writes", ClusterVars.SCRIPT)
                .isEqualTo(List.of(Map.of("kind", "ConfigMap", "name", CONFIG_MAP)));
        assertThat(Repo.read(ClusterVars.SCRIPT)).contains("kubectl create configmap " + CONFIG_MAP + " --namespace flux-system");
        assertThat(Flux.substitutions(cluster)).as("the image tag is the project's version")
                .containsEntry("cellguard_version", Repo.projectVersion());
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyVariableOfTheOverlayIsProvided(String cluster) {
        Set<String> provided = new TreeSet<>(Flux.substitutions(cluster).keySet());
        ClusterVars.declared().forEach(v -> provided.add(v.name()));
        String rendered = Overlays.render(Overlays.OVERLAYS + "/" + cluster);
        assertThat(Overlays.variables(rendered)).isNotEmpty().isSubsetOf(provided);
        assertThat(rendered.replaceAll("\\$\\{[_a-zA-Z][_a-zA-Z0-9]*}", ""))
                .as("a $ Flux would substitute by mistake").doesNotContain("$");
    }

    @Test
    void everyProvidedVariableIsUsed() {
        Set<String> used = new TreeSet<>();
        for (String cluster : Overlays.clusters()) {
            used.addAll(Overlays.variables(Overlays.render(Overlays.OVERLAYS + "/" + cluster)));
        }
        assertThat(ClusterVars.declared()).extracting(ClusterVars.Variable::name)
                .as("put by %s", ClusterVars.SCRIPT).doesNotHaveDuplicates().allSatisfy(v -> assertThat(used).contains(v));
        for (String cluster : Flux.clusters()) {
            assertThat(used).as("inline substitutions of %s", cluster).containsAll(Flux.substitutions(cluster).keySet());
        }
    }

    @Test
    void theScriptReadsOnlyOutputsTheTemplatesHave() {
        for (String cluster : Flux.clusters()) {
            // evaluates every output the script reads in the stacks deploy/README.md creates
            assertThat(ClusterVars.sampleValues(cluster)).as(cluster).doesNotContainValue("");
        }
        assertThat(Files.isExecutable(Repo.path(ClusterVars.SCRIPT))).as(ClusterVars.SCRIPT + " is executable").isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> document) {
        return (Map<String, Object>) document.get("metadata");
    }

    private static String name(Map<String, Object> document) {
        return String.valueOf(metadata(document).get("name"));
    }
}
