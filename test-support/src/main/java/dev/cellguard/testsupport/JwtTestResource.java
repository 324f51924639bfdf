package dev.cellguard.testsupport;

import dev.cellguard.support.security.DevTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Generates an RSA key pair when a {@code @QuarkusTest} starts and makes the service trust it
 * ({@code mp.jwt.verify.publickey} inline, {@code mp.jwt.verify.issuer}). Tests get bearer tokens
 * through a {@link Tokens} field annotated {@link InjectTokens}:
 * {@code given().auth().oauth2(tokens.operator())}.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    /** The issuer test tokens name: not the local one, so a service that ignored the setting would fail. */
    public static final String ISSUER = "https://cellguard.dev/test";

    private Tokens tokens;

    @Override
    public Map<String, String> start() {
        DevTokens keys = DevTokens.generate(ISSUER);
        tokens = new Tokens(keys);
        return keys.verifierConfig();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(tokens, new TestInjector.AnnotatedAndMatchesType(InjectTokens.class, Tokens.class));
    }

    @Override
    public void stop() {
        tokens = null;
    }
}
