package dev.cellguard.orchestrator.failover;

import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.ControlChange;
import dev.cellguard.contracts.ControlState;
import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.FailoverDecision;
import dev.cellguard.contracts.RoutingControlChanged;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.orchestrator.config.OrchestratorConfig;
import dev.cellguard.orchestrator.policy.CellRoute;
import dev.cellguard.orchestrator.policy.EvacuationRule;
import dev.cellguard.orchestrator.policy.FailoverProposal;
import dev.cellguard.orchestrator.policy.ObservedHealth;
import dev.cellguard.orchestrator.routing.RoutingControlClient;
import dev.cellguard.orchestrator.routing.RoutingUpdateException;
import dev.cellguard.orchestrator.routing.UpdateOutcome;
import dev.cellguard.support.lifecycle.ServiceIdentity;
import dev.cellguard.support.sqs.EventPublisher;
import dev.cellguard.support.sqs.SqsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where signals become routing changes. Every signal and every periodic tick runs on one thread, in
 * order: record the signal, ask the policy ({@link EvacuationRule}) for a proposal given the observed
 * health and the routing controls' states read from ARC, send the proposal to ARC as one atomic
 * update, and publish the decision and the routing change to the audit trail.
 */
@ApplicationScoped
public class FailoverService {

    public static final String ACTOR = "automation";

