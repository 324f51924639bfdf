package dev.cellguard.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerNamesTest {

    /** A verified token as a service sees it: just its claims. */
    private record Token(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("upn");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    private static Token token(String... claimsAndValues) {
        Map<String, Object> claims = new HashMap<>();
        for (int i = 0; i < claimsAndValues.length; i += 2) {
            claims.put(claimsAndValues[i], claimsAndValues[i + 1]);
        }
        return new Token(claims);
    }

    @Test
    void prefersUpnThenPreferredUsernameThenSub() {
        assertThat(CallerNames.of(token("upn", "alice@example.com", "preferred_username", "alice", "sub", "42")))
                .isEqualTo("alice@example.com");
        assertThat(CallerNames.of(token("preferred_username", "alice", "sub", "42"))).isEqualTo("alice");
        assertThat(CallerNames.of(token("sub", "42"))).isEqualTo("42");
    }

    @Test
    void skipsBlankClaims() {
        assertThat(CallerNames.of(token("upn", " ", "sub", "42"))).isEqualTo("42");
    }

    @Test
    void readsJsonStringClaimsWithoutTheirQuotes() {
        JsonString bob = new JsonString() {
            @Override
            public String getString() {
                return "bob";
            }

            @Override
            public CharSequence getChars() {
                return "bob";
            }

            @Override
            public ValueType getValueType() {
                return ValueType.STRING;
            }

            @Override
            public String toString() {
                return "\"bob\"";
            }
        };
        Token token = new Token(Map.of("preferred_username", bob));

        assertThat(CallerNames.of(token)).isEqualTo("bob");
    }

    @Test
    void aTokenThatNamesNobodyIsRefused() {
        assertThat(CallerNames.find(token("groups", "viewer"))).isEmpty();
        assertThat(CallerNames.find(null)).isEmpty();
        assertThatThrownBy(() -> CallerNames.of(token())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upn, preferred_username, sub");
    }
}
