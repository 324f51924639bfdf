package dev.cellguard.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class DevTokensTest {

    private final DevTokens keys = DevTokens.generate();

    @Test
    void aRoleTokenNamesTheLocalUserAndCarriesOnlyThatRole() throws Exception {
        JwtClaims claims = consumer(keys.publicKey(), DevTokens.LOCAL_ISSUER)
                .processToClaims(keys.tokenFor(Roles.OPERATOR, Duration.ofHours(12)));

        assertThat(claims.getIssuer()).isEqualTo("https://cellguard.dev/local");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("operator");
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo("local-operator");
        assertThat(claims.getClaimValueAsString("preferred_username")).isEqualTo("local-operator");
        assertThat(claims.getSubject()).isEqualTo("local-operator");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(12 * 3600);
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void aTokenSignedByAnotherKeyPairDoesNotVerify() {
        String foreign = DevTokens.generate().tokenFor(Roles.ADMIN, Duration.ofMinutes(5));

        assertThatThrownBy(() -> consumer(keys.publicKey(), DevTokens.LOCAL_ISSUER).processToClaims(foreign))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void aNegativeValidityGivesATokenThatHasAlreadyExpired() {
        String expired = keys.tokenFor(Roles.VIEWER, Duration.ofMinutes(-5));

        assertThatThrownBy(() -> consumer(keys.publicKey(), DevTokens.LOCAL_ISSUER).processToClaims(expired))
                .isInstanceOf(InvalidJwtException.class)
                .satisfies(e -> assertThat(((InvalidJwtException) e).hasExpired()).isTrue());
    }

    @Test
    void theIssuerIsTheOneAskedFor() throws Exception {
        DevTokens test = DevTokens.generate("https://cellguard.dev/test");

        JwtClaims claims = consumer(test.publicKey(), "https://cellguard.dev/test")
                .processToClaims(test.token("alice", Duration.ofMinutes(1), List.of(Roles.VIEWER, Roles.AUDITOR)));

        assertThat(claims.getStringListClaimValue("groups")).containsExactly("viewer", "auditor");
        assertThat(test.verifierConfig()).containsEntry("mp.jwt.verify.issuer", "https://cellguard.dev/test");
    }

    @Test
    void theBase64AndPemFormsOfThePublicKeyAreTheSameKey() throws Exception {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PublicKey fromBase64 = rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(keys.publicKeyBase64())));
        String pem = keys.publicKeyPem();
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
        PublicKey fromPem = rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));

        assertThat(fromBase64).isEqualTo(keys.publicKey());
        assertThat(fromPem).isEqualTo(keys.publicKey());
        assertThat(keys.verifierConfig()).containsEntry("mp.jwt.verify.publickey", keys.publicKeyBase64());
        assertThat(pem.lines().skip(1).takeWhile(l -> !l.startsWith("-----")).allMatch(l -> l.length() <= 64)).isTrue();
    }

    @Test
    void aBlankUserOrIssuerIsRefused() {
        assertThatThrownBy(() -> keys.token(" ", Duration.ofMinutes(1), List.of(Roles.VIEWER)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DevTokens.generate(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JwtConsumer consumer(PublicKey key, String issuer) {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(issuer)
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
    }
}
