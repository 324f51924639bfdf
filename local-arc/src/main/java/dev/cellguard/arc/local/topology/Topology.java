package dev.cellguard.arc.local.topology;

import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.safety.SafetyRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster the local ARC serves: its control panels, routing controls and safety rules, as
 * read (and validated) by {@link TopologyLoader}.
 *
 * @param source        where it was read from, for messages
 * @param clusterArn    the cluster ARN
 * @param owner         the AWS account ID that owns the resources (the {@code Owner} the data plane reports)
 * @param controlPanels the control panels, in file order
 */
public record Topology(String source, String clusterArn, String owner, List<ControlPanel> controlPanels) {

    public Topology {
        controlPanels = List.copyOf(controlPanels);
    }

    /** Every routing control, panel by panel, in file order. */
    public List<RoutingControl> routingControls() {
        var all = new ArrayList<RoutingControl>();
        controlPanels.forEach(panel -> all.addAll(panel.routingControls()));
        return all;
    }

    /** Every safety rule: per panel, assertion rules then gating rules, in file order. */
    public List<SafetyRule> safetyRules() {
        var all = new ArrayList<SafetyRule>();
        for (ControlPanel panel : controlPanels) {
            all.addAll(panel.assertionRules());
            all.addAll(panel.gatingRules());
        }
        return all;
    }

    /** The initial state of every routing control, in file order. */
    public Map<String, RoutingControlState> initialState() {
        var state = new LinkedHashMap<String, RoutingControlState>();
        routingControls().forEach(control -> state.put(control.arn(), control.initialState()));
        return state;
    }

    public Optional<RoutingControl> routingControl(String arn) {
        return routingControls().stream().filter(control -> control.arn().equals(arn)).findFirst();
    }

    public Optional<ControlPanel> controlPanel(String arn) {
        return controlPanels.stream().filter(panel -> panel.arn().equals(arn)).findFirst();
    }
}
