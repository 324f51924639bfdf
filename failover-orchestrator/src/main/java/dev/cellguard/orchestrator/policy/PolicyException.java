package dev.cellguard.orchestrator.policy;

/** The policy file is not valid. The message names the file, the field and the reason. */
public class PolicyException extends RuntimeException {

    private final String file;
    private final String field;
    private final String reason;

    public PolicyException(String file, String field, String reason) {
        super("Invalid failover policy " + file + ": " + field + ": " + reason);
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
