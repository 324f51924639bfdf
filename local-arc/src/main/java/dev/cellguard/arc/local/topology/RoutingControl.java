package dev.cellguard.arc.local.topology;

import dev.cellguard.safety.RoutingControlState;

/**
 * A routing control of the topology.
 *
 * @param arn             its ARN
 * @param name            its name (unique within its control panel)
 * @param controlPanelArn the control panel it belongs to
 * @param initialState    its state when the local ARC starts or is reset
 */
public record RoutingControl(String arn, String name, String controlPanelArn, RoutingControlState initialState) {
}
