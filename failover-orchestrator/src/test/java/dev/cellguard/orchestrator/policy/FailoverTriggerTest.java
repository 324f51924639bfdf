package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.T0;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.policy;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.twoCells;
import static dev.cellguard.orchestrator.policy.Trigger.Condition.HEALTH_UNHEALTHY;
import static dev.cellguard.orchestrator.policy.Trigger.Condition.READINESS_NOT_READY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When a policy matches: each trigger, how sustained time accumulates, and the observer quorum.
 *
 * <p>A script is a list of steps, each at a number of seconds after the start:
 * {@code "<s> <observer> <STATUS>"} records what that observer said about us-west-2 (the cell that
 * takes traffic); {@code "<s> expect act"} evaluates and expects the failover to eu-west-1;
 * {@code "<s> expect nothing"} evaluates and expects neither an update nor a decision. eu-west-1
 * is HEALTHY and READY for observers o1 and o2 throughout.
 */
class FailoverTriggerTest {

    static Stream<Arguments> scripts() {
        return Stream.of(
                // health: UNHEALTHY
                row("sustainedFor 0 acts on the first UNHEALTHY word", HEALTH_UNHEALTHY, 0, 1,
                        "0 o1 UNHEALTHY; 0 expect act"),
                row("acts once UNHEALTHY has lasted sustainedFor, not before", HEALTH_UNHEALTHY, 15, 1,
                        "0 o1 UNHEALTHY; 14 expect nothing; 15 expect act"),
                row("HEALTHY resets the sustained time", HEALTH_UNHEALTHY, 15, 1,
                        "0 o1 UNHEALTHY; 10 o1 HEALTHY; 11 o1 UNHEALTHY; 25 expect nothing; 26 expect act"),
                row("UNKNOWN neither counts nor resets", HEALTH_UNHEALTHY, 15, 1,
                        "0 o1 UNHEALTHY; 10 o1 UNKNOWN; 30 o1 UNHEALTHY; 34 expect nothing; 35 expect act"),
                row("time across several UNHEALTHY periods adds up", HEALTH_UNHEALTHY, 15, 1,
                        "0 o1 UNHEALTHY; 5 o1 UNKNOWN; 20 o1 UNHEALTHY; 25 o1 UNKNOWN; 40 o1 UNHEALTHY; 44 expect nothing; 45 expect act"),
                row("time already sustained still counts while the observer says UNKNOWN", HEALTH_UNHEALTHY, 15, 1,
                        "0 o1 UNHEALTHY; 15 o1 UNKNOWN; 600 expect act"),
                row("UNKNOWN alone is never bad", HEALTH_UNHEALTHY, 0, 1,
                        "0 o1 UNKNOWN; 600 expect nothing"),
                row("a blip shorter than sustainedFor does nothing", HEALTH_UNHEALTHY, 15, 1,
                        "0 o1 UNHEALTHY; 3 o1 HEALTHY; 600 expect nothing"),
                row("one observer's blip does nothing under a quorum of two", HEALTH_UNHEALTHY, 0, 2,
                        "0 o1 UNHEALTHY; 600 expect nothing"),
                row("two agreeing observers act", HEALTH_UNHEALTHY, 0, 2,
                        "0 o1 UNHEALTHY; 5 expect nothing; 5 o2 UNHEALTHY; 5 expect act"),
                row("each observer of the quorum must have sustained it itself", HEALTH_UNHEALTHY, 15, 2,
                        "0 o1 UNHEALTHY; 10 o2 UNHEALTHY; 24 expect nothing; 25 expect act"),
                row("an observer that sees the cell recover leaves the quorum", HEALTH_UNHEALTHY, 0, 2,
                        "0 o1 UNHEALTHY; 0 o2 UNHEALTHY; 1 o2 HEALTHY; 1 expect nothing"),
                row("the quorum is a count: a third observer's HEALTHY does not veto it", HEALTH_UNHEALTHY, 10, 2,
                        "0 o1 UNHEALTHY; 0 o2 UNHEALTHY; 0 o3 HEALTHY; 10 expect act"),
                row("readiness words do not trigger a health policy", HEALTH_UNHEALTHY, 0, 1,
                        "0 o1 NOT_READY; 600 expect nothing"),
                // readiness: NOT_READY
                row("sustainedFor 0 acts on the first NOT_READY word", READINESS_NOT_READY, 0, 1,
                        "0 o1 NOT_READY; 0 expect act"),
                row("acts once NOT_READY has lasted sustainedFor, not before", READINESS_NOT_READY, 30, 1,
                        "0 o1 NOT_READY; 29 expect nothing; 30 expect act"),
                row("READY resets the sustained time", READINESS_NOT_READY, 30, 1,
                        "0 o1 NOT_READY; 20 o1 READY; 21 o1 NOT_READY; 50 expect nothing; 51 expect act"),
                row("UNKNOWN and NOT_AUTHORIZED neither count nor reset", READINESS_NOT_READY, 30, 1,
                        "0 o1 NOT_READY; 10 o1 UNKNOWN; 20 o1 NOT_READY; 30 o1 NOT_AUTHORIZED; 40 o1 NOT_READY; 49 expect nothing; 50 expect act"),
                row("one NOT_READY observer does nothing under a quorum of two", READINESS_NOT_READY, 0, 2,
                        "0 o1 NOT_READY; 60 expect nothing; 60 o2 NOT_READY; 60 expect act"),
                row("health words do not trigger a readiness policy", READINESS_NOT_READY, 0, 1,
                        "0 o1 UNHEALTHY; 600 expect nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void matchesExactlyWhenTheScriptSays(String name, Trigger.Condition condition, int sustainedSeconds, int agreeing,
            String script) {
        EngineHarness h = new EngineHarness(twoCells()
                .policy(policy("evacuate").when(condition, Duration.ofSeconds(sustainedSeconds), agreeing))
                .build());
        for (String observer : new String[] {"o1", "o2"}) {
            h.health(EU, observer, HealthStatus.HEALTHY);
            h.readiness(EU, observer, Readiness.READY);
        }

        for (String step : script.split(";")) {
            String[] words = step.trim().split(" ");
            h.at(T0.plusSeconds(Long.parseLong(words[0])));
            if (words[1].equals("expect")) {
                if (words[2].equals("act")) {
                    PlannedUpdate update = h.tickExpectingUpdate();
                    assertThat(update.proposal().source()).isEqualTo(WEST);
                    assertThat(update.proposal().target()).isEqualTo(EU);
                    assertThat(update.proposal().reason()).contains(condition == HEALTH_UNHEALTHY ? "UNHEALTHY" : "NOT_READY");
                } else {
                    h.tickExpectingNothing();
                }
            } else {
                say(h, condition, words[1], words[2]);
            }
        }
    }

    private static void say(EngineHarness h, Trigger.Condition condition, String observer, String status) {
        boolean health = switch (status) {
            case "HEALTHY", "UNHEALTHY" -> true;
            case "READY", "NOT_READY", "NOT_AUTHORIZED" -> false;
            default -> condition == HEALTH_UNHEALTHY;
        };
        if (health) {
            h.health(WEST, observer, HealthStatus.valueOf(status));
        } else {
            h.readiness(WEST, observer, Readiness.valueOf(status));
        }
    }

    private static Arguments row(String name, Trigger.Condition condition, int sustainedSeconds, int agreeing, String script) {
        return Arguments.of(name, condition, sustainedSeconds, agreeing, script);
    }
}
