package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.policy;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.twoCells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.RoutingState;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How a matching policy acts in each mode, and the life of an approval request. */
class PolicyModesTest {

    private static final Duration APPROVAL_TIMEOUT = Duration.ofMinutes(15);

    private static EngineHarness engine(Mode mode) {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate").mode(mode))
                .approvalTimeout(APPROVAL_TIMEOUT).build());
        h.allWell("o1");
        h.advance(Duration.ofSeconds(1));
        return h;
    }

    @Test
    void autoPlansOneAtomicUpdateAndExecutesIt() {
        EngineHarness h = engine(Mode.AUTO);
        EventEnvelope<?> failure = h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        FailoverEngine.Result result = h.tick();

        assertThat(result.decisions()).isEmpty();
        PlannedUpdate update = result.update().orElseThrow();
        assertThat(update.automated()).isTrue();
        assertThat(update.actor()).isEqualTo(FailoverEngine.AUTOMATION);
        assertThat(update.overrides()).isEmpty();
        assertThat(update.proposal().desired()).containsExactly(Map.entry(WEST_ARN, RoutingState.OFF), Map.entry(EU_ARN, RoutingState.ON));
        assertThat(update.proposal().inputSignals()).contains(failure.id());

        Decision executed = h.accepted(update);

        assertThat(executed.id()).isEqualTo(update.decisionId());
        assertThat(executed.outcome()).isEqualTo(DecisionOutcome.EXECUTED);
        assertThat(executed.policy()).isEqualTo("evacuate");
        assertThat(executed.policyVersion()).isEqualTo(h.document.version());
        assertThat(executed.fromCells()).containsExactly(WEST);
        assertThat(executed.toCells()).containsExactly(EU);
        assertThat(executed.inputSignals()).contains(failure.id());
        assertThat(h.activeCells()).containsExactly(EU);
        h.advance(Duration.ofSeconds(1));
        h.tickExpectingNothing();
    }

    @Test
    void autoPlansNothingMoreWhileAnUpdateIsInFlight() {
        EngineHarness h = engine(Mode.AUTO);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.tickExpectingUpdate();

        h.advance(Duration.ofSeconds(1));

        h.tickExpectingNothing();
    }

    @Test
    void approvalAsksOnceAndActsWhenApproved() {
        EngineHarness h = engine(Mode.APPROVAL);
        EventEnvelope<?> failure = h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        FailoverEngine.Result asked = h.tick();

        assertThat(asked.update()).isEmpty();
        Decision request = asked.decisions().get(0);
        assertThat(asked.decisions()).hasSize(1);
        assertThat(request.outcome()).isEqualTo(DecisionOutcome.AWAITING_APPROVAL);
        assertThat(request.expiresAt()).isEqualTo(h.now().plus(APPROVAL_TIMEOUT));
        assertThat(request.toCells()).containsExactly(EU);
        assertThat(h.engine.pendingApprovals()).containsExactly(request);
        h.advance(Duration.ofMinutes(1));
        h.tickExpectingNothing();

        FailoverEngine.Result approved = h.engine.approve(request.id(), "alice", "confirmed on the bridge", h.now());

        assertThat(approved.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.APPROVED);
            assertThat(d.actor()).isEqualTo("alice");
            assertThat(d.reason()).isEqualTo("approved by alice: confirmed on the bridge");
            assertThat(d.causationId()).isEqualTo(request.id());
            assertThat(d.correlationId()).isEqualTo(failure.correlationId());
        });
        PlannedUpdate update = approved.update().orElseThrow();
        assertThat(update.automated()).isFalse();
        assertThat(update.actor()).isEqualTo("alice");
        Decision executed = h.accepted(update);
        assertThat(executed.outcome()).isEqualTo(DecisionOutcome.EXECUTED);
        assertThat(executed.actor()).isEqualTo("alice");
        assertThat(executed.causationId()).isEqualTo(approved.decisions().get(0).id());
        assertThat(executed.correlationId()).isEqualTo(failure.correlationId());
        assertThat(h.engine.pendingApprovals()).isEmpty();
        assertThat(h.activeCells()).containsExactly(EU);
    }

    @Test
    void anApprovalChecksTheTargetAgain() {
        EngineHarness h = engine(Mode.APPROVAL);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        Decision request = h.tick().decisions().get(0);
        h.advance(Duration.ofMinutes(1));
        h.readiness(EU, "o1", Readiness.NOT_READY);

        FailoverEngine.Result approved = h.engine.approve(request.id(), "alice", "", h.now());

        assertThat(approved.update()).isEmpty();
        assertThat(approved.decisions()).extracting(Decision::outcome)
                .containsExactly(DecisionOutcome.APPROVED, DecisionOutcome.BLOCKED);
        assertThat(approved.decisions().get(1).reason()).isEqualTo("approved, but eu-west-1 no longer qualifies: readiness is NOT_READY");
        assertThat(approved.decisions().get(1).causationId()).isEqualTo(approved.decisions().get(0).id());
        assertThat(h.activeCells()).containsExactly(WEST);
    }

    @Test
    void aRejectedRequestIsNotAskedAgainUntilTheSituationClears() {
        EngineHarness h = engine(Mode.APPROVAL);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        Decision request = h.tick().decisions().get(0);

        Decision rejected = h.engine.reject(request.id(), "bob", "a planned drill", h.now());

        assertThat(rejected.outcome()).isEqualTo(DecisionOutcome.REJECTED);
        assertThat(rejected.actor()).isEqualTo("bob");
        assertThat(rejected.reason()).isEqualTo("rejected by bob: a planned drill");
        assertThat(rejected.causationId()).isEqualTo(request.id());
        assertThat(rejected.correlationId()).isEqualTo(request.correlationId());
        assertThat(h.engine.pendingApprovals()).isEmpty();
        h.advance(Duration.ofMinutes(5));
        h.tickExpectingNothing();
        assertThatThrownBy(() -> h.engine.approve(request.id(), "alice", "too late", h.now()))
                .isInstanceOf(NoSuchElementException.class);

        h.health(WEST, "o1", HealthStatus.HEALTHY);
        h.tickExpectingNothing();
        h.advance(Duration.ofMinutes(1));
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        assertThat(h.tick().decisions()).extracting(Decision::outcome).containsExactly(DecisionOutcome.AWAITING_APPROVAL);
    }

    @Test
    void anUnansweredRequestExpires() {
        EngineHarness h = engine(Mode.APPROVAL);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        Decision request = h.tick().decisions().get(0);
        h.advance(APPROVAL_TIMEOUT.minusSeconds(1));
        h.tickExpectingNothing();

        h.advance(Duration.ofSeconds(1));
        FailoverEngine.Result expired = h.tick();

        assertThat(expired.update()).isEmpty();
        assertThat(expired.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.EXPIRED);
            assertThat(d.reason()).isEqualTo("no approval within 900 s");
            assertThat(d.causationId()).isEqualTo(request.id());
            assertThat(d.correlationId()).isEqualTo(request.correlationId());
        });
        assertThat(h.engine.pendingApprovals()).isEmpty();
        assertThatThrownBy(() -> h.engine.approve(request.id(), "alice", "late", h.now()))
                .isInstanceOf(NoSuchElementException.class);
        h.advance(Duration.ofMinutes(1));
        h.tickExpectingNothing();
        assertThat(h.activeCells()).containsExactly(WEST);
    }

    @Test
    void dryRunSaysWhatWouldHaveBeenDoneOnceAndNeverActs() {
        EngineHarness h = engine(Mode.DRY_RUN);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        FailoverEngine.Result result = h.tick();

        assertThat(result.update()).isEmpty();
        assertThat(result.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.DRY_RUN);
            assertThat(d.toCells()).containsExactly(EU);
            assertThat(d.desiredStates()).extracting(s -> s.cell() + "=" + s.state().wire())
                    .containsExactly("us-west-2=Off", "eu-west-1=On");
        });
        for (int i = 0; i < 10; i++) {
            h.advance(Duration.ofMinutes(10));
            h.tickExpectingNothing();
        }
        assertThat(h.activeCells()).containsExactly(WEST);
    }

    @Test
    void dryRunSpeaksAgainForTheNextIncident() {
        EngineHarness h = engine(Mode.DRY_RUN);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.tick();
        h.advance(Duration.ofMinutes(1));
        h.health(WEST, "o1", HealthStatus.HEALTHY);
        h.tickExpectingNothing();
        h.advance(Duration.ofMinutes(1));
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        assertThat(h.tick().decisions()).extracting(Decision::outcome).containsExactly(DecisionOutcome.DRY_RUN);
    }

    @Test
    void aDisabledPolicyIsNotEvaluated() {
        EngineHarness h = engine(Mode.DISABLED);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        for (int i = 0; i < 5; i++) {
            h.tickExpectingNothing();
            h.advance(Duration.ofMinutes(10));
        }
        assertThat(h.engine.decisions()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyModeLeavesTrafficAloneWhileNothingIsWrong(Mode mode) {
        EngineHarness h = engine(mode);

        for (int i = 0; i < 5; i++) {
            h.tickExpectingNothing();
            h.advance(Duration.ofMinutes(10));
        }
        assertThat(h.activeCells()).containsExactly(WEST);
    }

    @Test
    void everyPolicyIsEvaluatedAndTheFirstThatActsWins() {
        EngineHarness h = new EngineHarness(twoCells()
                .policy(policy("announce-not-ready").mode(Mode.DRY_RUN).when(Trigger.Condition.READINESS_NOT_READY, Duration.ZERO, 1))
                .policy(policy("evacuate-unhealthy"))
                .build());
        h.allWell("o1");
        h.advance(Duration.ofSeconds(1));
        h.readiness(WEST, "o1", Readiness.NOT_READY);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        FailoverEngine.Result result = h.tick();

        assertThat(result.decisions()).extracting(Decision::policy, Decision::outcome)
                .containsExactly(tuple("announce-not-ready", DecisionOutcome.DRY_RUN));
        assertThat(result.update()).hasValueSatisfying(u -> {
            assertThat(u.proposal().policy()).isEqualTo("evacuate-unhealthy");
            assertThat(u.proposal().target()).isEqualTo(EU);
        });
    }
}
