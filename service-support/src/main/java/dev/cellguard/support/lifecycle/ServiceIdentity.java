package dev.cellguard.support.lifecycle;

import dev.cellguard.contracts.EventSource;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Who this process is, as stamped on the events it produces. Prefix {@code cellguard.service}. */
@ConfigMapping(prefix = "cellguard.service")
public interface ServiceIdentity {

    /** The service's name, e.g. {@code readiness-monitor}. */
    String name();

    /** This instance's name; defaults to the host name (the pod name in Kubernetes). */
    Optional<String> instance();

    /** The recovery group this service works for. */
    @WithDefault("orders")
    String recoveryGroup();

    default EventSource source() {
        return new EventSource(name(), instance().orElseGet(ServiceIdentity::hostName));
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
