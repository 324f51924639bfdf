package dev.cellguard.orchestrator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.CellReadinessChanged;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.EventPayload;
import dev.cellguard.contracts.EventSource;
import dev.cellguard.contracts.FieldDifference;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.ReadinessSnapshot;
import dev.cellguard.contracts.ResourceSetDriftDetected;
import dev.cellguard.contracts.ResourceSetDriftResolved;
import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.GatingRule;
import dev.cellguard.safety.RuleConfig;
import dev.cellguard.safety.SafetyRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cells, routing controls, safety rules, policies and signals for tests of the failover policy.
 * The ARNs are those of the local ARC's default topology; a third cell exists only for engine-level
 * tests that need a choice of targets.
 */
public final class PolicyFixtures {

    public static final String PANEL = "arn:aws:route53-recovery-control::111122223333:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a";
    public static final String WEST_ARN = PANEL + "/routingcontrol/a1b2c3d4e5f60718";
    public static final String EU_ARN = PANEL + "/routingcontrol/1827364554637281";
    public static final String AP_ARN = PANEL + "/routingcontrol/00000000000000a3";
    /** A routing control no cell routes to: the gating control of a kill switch. */
    public static final String KILL_SWITCH_ARN = PANEL + "/routingcontrol/000000000000c0de";
    public static final String NO_FAIL_OPEN_ARN = PANEL + "/safetyrule/0f1e2d3c4b5a6978";
    public static final String AT_MOST_ONE_ACTIVE_ARN = PANEL + "/safetyrule/8796a5b4c3d2e1f0";
    public static final String EU_STAYS_OFF_ARN = PANEL + "/safetyrule/00000000000e0ff0";
    public static final String KILL_SWITCH_RULE_ARN = PANEL + "/safetyrule/000000000000d1e0";

    public static final String WEST = "us-west-2";
    public static final String EU = "eu-west-1";
    public static final String AP = "ap-southeast-2";

    public static final String RECOVERY_GROUP = "orders";
    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    public static final EventSource MONITOR = new EventSource("readiness-monitor", "test");

    public static final SafetyRule NO_FAIL_OPEN = new AssertionRule(NO_FAIL_OPEN_ARN, "no-fail-open",
            List.of(WEST_ARN, EU_ARN), RuleConfig.atLeast(1), 5000);
    public static final SafetyRule AT_MOST_ONE_ACTIVE = new AssertionRule(AT_MOST_ONE_ACTIVE_ARN, "at-most-one-region-active",
            List.of(WEST_ARN, EU_ARN), RuleConfig.atLeast(2).negate(), 5000);
    /** "eu-west-1 must stay Off": blocks every placement that turns it On. */
    public static final SafetyRule EU_STAYS_OFF = new AssertionRule(EU_STAYS_OFF_ARN, "eu-west-1-stays-off",
            List.of(EU_ARN), RuleConfig.atLeast(1).negate(), 0);
    /** The documented kill switch: the cell controls change only while the kill switch is On. */
    public static final SafetyRule KILL_SWITCH = new GatingRule(KILL_SWITCH_RULE_ARN, "automation-kill-switch",
            List.of(KILL_SWITCH_ARN), List.of(WEST_ARN, EU_ARN), RuleConfig.or(), 0);

    private PolicyFixtures() {
    }

    // ---- policies --------------------------------------------------------------------------

    /** A policy builder starting from: AUTO, health UNHEALTHY for 0 s by 1 observer, strict, 10 m cooldown, 2 an hour. */
    public static PolicyBuilder policy(String name) {
        return new PolicyBuilder(name);
    }

    public static final class PolicyBuilder {
        private final String name;
        private Mode mode = Mode.AUTO;
        private Trigger.Condition condition = Trigger.Condition.HEALTH_UNHEALTHY;
        private Duration sustainedFor = Duration.ZERO;
        private int observersAgreeing = 1;
        private Requirements require = Requirements.STRICT;
        private Duration cooldown = Duration.ofMinutes(10);
        private int perHour = 2;

        private PolicyBuilder(String name) {
            this.name = name;
        }

        public PolicyBuilder mode(Mode value) {
            mode = value;
            return this;
        }

        public PolicyBuilder when(Trigger.Condition value, Duration sustained, int agreeing) {
            condition = value;
            sustainedFor = sustained;
            observersAgreeing = agreeing;
            return this;
        }

        public PolicyBuilder require(Requirements value) {
            require = value;
            return this;
        }

        public PolicyBuilder cooldown(Duration value) {
            cooldown = value;
            return this;
        }

        public PolicyBuilder maxFailoversPerHour(int value) {
            perHour = value;
            return this;
        }

        public Policy build() {
            return new Policy(name, mode, new Trigger(condition, sustainedFor, observersAgreeing), require, cooldown, perHour);
        }
    }

    // ---- documents -------------------------------------------------------------------------

