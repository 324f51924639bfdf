package dev.cellguard.monitor.readiness;

import java.util.List;
import java.util.Map;

/** Something worth announcing that a new resource-set report brought. */
public sealed interface ReadinessChange {

    /** A cell's rolled-up readiness changed; {@code previous} is {@code null} for the first verdict. */
    record CellChanged(String cell, String parent, ReadinessStatus previous, ReadinessStatus current,
                       Map<String, ReadinessStatus> resourceSets, List<String> notReadyRules) implements ReadinessChange {
    }

    /** A resource set started to drift, or drifts in a different way than announced. */
    record DriftDetected(ResourceSetReport report) implements ReadinessChange {
    }

    /** A resource set no longer drifts; {@code ruleIds} are the rules that had found the drift. */
    record DriftResolved(ResourceSetReport report, List<String> ruleIds) implements ReadinessChange {
    }
}
