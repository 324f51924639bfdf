package dev.cellguard.orchestrator.multi;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.arc.local.LocalArc;
import dev.cellguard.arc.local.LocalArcConfig;
import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.CellReadinessChanged;
import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.ReadinessSnapshot;
import dev.cellguard.contracts.ResourceSetDriftDetected;
import dev.cellguard.contracts.ResourceSetDriftResolved;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.orchestrator.policy.Decision;
import dev.cellguard.orchestrator.policy.Failback;
import dev.cellguard.orchestrator.policy.FailoverEngine;
import dev.cellguard.orchestrator.policy.Mode;
import dev.cellguard.orchestrator.policy.Policy;
import dev.cellguard.orchestrator.policy.PolicyDocument;
import dev.cellguard.orchestrator.policy.PolicyFixtures;
import dev.cellguard.orchestrator.policy.Requirements;
import dev.cellguard.orchestrator.policy.Trigger;
import dev.cellguard.orchestrator.routing.ArcEndpoint;
import dev.cellguard.orchestrator.routing.RoutingControlClient;
import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.MutableClock;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.safety.SafetyRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Random signal sequences — flapping probes, several observers, UNKNOWN verdicts, drift, snapshots —
 * delivered to two orchestrators, each missing, duplicating and reordering its own share of them,
 * both acting on one local ARC (sometimes racing between deciding and sending), with time moving on.
 * After every step:
 * <ul>
 *   <li>ARC never has every cell Off, and never holds a state that breaks one of its safety rules
 *       (nothing is ever overridden here);</li>
 *   <li>no engine executes more automated failovers of a policy than its hourly window allows, nor
 *       two within its cooldown;</li>
 *   <li>no EXECUTED failover goes to a target that the deciding engine saw fall short of what the
 *       policy requires (readiness, health, drift);</li>
 *   <li>the orchestrators never undo each other's change within a cooldown.</li>
 * </ul>
 * At the end, once both have re-read ARC, they agree with it.
 *
 * <p>Each try is generated from a seed shown in its name; a failing scenario is shrunk (signals
 * dropped while it still fails) and reported step by step. Run one seed again with
 * {@code -Dcellguard.property.seed=<seed>}.
 */
class TwoOrchestratorsPropertyTest {

    private static final int TRIES = 30;
    private static final int STEPS = 60;
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<String> CELLS = List.of(WEST, EU);

    private static final MutableClock clock = new MutableClock(START);
    private static LocalArc arc;

    @BeforeContainer
    static void startArc() {
        arc = LocalArc.start(LocalArcConfig.defaults().withClock(clock).withMutatingCallsPerSecond(0));
    }

    @AfterContainer
    static void stopArc() {
        arc.close();
    }

    /**
     * jqwik draws the scenario seeds (and reports the seed of a failing run, to replay it with
     * {@code @Property(seed = ...)}); a failing scenario is shrunk here by dropping signals.
     */
    @Property(tries = TRIES)
    void twoOrchestratorsKeepEveryInvariant(@ForAll long seed) {
        String fixed = System.getProperty("cellguard.property.seed");
        Scenario scenario = Scenario.generate(fixed != null ? Long.parseLong(fixed) : seed);
        Optional<String> failure = run(scenario);
        if (failure.isPresent()) {
            Scenario smallest = shrink(scenario);
            throw new AssertionError(run(smallest).orElse(failure.get()) + "\n" + smallest);
        }
    }

    // ---- scenarios ---------------------------------------------------------------------------

    /** A signal handed to one orchestrator (0 or 1) in a step. */
    record Delivery(int orchestrator, EventEnvelope<?> signal, String label) {
    }

    /**
     * One step: time moves on, the due signals are delivered, an operator may approve a pending
     * request on one orchestrator, and both evaluate — in turn, or racing (both decide, then both send).
     */
    record Step(Duration advance, List<Delivery> deliveries, boolean race, boolean secondFirst, int approveOn) {
    }

