package dev.cellguard.support.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A freshly generated RSA key pair that signs bearer tokens for local runs and tests: the local
 * launcher and the test resources give the public key to the services ({@link #verifierConfig()})
 * and hand the signed tokens to whoever calls the APIs. The private key never leaves this object;
 * nothing here is meant for a real deployment, where an OIDC issuer signs the tokens.
 */
public final class DevTokens {

    /** The issuer the services expect unless configured otherwise ({@code mp.jwt.verify.issuer}). */
    public static final String LOCAL_ISSUER = "https://cellguard.dev/local";
    /** The configuration key of an inline public key (PEM or Base64 DER) that verifies tokens. */
    public static final String PUBLIC_KEY_PROPERTY = "mp.jwt.verify.publickey";
    /** The configuration key of the issuer every token must name. */
    public static final String ISSUER_PROPERTY = "mp.jwt.verify.issuer";

    private static final int KEY_BITS = 2048;

    private final KeyPair keys;
    private final String issuer;
    private final String keyId;

    private DevTokens(KeyPair keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
        this.keyId = "cellguard-dev-" + UUID.randomUUID();
    }

    /** A new key pair that signs tokens naming {@link #LOCAL_ISSUER}. */
    public static DevTokens generate() {
        return generate(LOCAL_ISSUER);
    }

    /** A new key pair that signs tokens naming the given issuer. */
    public static DevTokens generate(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("the issuer must not be blank");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return new DevTokens(generator.generateKeyPair(), issuer);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    /** The user name {@link #tokenFor} puts in a token for a role, e.g. {@code local-operator}. */
    public static String userFor(String role) {
        return "local-" + role;
    }

    public String issuer() {
        return issuer;
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** The public key as one line of Base64 (X.509 SubjectPublicKeyInfo), fit for a system property. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** The public key as a PEM document, fit for a file ({@code mp.jwt.verify.publickey.location}). */
    public String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** What a service needs to accept this key's tokens: the inline public key and the issuer. */
    public Map<String, String> verifierConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(PUBLIC_KEY_PROPERTY, publicKeyBase64());
        config.put(ISSUER_PROPERTY, issuer);
        return config;
    }

    /** A token for {@link #userFor the local user of a role}, carrying that role only. */
    public String tokenFor(String role, Duration validFor) {
        return token(userFor(role), validFor, List.of(role));
    }

    /**
     * A signed token (RS256) naming the user in {@code upn}, {@code preferred_username} and
     * {@code sub}, with the groups as roles.
     *
     * @param validFor how long from now the token is valid; a negative duration gives a token that
     *                 has already expired (for tests)
     */
    public String token(String user, Duration validFor, Collection<String> groups) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("the user must not be blank");
        }
        Instant now = Instant.now();
        Instant expires = now.plus(validFor);
        Instant issued = expires.isAfter(now) ? now : expires.minus(Duration.ofHours(1));
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setClaim("preferred_username", user);
        claims.setStringListClaim("groups", List.copyOf(groups));
        claims.setIssuedAt(NumericDate.fromSeconds(issued.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
