package dev.cellguard.deploy.support;

import dev.cellguard.monitor.model.ReadinessModel;
import dev.cellguard.orchestrator.policy.PolicyDocument;
import dev.cellguard.orchestrator.policy.PolicyLoader;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The files a deployed service reads through a setting, taken from the ConfigMap it mounts. */
public final class DeployedFiles {

    /** The services run in /deployments and read {@code config/…} from the mounted ConfigMap. */
    private static final String CONFIG_PREFIX = "config/";

    private DeployedFiles() {
    }

    /** The content of the file a setting names (e.g. {@code cellguard.orchestrator.policy-file}). */
    public static String file(Deployed deployed, Deployment deployment, String settingKey) {
        String name = deployment.getMetadata().getName();
        String path = deployed.setting(deployment, settingKey)
                .orElseThrow(() -> new AssertionError(name + ": " + settingKey + " is not set"));
        if (!path.startsWith(CONFIG_PREFIX) || path.substring(CONFIG_PREFIX.length()).contains("/")) {
            throw new AssertionError(name + ": " + settingKey + "=" + path + " is not a file of " + Deployed.CONFIG_DIRECTORY);
        }
        return deployed.configFile(deployment, path.substring(CONFIG_PREFIX.length()))
                .orElseThrow(() -> new AssertionError(name + ": " + settingKey + "=" + path + " but its ConfigMap "
                        + deployed.configMap(deployment).getMetadata().getName() + " has no such file"));
    }

    /** The orchestrator's policy, read by its own loader (which refuses anything invalid). */
    public static PolicyDocument policy(Deployed deployed) {
        Deployment orchestrator = deployed.deploymentsOf(CellguardService.FAILOVER_ORCHESTRATOR).get(0);
        String text = file(deployed, orchestrator, "cellguard.orchestrator.policy-file");
        return new PolicyLoader().parse("/deployments/config/failover-policy.yaml", text);
    }

    /** A monitor's readiness model, read by its own loader. */
    public static ReadinessModel model(Deployed deployed, Deployment monitor) {
        return MonitorModels.parse("/deployments/config/readiness-model.yaml",
                file(deployed, monitor, "cellguard.monitor.model-file"));
    }
}