    record Scenario(long seed, PolicyDocument document, List<Step> steps) {

        static Scenario generate(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int observerCount = 1 + r.nextInt(3);
            List<String> observers = IntStream.rangeClosed(1, observerCount).mapToObj(i -> "o" + i).toList();
            return new Scenario(seed, document(r, observerCount), new World(r, observers).steps());
        }

        private static PolicyDocument document(SplittableRandom r, int observers) {
            List<Policy> policies = new ArrayList<>();
            policies.add(new Policy("evacuate-unhealthy", r.nextInt(5) == 0 ? Mode.APPROVAL : Mode.AUTO,
                    new Trigger(Trigger.Condition.HEALTH_UNHEALTHY, seconds(r, 0, 5, 15), 1 + r.nextInt(observers)),
                    requirements(r), seconds(r, 30, 60, 120), 1 + r.nextInt(3)));
            if (r.nextBoolean()) {
                policies.add(new Policy("evacuate-not-ready", pick(r, Mode.AUTO, Mode.DRY_RUN, Mode.DISABLED),
                        new Trigger(Trigger.Condition.READINESS_NOT_READY, seconds(r, 0, 10), 1 + r.nextInt(observers)),
                        requirements(r), seconds(r, 30, 90), 1 + r.nextInt(3)));
            }
            return new PolicyDocument("generated", "sha256:" + Long.toHexString(r.nextLong()), PolicyFixtures.RECOVERY_GROUP,
                    PolicyFixtures.twoCells().build().cells(), policies,
                    new Failback(pick(r, Mode.AUTO, Mode.APPROVAL, Mode.DRY_RUN, Mode.DISABLED), seconds(r, 20, 60, 180)),
                    Duration.ofMinutes(2), seconds(r, 0, 5, 20), List.of(PolicyFixtures.NO_FAIL_OPEN, PolicyFixtures.AT_MOST_ONE_ACTIVE));
        }

        private static Requirements requirements(SplittableRandom r) {
            return new Requirements(r.nextInt(4) != 0, r.nextInt(4) != 0, r.nextInt(4) != 0);
        }

