package dev.cellguard.arc.local.topology;

import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.GatingRule;
import java.util.List;

/**
 * A control panel: a group of routing controls and the safety rules that guard them.
 *
 * @param arn             its ARN
 * @param name            its name
 * @param routingControls its routing controls, in topology order
 * @param assertionRules  its assertion rules
 * @param gatingRules     its gating rules
 */
public record ControlPanel(String arn, String name, List<RoutingControl> routingControls,
                           List<AssertionRule> assertionRules, List<GatingRule> gatingRules) {

    public ControlPanel {
        routingControls = List.copyOf(routingControls);
        assertionRules = List.copyOf(assertionRules);
        gatingRules = List.copyOf(gatingRules);
    }
}
