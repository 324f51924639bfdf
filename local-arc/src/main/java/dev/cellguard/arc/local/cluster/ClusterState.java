package dev.cellguard.arc.local.cluster;

import dev.cellguard.arc.local.ChangeRecord;
import dev.cellguard.arc.local.topology.RoutingControl;
import dev.cellguard.arc.local.topology.Topology;
import dev.cellguard.safety.EvaluationOptions;
import dev.cellguard.safety.Evaluation;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.safety.SafetyRuleEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one state every regional endpoint serves: routing-control states guarded by the topology's
 * safety rules, and the log of accepted update calls. Thread-safe; an update and its log record
 * are committed together, so the log order is the commit order.
 */
public final class ClusterState {

    private final Topology topology;
    private final EvaluationOptions options;
    private final Clock clock;
    private SafetyRuleEngine engine;
    private final List<ChangeRecord> changeLog = new ArrayList<>();

    public ClusterState(Topology topology, EvaluationOptions options, Clock clock) {
        this.topology = topology;
        this.options = options;
        this.clock = clock;
        this.engine = newEngine();
    }

    private SafetyRuleEngine newEngine() {
        return new SafetyRuleEngine(topology.initialState(), topology.safetyRules(), options, clock);
    }

    public Topology topology() {
        return topology;
    }

    public EvaluationOptions options() {
        return options;
    }

    /** The state of a routing control, or empty if the topology has no such control. */
    public synchronized Optional<RoutingControlState> state(String routingControlArn) {
        return engine.state(routingControlArn);
    }

    /** A snapshot of every routing control's state, in topology order. */
    public synchronized Map<String, RoutingControlState> states() {
        return engine.state();
    }

    /** The end of a rule's running wait period, or empty if none is running. */
    public synchronized Optional<Instant> activeWaitPeriodEnd(String ruleArn) {
        return engine.activeWaitPeriodEnd(ruleArn);
    }

    /** When each rule's latest wait period started. */
    public synchronized Map<String, Instant> waitPeriodStarts() {
        return engine.waitPeriodStarts();
    }

    /**
     * Evaluates and, if accepted, commits one update call, then logs it.
     *
     * @param endpointRegion the region of the endpoint serving the call
     * @param operation      the operation name, for the log
     * @param requested      routing control ARN to requested state (every ARN must be known)
     * @param overrides      the call's {@code SafetyRulesToOverride}, in request order
     */
    public synchronized Evaluation update(String endpointRegion, String operation,
                                          Map<String, RoutingControlState> requested, List<String> overrides) {
        Evaluation evaluation = engine.apply(requested, Set.copyOf(overrides));
        if (evaluation instanceof Evaluation.Accepted accepted) {
            var entries = accepted.changes().stream()
                    .map(change -> new ChangeRecord.Entry(change.routingControlArn(), nameOf(change.routingControlArn()),
                            change.previous(), change.next()))
                    .toList();
            changeLog.add(new ChangeRecord(changeLog.size() + 1L, clock.instant(), endpointRegion, operation, entries,
                    overrides));
        }
        return evaluation;
    }

    private String nameOf(String routingControlArn) {
        return topology.routingControl(routingControlArn).map(RoutingControl::name).orElse(routingControlArn);
    }

    /** A snapshot of the change log, oldest first. */
    public synchronized List<ChangeRecord> changeLog() {
        return List.copyOf(changeLog);
    }

    /** Back to the topology's initial states, no wait period running, an empty change log. */
    public synchronized void reset() {
        engine = newEngine();
        changeLog.clear();
    }
}
