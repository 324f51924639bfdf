package dev.cellguard.orchestrator.multi;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.AP;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.AP_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.AT_MOST_ONE_ACTIVE_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.KILL_SWITCH_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.KILL_SWITCH_RULE_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.NO_FAIL_OPEN_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cellguard.arc.local.ChangeRecord;
import dev.cellguard.arc.local.LocalArc;
import dev.cellguard.arc.local.LocalArcConfig;
import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.orchestrator.policy.CellRoute;
import dev.cellguard.orchestrator.policy.Decision;
import dev.cellguard.orchestrator.policy.Failback;
import dev.cellguard.orchestrator.policy.Mode;
import dev.cellguard.orchestrator.policy.PlannedUpdate;
import dev.cellguard.orchestrator.policy.PolicyDocument;
import dev.cellguard.orchestrator.policy.PolicyFixtures;
import dev.cellguard.orchestrator.policy.PolicyLoader;
import dev.cellguard.orchestrator.routing.ArcEndpoint;
import dev.cellguard.orchestrator.routing.RoutingControlClient;
import dev.cellguard.safety.MutableClock;
import dev.cellguard.safety.RoutingControlState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Two orchestrators (one per EKS cluster), each with its own engine and client, acting on one local
 * ARC whose wait periods run on the test's clock. Nothing coordinates them but ARC's state, its wait
 * periods and its safety rules.
 */
class TwoOrchestratorsTest {

    static final Path TEST_POLICY = Path.of("src/test/resources/policy/test-policy.yaml");
    static final Path EXAMPLE_POLICY = Path.of("src/test/resources/policy/example-policy.yaml");
    static final Path KILL_SWITCH_POLICY = Path.of("src/test/resources/policy/kill-switch-policy.yaml");
    static final Path KILL_SWITCH_TOPOLOGY = Path.of("src/test/resources/policy/kill-switch-topology.json");
    static final Path THREE_CELL_POLICY = Path.of("src/test/resources/policy/three-cell-policy.yaml");
    static final Path THREE_CELL_TOPOLOGY = Path.of("src/test/resources/policy/three-cell-topology.json");
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private static final MutableClock clock = new MutableClock(START);
    private static LocalArc arc;
    private final List<RoutingControlClient> clients = new ArrayList<>();

    @BeforeAll
    static void startArc() {
        arc = LocalArc.start(LocalArcConfig.defaults().withClock(clock).withMutatingCallsPerSecond(0));
    }

    @AfterAll
    static void stopArc() {
        arc.close();
    }

    @BeforeEach
    void rewind() {
        clock.set(START);
        arc.reset();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(RoutingControlClient::close);
    }

    @Test
    void racingOnTheSameSignalsBothConvergeWithOneEffectiveChange() throws Exception {
        Orchestrator west = orchestrator("in-us-west-2", TEST_POLICY, arc);
        Orchestrator eu = orchestrator("in-eu-west-1", TEST_POLICY, arc);
        everyCellWell(List.of(west, eu), "o1");
        clock.advance(Duration.ofSeconds(1));
        EventEnvelope<?> failure = PolicyFixtures.health(WEST, "o1", HealthStatus.UNHEALTHY, clock.instant());
        west.engine.record(failure);
        eu.engine.record(failure);

        Optional<PlannedUpdate> westPlan = west.plan();
        Optional<PlannedUpdate> euPlan = eu.plan();
        assertThat(westPlan).isPresent();
        assertThat(euPlan).isPresent();
        assertThat(euPlan.get().proposal().desired()).isEqualTo(westPlan.get().proposal().desired());
        sendAtOnce(west, westPlan.get(), eu, euPlan.get());

        assertThat(arcState()).containsExactly(Map.entry(WEST_ARN, RoutingControlState.OFF), Map.entry(EU_ARN, RoutingControlState.ON));
        assertThat(effectiveChanges()).hasSize(1);
        assertThat(west.executed()).hasSize(1);
        assertThat(eu.executed()).hasSize(1);
        assertThat(west.executed().get(0).outcome().correlationId()).isEqualTo(failure.correlationId());
        assertThat(eu.executed().get(0).outcome().correlationId()).isEqualTo(failure.correlationId());
        runFor(Duration.ofMinutes(5), west, eu);
        assertThat(effectiveChanges()).hasSize(1);
        assertThat(west.activeCells()).containsExactly(EU);
        assertThat(eu.activeCells()).containsExactly(EU);
    }

