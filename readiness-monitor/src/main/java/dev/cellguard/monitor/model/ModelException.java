package dev.cellguard.monitor.model;

/** The model file is not valid. The message names the file, the field and the reason. */
public class ModelException extends RuntimeException {

    private final String file;
    private final String field;
    private final String reason;

    public ModelException(String file, String field, String reason) {
        super("Invalid readiness model " + file + ": " + field + ": " + reason);
        this.file = file;
        this.field = field;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
