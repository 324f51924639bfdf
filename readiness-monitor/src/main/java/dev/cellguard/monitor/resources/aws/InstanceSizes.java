package dev.cellguard.monitor.resources.aws;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EC2's instance size normalization factors, so that capacity built from different sizes can be
 * compared: {@code nano} 0.25, {@code micro} 0.5, {@code small} 1, {@code medium} 2, {@code large} 4,
 * {@code xlarge} 8 and {@code Nxlarge} N × 8 (a {@code c5.4xlarge} counts as 32 {@code small}s).
 * RDS classes use the same sizes after their {@code db.} prefix ({@code db.r6g.2xlarge} → 16).
 *
 * <p>Bare-metal sizes have no fixed factor in AWS's table, because a metal instance is a whole host
 * of its family:
 * <ul>
 *   <li>{@code metal-Nxl} (e.g. {@code m7i.metal-24xl}) counts as {@code Nxlarge};</li>
 *   <li>plain {@code metal} counts as the largest {@code Nxlarge} of the same family among the other
 *       types the caller knows of (e.g. an Auto Scaling group that also lists {@code m5.24xlarge}),
 *       else as {@value #METAL_DEFAULT_FACTOR} ({@code 24xlarge}, the most common metal size).</li>
 * </ul>
 */
final class InstanceSizes {

    /** A bare {@code metal} instance whose family gives no hint counts as a {@code 24xlarge}. */
    static final double METAL_DEFAULT_FACTOR = 192;

    private static final Map<String, Double> NAMED_SIZES = Map.of(
            "nano", 0.25, "micro", 0.5, "small", 1.0, "medium", 2.0, "large", 4.0, "xlarge", 8.0);
    private static final Pattern MULTIPLE_XLARGE = Pattern.compile("(\\d+)xlarge");
    private static final Pattern METAL_SIZED = Pattern.compile("metal-(\\d+)xl");

    private InstanceSizes() {
    }

    /**
     * @param instanceType an EC2 instance type or RDS instance class, e.g. {@code m5.large}, {@code db.r6g.xlarge}
     * @param knownTypes   other types of the same resource, used to size a bare {@code metal}
     * @return the normalization factor, or empty if the size is not one we know
     */
    static OptionalDouble normalizationFactor(String instanceType, Collection<String> knownTypes) {
        String[] parts = split(instanceType);
        if (parts == null) {
            return OptionalDouble.empty();
        }
        String family = parts[0];
        String size = parts[1];
        if (size.equals("metal")) {
            // the largest sized (non-metal) member of the same family, if the caller knows one
            double largestSibling = knownTypes.stream()
                    .map(InstanceSizes::split)
                    .filter(other -> other != null && other[0].equals(family))
                    .mapToDouble(other -> sizeFactor(other[1]).orElse(0))
                    .max()
                    .orElse(0);
            return OptionalDouble.of(largestSibling > 0 ? largestSibling : METAL_DEFAULT_FACTOR);
        }
        return sizeFactor(size);
    }

    private static OptionalDouble sizeFactor(String size) {
        Double named = NAMED_SIZES.get(size);
        if (named != null) {
            return OptionalDouble.of(named);
        }
        Matcher multiple = MULTIPLE_XLARGE.matcher(size);
        if (multiple.matches()) {
            return OptionalDouble.of(Integer.parseInt(multiple.group(1)) * 8.0);
        }
        Matcher metal = METAL_SIZED.matcher(size);
        if (metal.matches()) {
            return OptionalDouble.of(Integer.parseInt(metal.group(1)) * 8.0);
        }
        return OptionalDouble.empty();
    }

    /** {@code [family, size]}: {@code db.r6g.large} → {@code [r6g, large]}; null if there is no size part. */
    private static String[] split(String instanceType) {
        if (instanceType == null) {
            return null;
        }
        String type = instanceType.trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("db.")) {
            type = type.substring(3);
        }
        int dot = type.lastIndexOf('.');
        if (dot <= 0 || dot == type.length() - 1) {
            return null;
        }
        return new String[] {type.substring(0, dot), type.substring(dot + 1)};
    }
}
