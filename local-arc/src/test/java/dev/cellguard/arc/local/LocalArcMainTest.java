package dev.cellguard.arc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellguard.safety.EvaluationOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LocalArcMainTest {

    @Test
    void readsArgumentsInBothForms() {
        LocalArcConfig config = LocalArcMain.parse(new String[] {
                "--topology=/tmp/t.json", "--ports", "4001,4002,4003,4004,4005", "--admin-port=4000",
                "--mutating-calls-per-second=10", "--gating-evaluation=PROPOSED_STATE",
                "--no-op-entries-trigger-rules=true", "--wait-period-trigger", "DISABLED", "--bind=0.0.0.0"}, new Properties());

        assertThat(config.topologyFile()).isEqualTo(Path.of("/tmp/t.json"));
        assertThat(config.endpointPorts()).containsExactly(4001, 4002, 4003, 4004, 4005);
        assertThat(config.adminPort()).isEqualTo(4000);
        assertThat(config.mutatingCallsPerSecond()).isEqualTo(10);
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.evaluationOptions()).isEqualTo(new EvaluationOptions(
                EvaluationOptions.GatingEvaluation.PROPOSED_STATE, true, EvaluationOptions.WaitPeriodTrigger.DISABLED));
    }

    @Test
    void argumentsWinOverSystemProperties() {
        var properties = new Properties();
        properties.setProperty("cellguard.arc.admin-port", "5000");
        properties.setProperty("cellguard.arc.mutating-calls-per-second", "7");

        LocalArcConfig config = LocalArcMain.parse(new String[] {"--admin-port=6000"}, properties);

        assertThat(config.adminPort()).isEqualTo(6000);
        assertThat(config.mutatingCallsPerSecond()).isEqualTo(7);
    }

    @Test
    void defaultsWithoutArguments() {
        assertThat(LocalArcMain.parse(new String[0], new Properties())).isEqualTo(LocalArcConfig.defaults());
    }

    @Test
    void rejectsUnknownOptionsAndBadValues() {
        assertThatThrownBy(() -> LocalArcMain.parse(new String[] {"--colour=blue"}, new Properties()))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> LocalArcMain.parse(new String[] {"--ports=1,2"}, new Properties()))
                .hasMessageContaining("--ports");
        assertThatThrownBy(() -> LocalArcMain.parse(new String[] {"--admin-port=x"}, new Properties()))
                .hasMessageContaining("--admin-port");
        assertThatThrownBy(() -> LocalArcMain.parse(new String[] {"--no-op-entries-trigger-rules=yes"}, new Properties()))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> LocalArcMain.parse(new String[] {"--admin-port"}, new Properties()))
                .hasMessageContaining("needs a value");
    }

    @Test
    void bannerListsEveryEndpointWithItsRegionAndTheAdminUrl() {
        try (var arc = LocalArc.start()) {
            var out = new ByteArrayOutputStream();

            LocalArcMain.printBanner(arc, new PrintStream(out, true, StandardCharsets.UTF_8));

            String banner = out.toString(StandardCharsets.UTF_8);
            for (Endpoint endpoint : arc.endpoints()) {
                assertThat(banner).containsPattern(Pattern.quote(endpoint.region()) + " +" + Pattern.quote(endpoint.url().toString()));
            }
            assertThat(banner).contains(arc.adminUrl() + "/admin/state");
        }
    }

    @Test
    void readmeDocumentsEveryOption() throws IOException {
        // Surefire runs in the module directory.
        String readme = Files.readString(Path.of("README.md"));

        List<String> rows = readme.lines().filter(line -> line.startsWith("| `--")).toList();

        assertThat(rows).hasSameSizeAs(LocalArcMain.options());
        for (LocalArcMain.Option option : LocalArcMain.options()) {
            assertThat(rows).as(option.argument())
                    .anySatisfy(row -> assertThat(row).contains("`" + option.argument() + "`", "`" + option.systemProperty() + "`",
                            option.defaultValue()));
        }
    }
}
