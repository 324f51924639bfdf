package dev.cellguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.deploy.support.CellguardService;
import dev.cellguard.deploy.support.Commands;
import dev.cellguard.deploy.support.Compose;
import dev.cellguard.deploy.support.ConfigKeys;
import dev.cellguard.deploy.support.MonitorModels;
import dev.cellguard.deploy.support.Repo;
import dev.cellguard.orchestrator.policy.PolicyLoader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docker-compose.yml is valid, and runs each service hardened, with settings and files its code reads. */
class ComposeTest {

    private static final String CONFIG_DIRECTORY = "/deployments/config/";
    /** Files the compose stack mounts from here are made by deploy/compose/jwt-keys.sh, outside Git. */
    private static final String GENERATED = ".cellguard/";
    private static final String KEY_SCRIPT = "deploy/compose/jwt-keys.sh";

    @Test
    void dockerComposeAcceptsTheFile() {
        Assumptions.assumeTrue(Commands.onPath("docker-compose"),
                "docker-compose is not installed (.ci/run installs Debian's docker-compose): the file cannot be validated here");
        Commands.Result result = Commands.run(Duration.ofMinutes(1), "docker-compose", "-f", Compose.FILE, "config", "-q");
        assertThat(result.exitCode()).as("docker-compose config -q: %s", result.stderr()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CellguardService.class)
    void everyServiceIsBuiltFromItsDockerfileAndRunsHardened(CellguardService service) {
        Map<String, Object> compose = Compose.service(service);
        assertThat(compose.get("build")).isEqualTo(Map.of("context", service.id(), "dockerfile", "src/main/docker/Dockerfile.jvm"));
        assertThat(Repo.path(service.dockerfileFile())).isRegularFile();
        assertThat(compose.get("read_only")).isEqualTo(true);
        assertThat(Compose.list(compose, "cap_drop")).containsExactly("ALL");
        assertThat(Compose.list(compose, "security_opt")).contains("no-new-privileges:true");
        assertThat(Compose.list(compose, "tmpfs")).contains("/tmp");
        assertThat(String.valueOf(compose.get("user"))).isEqualTo(String.valueOf(service.imageUser()));
        assertThat(compose).containsKeys("healthcheck", "depends_on");
    }

    @ParameterizedTest
    @EnumSource(CellguardService.class)
    void everyEnvironmentVariableIsASettingTheServiceReads(CellguardService service) {
        ConfigKeys keys = ConfigKeys.of(service);
        assertThat(Compose.environment(Compose.service(service)).keySet()).isNotEmpty()
                .allSatisfy(name -> assertThat(keys.knowsEnv(name)).as("%s reads %s", service.id(), name).isTrue());
    }

    @ParameterizedTest
    @EnumSource(CellguardService.class)
    void everyMountedFileExistsAndIsReadByTheService(CellguardService service) {
        ConfigKeys keys = ConfigKeys.of(service);
        for (String volume : Compose.list(Compose.service(service), "volumes")) {
            String[] parts = volume.split(":");
            String source = parts[0].startsWith("./") ? parts[0].substring(2) : parts[0];
            String target = parts[1];
            assertThat(target).as("%s mounts into %s", service.id(), CONFIG_DIRECTORY).startsWith(CONFIG_DIRECTORY);
            assertThat(parts).as("%s is mounted read-only", volume).hasSize(3).endsWith("ro");
            if (source.startsWith(GENERATED)) {
                assertThat(Repo.read(KEY_SCRIPT)).as("%s makes %s", KEY_SCRIPT, source)
                        .contains("dir=" + source.substring(0, source.lastIndexOf('/')))
                        .contains(source.substring(source.lastIndexOf('/') + 1));
                continue;
            }
            assertThat(Repo.path(source)).as(volume).isRegularFile();
            String file = target.substring(CONFIG_DIRECTORY.length());
            String text = Repo.read(source);
            switch (file) {
                case "application.properties" -> {
                    List<String> unknown = new ArrayList<>();
                    properties(text).stringPropertyNames().stream().filter(k -> !keys.knowsProperty(k)).forEach(unknown::add);
                    assertThat(unknown).as("keys of %s no code reads", source).isEmpty();
                }
                case "failover-policy.yaml" -> new PolicyLoader().parse(source, text);
                case "readiness-model.yaml" -> MonitorModels.parse(source, text);
                case "jwt-public.pem" -> assertThat(text).contains("PUBLIC KEY");
                default -> throw new AssertionError(service.id() + " mounts " + file + ", which no setting of it names");
            }
        }
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
