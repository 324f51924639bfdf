package dev.cellguard.safety;

import java.util.Collection;
import java.util.Objects;

/**
 * The condition a safety rule checks, as in the control-config API's {@code RuleConfig}
 * ({@code Type}, {@code Threshold}, {@code Inverted}).
 *
 * <ul>
 *   <li>{@link RuleType#ATLEAST}: at least {@code threshold} controls are On;</li>
 *   <li>{@link RuleType#AND}: all controls are On;</li>
 *   <li>{@link RuleType#OR}: at least one control is On.</li>
 * </ul>
 * {@code inverted} negates the result. For example "at most one Region active" over two cells is
 * {@code ATLEAST 2, inverted}: it holds unless both are On.
 *
 * <p>The threshold only matters for {@code ATLEAST}, where it must be at least 1; AND and OR ignore it
 * (the control-config API still requires a value, so it is kept as given).
 *
 * @param type      how the controls' states are combined
 * @param threshold the minimum number of On controls for {@code ATLEAST}
 * @param inverted  whether the result is negated
 */
public record RuleConfig(RuleType type, int threshold, boolean inverted) {

    public RuleConfig {
        Objects.requireNonNull(type, "type");
        if (type == RuleType.ATLEAST && threshold < 1) {
            throw new IllegalArgumentException("ATLEAST threshold must be at least 1, got " + threshold);
        }
    }

    /** {@code ATLEAST threshold}, not inverted. */
    public static RuleConfig atLeast(int threshold) {
        return new RuleConfig(RuleType.ATLEAST, threshold, false);
    }

    /** {@code AND}, not inverted. */
    public static RuleConfig and() {
        return new RuleConfig(RuleType.AND, 1, false);
    }

    /** {@code OR}, not inverted. */
    public static RuleConfig or() {
        return new RuleConfig(RuleType.OR, 1, false);
    }

    /** The same condition with {@code inverted} flipped. */
    public RuleConfig negate() {
        return new RuleConfig(type, threshold, !inverted);
    }

    /**
     * Whether the condition holds when {@code onCount} of {@code controlCount} controls are On.
     *
     * @throws IllegalArgumentException if the counts are inconsistent
     */
    public boolean holds(int onCount, int controlCount) {
        if (onCount < 0 || controlCount < 0 || onCount > controlCount) {
            throw new IllegalArgumentException("Inconsistent counts: " + onCount + " On of " + controlCount);
        }
        boolean result = switch (type) {
            case ATLEAST -> onCount >= threshold;
            case AND -> onCount == controlCount;
            case OR -> onCount >= 1;
        };
        return inverted != result;
    }

    /** Whether the condition holds for the given states (one per control, in any order). */
    public boolean holds(Collection<RoutingControlState> states) {
        int on = 0;
        for (RoutingControlState state : states) {
            if (Objects.requireNonNull(state, "state").isOn()) {
                on++;
            }
        }
        return holds(on, states.size());
    }

    /** A short human-readable form, e.g. {@code "ATLEAST 2 (inverted)"} or {@code "OR"}. */
    public String describe() {
        String base = type == RuleType.ATLEAST ? "ATLEAST " + threshold : type.name();
        return inverted ? base + " (inverted)" : base;
    }
}
