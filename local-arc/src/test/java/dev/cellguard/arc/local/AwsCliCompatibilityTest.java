package dev.cellguard.arc.local;

import static dev.cellguard.arc.local.DefaultTopology.AT_MOST_ONE_REGION_ACTIVE;
import static dev.cellguard.arc.local.DefaultTopology.EU_WEST_1;
import static dev.cellguard.arc.local.DefaultTopology.PANEL;
import static dev.cellguard.arc.local.DefaultTopology.US_WEST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cellguard.safety.RoutingControlState;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI ({@code aws route53-recovery-cluster …}) as a third-party client of the wire protocol.
 * Skipped, with the reason, when no {@code aws} executable is on the PATH.
 */
class AwsCliCompatibilityTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Path aws;

    @TempDir
    Path home;

    LocalArc arc;

    /** The CLI's answer: exit code, standard output and standard error. */
    record CliResult(int exitCode, String stdout, String stderr) {
        JsonNode json() throws IOException {
            return JSON.readTree(stdout);
        }
    }

    @BeforeAll
    static void findCli() {
        aws = findOnPath("aws").orElse(null);
    }

    static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    @BeforeEach
    void start() {
        // Checked per test (not in @BeforeAll) so that every skipped test is reported with this reason.
        assumeTrue(aws != null, "the AWS CLI ('aws') is not on the PATH: install it (e.g. apt-get install -y awscli) "
                + "to run the CLI compatibility tests");
        arc = LocalArc.start(LocalArcConfig.defaults().withMutatingCallsPerSecond(0));
    }

    @AfterEach
    void stop() {
        if (arc != null) {
            arc.close();
        }
    }

    CliResult cli(String region, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(aws.toString(), "route53-recovery-cluster"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--endpoint-url", arc.endpoint(region).url().toString(), "--region", region,
                "--output", "json"));
        var builder = new ProcessBuilder(command);
        var env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        // Keep the user's own configuration, pager and instance metadata out of the test.
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Path stdout = home.resolve("stdout");
        Path stderr = home.resolve("stderr");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("aws did not finish within 60 s: " + command);
        }
        return new CliResult(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @Test
    void listsRoutingControlsFollowingNextTokens() throws Exception {
        // --page-size 1 sends MaxResults=1 and makes the CLI follow each NextToken itself.
        CliResult result = cli("us-west-2", "list-routing-controls", "--control-panel-arn", PANEL, "--page-size", "1");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.json().path("RoutingControls").findValuesAsText("RoutingControlName"))
                .containsExactly("orders-us-west-2", "orders-eu-west-1");
        assertThat(result.json().path("RoutingControls").findValuesAsText("RoutingControlState"))
                .containsExactly("On", "Off");
    }

    @Test
    void getsARoutingControlState() throws Exception {
        CliResult result = cli("ap-southeast-2", "get-routing-control-state", "--routing-control-arn", EU_WEST_1);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.json().path("RoutingControlState").asText()).isEqualTo("Off");
        assertThat(result.json().path("RoutingControlName").asText()).isEqualTo("orders-eu-west-1");
    }

    @Test
    void failsOverWithUpdateRoutingControlStates() throws Exception {
        String entries = JSON.writeValueAsString(List.of(
                Map.of("RoutingControlArn", US_WEST_2, "RoutingControlState", "Off"),
                Map.of("RoutingControlArn", EU_WEST_1, "RoutingControlState", "On")));

        CliResult result = cli("us-east-1", "update-routing-control-states",
                "--update-routing-control-state-entries", entries);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(arc.routingControlState(US_WEST_2)).isEqualTo(RoutingControlState.OFF);
        assertThat(arc.routingControlState(EU_WEST_1)).isEqualTo(RoutingControlState.ON);
        assertThat(arc.changeLog()).singleElement().satisfies(change -> assertThat(change.endpointRegion()).isEqualTo("us-east-1"));
    }

    @Test
    void updatesOneRoutingControlWithAnOverride() throws Exception {
        CliResult result = cli("eu-west-1", "update-routing-control-state", "--routing-control-arn", EU_WEST_1,
                "--routing-control-state", "On", "--safety-rules-to-override", AT_MOST_ONE_REGION_ACTIVE);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(arc.routingControlState(EU_WEST_1)).isEqualTo(RoutingControlState.ON);
    }

    @Test
    void reportsAConflictNamingTheSafetyRule() throws Exception {
        CliResult result = cli("ap-northeast-1", "update-routing-control-state", "--routing-control-arn", US_WEST_2,
                "--routing-control-state", "Off");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("(ConflictException)", DefaultTopology.NO_FAIL_OPEN);
        assertThat(arc.routingControlState(US_WEST_2)).isEqualTo(RoutingControlState.ON);
    }
}
