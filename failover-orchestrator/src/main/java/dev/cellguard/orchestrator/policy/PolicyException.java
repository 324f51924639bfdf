package dev.cellguard.orchestrator.policy;

import dev.cellguard.config.ConfigFileException;

/** The policy file is not valid. The message names the file, the field and the reason. */
public class PolicyException extends ConfigFileException {

    public PolicyException(String file, String field, String reason) {
        super("failover policy", file, field, reason);
    }
}
