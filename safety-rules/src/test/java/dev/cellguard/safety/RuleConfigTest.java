package dev.cellguard.safety;

import static dev.cellguard.safety.RoutingControlState.OFF;
import static dev.cellguard.safety.RoutingControlState.ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleConfigTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(RuleConfig.atLeast(1), List.of(OFF, OFF), false),
                Arguments.of(RuleConfig.atLeast(1), List.of(ON, OFF), true),
                Arguments.of(RuleConfig.atLeast(2), List.of(ON, OFF, ON), true),
                Arguments.of(RuleConfig.atLeast(2), List.of(ON, OFF, OFF), false),
                Arguments.of(RuleConfig.atLeast(2).negate(), List.of(ON, ON), false),
                Arguments.of(RuleConfig.atLeast(2).negate(), List.of(ON, OFF), true),
                Arguments.of(RuleConfig.atLeast(2).negate(), List.of(OFF, OFF), true),
                Arguments.of(RuleConfig.and(), List.of(ON, ON, ON), true),
                Arguments.of(RuleConfig.and(), List.of(ON, OFF, ON), false),
                Arguments.of(RuleConfig.and().negate(), List.of(ON, OFF), true),
                Arguments.of(RuleConfig.or(), List.of(OFF, OFF), false),
                Arguments.of(RuleConfig.or(), List.of(OFF, ON), true),
                Arguments.of(RuleConfig.or().negate(), List.of(OFF, OFF), true));
    }

    @ParameterizedTest(name = "{0} over {1} holds = {2}")
    @MethodSource("cases")
    void evaluatesTypeThresholdAndInversion(RuleConfig config, List<RoutingControlState> states, boolean expected) {
        assertThat(config.holds(states)).isEqualTo(expected);
    }

    @Test
    void rejectsAtLeastThresholdBelowOne() {
        assertThatThrownBy(() -> new RuleConfig(RuleType.ATLEAST, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
    }

    @Test
    void ignoresThresholdForAndAndOr() {
        assertThat(new RuleConfig(RuleType.OR, 0, false).holds(List.of(ON))).isTrue();
        assertThat(new RuleConfig(RuleType.AND, 7, false).holds(List.of(ON))).isTrue();
    }

    @Test
    void describesItselfForMessages() {
        assertThat(RuleConfig.atLeast(2).negate().describe()).isEqualTo("ATLEAST 2 (inverted)");
        assertThat(RuleConfig.or().describe()).isEqualTo("OR");
    }

    @Test
    void parsesOnlyTheExactWireSpelling() {
        assertThat(RoutingControlState.fromWireName("On")).isEqualTo(ON);
        assertThat(RoutingControlState.fromWireName("Off")).isEqualTo(OFF);
        assertThatThrownBy(() -> RoutingControlState.fromWireName("ON")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutingControlState.fromWireName(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
