package dev.cellguard.monitor.model;

import dev.cellguard.config.ConfigFileException;

/** The model file is not valid. The message names the file, the field and the reason. */
public class ModelException extends ConfigFileException {

    public ModelException(String file, String field, String reason) {
        super("readiness model", file, field, reason);
    }
}
