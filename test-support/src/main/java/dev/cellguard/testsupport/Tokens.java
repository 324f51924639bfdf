package dev.cellguard.testsupport;

import dev.cellguard.support.security.DevTokens;
import dev.cellguard.support.security.Roles;
import java.time.Duration;
import java.util.List;

/**
 * Bearer tokens for tests: signed by the key the service under test trusts, or deliberately not.
 * Each role's token names the user {@code test-<role>} and carries that role only.
 */
public final class Tokens {

    private static final Duration VALIDITY = Duration.ofHours(1);

    private final DevTokens trusted;
    private final DevTokens stranger;
    private final DevTokens otherIssuer;

    Tokens(DevTokens trusted) {
        this.trusted = trusted;
        this.stranger = DevTokens.generate(trusted.issuer());
        this.otherIssuer = DevTokens.generate(trusted.issuer() + "/elsewhere");
    }

    /** The user named in a role's token, e.g. {@code test-operator}. */
    public static String userOf(String role) {
        return "test-" + role;
    }

    public String viewer() {
        return forRole(Roles.VIEWER);
    }

    public String operator() {
        return forRole(Roles.OPERATOR);
    }

    public String admin() {
        return forRole(Roles.ADMIN);
    }

    public String auditor() {
        return forRole(Roles.AUDITOR);
    }

    /** A valid token for {@link #userOf the role's test user}. */
    public String forRole(String role) {
        return trusted.token(userOf(role), VALIDITY, List.of(role));
    }

    /** A valid token for any user and groups (none, several, unknown ones). */
    public String forUser(String user, String... groups) {
        return trusted.token(user, VALIDITY, List.of(groups));
    }

    /** A token for the role that is right in every claim but signed by a key nobody trusts. */
    public String signedByAnotherKey(String role) {
        return stranger.token(userOf(role), VALIDITY, List.of(role));
    }

    /** A token for the role from the trusted key that expired five minutes ago. */
    public String expired(String role) {
        return trusted.token(userOf(role), Duration.ofMinutes(-5), List.of(role));
    }

    /** A token for the role, properly signed, but naming an issuer the service does not expect. */
    public String fromAnotherIssuer(String role) {
        return otherIssuer.token(userOf(role), VALIDITY, List.of(role));
    }
}
