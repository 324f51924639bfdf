package dev.cellguard.support.security;

import jakarta.json.JsonString;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who made a request, as recorded in decisions and audit events: the token's {@code upn}, else its
 * {@code preferred_username}, else its {@code sub}.
 */
public final class CallerNames {

    private CallerNames() {
    }

    /**
     * The caller's name.
     *
     * @throws IllegalArgumentException if the token names nobody (none of the three claims is set)
     */
    public static String of(JsonWebToken token) {
        return find(token).orElseThrow(() -> new IllegalArgumentException(
                "the token has none of the claims upn, preferred_username, sub"));
    }

    /** The caller's name, or empty when there is no token or it names nobody. */
    public static Optional<String> find(JsonWebToken token) {
        if (token == null) {
            return Optional.empty();
        }
        return Stream.of(Claims.upn, Claims.preferred_username, Claims.sub)
                .map(claim -> token.getClaim(claim.name()))
                .filter(Objects::nonNull)
                .map(CallerNames::text)
                .filter(value -> !value.isBlank())
                .findFirst();
    }

    private static String text(Object claim) {
        // a verifier may hand string claims out as JSON values, whose toString() is quoted
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim.toString();
    }
}
