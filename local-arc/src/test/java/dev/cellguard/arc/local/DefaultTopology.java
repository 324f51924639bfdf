package dev.cellguard.arc.local;

/** The ARNs of the default topology resource, for tests. */
final class DefaultTopology {

    static final String CLUSTER = "arn:aws:route53-recovery-control::111122223333:cluster/7d2d9c4e-2f6a-4f53-9b6f-0c1e5b1a9f10";
    static final String PANEL = "arn:aws:route53-recovery-control::111122223333:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a";
    static final String US_WEST_2 = PANEL + "/routingcontrol/a1b2c3d4e5f60718";
    static final String EU_WEST_1 = PANEL + "/routingcontrol/1827364554637281";
    static final String NO_FAIL_OPEN = PANEL + "/safetyrule/0f1e2d3c4b5a6978";
    static final String AT_MOST_ONE_REGION_ACTIVE = PANEL + "/safetyrule/8796a5b4c3d2e1f0";

    private DefaultTopology() {
    }
}
