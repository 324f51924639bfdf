package dev.cellguard.deploy.support;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The objects of one rendered, substituted overlay. */
public final class Deployed {

    public static final String NAME_LABEL = "app.kubernetes.io/name";
    public static final String CONFIG_DIRECTORY = "/deployments/config";
    public static final String ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

    private final String cluster;
    private final List<HasMetadata> objects;

    private Deployed(String cluster, List<HasMetadata> objects) {
        this.cluster = cluster;
        this.objects = List.copyOf(objects);
    }

    @SuppressWarnings("unchecked")
    static Deployed parse(String cluster, String text, String where) {
        List<HasMetadata> objects = new ArrayList<>();
        int index = 0;
        for (Object document : Yamls.loadAll(text)) {
            objects.add(StrictKubernetes.parse((Map<String, Object>) document, where + " document " + index++));
        }
        return new Deployed(cluster, objects);
    }

    public String cluster() {
        return cluster;
    }

    public List<HasMetadata> objects() {
        return objects;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    public <T extends HasMetadata> T named(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                cluster + ": no " + type.getSimpleName() + " named " + name));
    }

    /** The Deployments of one service (label app.kubernetes.io/name). */
    public List<Deployment> deploymentsOf(CellguardService service) {
        return all(Deployment.class).stream()
                .filter(d -> service.id().equals(d.getMetadata().getLabels().get(NAME_LABEL)))
                .toList();
    }

    public static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " has " + containers.size() + " containers, expected one");
        }
        return containers.get(0);
    }

    public static CellguardService service(Deployment deployment) {
        return CellguardService.byId(deployment.getMetadata().getLabels().get(NAME_LABEL));
    }

    /** Environment variables with a literal value. */
    public static Map<String, String> env(Deployment deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : Optional.ofNullable(container(deployment).getEnv()).orElse(List.of())) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            }
        }
        return env;
    }

    public static List<String> envNames(Deployment deployment) {
        return Optional.ofNullable(container(deployment).getEnv()).orElse(List.of()).stream().map(EnvVar::getName).toList();
    }

    /** The ConfigMap mounted at /deployments/config (the services read {@code config/…} relative to /deployments). */
    public ConfigMap configMap(Deployment deployment) {
        VolumeMount mount = container(deployment).getVolumeMounts().stream()
                .filter(m -> CONFIG_DIRECTORY.equals(m.getMountPath()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " mounts nothing at " + CONFIG_DIRECTORY));
        Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " has no volume " + mount.getName()));
        if (volume.getConfigMap() == null) {
            throw new AssertionError(deployment.getMetadata().getName() + ": " + CONFIG_DIRECTORY + " is not a ConfigMap");
        }
        return named(ConfigMap.class, volume.getConfigMap().getName());
    }

    /** A file of /deployments/config. */
    public Optional<String> configFile(Deployment deployment, String fileName) {
        return Optional.ofNullable(configMap(deployment).getData()).map(d -> d.get(fileName));
    }

    /** /deployments/config/application.properties. */
    public Properties applicationProperties(Deployment deployment) {
        Properties properties = new Properties();
        configFile(deployment, "application.properties").ifPresent(text -> {
            try {
                properties.load(new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return properties;
    }

    /**
     * A setting as the service sees it: the environment variable, else the mounted application.properties,
     * else the value built into the service.
     */
    public Optional<String> setting(Deployment deployment, String key) {
        String envValue = env(deployment).get(ConfigKeys.envName(key));
        if (envValue != null) {
            return Optional.of(envValue);
        }
        String fileValue = applicationProperties(deployment).getProperty(key);
        if (fileValue != null) {
            return Optional.of(fileValue);
        }
        return service(deployment).builtInSetting(key);
    }

    public ServiceAccount serviceAccount(Deployment deployment) {
        return named(ServiceAccount.class, deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
    }
}
