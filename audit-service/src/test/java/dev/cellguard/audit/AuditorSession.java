package dev.cellguard.audit;

import dev.cellguard.testsupport.InjectTokens;
import dev.cellguard.testsupport.Tokens;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For audit API tests: every request carries an auditor's token (the JWT test resource's). */
abstract class AuditorSession {

    @InjectTokens
    Tokens tokens;

    @BeforeEach
    void authenticateAsAnAuditor() {
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + tokens.auditor()).build();
    }

    @AfterEach
    void forgetTheToken() {
        RestAssured.requestSpecification = null;
    }
}