    @Test
    void aDecisionSentAfterTheOtherOrchestratorActedIsANoOp() {
        Orchestrator west = orchestrator("in-us-west-2", TEST_POLICY, arc);
        Orchestrator eu = orchestrator("in-eu-west-1", TEST_POLICY, arc);
        everyCellWell(List.of(west, eu), "o1");
        clock.advance(Duration.ofSeconds(1));
        EventEnvelope<?> failure = PolicyFixtures.health(WEST, "o1", HealthStatus.UNHEALTHY, clock.instant());
        west.engine.record(failure);
        eu.engine.record(failure);
        Optional<PlannedUpdate> stale = eu.plan();

        west.act(west.plan());
        clock.advance(Duration.ofSeconds(1));
        eu.act(stale);

        assertThat(eu.executed()).singleElement().satisfies(s -> {
            assertThat(s.changed()).isFalse();
            assertThat(s.outcome().reason()).endsWith("already in place: nothing changed");
        });
        assertThat(arc.changeLog()).hasSize(2);
        assertThat(effectiveChanges()).hasSize(1);
        assertThat(arcState().get(EU_ARN)).isEqualTo(RoutingControlState.ON);
    }

    @Test
    void withThreeCellsADecisionOvertakenByTheOtherOrchestratorsChoiceIsNotSent() {
        try (LocalArc three = LocalArc.start(LocalArcConfig.defaults().withClock(clock).withMutatingCallsPerSecond(0)
                .withTopologyFile(THREE_CELL_TOPOLOGY))) {
            Orchestrator west = orchestrator("in-us-west-2", THREE_CELL_POLICY, three);
            Orchestrator eu = orchestrator("in-eu-west-1", THREE_CELL_POLICY, three);
            everyCellWell(List.of(west, eu), "o1");
            clock.advance(Duration.ofSeconds(1));
            // Only the orchestrator in eu-west-1 has heard that eu-west-1 is not ready: it picks ap-southeast-2.
            eu.engine.record(PolicyFixtures.readiness(EU, "o1", Readiness.NOT_READY, clock.instant()));
            EventEnvelope<?> failure = PolicyFixtures.health(WEST, "o1", HealthStatus.UNHEALTHY, clock.instant());
            west.engine.record(failure);
            eu.engine.record(failure);
            PlannedUpdate toEu = west.plan().orElseThrow();
            PlannedUpdate toAp = eu.plan().orElseThrow();
            assertThat(toEu.proposal().target()).isEqualTo(EU);
            assertThat(toAp.proposal().target()).isEqualTo(AP);

            eu.send(toAp);
            clock.advance(Duration.ofSeconds(6)); // past ARC's wait period: ARC alone would accept the move to eu-west-1
            west.send(toEu);

            assertThat(west.decisions).last().satisfies(d -> {
                assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
                assertThat(d.reason()).contains("not sent: " + WEST + " no longer takes traffic").contains("(now " + AP + ")");
            });
            assertThat(three.routingControlStates()).containsEntry(AP_ARN, RoutingControlState.ON)
                    .containsEntry(EU_ARN, RoutingControlState.OFF).containsEntry(WEST_ARN, RoutingControlState.OFF);
            assertThat(three.changeLog()).hasSize(1);
            assertThat(west.activeCells()).containsExactly(AP);
        }
    }

