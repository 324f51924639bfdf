package dev.cellguard.audit.store;

import dev.cellguard.audit.chain.AuditChain;
import dev.cellguard.audit.chain.AuditRecord;
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
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.UUID;
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

    private final EntityManager entityManager;

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
                    return AuditChain.verify(startSeq, startHash, rows(rs));
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

    private static Iterator<AuditChain.Stored> rows(ResultSet rs) {
        return new Iterator<>() {
            private Boolean ready;

            @Override
            public boolean hasNext() {
                if (ready == null) {
                    try {
                        ready = rs.next();
                    } catch (SQLException e) {
                        throw new IllegalStateException("reading the audit trail failed", e);
                    }
                }
                return ready;
            }

            @Override
            public AuditChain.Stored next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = null;
                try {
                    return new AuditChain.Stored(new AuditRecord(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                            rs.getObject(8, UUID.class), rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11),
                            rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16)),
                            rs.getBytes(17));
                } catch (SQLException e) {
                    throw new IllegalStateException("reading the audit trail failed", e);
                }
            }
        };
    }
}
