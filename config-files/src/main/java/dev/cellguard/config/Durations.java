package dev.cellguard.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as cellguard's files write them: {@code 500ms}, {@code 15s}, {@code 10m}, {@code 1h}. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("^(\\d+)(ms|s|m|h)$");

    private Durations() {
    }

    /** @throws IllegalArgumentException saying what a valid duration looks like */
    public static Duration parse(String value) {
        Matcher m = DURATION.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration such as 500ms, 15s, 10m, 1h");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
