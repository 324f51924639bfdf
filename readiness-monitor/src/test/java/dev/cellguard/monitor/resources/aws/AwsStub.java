package dev.cellguard.monitor.resources.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.cellguard.monitor.model.CellSpec;
import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ResourceSetEvaluator;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.ResourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A WireMock server that answers as AWS does for the Query protocol services (Auto Scaling, ELBv2,
 * RDS, CloudWatch): every request is a form POST to "/" whose {@code Action} parameter names the
 * operation; answers are the XML documents under {@code src/test/resources/aws/}. The SDK signs
 * each request for its Region and service, so a stub can also insist on the Region a cell's client
 * must use.
 */
final class AwsStub implements AutoCloseable {

    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    final WireMockServer server;

    AwsStub() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    /** Clients whose every Region and service is this server, with test credentials. */
    AwsClients clients(Duration apiCallTimeout) {
        return new AwsClients(Optional.of(URI.create(server.baseUrl())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")),
                apiCallTimeout);
    }

    /** A request for the given operation. */
    static MappingBuilder action(String action) {
        return post(urlPathEqualTo("/")).withFormParam("Action", equalTo(action));
    }

    /** A request for the given operation, signed for the Region and service (SigV4 credential scope). */
    static MappingBuilder action(String action, String region, String signingName) {
        return action(action).withHeader("Authorization", containing("/" + region + "/" + signingName + "/aws4_request"));
    }

    static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    /** An AWS Query protocol error answer. */
    static ResponseDefinitionBuilder awsError(int status, String namespace, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                .withBody(fixture("aws/error-response.xml", Map.of("namespace", namespace, "code", code, "message", message)));
    }

    /**
     * A test resource with every {@code {{name}}} replaced by its value. Every placeholder must have a
     * value, so a fixture cannot silently keep one.
     */
    static String fixture(String path, Map<String, ?> values) {
        String template;
        try (InputStream in = AwsStub.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(path + " needs a value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static CellSpec cell(String name, String region) {
        return new CellSpec(name, region, null, List.of());
    }

    static ResourceRef ref(String set, CellSpec cell, String property, String value) {
        return new ResourceRef("shop", set, cell, Map.of(property, value), Map.of());
    }

    static ResourceSetSpec set(String name, String type, Map<String, String> idByCell, String property) {
        Map<String, Map<String, String>> resources = new LinkedHashMap<>();
        idByCell.forEach((cell, id) -> resources.put(cell, Map.of(property, id)));
        return new ResourceSetSpec(name, type, Map.of(), resources, List.of(), Duration.ofSeconds(30));
    }

    /** Collects every cell's resource and judges the set, as the monitor does. */
    static ResourceSetReport collectAndEvaluate(ResourceCollector collector, String setName, String property,
            Map<CellSpec, String> idByCell) {
        Map<String, String> ids = new LinkedHashMap<>();
        idByCell.forEach((cell, id) -> ids.put(cell.name(), id));
        ResourceSetSpec set = set(setName, collector.type().name(), ids, property);
        Map<String, Observation> observations = new LinkedHashMap<>();
        idByCell.forEach((cell, id) -> observations.put(cell.name(), collector.collect(ref(setName, cell, property, id))));
        return ResourceSetEvaluator.evaluate(setName, collector.type().name(), collector.enabledRules(set), observations, NOW);
    }

    @Override
    public void close() {
        server.stop();
    }
}
