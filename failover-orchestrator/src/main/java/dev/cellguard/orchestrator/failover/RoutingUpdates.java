package dev.cellguard.orchestrator.failover;

import dev.cellguard.contracts.ControlChange;
import dev.cellguard.contracts.ControlState;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.orchestrator.policy.Decision;
import dev.cellguard.orchestrator.policy.FailoverEngine;
import dev.cellguard.orchestrator.policy.PlannedUpdate;
import dev.cellguard.orchestrator.routing.RoutingControlClient;
import dev.cellguard.orchestrator.routing.RoutingUpdateException;
import dev.cellguard.orchestrator.routing.UpdateOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an orchestrator keeps its engine's view of the routing controls and sends the engine's
 * updates — one place for the service and for the tests that run several orchestrators without the
 * framework. Routing is read from ARC at start, when stale and right before every update, so a
 * change made meanwhile elsewhere is seen; a decision that read makes stale is not sent; every
 * outcome goes back to the engine. Not thread-safe: one loop thread drives it, as it drives the engine.
 */
public final class RoutingUpdates {

    /**
     * What became of an update: the decision that ends it (EXECUTED, BLOCKED or FAILED), ARC's routing
     * read right before (empty when it could not be read) and, when ARC accepted it, how.
     */
    public record Sent(Decision decision, Map<String, RoutingState> before, Optional<UpdateOutcome> accepted,
                       List<ControlChange> changes) {

        /** Whether ARC accepted the update and it changed at least one routing control. */
        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    private final FailoverEngine engine;
    private final RoutingControlClient arc;
    private final Clock clock;
    private Instant readAt = Instant.MIN;

    public RoutingUpdates(FailoverEngine engine, RoutingControlClient arc, Clock clock) {
        this.engine = engine;
        this.arc = arc;
        this.clock = clock;
    }

    /**
     * Reads every routing control of the policy from ARC into the engine.
     *
     * @throws RoutingUpdateException when no endpoint answered
     */
    public void refresh() {
        engine.routingObserved(arc.readStates(engine.document().routingControlArns()));
        readAt = clock.instant();
    }

    /** Whether the last read (or accepted update) is older than {@code maxAge}. */
    public boolean stale(Duration maxAge) {
        return clock.instant().isAfter(readAt.plus(maxAge));
    }

    /** Re-reads the routing, checks the update is still current, sends it and reports the outcome to the engine. */
    public Sent send(PlannedUpdate update) {
        Map<String, RoutingState> before;
        try {
            refresh();
            before = engine.routing().orElseThrow();
        } catch (RoutingUpdateException e) {
            return new Sent(engine.failed(update, "cannot read the routing controls from ARC before acting", clock.instant()),
                    Map.of(), Optional.empty(), List.of());
        }
        Optional<Decision> stale = engine.staleBeforeSending(update, clock.instant());
        if (stale.isPresent()) {
            return new Sent(stale.get(), before, Optional.empty(), List.of());
        }
        try {
            UpdateOutcome outcome = arc.updateStates(update.proposal().desired(), update.overrides());
            readAt = clock.instant();
            List<ControlChange> changes = changes(before, update.proposal().desiredStates());
            String how = changes.isEmpty() ? "already in place: nothing changed"
                    : "accepted by " + outcome.endpoint().region() + " after " + outcome.attempts() + " attempt(s) in "
                    + outcome.latencyMs() + " ms";
            return new Sent(engine.executed(update, how, clock.instant()), before, Optional.of(outcome), changes);
        } catch (RoutingUpdateException e) {
            Decision refused = e.kind() == RoutingUpdateException.Kind.SAFETY_RULE
                    ? engine.blockedByArc(update, e.blockingRule(), e.getMessage(), clock.instant())
                    : engine.failed(update, e.getMessage(), clock.instant());
            try {
                refresh();
            } catch (RoutingUpdateException unread) {
                // the next tick reads again
            }
            return new Sent(refused, before, Optional.empty(), List.of());
        }
    }

    private static List<ControlChange> changes(Map<String, RoutingState> before, List<ControlState> desired) {
        List<ControlChange> changes = new ArrayList<>();
        for (ControlState state : desired) {
            RoutingState previous = before.get(state.routingControlArn());
            if (previous != state.state()) {
                changes.add(new ControlChange(state.routingControlArn(), state.cell(), previous, state.state()));
            }
        }
        return changes;
    }
}
