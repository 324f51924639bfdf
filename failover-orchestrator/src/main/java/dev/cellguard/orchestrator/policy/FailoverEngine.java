package dev.cellguard.orchestrator.policy;

import dev.cellguard.contracts.ControlState;
import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.safety.Evaluation;
import dev.cellguard.safety.EvaluationOptions;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.safety.SafetyRuleEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where a failover decision gets made. Feed it signals ({@link #record}) and the routing controls'
 * states read from ARC ({@link #routingObserved}); {@link #evaluate} then applies every policy to
 * every cell that takes traffic and returns the decisions to announce and at most one update to
 * send. Plain Java and single-threaded: the caller serialises every call.
 *
 * <p>For a cell that takes traffic, a policy matches when enough observers have each seen it bad
 * for long enough. The target is the first other cell by priority that meets the policy's
 * requirements. The update (target On, every other cell Off) is pre-checked against the same safety
 * rules ARC enforces, so a blocked action is explained before ARC is asked. A global freeze, the
 * start-up grace period, a policy's cooldown and its hourly window hold automation back. Every
 * evaluation that acts, or would have acted and did not, yields a decision — once per situation, not
 * once per tick: a decision is repeated only when its outcome or reason changes.
 */
public final class FailoverEngine {

    public static final String AUTOMATION = "automation";
    private static final int DECISIONS_KEPT = 1_000;

    private final PolicyDocument document;
    private final SafetyRuleEvaluator safety;
    private final SignalBook signals;
    private final Instant graceEnds;
    private final Duration retryAfterFailure;
    private Map<String, RoutingState> routing;
    private final Map<String, Deque<Instant>> executions = new HashMap<>();
    private final Map<String, String> situations = new HashMap<>();
    private final Map<UUID, Decision> pendingApprovals = new LinkedHashMap<>();
    private final Map<UUID, Proposal> pendingProposals = new HashMap<>();
    private final Map<UUID, String> pendingSituation = new HashMap<>();
    private final Deque<Decision> decisions = new ArrayDeque<>();
    private final Map<String, Instant> stableSince = new HashMap<>();
    private PlannedUpdate inFlight;
    private Instant retryAt = Instant.MIN;
    private boolean frozen;
    private String frozenBecause;
    /** Routing was seen to change without this engine changing it: another orchestrator or an operator acted. */
    private boolean changedElsewhere;
    private Instant changedElsewhereAt;

    public FailoverEngine(PolicyDocument document, Instant startedAt, Duration retryAfterFailure) {
        this.document = document;
        // A rule naming a control no cell routes to (a kill switch) cannot be pre-checked: ARC decides it.
        Set<String> cellControls = Set.copyOf(document.routingControlArns());
        this.safety = new SafetyRuleEvaluator(document.safetyRules().stream()
                .filter(r -> cellControls.containsAll(r.evaluatedControls()) && cellControls.containsAll(r.governedControls()))
                .toList(), EvaluationOptions.defaults());
        this.signals = new SignalBook(document.cells().stream().map(CellRoute::cell).toList());
        this.graceEnds = startedAt.plus(document.startupGrace());
        this.retryAfterFailure = retryAfterFailure;
    }

    public PolicyDocument document() {
        return document;
    }

    public SignalBook signals() {
        return signals;
    }

    /** Records a signal; false if it was a duplicate, stale or irrelevant. */
    public boolean record(EventEnvelope<?> signal) {
        return signals.record(signal);
    }

    /**
     * The routing controls' states as just read from ARC, the source of truth for routing. A change
     * this engine did not make (another orchestrator's, or an operator's elsewhere) holds automation
     * back for a cooldown from the next evaluation, so that two orchestrators never undo each other
     * at once.
     */
    public void routingObserved(Map<String, RoutingState> states) {
        if (routing != null && !routing.equals(states)) {
            changedElsewhere = true;
        }
        routing = new LinkedHashMap<>(states);
    }

    public Optional<Map<String, RoutingState>> routing() {
        return Optional.ofNullable(routing).map(Map::copyOf);
    }

    /** What to announce and, if anything, what to send to ARC now. */
    public record Result(List<Decision> decisions, Optional<PlannedUpdate> update) {
    }

    public Result evaluate(Instant now) {
        List<Decision> out = new ArrayList<>();
        if (changedElsewhere) {
            changedElsewhere = false;
            changedElsewhereAt = now;
        }
        expireApprovals(now, out);
        if (routing == null || !routing.keySet().containsAll(document.routingControlArns())) {
            return new Result(out, Optional.empty());
        }
        PlannedUpdate update = null;
        for (Policy policy : document.policies()) {
            if (policy.mode() == Mode.DISABLED) {
                continue;
            }
            for (CellRoute source : active()) {
                String key = policy.name() + "|" + source.cell();
                if (signals.observersSustaining(source.cell(), policy.when().condition(), policy.when().sustainedFor(), now)
                        < policy.when().observersAgreeing()) {
                    situations.remove(key);
                    continue;
                }
                PlannedUpdate planned = consider(key, policy.name(), policy.mode(), policy.require(), source,
                        incident(source, policy.when().condition()), now, out, policy);
                if (update == null) {
                    update = planned;
                }
            }
        }
        if (update == null) {
            update = considerFailback(now, out);
        }
        if (update != null) {
            inFlight = update;
        }
        return new Result(out, Optional.ofNullable(update));
    }

    /** The incident a cell's trouble belongs to: the latest bad signal about it. */
    private SignalBook.Seen<?> incident(CellRoute cell, Trigger.Condition condition) {
        return signals.latestBad(cell.cell(), condition).orElse(new SignalBook.Seen<>(null, Instant.EPOCH, null, null));
    }

    private PlannedUpdate consider(String key, String policyName, Mode mode, Requirements require, CellRoute source,
            SignalBook.Seen<?> incident, Instant now, List<Decision> out, Policy policy) {
        String problem = describeTrouble(source, policy);
        Optional<CellRoute> target = target(source, require);
        if (target.isEmpty()) {
            Proposal none = new Proposal(policyName, problem + "; no cell can take its traffic: " + whyNoTarget(source, require),
                    source.cell(), null, List.of(), inputs(source, null), corr(incident), incident.signalId());
            note(key, "no-target:" + whyNoTarget(source, require), DecisionOutcome.BLOCKED, none, null, now, out);
            return null;
        }
        Proposal proposal = new Proposal(policyName, problem + ": route traffic to " + target.get().cell(), source.cell(),
                target.get().cell(), Proposal.placement(document.cells(), target.get().cell()),
                inputs(source, target.get()), corr(incident), incident.signalId());
        Evaluation.Rejected rejected = precheck(proposal, List.of());
        if (rejected != null) {
            note(key, "rule:" + rejected.rule().arn(), DecisionOutcome.BLOCKED,
                    withReason(proposal, proposal.reason() + "; blocked by safety rule " + rejected.rule().name() + ": "
                            + rejected.message()), rejected.rule().arn(), now, out);
            return null;
        }
        if (mode == Mode.DRY_RUN) {
            note(key, "dry-run:" + target.get().cell(), DecisionOutcome.DRY_RUN, proposal, null, now, out);
            return null;
        }
        String hold = holdBack(policyName, policy, now);
        if (hold != null) {
            note(key, "hold:" + hold, DecisionOutcome.BLOCKED, withReason(proposal, proposal.reason() + "; " + hold), null, now, out);
            return null;
        }
        if (mode == Mode.APPROVAL) {
            if (!("awaiting:" + target.get().cell()).equals(situations.get(key))) {
                situations.put(key, "awaiting:" + target.get().cell());
                Decision awaiting = decision(UUID.randomUUID(), proposal, DecisionOutcome.AWAITING_APPROVAL,
                        proposal.reason() + "; awaiting approval", null, AUTOMATION, proposal.causedBy(), now,
                        now.plus(document.approvalTimeout()));
                pendingApprovals.put(awaiting.id(), awaiting);
                pendingProposals.put(awaiting.id(), proposal);
                pendingSituation.put(awaiting.id(), key);
                out.add(remember(awaiting));
            }
            return null;
        }
        if (inFlight != null || now.isBefore(retryAt)) {
            return null;
        }
        situations.put(key, "acting:" + target.get().cell());
        return new PlannedUpdate(UUID.randomUUID(), proposal, List.of(), AUTOMATION, true);
    }

    private String describeTrouble(CellRoute source, Policy policy) {
        Trigger when = policy.when();
        String what = when.condition() == Trigger.Condition.HEALTH_UNHEALTHY ? "UNHEALTHY" : "NOT_READY";
        return source.cell() + " has been " + what + " for at least " + when.sustainedFor().toSeconds() + " s as seen by "
                + when.observersAgreeing() + "+ observer(s)";
    }

    /** Why automation may not act now, or {@code null}. */
    private String holdBack(String policyName, Policy policy, Instant now) {
        if (frozen) {
            return "automation is frozen" + (frozenBecause == null ? "" : " (" + frozenBecause + ")");
        }
        if (now.isBefore(graceEnds)) {
            return "start-up grace period until " + graceEnds;
        }
        // After a change made elsewhere: a policy waits its own cooldown, a failback the longest one.
        Duration settle = policy != null ? policy.cooldown()
                : document.policies().stream().map(Policy::cooldown).max(Duration::compareTo).orElse(Duration.ZERO);
        if (changedElsewhereAt != null && now.isBefore(changedElsewhereAt.plus(settle))) {
            return "routing changed elsewhere (seen " + changedElsewhereAt + "): cooling down until " + changedElsewhereAt.plus(settle);
        }
        Deque<Instant> done = executions.getOrDefault(policyName, new ArrayDeque<>());
        // The cooldown before the window is pruned: a cooldown may be longer than the hour.
        if (policy != null && !done.isEmpty() && now.isBefore(done.peekLast().plus(policy.cooldown()))) {
            return "cooling down until " + done.peekLast().plus(policy.cooldown());
        }
        while (!done.isEmpty() && done.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
            done.pollFirst();
        }
        if (policy != null && done.size() >= policy.maxFailoversPerHour()) {
            return "already " + done.size() + " failover(s) in the last hour (at most " + policy.maxFailoversPerHour() + ")";
        }
        return null;
    }

    /** The first other cell by priority that meets the requirements. */
    private Optional<CellRoute> target(CellRoute source, Requirements require) {
        return document.cells().stream().filter(c -> !c.equals(source)).filter(c -> unmet(c, require).isEmpty()).findFirst();
    }

    private String whyNoTarget(CellRoute source, Requirements require) {
        List<String> reasons = new ArrayList<>();
        document.cells().stream().filter(c -> !c.equals(source))
                .forEach(c -> reasons.add(c.cell() + " " + String.join(", ", unmet(c, require))));
        return String.join("; ", reasons);
    }

    /** What a candidate target lacks, in words; empty when it qualifies. */
    public List<String> unmet(CellRoute cell, Requirements require) {
        List<String> unmet = new ArrayList<>();
        if (require.targetHealthy() && signals.agreedHealth(cell.cell()) != HealthStatus.HEALTHY) {
            unmet.add("health is " + signals.agreedHealth(cell.cell()));
        }
        if (require.targetReady() && signals.agreedReadiness(cell.cell()) != Readiness.READY) {
            unmet.add("readiness is " + signals.agreedReadiness(cell.cell()));
        }
        if (require.noTargetDrift() && !signals.driftingSets(cell.cell()).isEmpty()) {
            unmet.add("drifts in " + signals.driftingSets(cell.cell()));
        }
        return unmet;
    }

    private PlannedUpdate considerFailback(Instant now, List<Decision> out) {
        Failback failback = document.failback();
        CellRoute primary = document.primary();
        String key = Failback.POLICY_NAME + "|" + primary.cell();
        if (failback.mode() == Mode.DISABLED || routing.get(primary.routingControlArn()) == RoutingState.ON || active().isEmpty()) {
            stableSince.remove(primary.cell());
            situations.remove(key);
            return null;
        }
        if (!unmet(primary, Requirements.STRICT).isEmpty()) {
            stableSince.remove(primary.cell());
            situations.remove(key);
            return null;
        }
        Instant since = stableSince.computeIfAbsent(primary.cell(), c -> now);
        if (now.isBefore(since.plus(failback.stableFor()))) {
            return null;
        }
        CellRoute from = active().get(0);
        Proposal proposal = new Proposal(Failback.POLICY_NAME, primary.cell() + " has been HEALTHY, READY and drift-free for "
                + failback.stableFor().toSeconds() + " s: route traffic back to it", from.cell(), primary.cell(),
                Proposal.placement(document.cells(), primary.cell()), inputs(from, primary), UUID.randomUUID(), null);
        Evaluation.Rejected rejected = precheck(proposal, List.of());
        if (rejected != null) {
            note(key, "rule:" + rejected.rule().arn(), DecisionOutcome.BLOCKED, withReason(proposal, proposal.reason()
                    + "; blocked by safety rule " + rejected.rule().name()), rejected.rule().arn(), now, out);
            return null;
        }
        if (failback.mode() == Mode.DRY_RUN) {
            note(key, "dry-run", DecisionOutcome.DRY_RUN, proposal, null, now, out);
            return null;
        }
        if (failback.mode() == Mode.APPROVAL) {
            if (!"awaiting".equals(situations.get(key))) {
                situations.put(key, "awaiting");
                Decision awaiting = decision(UUID.randomUUID(), proposal, DecisionOutcome.AWAITING_APPROVAL,
                        proposal.reason() + "; awaiting approval", null, AUTOMATION, null, now, now.plus(document.approvalTimeout()));
                pendingApprovals.put(awaiting.id(), awaiting);
                pendingProposals.put(awaiting.id(), proposal);
                pendingSituation.put(awaiting.id(), key);
                out.add(remember(awaiting));
            }
            return null;
        }
        String hold = holdBack(Failback.POLICY_NAME, null, now);
        if (hold != null) {
            note(key, "hold:" + hold, DecisionOutcome.BLOCKED, withReason(proposal, proposal.reason() + "; " + hold), null, now, out);
            return null;
        }
        if (inFlight != null || now.isBefore(retryAt)) {
            return null;
        }
        situations.put(key, "acting");
        return new PlannedUpdate(UUID.randomUUID(), proposal, List.of(), AUTOMATION, true);
    }

    // ---- operator actions ------------------------------------------------------------------


    /** Approves a pending request: checks the target and the safety rules again, then acts. */
    public Result approve(UUID requestId, String actor, String reason, Instant now) {
        Decision request = pendingApprovals.remove(requestId);
        if (request == null) {
            throw new NoSuchElementException("no pending approval " + requestId);
        }
        Proposal proposal = pendingProposals.remove(requestId);
        pendingSituation.remove(requestId);
        Decision approved = remember(decision(UUID.randomUUID(), proposal, DecisionOutcome.APPROVED,
                "approved by " + actor + (reason == null || reason.isBlank() ? "" : ": " + reason), null, actor, requestId, now, null));
        List<Decision> out = new ArrayList<>(List.of(approved));
        CellRoute target = document.cell(proposal.target()).orElseThrow();
        Requirements require = document.policies().stream().filter(p -> p.name().equals(proposal.policy())).findFirst()
                .map(Policy::require).orElse(Requirements.STRICT);
        List<String> unmet = unmet(target, require);
        if (!unmet.isEmpty()) {
            out.add(remember(decision(UUID.randomUUID(), proposal, DecisionOutcome.BLOCKED,
                    "approved, but " + target.cell() + " no longer qualifies: " + String.join(", ", unmet), null, actor,
                    approved.id(), now, null)));
            return new Result(out, Optional.empty());
        }
        Evaluation.Rejected rejected = precheck(proposal, List.of());
        if (rejected != null) {
            out.add(remember(decision(UUID.randomUUID(), proposal, DecisionOutcome.BLOCKED,
                    "approved, but blocked by safety rule " + rejected.rule().name() + ": " + rejected.message(),
                    rejected.rule().arn(), actor, approved.id(), now, null)));
            return new Result(out, Optional.empty());
        }
        PlannedUpdate update = new PlannedUpdate(UUID.randomUUID(), withCause(proposal, approved.id()), List.of(), actor, false);
        inFlight = update;
        return new Result(out, Optional.of(update));
    }

    /** Rejects a pending request; the same situation is not asked about again until it clears. */
    public Decision reject(UUID requestId, String actor, String reason, Instant now) {
        Decision request = pendingApprovals.remove(requestId);
        if (request == null) {
            throw new NoSuchElementException("no pending approval " + requestId);
        }
        Proposal proposal = pendingProposals.remove(requestId);
        pendingSituation.remove(requestId);
        return remember(decision(UUID.randomUUID(), proposal, DecisionOutcome.REJECTED, "rejected by " + actor + ": " + reason,
                null, actor, requestId, now, null));
    }

    /**
     * An operator's own placement: the target On, every other cell Off. Requirements and holds do not
     * apply (the operator decides); safety rules do, except the ones explicitly overridden.
     */
    public Result manual(String targetCell, String reason, List<String> overrides, String actor, Instant now) {
        CellRoute target = document.cell(targetCell).orElseThrow(() -> new NoSuchElementException("no cell named " + targetCell));
        UUID correlation = UUID.randomUUID();
        Proposal proposal = new Proposal("manual", "manual failover to " + target.cell() + " by " + actor + ": " + reason,
                null, target.cell(), Proposal.placement(document.cells(), target.cell()), inputs(target, null), correlation, null);
        Evaluation.Rejected rejected = precheck(proposal, overrides);
        if (rejected != null) {
            Decision blocked = remember(decision(UUID.randomUUID(), proposal, DecisionOutcome.BLOCKED,
                    proposal.reason() + "; blocked by safety rule " + rejected.rule().name() + ": " + rejected.message(),
                    rejected.rule().arn(), actor, null, now, null));
            return new Result(List.of(blocked), Optional.empty());
        }
        PlannedUpdate update = new PlannedUpdate(UUID.randomUUID(), proposal, overrides, actor, false);
        inFlight = update;
        return new Result(List.of(), Optional.of(update));
    }

    public void freeze(String actor, String reason) {
        frozen = true;
        frozenBecause = "by " + actor + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }

    public void unfreeze() {
        frozen = false;
        frozenBecause = null;
        situations.entrySet().removeIf(e -> e.getValue().startsWith(DecisionOutcome.BLOCKED + "|hold:automation is frozen"));
    }

    public boolean frozen() {
        return frozen;
    }

    // ---- outcomes of updates ---------------------------------------------------------------

    /**
     * Checks an update against the routing just re-read from ARC, right before it is sent. A decision
     * to move traffic away from a cell is stale once that cell no longer takes traffic and the routing
     * is not what was decided: someone else (the other Region's orchestrator, an operator) has moved
     * the traffic meanwhile — with three or more cells possibly to another cell than this decision's
     * target — and sending would override their choice. An operator's placement names no source cell
     * and is never stale; an update whose states are already in place is a no-op, not stale.
     *
     * @return the BLOCKED decision to announce instead of sending; empty when the update may be sent
     */
    public Optional<Decision> staleBeforeSending(PlannedUpdate update, Instant now) {
        Proposal proposal = update.proposal();
        Optional<CellRoute> source = proposal.source() == null ? Optional.empty() : document.cell(proposal.source());
        if (source.isEmpty() || routing.get(source.get().routingControlArn()) == RoutingState.ON) {
            return Optional.empty();
        }
        boolean inPlace = proposal.desired().entrySet().stream().allMatch(e -> routing.get(e.getKey()) == e.getValue());
        if (inPlace) {
            return Optional.empty();
        }
        inFlight = null;
        situations.values().removeIf(v -> v.startsWith("acting"));
        List<String> taking = active().stream().map(CellRoute::cell).toList();
        return Optional.of(remember(decision(update.decisionId(), proposal, DecisionOutcome.BLOCKED, proposal.reason()
                + "; not sent: " + source.get().cell() + " no longer takes traffic, the routing changed since the decision (now "
                + (taking.isEmpty() ? "no cell" : String.join(", ", taking)) + ")", null, update.actor(), proposal.causedBy(), now,
                null)));
    }

    /** ARC accepted the update. */
    public Decision executed(PlannedUpdate update, String how, Instant now) {
        inFlight = null;
        routing.putAll(update.proposal().desired());
        if (update.automated()) {
            executions.computeIfAbsent(update.proposal().policy(), p -> new ArrayDeque<>()).addLast(now);
        }
        return remember(decision(update.decisionId(), update.proposal(), DecisionOutcome.EXECUTED,
                update.proposal().reason() + "; " + how, null, update.actor(), update.proposal().causedBy(), now, null));
    }

    /** ARC refused the update because of a safety rule (ConflictException). */
    public Decision blockedByArc(PlannedUpdate update, String ruleArn, String message, Instant now) {
        inFlight = null;
        retryAt = now.plus(retryAfterFailure);
        return remember(decision(update.decisionId(), update.proposal(), DecisionOutcome.BLOCKED,
                update.proposal().reason() + "; ARC refused: " + message, ruleArn, update.actor(), update.proposal().causedBy(), now, null));
    }

    /** The update could not be made (no endpoint answered, or ARC rejected the request). */
    public Decision failed(PlannedUpdate update, String message, Instant now) {
        inFlight = null;
        retryAt = now.plus(retryAfterFailure);
        situations.values().removeIf(v -> v.startsWith("acting"));
        return remember(decision(update.decisionId(), update.proposal(), DecisionOutcome.FAILED,
                update.proposal().reason() + "; " + message, null, update.actor(), update.proposal().causedBy(), now, null));
    }

    // ---- views -----------------------------------------------------------------------------

    /** The most recent decisions, newest first. */
    public List<Decision> decisions() {
        List<Decision> newestFirst = new ArrayList<>(decisions);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    public List<Decision> pendingApprovals() {
        return List.copyOf(pendingApprovals.values());
    }

    /** Cells that take traffic, by priority. */
    public List<CellRoute> active() {
        return document.cells().stream().filter(c -> routing.get(c.routingControlArn()) == RoutingState.ON).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private Evaluation.Rejected precheck(Proposal proposal, List<String> overrides) {
        Map<String, RoutingControlState> state = new LinkedHashMap<>();
        routing.forEach((arn, s) -> state.put(arn, s == RoutingState.ON ? RoutingControlState.ON : RoutingControlState.OFF));
        Set<String> needed = new HashSet<>();
        safety.rules().forEach(r -> {
            needed.addAll(r.evaluatedControls());
            needed.addAll(r.governedControls());
        });
        for (String arn : needed) {
            if (!state.containsKey(arn)) {
                // The routing controls were not all read: ARC's own check decides.
                return null;
            }
        }
        Map<String, RoutingControlState> requested = new LinkedHashMap<>();
        proposal.desired().forEach((arn, s) -> requested.put(arn, s == RoutingState.ON ? RoutingControlState.ON : RoutingControlState.OFF));
        Evaluation evaluation = safety.evaluate(state, requested, Set.copyOf(overrides));
        return evaluation instanceof Evaluation.Rejected r ? r : null;
    }

    private void note(String key, String situation, DecisionOutcome outcome, Proposal proposal, String rule, Instant now,
            List<Decision> out) {
        String full = outcome + "|" + situation;
        if (full.equals(situations.get(key))) {
            return;
        }
        situations.put(key, full);
        out.add(remember(decision(UUID.randomUUID(), proposal, outcome, proposal.reason(), rule, AUTOMATION,
                proposal.causedBy(), now, null)));
    }

    private void expireApprovals(Instant now, List<Decision> out) {
        for (Decision request : List.copyOf(pendingApprovals.values())) {
            if (!now.isBefore(request.expiresAt())) {
                pendingApprovals.remove(request.id());
                Proposal proposal = pendingProposals.remove(request.id());
                pendingSituation.remove(request.id());
                out.add(remember(decision(UUID.randomUUID(), proposal, DecisionOutcome.EXPIRED,
                        "no approval within " + document.approvalTimeout().toSeconds() + " s", null, AUTOMATION,
                        request.id(), now, null)));
            }
        }
    }

    private Decision decision(UUID id, Proposal proposal, DecisionOutcome outcome, String reason, String rule, String actor,
            UUID causedBy, Instant now, Instant expiresAt) {
        List<String> to = proposal.target() == null ? List.of() : List.of(proposal.target());
        List<String> from = proposal.source() == null ? proposal.fromCells() : List.of(proposal.source());
        return new Decision(id, proposal.policy(), document.version(), outcome, reason, rule, from, to,
                proposal.desiredStates(), proposal.inputSignals(), actor,
                proposal.correlationId() == null ? id : proposal.correlationId(), causedBy, now, expiresAt);
    }

    private Decision remember(Decision decision) {
        decisions.addLast(decision);
        while (decisions.size() > DECISIONS_KEPT) {
            decisions.pollFirst();
        }
        return decision;
    }

    private List<UUID> inputs(CellRoute source, CellRoute target) {
        List<UUID> inputs = new ArrayList<>(signals.signalsAbout(source.cell()));
        if (target != null) {
            inputs.addAll(signals.signalsAbout(target.cell()));
        }
        return inputs.stream().distinct().toList();
    }

    private static UUID corr(SignalBook.Seen<?> incident) {
        return incident.correlationId();
    }

    private static Proposal withReason(Proposal p, String reason) {
        return new Proposal(p.policy(), reason, p.source(), p.target(), p.desiredStates(), p.inputSignals(), p.correlationId(),
                p.causedBy());
    }

    private static Proposal withCause(Proposal p, UUID cause) {
        return new Proposal(p.policy(), p.reason(), p.source(), p.target(), p.desiredStates(), p.inputSignals(),
                p.correlationId(), cause);
    }

    /** For tests and the operator API: the ARC-shaped desired states of a placement. */
    public List<ControlState> placement(String targetCell) {
        return Proposal.placement(document.cells(), targetCell);
    }
}
