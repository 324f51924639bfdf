package dev.cellguard.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyRuleDefinitionTest {

    @Test
    void assertionRuleGovernsAndEvaluatesItsAssertedControls() {
        var rule = new AssertionRule("arn:rule", "no-fail-open", List.of("a", "b"), RuleConfig.atLeast(1), 5000);
        assertThat(rule.governedControls()).containsExactly("a", "b");
        assertThat(rule.evaluatedControls()).containsExactly("a", "b");
    }

    @Test
    void gatingRuleGovernsTargetsAndEvaluatesGatingControls() {
        var rule = new GatingRule("arn:rule", "kill-switch", List.of("k"), List.of("a", "b"), RuleConfig.or(), 0);
        assertThat(rule.governedControls()).containsExactly("a", "b");
        assertThat(rule.evaluatedControls()).containsExactly("k");
    }

    @Test
    void rejectsEmptyControlLists() {
        assertThatThrownBy(() -> new AssertionRule("arn:rule", "r", List.of(), RuleConfig.or(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assertedControls");
        assertThatThrownBy(() -> new GatingRule("arn:rule", "r", List.of("k"), List.of(), RuleConfig.or(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetControls");
    }

    @Test
    void rejectsAControlListedTwice() {
        assertThatThrownBy(() -> new AssertionRule("arn:rule", "r", List.of("a", "a"), RuleConfig.or(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void rejectsAThresholdLargerThanTheEvaluatedControls() {
        assertThatThrownBy(() -> new AssertionRule("arn:rule", "r", List.of("a", "b"), RuleConfig.atLeast(3), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new GatingRule("arn:rule", "r", List.of("k"), List.of("a", "b"), RuleConfig.atLeast(2), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gating controls");
    }

    @Test
    void rejectsBlankArnOrNameAndNegativeWaitPeriod() {
        assertThatThrownBy(() -> new AssertionRule(" ", "r", List.of("a"), RuleConfig.or(), 0))
                .hasMessageContaining("arn");
        assertThatThrownBy(() -> new AssertionRule("arn:rule", "", List.of("a"), RuleConfig.or(), 0))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new AssertionRule("arn:rule", "r", List.of("a"), RuleConfig.or(), -1))
                .hasMessageContaining("waitPeriodMs");
    }
}
