package dev.cellguard.monitor.readiness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges one resource set from the latest observation of each cell's resource. A cell whose
 * resource could not be read gets NOT_AUTHORIZED or UNKNOWN from every rule; an "all" rule cannot
 * compare while any cell is unread, so it is UNKNOWN for every cell rather than guessing.
 */
public final class ResourceSetEvaluator {

    private ResourceSetEvaluator() {
    }

    public static ResourceSetReport evaluate(String name, String type, Collection<ReadinessRule> rules,
            Map<String, Observation> observations, Instant checkedAt) {
        Map<String, Observation.Observed> observed = new LinkedHashMap<>();
        Map<String, Observation.Failed> failed = new LinkedHashMap<>();
        observations.forEach((cell, observation) -> {
            if (observation instanceof Observation.Observed o) {
                observed.put(cell, o);
            } else {
                failed.put(cell, (Observation.Failed) observation);
            }
        });

        List<RuleReport> reports = new ArrayList<>();
        Map<String, List<ReadinessStatus>> affectingByCell = new LinkedHashMap<>();
        observations.keySet().forEach(cell -> affectingByCell.put(cell, new ArrayList<>()));
        List<Difference> drift = new ArrayList<>();
        for (ReadinessRule rule : rules) {
            RuleReport report = judge(rule, observed, failed);
            reports.add(report);
            if (rule.affectsReadiness()) {
                report.statusByCell().forEach((cell, status) -> affectingByCell.get(cell).add(status));
                if (rule.scope() == Scope.ALL) {
                    drift.addAll(report.differences());
                }
            }
        }
        Map<String, ReadinessStatus> statusByCell = new LinkedHashMap<>();
        affectingByCell.forEach((cell, statuses) -> statusByCell.put(cell, statuses.isEmpty()
                ? failedOrReady(failed.get(cell)) : ReadinessStatus.rollUp(statuses)));
        return new ResourceSetReport(name, type, ReadinessStatus.rollUp(statusByCell.values()), statusByCell, reports,
                drift, checkedAt);
    }

    private static RuleReport judge(ReadinessRule rule, Map<String, Observation.Observed> observed,
            Map<String, Observation.Failed> failed) {
        Map<String, ReadinessStatus> statuses = new LinkedHashMap<>();
        List<String> messages = new ArrayList<>();
        failed.forEach((cell, f) -> {
            statuses.put(cell, f.failure().status());
            messages.add(cell + ": " + f.failure() + ": " + f.message());
        });
        List<Difference> differences = List.of();
        if (rule.scope() == Scope.ALL && !failed.isEmpty()) {
            observed.keySet().forEach(cell -> statuses.put(cell, ReadinessStatus.UNKNOWN));
            messages.add("cannot compare cells while a resource is unread");
        } else if (!observed.isEmpty()) {
            RuleOutcome outcome = rule.evaluate(observed);
            statuses.putAll(outcome.statusByCell());
            messages.addAll(outcome.messages());
            differences = outcome.differences();
        }
        return new RuleReport(rule.id(), rule.description(), rule.scope(), rule.affectsReadiness(),
                ReadinessStatus.rollUp(statuses.values()), statuses, messages, differences);
    }

    private static ReadinessStatus failedOrReady(Observation.Failed failed) {
        return failed == null ? ReadinessStatus.READY : failed.failure().status();
    }
}
