package dev.cellguard.config;

/**
 * A configuration file is not valid. The message names what the file is, the file, the path of the
 * field (e.g. {@code policies[0].when.sustainedFor}) and the reason, so that a bad file stops
 * start-up saying what to fix.
 */
public class ConfigFileException extends RuntimeException {

    private final String file;
    private final String field;
    private final String reason;

    /** @param what what the file is, e.g. {@code failover policy} */
    public ConfigFileException(String what, String file, String field, String reason) {
        this(what, file, field, reason, null);
    }

    public ConfigFileException(String what, String file, String field, String reason, Throwable cause) {
        super("Invalid " + what + " " + file + ": " + field + ": " + reason, cause);
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
