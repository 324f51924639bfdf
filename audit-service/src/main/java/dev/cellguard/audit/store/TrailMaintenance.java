package dev.cellguard.audit.store;

import dev.cellguard.audit.config.AuditConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Keeps the monthly partitions ready (this month and the next) and applies retention: a month
 * entirely older than the retention period is dropped as a whole partition, after a checkpoint
 * records the last purged record's seq and hash, who signed the purge off, and a signature over
 * both. Verification then continues from that checkpoint. Without a sign-off nothing is purged.
 */
@ApplicationScoped
public class TrailMaintenance {

    private static final Pattern MONTH_PARTITION = Pattern.compile("audit_record_(\\d{4})_(\\d{2})");

    private final EntityManager entityManager;
    private final AuditConfig config;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService timer;

    @Inject
    public TrailMaintenance(EntityManager entityManager, AuditConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-maintenance");
            t.setDaemon(true);
            return t;
        });
        long every = config.maintenanceInterval().toMillis();
        timer.scheduleWithFixedDelay(this::runSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void runSafely() {
        try {
            ensurePartitions(clock.instant());
            config.retention().keep().ifPresent(keep -> config.retention().signedOffBy().ifPresentOrElse(
                    who -> purgeBefore(clock.instant().minus(keep), who, "retention of " + keep.toDays() + " days"),
                    () -> Log.warn("cellguard.audit.retention.keep is set but cellguard.audit.retention.signed-off-by is not: nothing is purged")));
        } catch (RuntimeException e) {
            Log.errorf(e, "Audit trail maintenance failed; it will run again in %s", config.maintenanceInterval());
        }
    }

    /** Makes sure the partitions of this month and the next exist. */
    @Transactional
    public void ensurePartitions(Instant now) {
        LocalDate month = YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1);
        entityManager.createNativeQuery("SELECT audit_ensure_month(CAST(?1 AS date))").setParameter(1, month.toString()).getSingleResult();
        entityManager.createNativeQuery("SELECT audit_ensure_month(CAST(?1 AS date))").setParameter(1, month.plusMonths(1).toString())
                .getSingleResult();
    }

    /**
     * Drops every monthly partition that ends at or before {@code cutoff}, oldest first, each after a
     * signed-off checkpoint. Returns the partitions dropped.
     */
    @Transactional
    public List<String> purgeBefore(Instant cutoff, String signedOffBy, String reason) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<String> dropped = new ArrayList<>();
            for (String partition : monthPartitions(connection)) {
                Matcher m = MONTH_PARTITION.matcher(partition);
                if (!m.matches()) {
                    continue;
                }
                Instant end = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).plusMonths(1).atDay(1)
                        .atStartOfDay().toInstant(ZoneOffset.UTC);
                if (end.isAfter(cutoff)) {
                    break;
                }
                checkpoint(connection, partition, end, signedOffBy, reason);
                try (Statement st = connection.createStatement()) {
                    st.execute("DROP TABLE " + partition);
                }
                Log.infof("Purged audit partition %s (records before %s), signed off by %s", partition, end, signedOffBy);
                dropped.add(partition);
            }
            return dropped;
        });
    }

    private static List<String> monthPartitions(Connection connection) throws java.sql.SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                WHERE p.relname = 'audit_record' ORDER BY c.relname""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private void checkpoint(Connection connection, String partition, Instant purgedBefore, String signedOffBy, String reason)
            throws java.sql.SQLException {
        long lastSeq;
        byte[] lastHash;
        long records;
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, hash, (SELECT count(*) FROM " + partition + ") FROM "
                + partition + " ORDER BY seq DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return; // an empty month: nothing to vouch for
            }
            lastSeq = rs.getLong(1);
            lastHash = rs.getBytes(2);
            records = rs.getLong(3);
        }
        Instant now = clock.instant();
        String signed = String.join("\n", "cellguard-audit-checkpoint-v1", now.toString(), purgedBefore.toString(),
                Long.toString(lastSeq), HexFormat.of().formatHex(lastHash), Long.toString(records), signedOffBy, reason);
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO audit_checkpoint (created_at, purged_before, last_seq, last_hash, records, signed_off_by, reason, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(purgedBefore));
            ps.setLong(3, lastSeq);
            ps.setBytes(4, lastHash);
            ps.setLong(5, records);
            ps.setString(6, signedOffBy);
            ps.setString(7, reason);
            ps.setBytes(8, sha256(signed));
            ps.executeUpdate();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