        Scenario without(int step, int delivery) {
            List<Step> fewer = new ArrayList<>(steps);
            Step s = fewer.get(step);
            List<Delivery> kept = new ArrayList<>(s.deliveries());
            kept.remove(delivery);
            fewer.set(step, new Step(s.advance(), kept, s.race(), s.secondFirst(), s.approveOn()));
            return new Scenario(seed, document, fewer);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("seed ").append(seed).append('\n');
            document.policies().forEach(p -> out.append("  policy ").append(p).append('\n'));
            out.append("  failback ").append(document.failback()).append(", grace ").append(document.startupGrace()).append('\n');
            Duration at = Duration.ZERO;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                at = at.plus(s.advance());
                if (s.deliveries().isEmpty() && s.approveOn() < 0) {
                    continue;
                }
                out.append("  step ").append(i).append(" at +").append(at.toSeconds()).append(" s")
                        .append(s.race() ? " (racing)" : "").append(s.approveOn() >= 0 ? " (approve on " + s.approveOn() + ")" : "")
                        .append(": ").append(s.deliveries().stream().map(d -> d.orchestrator() + "<-" + d.label())
                                .collect(Collectors.joining(", "))).append('\n');
            }
            return out.toString();
        }
    }

    /**
     * The cells' true condition, flapping now and then, as each observer sees it (with UNKNOWN
     * verdicts and blips), sent as transitions, snapshots and drift events; then, per orchestrator,
     * dropped, duplicated or delayed.
     */
    private static final class World {
        private final SplittableRandom r;
        private final List<String> observers;
        private final Map<String, Boolean> healthy = new HashMap<>();
        private final Map<String, Boolean> ready = new HashMap<>();
        private boolean drifting;
        private final Map<String, HealthStatus> saidHealth = new HashMap<>();
        private final Map<String, Readiness> saidReadiness = new HashMap<>();
        private final double[] missing;

        World(SplittableRandom r, List<String> observers) {
            this.r = r;
            this.observers = observers;
            CELLS.forEach(c -> {
                healthy.put(c, true);
                ready.put(c, true);
            });
            missing = new double[] {r.nextDouble() * 0.3, r.nextDouble() * 0.3};
        }

        List<Step> steps() {
            List<List<Delivery>> due = new ArrayList<>();
            for (int i = 0; i < STEPS + 4; i++) {
                due.add(new ArrayList<>());
            }
            List<Step> steps = new ArrayList<>();
            Instant now = START;
            for (int i = 0; i < STEPS; i++) {
                Duration advance = Duration.ofSeconds(i == 0 ? 0 : 1 + r.nextInt(8));
                now = now.plus(advance);
                evolve(i == 0);
                for (EventEnvelope<?> signal : observe(now, i == 0)) {
                    for (int o = 0; o < 2; o++) {
                        if (r.nextDouble() < missing[o]) {
                            continue;
                        }
                        int at = r.nextInt(7) == 0 ? i + 1 + r.nextInt(3) : i;
                        due.get(at).add(new Delivery(o, signal, label(signal)));
                        if (r.nextInt(10) == 0) {
                            due.get(i + 1 + r.nextInt(3)).add(new Delivery(o, signal, label(signal) + " again"));
                        }
                    }
                }
                List<Delivery> deliveries = due.get(i);
                steps.add(new Step(advance, deliveries, r.nextInt(3) == 0, r.nextBoolean(), r.nextInt(12) == 0 ? r.nextInt(2) : -1));
            }
            return steps;
        }

        private void evolve(boolean first) {
            if (first) {
                return;
            }
            for (String cell : CELLS) {
                if (r.nextInt(cell.equals(WEST) ? 8 : 16) == 0) {
                    healthy.put(cell, !healthy.get(cell));
                }
                if (r.nextInt(20) == 0) {
                    ready.put(cell, !ready.get(cell));
                }
            }
            if (r.nextInt(40) == 0) {
                drifting = !drifting;
            }
        }

        private List<EventEnvelope<?>> observe(Instant now, boolean first) {
            List<EventEnvelope<?>> signals = new ArrayList<>();
            for (String observer : observers) {
                for (String cell : CELLS) {
                    HealthStatus health = seen(healthy.get(cell), HealthStatus.HEALTHY, HealthStatus.UNHEALTHY, HealthStatus.UNKNOWN);
                    if (first || health != saidHealth.get(observer + cell)) {
                        saidHealth.put(observer + cell, health);
                        signals.add(PolicyFixtures.health(cell, observer, health, now));
                    }
                    Readiness readiness = seen(ready.get(cell), Readiness.READY, Readiness.NOT_READY, Readiness.UNKNOWN);
                    if (first || readiness != saidReadiness.get(observer + cell)) {
                        saidReadiness.put(observer + cell, readiness);
                        signals.add(PolicyFixtures.readiness(cell, observer, readiness, now));
                    }
                }
                if (r.nextInt(4) == 0) {
                    signals.add(drifting ? PolicyFixtures.driftDetected(observer, "orders-app-version", now, WEST, EU)
                            : PolicyFixtures.driftResolved(observer, "orders-app-version", now));
                }
                if (r.nextInt(15) == 0) {
                    signals.add(PolicyFixtures.snapshot(observer, now, healthy.get(WEST) ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY,
                            ready.get(WEST) ? Readiness.READY : Readiness.NOT_READY, "orders-app-version", drifting, WEST));
                }
            }
            return signals;
        }

        /** What one observer reports: mostly the truth, sometimes no verdict, now and then a blip. */
        private <S> S seen(boolean good, S goodWord, S badWord, S unknown) {
            int roll = r.nextInt(100);
            if (roll < 5) {
                return unknown;
            }
            if (roll < 8) {
                return good ? badWord : goodWord;
            }
            return good ? goodWord : badWord;
        }

        private static String label(EventEnvelope<?> signal) {
            String what = signal.type();
            if (signal.payload() instanceof CellHealthChanged h) {
                what = h.observer() + " " + signal.cell() + " " + h.status();
            } else if (signal.payload() instanceof CellReadinessChanged c) {
                what = c.observer() + " " + signal.cell() + " " + c.status();
            } else if (signal.payload() instanceof ResourceSetDriftDetected d) {
                what = d.observer() + " drift";
            } else if (signal.payload() instanceof ResourceSetDriftResolved d) {
                what = d.observer() + " no drift";
            } else if (signal.payload() instanceof ReadinessSnapshot snapshot) {
                what = snapshot.observer() + " snapshot";
            }
            return what + " at +" + Duration.between(START, signal.occurredAt()).toSeconds() + " s";
        }
    }

    // ---- running and checking ----------------------------------------------------------------

    /** Runs a scenario from a fresh ARC; the first broken invariant, if any. */
    private static Optional<String> run(Scenario scenario) {
        clock.set(START);
        arc.reset();
        List<Orchestrator.Sent> journal = new ArrayList<>();
        List<RoutingControlClient> clients = List.of(client(scenario.seed()), client(scenario.seed() + 1));
        try {
            List<Orchestrator> orchestrators = List.of(
                    new Orchestrator("orchestrator-0", scenario.document(), clients.get(0), clock).journalTo(journal::add),
                    new Orchestrator("orchestrator-1", scenario.document(), clients.get(1), clock).journalTo(journal::add));
            for (int i = 0; i < scenario.steps().size(); i++) {
                Step step = scenario.steps().get(i);
                clock.advance(step.advance());
                try {
                    play(step, orchestrators);
                    check(scenario.document(), orchestrators, journal);
                } catch (AssertionError | RuntimeException e) {
                    return Optional.of("step " + i + ": " + e);
                }
            }
            clock.advance(Orchestrator.ROUTING_REFRESH.plusSeconds(1));
            for (Orchestrator o : orchestrators) {
                o.refreshIfStale();
                assertThat(o.engine.routing()).as("%s's view of routing at the end", o).hasValue(arcRouting());
            }
            return Optional.empty();
        } catch (AssertionError | RuntimeException e) {
            return Optional.of("at the end: " + e);
        } finally {
            clients.forEach(RoutingControlClient::close);
        }
    }

    private static void play(Step step, List<Orchestrator> orchestrators) {
        List<Orchestrator> order = step.secondFirst() ? List.of(orchestrators.get(1), orchestrators.get(0)) : orchestrators;
        for (Orchestrator o : order) {
            int index = orchestrators.indexOf(o);
            step.deliveries().stream().filter(d -> d.orchestrator() == index).forEach(d -> o.deliver(d.signal()));
        }
        if (step.approveOn() >= 0) {
            Orchestrator operator = orchestrators.get(step.approveOn());
            operator.engine.pendingApprovals().stream().findFirst().ifPresent(request -> operator.approve(request.id(), "operator"));
        }
        if (step.race()) {
            order.forEach(Orchestrator::refreshIfStale);
            var plans = order.stream().map(Orchestrator::plan).toList();
            for (int i = 0; i < order.size(); i++) {
                order.get(i).act(plans.get(i));
            }
        } else {
            order.forEach(Orchestrator::tick);
        }
    }

    private static void check(PolicyDocument document, List<Orchestrator> orchestrators, List<Orchestrator.Sent> journal) {
        Map<String, RoutingControlState> state = arc.routingControlStates();
        assertThat(state.values()).as("ARC: never every cell Off").contains(RoutingControlState.ON);
        for (SafetyRule rule : arc.topology().safetyRules()) {
            if (rule instanceof AssertionRule assertion) {
                assertThat(assertion.config().holds(assertion.assertedControls().stream().map(state::get).toList()))
                        .as("ARC state %s keeps safety rule %s", state, rule.name()).isTrue();
            }
        }
        assertThat(arc.changeLog()).as("nothing is ever overridden").allSatisfy(c -> assertThat(c.overriddenRules()).isEmpty());

        for (Orchestrator o : orchestrators) {
            for (Policy policy : document.policies()) {
                List<Instant> executed = o.decisions.stream()
                        .filter(d -> d.outcome() == DecisionOutcome.EXECUTED && d.policy().equals(policy.name())
                                && FailoverEngine.AUTOMATION.equals(d.actor()))
                        .map(Decision::at).toList();
                for (int i = 0; i < executed.size(); i++) {
                    Instant at = executed.get(i);
                    long inTheHour = executed.stream().filter(t -> !t.isAfter(at) && !t.isBefore(at.minus(Duration.ofHours(1)))).count();
                    assertThat(inTheHour).as("%s: executions of %s in the hour up to %s", o, policy.name(), at)
                            .isLessThanOrEqualTo(policy.maxFailoversPerHour());
                    if (i > 0) {
                        assertThat(Duration.between(executed.get(i - 1), at)).as("%s: %s again within its cooldown", o, policy.name())
                                .isGreaterThanOrEqualTo(policy.cooldown());
                    }
                }
            }
            for (Orchestrator.Sent sent : o.executed()) {
                assertThat(sent.targetUnmet()).as("%s executed %s to a target that did not qualify", o, sent.update().proposal().policy())
                        .isEmpty();
            }
        }

        List<Orchestrator.Sent> changes = journal.stream().filter(Orchestrator.Sent::changed).toList();
        for (int i = 1; i < changes.size(); i++) {
            Orchestrator.Sent previous = changes.get(i - 1);
            Orchestrator.Sent next = changes.get(i);
            boolean undoes = next.update().proposal().desired().equals(previous.before());
            if (undoes && !next.by().equals(previous.by()) && next.update().automated()) {
                assertThat(Duration.between(previous.at(), next.at()))
                        .as("%s undid %s's change of %s within a cooldown", next.by(), previous.by(), previous.at())
                        .isGreaterThanOrEqualTo(settle(document, next.update().proposal().policy()));
            }
        }
    }

    /** How long after a change made elsewhere an automated change by this policy is held back. */
    private static Duration settle(PolicyDocument document, String policy) {
        return document.policies().stream()
                .filter(p -> Failback.POLICY_NAME.equals(policy) || p.name().equals(policy))
                .map(Policy::cooldown).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Drops signals one at a time (from the last) while the scenario still fails, within a budget of runs. */
    private static Scenario shrink(Scenario failing) {
        Scenario smallest = failing;
        int budget = 100;
        for (int step = smallest.steps().size() - 1; step >= 0 && budget > 0; step--) {
            for (int d = smallest.steps().get(step).deliveries().size() - 1; d >= 0 && budget > 0; d--) {
                Scenario candidate = smallest.without(step, d);
                budget--;
                if (run(candidate).isPresent()) {
                    smallest = candidate;
                }
            }
        }
        return smallest;
    }

    private static Map<String, RoutingState> arcRouting() {
        Map<String, RoutingState> routing = new LinkedHashMap<>();
        arc.routingControlStates().forEach((arn, s) -> routing.put(arn, s.isOn() ? RoutingState.ON : RoutingState.OFF));
        return routing;
    }

    private static RoutingControlClient client(long seed) {
        List<ArcEndpoint> endpoints = arc.endpoints().stream().map(e -> new ArcEndpoint(e.region(), e.url())).toList();
        return new RoutingControlClient(endpoints, StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Duration.ofSeconds(1), Duration.ofSeconds(5), new Random(seed));
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static Duration seconds(SplittableRandom r, int... choices) {
        return Duration.ofSeconds(choices[r.nextInt(choices.length)]);
    }
}
