package dev.cellguard.orchestrator.routing;

import java.util.List;

/**
 * A routing-control call that did not succeed. {@link Kind#SAFETY_RULE} and {@link Kind#REJECTED}
 * are final answers from ARC; {@link Kind#NO_ENDPOINT} means no endpoint answered before the deadline.
 */
public class RoutingUpdateException extends RuntimeException {

    public enum Kind {
        /** A safety rule blocked the change (ConflictException); {@link #blockingRule()} names it. */
        SAFETY_RULE,
        /** ARC rejected the request itself: a configuration error (validation, unknown ARN, access, limits). */
        REJECTED,
        /** Every endpoint failed until the overall deadline passed. */
        NO_ENDPOINT
    }

    private final Kind kind;
    private final String blockingRule;
    private final List<String> attempts;

    public RoutingUpdateException(Kind kind, String message, String blockingRule, List<String> attempts, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.blockingRule = blockingRule;
        this.attempts = List.copyOf(attempts);
    }

    public Kind kind() {
        return kind;
    }

    /** The ARN of the safety rule that blocked the change, for {@link Kind#SAFETY_RULE}. */
    public String blockingRule() {
        return blockingRule;
    }

    /** One line per endpoint attempt made. */
    public List<String> attempts() {
        return attempts;
    }
}
