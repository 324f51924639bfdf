package dev.cellguard.monitor.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.HealthStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthHysteresisTest {

    /**
     * Probe results as letters (P passed, F failed, X could not run) with failure threshold 3 and
     * success threshold 2, and the verdicts announced, in order.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("first verdict needs the success threshold", "P", List.of()),
                Arguments.of("two passes make a new cell healthy", "PP", List.of("UNKNOWN>HEALTHY")),
                Arguments.of("three failures in a row make it unhealthy", "PPFFF", List.of("UNKNOWN>HEALTHY", "HEALTHY>UNHEALTHY")),
                Arguments.of("a single blip changes nothing", "PPFPFFPFF", List.of("UNKNOWN>HEALTHY")),
                Arguments.of("recovery needs the success threshold", "PPFFFPFPP",
                        List.of("UNKNOWN>HEALTHY", "HEALTHY>UNHEALTHY", "UNHEALTHY>HEALTHY")),
                Arguments.of("a probe that could not run is never a pass", "FFFXXP", List.of("UNKNOWN>UNHEALTHY")),
                Arguments.of("probes that cannot run make the verdict unknown", "PPXXX", List.of("UNKNOWN>HEALTHY", "HEALTHY>UNKNOWN")),
                Arguments.of("could-not-run breaks a failure streak", "PPFFXF", List.of("UNKNOWN>HEALTHY")),
                Arguments.of("a steady state announces nothing more", "PPPPPPP", List.of("UNKNOWN>HEALTHY")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void announcesOnlyTransitionsWithHysteresis(String description, String probes, List<String> expected) {
        HealthHysteresis hysteresis = new HealthHysteresis(3, 2);
        List<String> announced = new ArrayList<>();

        for (char c : probes.toCharArray()) {
            ProbeResult result = switch (c) {
                case 'P' -> ProbeResult.passed("HTTP 200", 3);
                case 'F' -> ProbeResult.failed("HTTP 503", 3L);
                default -> ProbeResult.couldNotRun("invalid URL");
            };
            hysteresis.record(result).ifPresent(t -> announced.add(t.previous() + ">" + t.current()));
        }

        assertThat(announced).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aTransitionSaysHowManyProbesInARowAgreed() {
        HealthHysteresis hysteresis = new HealthHysteresis(3, 1);
        hysteresis.record(ProbeResult.passed("HTTP 200", 1));
        hysteresis.record(ProbeResult.failed("HTTP 500", 1L));
        hysteresis.record(ProbeResult.failed("HTTP 500", 1L));

        HealthTransition transition = hysteresis.record(ProbeResult.failed("connection refused", null)).orElseThrow();

        assertThat(transition.current()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(transition.consecutiveResults()).isEqualTo(3);
        assertThat(transition.lastResult().detail()).isEqualTo("connection refused");
    }
}
