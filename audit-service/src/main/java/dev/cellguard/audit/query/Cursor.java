package dev.cellguard.audit.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a page ended, for keyset pagination: the last record's occurrence time and seq. Opaque to
 * clients; pages stay correct while records are inserted, because the next page starts strictly
 * after this point in (occurred at, seq) order.
 */
public record Cursor(Instant occurredAt, long seq) {

    private static final String VERSION = "v1";

    public String encode() {
        String text = VERSION + ":" + ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt) + ":" + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for anything this class did not produce */
    public static Cursor decode(String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        String[] parts = text.split(":");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        try {
            return new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
    }
}
