package dev.cellguard.audit.store;

import dev.cellguard.audit.chain.AuditChain;
import dev.cellguard.audit.chain.AuditRecord;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hibernate.Session;

/**
 * Verifies the hash chain over a range of recording time, reading rows in seq order with a
 * streaming cursor: the chain is recomputed from each row exactly as stored (the event as the
 * database renders it), starting from the hash stored with the record just before the range — or,
 * from the start, the genesis or the latest retention checkpoint.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final String COLUMNS = "seq, event_id, type, occurred_at, recorded_at, recovery_group, cell, correlation_id, "
            + "causation_id, source_service, source_instance, observer, subject, actor, outcome, event::text, hash";

    private static final int CHUNK = 1_000;
    private static final int QUEUED_CHUNKS = 8;

    private final EntityManager entityManager;
    private final ExecutorService hashers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "audit-verify");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public ChainVerifier(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @param from inclusive, {@code null} for the start; @param to exclusive, {@code null} for the end */
    @Transactional
    public AuditChain.Verification verify(Instant from, Instant to) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            long startSeq;
            byte[] startHash;
            if (from == null) {
                long[] checkpointSeq = new long[1];
                byte[] checkpointHash = latestCheckpoint(connection, checkpointSeq);
                startSeq = checkpointHash == null ? 0 : checkpointSeq[0];
                startHash = checkpointHash == null ? AuditChain.GENESIS : checkpointHash;
            } else {
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT seq, hash FROM audit_record WHERE recorded_at < ? ORDER BY seq DESC LIMIT 1")) {
                    ps.setTimestamp(1, Timestamp.from(from));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            startSeq = rs.getLong(1);
                            startHash = rs.getBytes(2);
                        } else {
                            long[] checkpointSeq = new long[1];
                            byte[] checkpointHash = latestCheckpoint(connection, checkpointSeq);
                            startSeq = checkpointHash == null ? 0 : checkpointSeq[0];
                            startHash = checkpointHash == null ? AuditChain.GENESIS : checkpointHash;
                        }
                    }
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_record WHERE seq > ?"
                    + (to == null ? "" : " AND recorded_at < ?") + " ORDER BY seq")) {
                ps.setFetchSize(5_000);
                ps.setLong(1, startSeq);
                if (to != null) {
                    ps.setTimestamp(2, Timestamp.from(to));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return verifyWhileReading(startSeq, startHash, rs);
                }
            }
        });
    }

    private static byte[] latestCheckpoint(Connection connection, long[] seqOut) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_checkpoint ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                seqOut[0] = rs.getLong(1);
                return rs.getBytes(2);
            }
            return null;
        }
    }

    /**
     * PostgreSQL rendering the rows and the hashing each take about half the work of a verification:
     * the rows are read ahead on this thread (it owns the transaction's connection) while another
     * recomputes the chain, which stops the reading as soon as it finds a broken link.
     */
    private AuditChain.Verification verifyWhileReading(long startSeq, byte[] startHash, ResultSet rs) throws SQLException {
        return ReadAhead.consume(() -> rs.next() ? stored(rs) : null, rows -> AuditChain.verify(startSeq, startHash, rows), hashers,
                CHUNK, QUEUED_CHUNKS);
    }

    private static AuditChain.Stored stored(ResultSet rs) throws SQLException {
        return new AuditChain.Stored(new AuditRecord(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                rs.getObject(8, UUID.class), rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16)),
                rs.getBytes(17));
    }

    @PreDestroy
    void stop() {
        hashers.shutdownNow();
    }
}
