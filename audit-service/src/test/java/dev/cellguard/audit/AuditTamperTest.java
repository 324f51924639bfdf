package dev.cellguard.audit;

import static dev.cellguard.audit.AuditEvents.health;
import static dev.cellguard.audit.AuditEvents.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.cellguard.audit.store.TrailMaintenance;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.support.sqs.CellguardQueues;
import dev.cellguard.testsupport.InjectPostgres;
import dev.cellguard.testsupport.InjectSqs;
import dev.cellguard.testsupport.PostgresServer;
import dev.cellguard.testsupport.PostgresTestResource;
import dev.cellguard.testsupport.QueueInspector;
import dev.cellguard.testsupport.SqsServer;
import dev.cellguard.testsupport.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.cellguard.testsupport.JwtTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The trail cannot be edited through the database, and an edit made behind the service's back
 * (triggers switched off by a superuser) is found by verify. A retention purge leaves a checkpoint
 * from which verification goes on.
 */
@QuarkusTest
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTamperTest extends AuditorSession {

    @InjectSqs
    SqsServer sqs;

    @InjectPostgres
    PostgresServer postgres;

    @Inject
    TrailMaintenance maintenance;

    @Test
    @Order(1)
    void theTableRefusesUpdatesDeletesAndTruncation() throws Exception {
        store(3);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_record SET outcome = 'HEALTHY'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_record"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event_id"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.execute("TRUNCATE audit_record"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        given().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    @Order(2)
    void aRowAlteredBehindTheServicesBackIsReportedByVerify() throws Exception {
        List<EventEnvelope<?>> events = store(10);
        long seq = given().get("/api/audit/events/" + events.get(4).id()).then().extract().jsonPath().getLong("seq");
        given().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));

        try (Connection c = connect(); Statement st = c.createStatement()) {
            // A superuser can switch the triggers off for a session: exactly what verify is for.
            st.execute("SET session_replication_role = replica");
            assertThat(st.executeUpdate("UPDATE audit_record SET event = jsonb_set(event, '{payload,status}', '\"HEALTHY\"') WHERE seq = "
                    + seq)).isEqualTo(1);
        }

        given().get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenLink.seq", equalTo((int) seq))
                .body("firstBrokenLink.reason", containsString("does not match"))
                .body("lastSeq", equalTo((int) seq - 1));
        given().get("/api/audit/verify?from=" + Instant.now().plusSeconds(5)).then().statusCode(200)
                .body("intact", equalTo(true)).body("checked", equalTo(0));
    }

    @Test
    @Order(3)
    void aRetentionPurgeLeavesASignedOffCheckpointAndVerificationGoesOnFromIt() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("SET session_replication_role = replica"); // undo the previous test's damage for this one
            st.executeUpdate("UPDATE audit_record SET event = jsonb_set(event, '{payload,status}', '\"UNHEALTHY\"')");
        }
        List<String> dropped = maintenance.purgeBefore(Instant.now().plus(Duration.ofDays(70)), "auditor@example.com",
                "test of retention");

        assertThat(dropped).isNotEmpty();
        try (Connection c = connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT signed_off_by, reason, records FROM audit_checkpoint ORDER BY id DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("auditor@example.com");
            assertThat(rs.getLong(3)).isPositive();
        }
        store(3);
        given().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true)).body("checked", equalTo(3));
    }

    private List<EventEnvelope<?>> store(int n) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        try (QueueInspector audit = new QueueInspector(sqs, CellguardQueues.AUDIT)) {
            for (int i = 0; i < n; i++) {
                EventEnvelope<?> e = health("us-west-2", "us-west-2", HealthStatus.UNHEALTHY, Instant.now());
                events.add(e);
                send(audit, e);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> events.stream().allMatch(e ->
                given().get("/api/audit/events/" + e.id()).statusCode() == 200));
        return events;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("cellguard_test"), postgres.user(), postgres.password());
    }
}
