package dev.cellguard.safety;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The outcome of evaluating one update call: all entries are accepted, or none is. */
public sealed interface Evaluation permits Evaluation.Accepted, Evaluation.Rejected {

    /** {@code true} for {@link Accepted}. */
    boolean accepted();

    /**
     * Every entry of the update may be applied.
     *
     * @param newState           the complete state after the update (immutable)
     * @param changes            one element per requested entry, in request order, no-op entries included
     * @param waitPeriodsStarted ARNs of the rules whose wait period starts with this update
     * @param overriddenRules    the ARNs the caller asked to override (as given, immutable)
     */
    record Accepted(Map<String, RoutingControlState> newState, List<StateChange> changes,
                    Set<String> waitPeriodsStarted, Set<String> overriddenRules) implements Evaluation {

        public Accepted {
            newState = Map.copyOf(newState);
            changes = List.copyOf(changes);
            waitPeriodsStarted = Set.copyOf(waitPeriodsStarted);
            overriddenRules = Set.copyOf(overriddenRules);
        }

        @Override
        public boolean accepted() {
            return true;
        }

        /** Whether at least one entry actually changes a control's state. */
        public boolean changesState() {
            return changes.stream().anyMatch(StateChange::changed);
        }
    }

    /**
     * The update is rejected by the first failing safety rule; the state must stay as it was.
     *
     * @param rule          the rule that blocked the update
     * @param reason        why it blocked it
     * @param message       a human-readable explanation that names the rule's ARN
     * @param waitPeriodEnd for {@link RejectionReason#WAIT_PERIOD_ACTIVE}, when the window closes; else {@code null}
     */
    record Rejected(SafetyRule rule, RejectionReason reason, String message, Instant waitPeriodEnd)
            implements Evaluation {

        public Rejected {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean accepted() {
            return false;
        }
    }
}