    /** us-west-2 (primary) and eu-west-1, with the no-fail-open and at-most-one-active rules. */
    public static DocumentBuilder twoCells() {
        return new DocumentBuilder(List.of(new CellRoute(WEST, WEST_ARN, 1), new CellRoute(EU, EU_ARN, 2)))
                .rules(NO_FAIL_OPEN, AT_MOST_ONE_ACTIVE);
    }

    /** us-west-2 (primary), eu-west-1 and ap-southeast-2, with no safety rule. */
    public static DocumentBuilder threeCells() {
        return new DocumentBuilder(List.of(new CellRoute(WEST, WEST_ARN, 1), new CellRoute(EU, EU_ARN, 2),
                new CellRoute(AP, AP_ARN, 3)));
    }

    public static final class DocumentBuilder {
        private final List<CellRoute> cells;
        private final List<Policy> policies = new ArrayList<>();
        private Failback failback = new Failback(Mode.DISABLED, Duration.ofMinutes(30));
        private Duration approvalTimeout = Duration.ofMinutes(15);
        private Duration startupGrace = Duration.ZERO;
        private List<SafetyRule> rules = List.of();

        private DocumentBuilder(List<CellRoute> cells) {
            this.cells = cells;
        }

        public DocumentBuilder policy(Policy value) {
            policies.add(value);
            return this;
        }

        public DocumentBuilder policy(PolicyBuilder value) {
            return policy(value.build());
        }

        public DocumentBuilder failback(Mode mode, Duration stableFor) {
            failback = new Failback(mode, stableFor);
            return this;
        }

        public DocumentBuilder approvalTimeout(Duration value) {
            approvalTimeout = value;
            return this;
        }

        public DocumentBuilder startupGrace(Duration value) {
            startupGrace = value;
            return this;
        }

        public DocumentBuilder rules(SafetyRule... value) {
            rules = List.of(value);
            return this;
        }

        public PolicyDocument build() {
            return new PolicyDocument("test-policy.yaml", "sha256:0011223344556677", RECOVERY_GROUP, cells, policies, failback,
                    approvalTimeout, startupGrace, rules);
        }
    }

    // ---- signals ---------------------------------------------------------------------------

    public static EventEnvelope<CellHealthChanged> health(String cell, String observer, HealthStatus status, Instant at) {
        return EventEnvelope.create(new CellHealthChanged(observer, status, null, "https://" + cell + ".example/health",
                "probe " + status, 3, 12L), MONITOR, RECOVERY_GROUP, cell, null, at);
    }

    public static EventEnvelope<CellReadinessChanged> readiness(String cell, String observer, Readiness status, Instant at) {
        return EventEnvelope.create(new CellReadinessChanged(observer, status, null, null, Map.of("orders-app", status),
                status == Readiness.READY ? List.of() : List.of("orders-app/capacity")), MONITOR, RECOVERY_GROUP, cell, null, at);
    }

    /** Drift of a resource set between the given cells (each with its own value of the differing field). */
    public static EventEnvelope<ResourceSetDriftDetected> driftDetected(String observer, String resourceSet, Instant at,
            String... cells) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            values.put(cells[i], TextNode.valueOf("1." + i + ".0"));
        }
        return EventEnvelope.create(new ResourceSetDriftDetected(observer, resourceSet, "http-json", List.of("version-parity"),
                List.of(new FieldDifference("version-parity", "/app/version", values))), MONITOR, RECOVERY_GROUP, null, null, at);
    }

    public static EventEnvelope<ResourceSetDriftResolved> driftResolved(String observer, String resourceSet, Instant at) {
        return EventEnvelope.create(new ResourceSetDriftResolved(observer, resourceSet, "http-json", List.of("version-parity")),
                MONITOR, RECOVERY_GROUP, null, null, at);
    }

    /** A snapshot in which every given cell has the same health and readiness, and one resource set. */
    public static EventEnvelope<ReadinessSnapshot> snapshot(String observer, Instant at, HealthStatus health, Readiness readiness,
            String resourceSet, boolean drifting, String... cells) {
        Map<String, ReadinessSnapshot.CellView> views = new LinkedHashMap<>();
        for (String cell : cells) {
            views.put(cell, new ReadinessSnapshot.CellView(readiness, health, null));
        }
        return EventEnvelope.create(new ReadinessSnapshot(observer, readiness, views,
                Map.of(resourceSet, new ReadinessSnapshot.ResourceSetView("http-json", readiness, drifting, at))),
                MONITOR, RECOVERY_GROUP, null, null, at);
    }

    /** The same event under a new id: what a producer that lost track would send again. */
    public static <T extends EventPayload> EventEnvelope<T> resent(EventEnvelope<T> event) {
        return new EventEnvelope<>(UUID.randomUUID(), event.type(), event.version(), event.occurredAt(), event.source(),
                event.recoveryGroup(), event.cell(), event.correlationId(), event.causationId(), event.payload());
    }
}
