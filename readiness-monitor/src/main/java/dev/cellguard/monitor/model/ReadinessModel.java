package dev.cellguard.monitor.model;

import java.util.List;

/**
 * What the monitor watches, as read from the model file: recovery groups → cells (nested) →
 * resource sets (one resource per cell, of one type).
 *
 * @param source where the model was read from, for messages
 */
public record ReadinessModel(String source, List<RecoveryGroupSpec> recoveryGroups) {

    public ReadinessModel {
        recoveryGroups = List.copyOf(recoveryGroups);
    }
}
