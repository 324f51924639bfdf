package dev.cellguard.monitor.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.support.sqs.CellguardQueues;
import dev.cellguard.testsupport.DemoCells;
import dev.cellguard.testsupport.DemoCellsTestResource;
import dev.cellguard.testsupport.SqsServer;
import dev.cellguard.testsupport.InjectDemoCells;
import dev.cellguard.testsupport.InjectSqs;
import dev.cellguard.testsupport.QueueInspector;
import dev.cellguard.testsupport.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = DemoCellsTestResource.class, restrictToAnnotatedClass = true)
class CellHealthEventsTest {

    @InjectSqs
    SqsServer sqs;

    @InjectDemoCells
    DemoCells cells;

    private QueueInspector signals;
    private QueueInspector audit;

    @BeforeEach
    void openQueues() {
        signals = new QueueInspector(sqs, CellguardQueues.SIGNALS);
        audit = new QueueInspector(sqs, CellguardQueues.AUDIT);
    }

    @AfterEach
    void closeQueues() {
        cells.recoverAll();
        signals.close();
        audit.close();
    }

    @Test
    void aFailingCellIsAnnouncedOnceOnTheSignalAndAuditQueues() {
        await().atMost(Duration.ofSeconds(10)).until(() -> healthOf(signals, "us-west-2").contains(HealthStatus.HEALTHY));

        cells.get("us-west-2").fail();

        await().atMost(Duration.ofSeconds(10)).until(() -> healthOf(signals, "us-west-2").contains(HealthStatus.UNHEALTHY));
        await().atMost(Duration.ofSeconds(10)).until(() -> healthOf(audit, "us-west-2").contains(HealthStatus.UNHEALTHY));
        // Probes keep failing, but only the transition is announced: still exactly one UNHEALTHY a queue.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                count(healthOf(signals, "us-west-2"), HealthStatus.UNHEALTHY) == 1
                        && count(healthOf(audit, "us-west-2"), HealthStatus.UNHEALTHY) == 1);

        EventEnvelope<CellHealthChanged> event = signals.drainEvents().stream()
                .filter(e -> e.payload() instanceof CellHealthChanged h && h.status() == HealthStatus.UNHEALTHY)
                .map(e -> e.as(CellHealthChanged.class)).findFirst().orElseThrow();
        assertThat(event.recoveryGroup()).isEqualTo("orders");
        assertThat(event.source().service()).isEqualTo("readiness-monitor");
        assertThat(event.payload().observer()).isEqualTo("local");
        assertThat(event.payload().previousStatus()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(event.payload().reason()).isEqualTo("HTTP 503");
        assertThat(event.correlationId()).isEqualTo(event.id());
        assertThat(audit.drainEvents()).extracting(EventEnvelope::id).contains(event.id());
    }

    @Test
    void aRecoveredCellIsAnnouncedHealthyAgain() {
        cells.get("eu-west-1").fail();
        await().atMost(Duration.ofSeconds(10)).until(() -> healthOf(signals, "eu-west-1").contains(HealthStatus.UNHEALTHY));

        cells.get("eu-west-1").recover();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<HealthStatus> seen = healthOf(signals, "eu-west-1");
            return seen.lastIndexOf(HealthStatus.HEALTHY) > seen.lastIndexOf(HealthStatus.UNHEALTHY);
        });
    }

    private static List<HealthStatus> healthOf(QueueInspector queue, String cell) {
        return queue.drainEvents().stream()
                .filter(e -> cell.equals(e.cell()) && e.payload() instanceof CellHealthChanged)
                .map(e -> ((CellHealthChanged) e.payload()).status())
                .toList();
    }

    private static long count(List<HealthStatus> statuses, HealthStatus status) {
        return statuses.stream().filter(status::equals).count();
    }
}
