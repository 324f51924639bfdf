package dev.cellguard.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Flux layout: {@code deploy/flux/clusters/<cluster>/*.yaml}, as plain maps. */
public final class Flux {

    public static final String CLUSTERS = "deploy/flux/clusters";

    private Flux() {
    }

    public static List<String> clusters() {
        return directories(CLUSTERS);
    }

    /** Every manifest in the cluster's directory (bootstrap's flux-system/ left out: it is generated). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> documents(String cluster) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Repo.path(CLUSTERS + "/" + cluster))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.toString().contains("/flux-system/")).sorted().toList()) {
                for (Object document : Yamls.loadAll(Repo.read(file))) {
                    documents.add((Map<String, Object>) document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    public static List<Map<String, Object>> kustomizations(String cluster) {
        return documents(cluster).stream()
                .filter(d -> "Kustomization".equals(d.get("kind")) && String.valueOf(d.get("apiVersion")).startsWith("kustomize.toolkit.fluxcd.io/"))
                .toList();
    }

    /** The Flux Kustomization that applies the given repository path, e.g. {@code deploy/k8s/overlays/us-west-2}. */
    public static Map<String, Object> applying(String cluster, String path) {
        return kustomizations(cluster).stream()
                .filter(k -> normalise(String.valueOf(spec(k).get("path"))).equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError(CLUSTERS + "/" + cluster + " has no Kustomization with path ./" + path));
    }

    /** The inline {@code postBuild.substitute} values of the Kustomization that applies the cluster's overlay. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> substitutions(String cluster) {
        Map<String, Object> postBuild = (Map<String, Object>) spec(applying(cluster, Overlays.OVERLAYS + "/" + cluster)).get("postBuild");
        Map<String, String> values = new LinkedHashMap<>();
        if (postBuild != null && postBuild.get("substitute") instanceof Map<?, ?> substitute) {
            substitute.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> spec(Map<String, Object> kustomization) {
        return (Map<String, Object>) kustomization.get("spec");
    }

    public static String normalise(String path) {
        String p = path.startsWith("./") ? path.substring(2) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    static List<String> directories(String parent) {
        try (Stream<Path> entries = Files.list(Repo.path(parent))) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
