package dev.cellguard.audit.store;

import dev.cellguard.audit.chain.AuditChain;
import dev.cellguard.audit.chain.AuditFields;
import dev.cellguard.audit.chain.AuditRecord;
import dev.cellguard.contracts.EventEnvelope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Appends events to the audit trail, each exactly once and in one chain. An append locks the chain
 * head, skips events already stored (redeliveries, duplicate sends), has the database render each
 * new event's JSON in its canonical {@code jsonb} form, links every record to the one before it
 * and moves the head — all in one transaction, so a batch is stored whole or not at all.
 */
@ApplicationScoped
public class AuditStore {

    /** An event as it arrived: the decoded envelope and its JSON text. */
    public record Incoming(EventEnvelope<?> event, String json) {
    }

    /** How an append went: records written and events skipped as already stored. */
    public record Appended(int stored, int duplicates, long lastSeq) {
    }

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final Clock clock;

    @Inject
    public AuditStore(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.clock = Clock.systemUTC();
    }

    /** Whether PostgreSQL answers at all (used to decide when ingest may resume). */
    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Transactional
    public Appended append(List<Incoming> batch) {
        Session session = entityManager.unwrap(Session.class);
        return session.doReturningWork(connection -> {
            Head head = lockHead(connection);
            Map<UUID, Incoming> fresh = new LinkedHashMap<>();
            Set<UUID> known = known(connection, batch.stream().map(i -> i.event().id()).toList());
            for (Incoming incoming : batch) {
                if (!known.contains(incoming.event().id())) {
                    fresh.putIfAbsent(incoming.event().id(), incoming);
                }
            }
            if (fresh.isEmpty()) {
                return new Appended(0, batch.size(), head.seq);
            }
            List<String> canonical = canonicalJson(connection, fresh.values().stream().map(Incoming::json).toList());
            Instant recordedAt = AuditChain.truncate(clock.instant());
            if (recordedAt.isBefore(head.recordedAt)) {
                recordedAt = head.recordedAt; // keeps recording time monotonic along the chain
            }
            long seq = head.seq;
            byte[] hash = head.hash;
            int i = 0;
            for (Incoming incoming : fresh.values()) {
                AuditRecord record = AuditFields.placed(AuditFields.recordOf(incoming.event(), incoming.json(), recordedAt),
                        ++seq, canonical.get(i++));
                hash = AuditChain.link(hash, record);
                AuditRecordEntity.of(record, hash).persist();
                AuditEventIdEntity.of(record.eventId(), seq).persist();
            }
            session.flush();
            moveHead(connection, seq, hash, recordedAt);
            return new Appended(fresh.size(), batch.size() - fresh.size(), seq);
        });
    }

    private record Head(long seq, byte[] hash, Instant recordedAt) {
    }

    private static Head lockHead(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT last_seq, last_hash, last_recorded_at FROM audit_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit chain head row is missing");
            }
            return new Head(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant());
        }
    }

    private static Set<UUID> known(Connection connection, List<UUID> ids) throws SQLException {
        Set<UUID> known = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT event_id FROM audit_event_id WHERE event_id = ANY (?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return known;
    }

    /** Each JSON text as PostgreSQL renders it once stored as {@code jsonb}: what the chain hashes. */
    private static List<String> canonicalJson(Connection connection, List<String> json) throws SQLException {
        List<String> canonical = new ArrayList<>(json.size());
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT x::jsonb::text FROM unnest(?::text[]) WITH ORDINALITY AS u(x, n) ORDER BY n")) {
            ps.setArray(1, connection.createArrayOf("text", json.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    canonical.add(rs.getString(1));
                }
            }
        }
        return canonical;
    }

    private static void moveHead(Connection connection, long seq, byte[] hash, Instant recordedAt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, last_recorded_at = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setBytes(2, hash);
            ps.setTimestamp(3, Timestamp.from(recordedAt));
            ps.executeUpdate();
        }
    }
}
