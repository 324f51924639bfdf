package dev.cellguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlFileTest {

    /** A file type of its own, as the readiness model and the failover policy have. */
    static final class DemoException extends ConfigFileException {
        DemoException(String file, String field, String reason) {
            super("demo file", file, field, reason);
        }
    }

    enum Mode { AUTO, DRY_RUN }

    private static YamlFile<DemoException> parse(String text) {
        return YamlFile.parse("demo.yaml", text, DemoException::new);
    }

    private static void refused(Runnable read, String field, String reason) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(DemoException.class, e -> {
            assertThat(e.file()).isEqualTo("demo.yaml");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).contains(reason);
            assertThat(e).hasMessage("Invalid demo file demo.yaml: " + field + ": " + e.reason());
        });
    }

    @Test
    void readsAFileAndNamesItInProblems(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("policy.yaml"), "name: orders\n");
        YamlFile<DemoException> yaml = YamlFile.read(file, DemoException::new);
        assertThat(yaml.name(yaml.root().get("name"), "name")).isEqualTo("orders");
        assertThat(yaml.text()).isEqualTo("name: orders\n");
        assertThatThrownBy(() -> yaml.integer(yaml.root().get("name"), "name", 1, 2))
                .hasMessageStartingWith("Invalid demo file " + file + ": name: ");
    }

    @Test
    void aMissingFileOrBrokenYamlIsAProblemOfTheWholeFile(@TempDir Path dir) {
        assertThatThrownBy(() -> YamlFile.read(dir.resolve("absent.yaml"), DemoException::new))
                .isInstanceOfSatisfying(DemoException.class, e -> {
                    assertThat(e.field()).isEqualTo(YamlFile.WHOLE_FILE);
                    assertThat(e.reason()).startsWith("cannot be read");
                });
        refused(() -> parse("a: [1, 2\nb: 3\n"), "(file)", "not valid YAML");
        refused(() -> parse("a: [1, 2\nb: 3\n"), "(file)", "at line");
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanSilentlyReplaced() {
        refused(() -> parse("cooldown: 10m\ncooldown: 1m\n"), "(file)", "Duplicate field 'cooldown'");
    }

    @Test
    void aMappingAdmitsOnlyItsFieldsAndSaysWhichAreAllowed() {
        YamlFile<DemoException> yaml = parse("when: { health: UNHEALTHY, sustained: 15s }\n");
        yaml.mapping(yaml.root(), "(top level)", Set.of("when"));
        refused(() -> yaml.mapping(yaml.root().get("when"), "when", Set.of("health", "sustainedFor")), "when.sustained",
                "unknown field; allowed here: [health, sustainedFor]");
        refused(() -> yaml.mapping(yaml.root().get("when").get("health"), "when.health", Set.of()), "when.health", "must be a mapping");
    }

    @Test
    void listsAreRequiredOrOptional() {
        YamlFile<DemoException> yaml = parse("cells: [a, b]\nname: x\n");
        assertThat(yaml.list(yaml.root().get("cells"), "cells")).hasSize(2);
        assertThat(yaml.optionalList(yaml.root().get("rules"), "rules")).isNull();
        refused(() -> yaml.list(yaml.root().get("rules"), "rules"), "rules", "missing");
        refused(() -> yaml.optionalList(yaml.root().get("name"), "name"), "name", "must be a list");
    }

    @Test
    void scalarsAreCheckedForWhatTheyMustBe() {
        YamlFile<DemoException> yaml = parse("""
                name: orders
                badName: "orders group"
                blank: " "
                list: [1]
                mode: DRY_RUN
                count: 7
                fraction: 1.5
                """);
        assertThat(yaml.text(yaml.root().get("count"), "count")).isEqualTo("7");
        refused(() -> yaml.text(yaml.root().get("absent"), "absent"), "absent", "missing");
        refused(() -> yaml.text(yaml.root().get("blank"), "blank"), "blank", "must be a non-empty text");
        refused(() -> yaml.text(yaml.root().get("list"), "list"), "list", "must be a non-empty text");
        refused(() -> yaml.name(yaml.root().get("badName"), "badName"), "badName", "'orders group' is not a valid name");
        assertThat(yaml.oneOf(yaml.root().get("mode"), "mode", "AUTO", "DRY_RUN")).isEqualTo("DRY_RUN");
        refused(() -> yaml.oneOf(yaml.root().get("mode"), "mode", "AUTO", "APPROVAL"), "mode", "'DRY_RUN' is not one of AUTO, APPROVAL");
        refused(() -> yaml.expect(yaml.root().get("mode"), "mode", "AUTO"), "mode", "must be AUTO");
        assertThat(yaml.constant(yaml.root().get("mode"), "mode", Mode.class)).isEqualTo(Mode.DRY_RUN);
        refused(() -> yaml.constant(yaml.root().get("name"), "name", Mode.class), "name", "'orders' is not one of AUTO, DRY_RUN");
        assertThat(yaml.integer(yaml.root().get("count"), "count", 1, 10)).isEqualTo(7);
        refused(() -> yaml.integer(yaml.root().get("count"), "count", 1, 5), "count", "must be a whole number from 1 to 5");
        refused(() -> yaml.integer(yaml.root().get("fraction"), "fraction", 1, 5), "fraction", "must be a whole number");
        refused(() -> yaml.integer(yaml.root().get("name"), "name", 1, 5), "name", "must be a whole number");
    }

    @Test
    void durationsAreWrittenWithTheirUnit() {
        YamlFile<DemoException> yaml = parse("a: 500ms\nb: 15s\nc: 10m\nd: 1h\ne: 15\nf: 1d\n");
        assertThat(yaml.duration(yaml.root().get("a"), "a")).isEqualTo(Duration.ofMillis(500));
        assertThat(yaml.duration(yaml.root().get("b"), "b")).isEqualTo(Duration.ofSeconds(15));
        assertThat(yaml.duration(yaml.root().get("c"), "c")).isEqualTo(Duration.ofMinutes(10));
        assertThat(yaml.duration(yaml.root().get("d"), "d")).isEqualTo(Duration.ofHours(1));
        refused(() -> yaml.duration(yaml.root().get("e"), "e"), "e", "'15' is not a duration such as 500ms, 15s, 10m, 1h");
        refused(() -> yaml.duration(yaml.root().get("f"), "f"), "f", "is not a duration");
    }
}