    @Test
    void aReversalWithinArcsWaitPeriodIsRefusedNamingTheRule() {
        Orchestrator west = orchestrator("in-us-west-2", TEST_POLICY, arc);
        Orchestrator eu = orchestrator("in-eu-west-1", TEST_POLICY, arc);
        everyCellWell(List.of(west, eu), "o1");
        clock.advance(Duration.ofSeconds(1));
        west.deliver(PolicyFixtures.health(WEST, "o1", HealthStatus.UNHEALTHY, clock.instant()));
        clock.advance(Duration.ofSeconds(2));

        eu.send(eu.engine.manual(WEST, "move it back", List.of(), "bob", clock.instant()).update().orElseThrow());

        assertThat(eu.decisions).last().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
            assertThat(d.blockingRule()).isIn(NO_FAIL_OPEN_ARN, AT_MOST_ONE_ACTIVE_ARN);
            assertThat(d.reason()).contains("ARC refused").contains("wait period");
        });
        assertThat(arcState().get(EU_ARN)).isEqualTo(RoutingControlState.ON);
        assertThat(eu.activeCells()).containsExactly(EU);
    }

    @Test
    void whenOnlyOneSeesThePrimaryDownTrafficMovesOnceAndDoesNotComeBack() {
        Orchestrator west = orchestrator("in-us-west-2", TEST_POLICY, arc);
        Orchestrator eu = orchestrator("in-eu-west-1", TEST_POLICY, arc);
        everyCellWell(List.of(west, eu), "o1");
        clock.advance(Duration.ofSeconds(1));

        west.deliver(PolicyFixtures.health(WEST, "o1", HealthStatus.UNHEALTHY, clock.instant()));
        runFor(Duration.ofMinutes(30), Duration.ofSeconds(5), west, eu);

        assertThat(effectiveChanges()).hasSize(1);
        assertThat(arcState().get(EU_ARN)).isEqualTo(RoutingControlState.ON);
        assertThat(eu.executed()).isEmpty();
        assertThat(eu.decisions).extracting(Decision::policy, Decision::outcome).containsExactly(
                tuple(Failback.POLICY_NAME, DecisionOutcome.AWAITING_APPROVAL),
                tuple(Failback.POLICY_NAME, DecisionOutcome.EXPIRED));
    }

    @Test
    void withAutomaticFailbackDisagreeingOrchestratorsNeverReverseEachOtherWithinACooldownAndKeepToTheirWindows() {
        PolicyDocument document = autoFailback(new PolicyLoader().load(EXAMPLE_POLICY), Duration.ofMinutes(1));
        Orchestrator west = new Orchestrator("in-us-west-2", document, client(arc, 1), clock);
        Orchestrator eu = new Orchestrator("in-eu-west-1", document, client(arc, 2), clock);
        everyCellWell(List.of(west, eu), "o1", "o2");
        clock.advance(Duration.ofSeconds(31));
        west.deliver(PolicyFixtures.health(WEST, "o1", HealthStatus.UNHEALTHY, clock.instant()));
        west.deliver(PolicyFixtures.health(WEST, "o2", HealthStatus.UNHEALTHY, clock.instant()));

        runFor(Duration.ofHours(2), Duration.ofSeconds(5), west, eu);

        List<ChangeRecord> changes = effectiveChanges();
        assertThat(changes).as("they disagree: traffic does move back and forth").hasSizeGreaterThan(2);
        for (int i = 1; i < changes.size(); i++) {
            assertThat(Duration.between(changes.get(i - 1).time(), changes.get(i).time()))
                    .as("change %d after change %d", i + 1, i).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        }
        for (ChangeRecord change : changes) {
            assertThat(changes.stream().filter(c -> !c.time().isBefore(change.time())
                    && c.time().isBefore(change.time().plus(Duration.ofHours(1)))).count())
                    .as("changes in the hour from %s", change.time()).isLessThanOrEqualTo(4);
        }
        assertThat(west.executed().stream().filter(s -> s.changed() && s.update().automated()).count())
                .as("the evacuating policy's hourly window, over two hours").isLessThanOrEqualTo(4);
    }

    @Test
    void aRestartedOrchestratorGathersSignalsDuringItsGraceThenActsAlone() {
        Orchestrator restarted = orchestrator("in-eu-west-1", EXAMPLE_POLICY, arc);
        everyCellWell(List.of(restarted), "o1", "o2");
        restarted.deliver(PolicyFixtures.health(WEST, "o1", HealthStatus.UNHEALTHY, clock.instant()));
        restarted.deliver(PolicyFixtures.health(WEST, "o2", HealthStatus.UNHEALTHY, clock.instant()));
        clock.advance(Duration.ofSeconds(15));
        restarted.tick();

        assertThat(restarted.decisions).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
            assertThat(d.reason()).endsWith("start-up grace period until 2026-03-02T10:00:30Z");
        });
        assertThat(arc.changeLog()).isEmpty();

        runFor(Duration.ofSeconds(15), restarted);

        assertThat(restarted.executed()).singleElement().satisfies(s -> assertThat(s.at()).isEqualTo(START.plusSeconds(30)));
        assertThat(arcState().get(EU_ARN)).isEqualTo(RoutingControlState.ON);
    }

    @Test
    void aKillSwitchTurnedOffInArcHoldsEveryOrchestratorUntilItIsOnAgain() {
        try (LocalArc guarded = LocalArc.start(LocalArcConfig.defaults().withClock(clock).withMutatingCallsPerSecond(0)
                .withTopologyFile(KILL_SWITCH_TOPOLOGY))) {
            Orchestrator west = orchestrator("in-us-west-2", KILL_SWITCH_POLICY, guarded);
            Orchestrator eu = orchestrator("in-eu-west-1", KILL_SWITCH_POLICY, guarded);
            RoutingControlClient operator = client(guarded, 0);
            operator.updateStates(Map.of(KILL_SWITCH_ARN, RoutingState.OFF), List.of());
            everyCellWell(List.of(west, eu), "o1", "o2");
            clock.advance(Duration.ofSeconds(45));
            for (Orchestrator o : List.of(west, eu)) {
                o.deliver(PolicyFixtures.health(WEST, "o1", HealthStatus.UNHEALTHY, clock.instant()));
                o.deliver(PolicyFixtures.health(WEST, "o2", HealthStatus.UNHEALTHY, clock.instant()));
            }

            runFor(Duration.ofMinutes(2), west, eu);

            assertThat(guarded.routingControlState(WEST_ARN)).isEqualTo(RoutingControlState.ON);
            for (Orchestrator o : List.of(west, eu)) {
                assertThat(o.executed()).isEmpty();
                assertThat(o.decisions).filteredOn(d -> d.outcome() == DecisionOutcome.BLOCKED).isNotEmpty()
                        .allSatisfy(d -> assertThat(d.blockingRule()).isEqualTo(KILL_SWITCH_RULE_ARN));
            }

            operator.updateStates(Map.of(KILL_SWITCH_ARN, RoutingState.ON), List.of());
            runFor(Duration.ofSeconds(10), west, eu);

            assertThat(guarded.routingControlState(WEST_ARN)).isEqualTo(RoutingControlState.OFF);
            assertThat(guarded.routingControlState(EU_ARN)).isEqualTo(RoutingControlState.ON);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Both orchestrators send their update at the same moment, each from its own thread. */
    private static void sendAtOnce(Orchestrator a, PlannedUpdate aUpdate, Orchestrator b, PlannedUpdate bUpdate) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<?> first = threads.submit(() -> {
                go.await();
                a.send(aUpdate);
                return null;
            });
            Future<?> second = threads.submit(() -> {
                go.await();
                b.send(bUpdate);
                return null;
            });
            go.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Ticks every orchestrator once a second for the given time. */
    static void runFor(Duration duration, Orchestrator... orchestrators) {
        runFor(duration, Duration.ofSeconds(1), orchestrators);
    }

    /** Ticks every orchestrator at the given interval for the given time. */
    static void runFor(Duration duration, Duration interval, Orchestrator... orchestrators) {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            clock.advance(interval);
            for (Orchestrator o : orchestrators) {
                o.tick();
            }
        }
    }

    /** Every cell of the orchestrators' policy HEALTHY and READY, as each observer says. */
    private static void everyCellWell(List<Orchestrator> orchestrators, String... observers) {
        for (String observer : observers) {
            for (String cell : orchestrators.get(0).engine.document().cells().stream().map(CellRoute::cell).toList()) {
                deliver(orchestrators, PolicyFixtures.health(cell, observer, HealthStatus.HEALTHY, clock.instant()));
                deliver(orchestrators, PolicyFixtures.readiness(cell, observer, Readiness.READY, clock.instant()));
            }
        }
    }

    private static void deliver(List<Orchestrator> orchestrators, EventEnvelope<?> signal) {
        orchestrators.forEach(o -> o.deliver(signal));
    }

    private Orchestrator orchestrator(String name, Path policy, LocalArc target) {
        return new Orchestrator(name, new PolicyLoader().load(policy), client(target, clients.size()), clock);
    }

    private RoutingControlClient client(LocalArc target, int seed) {
        List<ArcEndpoint> endpoints = target.endpoints().stream().map(e -> new ArcEndpoint(e.region(), e.url())).toList();
        RoutingControlClient client = new RoutingControlClient(endpoints,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), Duration.ofSeconds(1),
                Duration.ofSeconds(5), new Random(seed));
        clients.add(client);
        return client;
    }

    static PolicyDocument autoFailback(PolicyDocument document, Duration stableFor) {
        return new PolicyDocument(document.source(), document.version(), document.recoveryGroup(), document.cells(),
                document.policies(), new Failback(Mode.AUTO, stableFor),
                document.approvalTimeout(), document.startupGrace(), document.safetyRules());
    }

    private static Map<String, RoutingControlState> arcState() {
        return arc.routingControlStates();
    }

    /** Accepted calls that changed at least one routing control. */
    private static List<ChangeRecord> effectiveChanges() {
        return arc.changeLog().stream()
                .filter(c -> c.entries().stream().anyMatch(e -> e.previousState() != e.newState())).toList();
    }
}