    private final EvacuationRule rule;
    private final RoutingControlClient arc;
    private final EventPublisher publisher;
    private final ServiceIdentity identity;
    private final OrchestratorConfig config;
    private final List<String> auditQueue;
    private final Clock clock = Clock.systemUTC();
    private final ObservedHealth health = new ObservedHealth();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "failover-loop");
        t.setDaemon(true);
        return t;
    });

    private Map<String, RoutingState> routing;
    private Instant routingReadAt = Instant.MIN;
    private Instant nextAttemptAfterFailure = Instant.MIN;

    @Inject
    public FailoverService(OrchestratorConfig config, RoutingControlClient arc, EventPublisher publisher,
            ServiceIdentity identity, SqsConfig sqs) {
        this.config = config;
        this.rule = new EvacuationRule(config.cells().entrySet().stream()
                .map(e -> new CellRoute(e.getKey(), e.getValue().routingControlArn(), e.getValue().priority()))
                .toList());
        this.arc = arc;
        this.publisher = publisher;
        this.identity = identity;
        this.auditQueue = List.of(sqs.queues().audit());
    }

    void start(@Observes StartupEvent event) {
        long intervalMs = config.evaluationInterval().toMillis();
        loop.scheduleWithFixedDelay(this::evaluateSafely, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        loop.shutdownNow();
    }

    /** Records a health signal and evaluates; completes once the signal is recorded. */
    public CompletableFuture<Void> onHealthSignal(EventEnvelope<CellHealthChanged> signal) {
        return CompletableFuture.runAsync(() -> {
            CellHealthChanged payload = signal.payload();
            boolean fresh = health.record(signal.cell(), new ObservedHealth.Observation(
                    payload.observer(), payload.status(), signal.occurredAt(), signal.id(), signal.correlationId()));
            if (fresh) {
                Log.infof("Signal %s: cell %s is %s as seen from %s", signal.id(), signal.cell(), payload.status(),
                        payload.observer());
                evaluateSafely();
            } else {
                Log.debugf("Signal %s ignored: duplicate or older than known state", signal.id());
            }
        }, loop);
    }

    /** A snapshot of what the orchestrator knows, for the operator API. */
    public CompletableFuture<Map<String, Object>> snapshot() {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Object> cells = new LinkedHashMap<>();
            for (CellRoute cell : rule.cells()) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("priority", cell.priority());
                view.put("routingControlArn", cell.routingControlArn());
                view.put("routingState", routing == null ? null : routing.get(cell.routingControlArn()));
                view.put("health", health.agreedHealth(cell.cell()));
                view.put("observations", health.observations(cell.cell()));
                cells.put(cell.cell(), view);
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("recoveryGroup", identity.recoveryGroup());
            state.put("cells", cells);
            return state;
        }, loop);
    }

    private void evaluateSafely() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            Log.errorf(e, "Failover evaluation failed");
        }
    }

    /**
     * ARC is the source of truth for routing: its states are read at start, after every change, when
     * older than the refresh interval (someone may have flipped a control by hand), and once more
     * right before acting.
     */
    private void evaluate() {
        boolean stale = clock.instant().isAfter(routingReadAt.plus(config.routingRefreshInterval()));
        if ((routing == null || stale) && !refreshRouting()) {
            return;
        }
        if (rule.evaluate(health, routing).isEmpty() || clock.instant().isBefore(nextAttemptAfterFailure)) {
            return;
        }
        if (!refreshRouting()) {
            return;
        }
        rule.evaluate(health, routing).ifPresent(this::execute);
    }

    private void execute(FailoverProposal proposal) {
        Map<String, RoutingState> desired = new LinkedHashMap<>();
        proposal.desiredStates().forEach(s -> desired.put(s.routingControlArn(), s.state()));
        Log.infof("Failover: %s", proposal.reason());
        try {
            UpdateOutcome outcome = arc.updateStates(desired, List.of());
            Map<String, RoutingState> before = routing;
            routing = new LinkedHashMap<>(routing);
            routing.putAll(desired);
            routingReadAt = clock.instant();
            EventEnvelope<FailoverDecision> decision = publishDecision(proposal, DecisionOutcome.EXECUTED,
                    proposal.reason() + "; accepted by " + outcome.endpoint().region() + " after " + outcome.attempts()
                            + " attempt(s)", null);
            publishRoutingChange(proposal, before, outcome, decision);
            Log.infof("Routing updated through %s in %d ms (%d attempts)", outcome.endpoint().region(),
                    outcome.latencyMs(), outcome.attempts());
        } catch (RoutingUpdateException e) {
            nextAttemptAfterFailure = clock.instant().plus(config.retryAfterFailure());
            DecisionOutcome outcome = e.kind() == RoutingUpdateException.Kind.SAFETY_RULE
                    ? DecisionOutcome.BLOCKED : DecisionOutcome.FAILED;
            Log.warnf("Failover %s: %s", outcome, e.getMessage());
            publishDecision(proposal, outcome, e.getMessage(), e.blockingRule());
            refreshRouting();
        }
    }

    private boolean refreshRouting() {
        try {
            routing = arc.readStates(rule.cells().stream().map(CellRoute::routingControlArn).toList());
            routingReadAt = clock.instant();
            return true;
        } catch (RoutingUpdateException e) {
            Log.warnf("Cannot read routing control states from ARC: %s", e.getMessage());
            return false;
        }
    }

    private EventEnvelope<FailoverDecision> publishDecision(FailoverProposal proposal, DecisionOutcome outcome,
            String reason, String blockingRule) {
        EventEnvelope<FailoverDecision> decision = EventEnvelope.create(
                new FailoverDecision(proposal.policy(), EvacuationRule.VERSION, outcome, reason, blockingRule,
                        proposal.fromCells(), proposal.toCells(), proposal.desiredStates(),
                        proposal.inputSignals().stream().map(UUID::toString).toList(), ACTOR),
                identity.source(), identity.recoveryGroup(), null, proposal.correlationId(), proposal.causedBy(),
                clock.instant());
        publisher.publish(decision, auditQueue);
        return decision;
    }

    private void publishRoutingChange(FailoverProposal proposal, Map<String, RoutingState> before,
            UpdateOutcome outcome, EventEnvelope<FailoverDecision> decision) {
        List<ControlChange> changes = new ArrayList<>();
        for (ControlState state : proposal.desiredStates()) {
            changes.add(new ControlChange(state.routingControlArn(), state.cell(),
                    before.get(state.routingControlArn()), state.state()));
        }
        EventEnvelope<RoutingControlChanged> changed = EventEnvelope.create(
                new RoutingControlChanged(changes, outcome.endpoint().region(), outcome.endpoint().url().toString(),
                        outcome.attempts(), outcome.latencyMs(), List.of(), decision.id().toString()),
                identity.source(), identity.recoveryGroup(), null, decision, clock.instant());
        publisher.publish(changed, auditQueue);
    }
}
