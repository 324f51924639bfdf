package dev.cellguard.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit trail's hash chain. Each record's hash is SHA-256 over the previous record's hash and
 * the record's canonical form, so changing, removing or reordering any record breaks every link
 * after it. The canonical form is versioned and line-based — one field a line, in a fixed order,
 * instants as epoch microseconds, absent values as empty lines, the event as the database's
 * canonical JSON text — so it can be recomputed from a row without parsing anything.
 */
public final class AuditChain {

    /** The hash before the first record. */
    public static final byte[] GENESIS = new byte[32];
    static final String FORMAT = "cellguard-audit-v1";

    private AuditChain() {
    }

    /** The bytes that are hashed for a record. */
    public static byte[] canonical(AuditRecord r) {
        StringBuilder text = new StringBuilder(256 + r.eventText().length())
                .append(FORMAT).append('\n')
                .append(r.seq()).append('\n')
                .append(r.eventId()).append('\n')
                .append(r.type()).append('\n')
                .append(micros(r.occurredAt())).append('\n')
                .append(micros(r.recordedAt())).append('\n')
                .append(r.recoveryGroup()).append('\n');
        line(text, r.cell());
        line(text, r.correlationId());
        line(text, r.causationId());
        line(text, r.sourceService());
        line(text, r.sourceInstance());
        line(text, r.observer());
        line(text, r.subject());
        line(text, r.actor());
        line(text, r.outcome());
        text.append(r.eventText());
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record's hash, given the hash of the record before it. */
    public static byte[] link(byte[] previousHash, AuditRecord record) {
        MessageDigest sha = sha256();
        sha.update(previousHash);
        sha.update(canonical(record));
        return sha.digest();
    }

    /** A record and the hash stored with it. */
    public record Stored(AuditRecord record, byte[] hash) {
    }

    /** The first place the chain does not hold, and why. */
    public record BrokenLink(long seq, String reason) {
    }

    /**
     * What a verification found.
     *
     * @param checked  records checked
     * @param lastSeq  the last record checked (or the start's, if none)
     * @param lastHash its stored hash
     */
    public record Verification(long checked, Optional<BrokenLink> firstBroken, long lastSeq, byte[] lastHash) {

        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }

    /**
     * Checks records in seq order, starting after {@code startSeq} whose hash was {@code startHash}
     * (the genesis, or a retention checkpoint). Stops at the first broken link: a missing seq, a
     * stored hash that does not match the record and its predecessor.
     */
    public static Verification verify(long startSeq, byte[] startHash, Iterator<Stored> records) {
        long expectedSeq = startSeq + 1;
        byte[] previous = startHash;
        long checked = 0;
        long lastSeq = startSeq;
        while (records.hasNext()) {
            Stored stored = records.next();
            long seq = stored.record().seq();
            if (seq != expectedSeq) {
                return new Verification(checked, Optional.of(new BrokenLink(expectedSeq, seq > expectedSeq
                        ? "record " + expectedSeq + " is missing (next is " + seq + ")"
                        : "record " + seq + " is out of order")), lastSeq, previous);
            }
            byte[] expected = link(previous, stored.record());
            if (!Arrays.equals(expected, stored.hash())) {
                return new Verification(checked, Optional.of(new BrokenLink(seq,
                        "stored hash " + hex(stored.hash()) + " does not match the record (expected " + hex(expected) + ")")),
                        lastSeq, previous);
            }
            checked++;
            previous = stored.hash();
            lastSeq = seq;
            expectedSeq++;
        }
        return new Verification(checked, Optional.empty(), lastSeq, previous);
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** Instants as the database keeps them: microseconds. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void line(StringBuilder text, Object value) {
        if (value != null) {
            text.append(value instanceof UUID u ? u.toString() : value.toString().replace('\n', ' '));
        }
        text.append('\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
