package dev.cellguard.testsupport;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For API tests of a service that takes bearer tokens (with {@link JwtTestResource}): every
 * RestAssured request of a test carries a valid token for {@link #role()}.
 */
public abstract class BearerSession {

    @InjectTokens
    protected Tokens tokens;

    /** The role whose token the requests carry. */
    protected abstract String role();

    @BeforeEach
    void authenticate() {
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + tokens.forRole(role()))
                .build();
    }

    @AfterEach
    void forgetTheToken() {
        RestAssured.requestSpecification = null;
    }
}
