package dev.cellguard.support.security;

import java.util.List;

/**
 * The roles of cellguard's HTTP APIs, as they appear in a bearer token's {@code groups} claim.
 * There is no implicit hierarchy: every route lists each role it admits, so a token carries only
 * the one role its holder has and a reader of a resource sees exactly who may call it.
 */
public final class Roles {

    /** Reads what the services know: state, decisions. */
    public static final String VIEWER = "viewer";
    /** Acts on the orchestrator: manual failover, approvals, rejections, freezing automation. */
    public static final String OPERATOR = "operator";
    /** What an operator may do, plus overriding ARC safety rules. */
    public static final String ADMIN = "admin";
    /** Reads the audit trail and verifies its hash chain. */
    public static final String AUDITOR = "auditor";

    /** Every role, in increasing order of power (auditor last: it is a separate duty). */
    public static final List<String> ALL = List.of(VIEWER, OPERATOR, ADMIN, AUDITOR);

    private Roles() {
    }
}
