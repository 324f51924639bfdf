package dev.cellguard.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123456Z");

    static AuditRecord record(long seq) {
        return new AuditRecord(seq, UUID.nameUUIDFromBytes(("e" + seq).getBytes()), "cell.health.changed", T0.plusSeconds(seq),
                T0.plusSeconds(seq + 1), "orders", "us-west-2", UUID.nameUUIDFromBytes("c".getBytes()), null,
                "readiness-monitor", "m-0", "us-west-2", "us-west-2", null, "UNHEALTHY",
                "{\"id\": \"e" + seq + "\", \"payload\": {\"status\": \"UNHEALTHY\"}}");
    }

    static List<AuditChain.Stored> chain(int n) {
        List<AuditChain.Stored> chain = new ArrayList<>();
        byte[] previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            AuditRecord r = record(seq);
            previous = AuditChain.link(previous, r);
            chain.add(new AuditChain.Stored(r, previous));
        }
        return chain;
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditChain.Verification v = AuditChain.verify(0, AuditChain.GENESIS, chain(50).iterator());

        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(50);
        assertThat(v.lastSeq()).isEqualTo(50);
    }

    static Stream<Arguments> tampering() {
        return Stream.of(
                Arguments.of("an edited event", (UnaryOperator<List<AuditChain.Stored>>) c -> replace(c, 17,
                        r -> new AuditRecord(r.seq(), r.eventId(), r.type(), r.occurredAt(), r.recordedAt(), r.recoveryGroup(), r.cell(),
                                r.correlationId(), r.causationId(), r.sourceService(), r.sourceInstance(), r.observer(), r.subject(),
                                r.actor(), r.outcome(), r.eventText().replace("UNHEALTHY", "HEALTHY"))), 17L),
                Arguments.of("an edited outcome column", (UnaryOperator<List<AuditChain.Stored>>) c -> replace(c, 30,
                        r -> new AuditRecord(r.seq(), r.eventId(), r.type(), r.occurredAt(), r.recordedAt(), r.recoveryGroup(), r.cell(),
                                r.correlationId(), r.causationId(), r.sourceService(), r.sourceInstance(), r.observer(), r.subject(),
                                r.actor(), "HEALTHY", r.eventText())), 30L),
                Arguments.of("a time moved by a microsecond", (UnaryOperator<List<AuditChain.Stored>>) c -> replace(c, 5,
                        r -> new AuditRecord(r.seq(), r.eventId(), r.type(), r.occurredAt().plusNanos(1000), r.recordedAt(),
                                r.recoveryGroup(), r.cell(), r.correlationId(), r.causationId(), r.sourceService(), r.sourceInstance(),
                                r.observer(), r.subject(), r.actor(), r.outcome(), r.eventText())), 5L),
                Arguments.of("a deleted record", (UnaryOperator<List<AuditChain.Stored>>) c -> {
                    List<AuditChain.Stored> copy = new ArrayList<>(c);
                    copy.remove(9);
                    return copy;
                }, 10L),
                Arguments.of("a record re-hashed after editing breaks the next link", (UnaryOperator<List<AuditChain.Stored>>) c -> {
                    List<AuditChain.Stored> copy = new ArrayList<>(c);
                    AuditRecord r = c.get(19).record();
                    AuditRecord edited = new AuditRecord(r.seq(), r.eventId(), r.type(), r.occurredAt(), r.recordedAt(),
                            r.recoveryGroup(), "eu-west-1", r.correlationId(), r.causationId(), r.sourceService(),
                            r.sourceInstance(), r.observer(), r.subject(), r.actor(), r.outcome(), r.eventText());
                    copy.set(19, new AuditChain.Stored(edited, AuditChain.link(c.get(18).hash(), edited)));
                    return copy;
                }, 21L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampering")
    void verificationReportsTheFirstBrokenLink(String what, UnaryOperator<List<AuditChain.Stored>> tamper, long brokenAt) {
        AuditChain.Verification v = AuditChain.verify(0, AuditChain.GENESIS, tamper.apply(chain(50)).iterator());

        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken().orElseThrow().seq()).isEqualTo(brokenAt);
        assertThat(v.lastSeq()).isEqualTo(brokenAt - 1);
    }

    @Test
    void verificationCanStartAtACheckpoint() {
        List<AuditChain.Stored> chain = chain(40);
        AuditChain.Stored checkpoint = chain.get(24);

        AuditChain.Verification v = AuditChain.verify(checkpoint.record().seq(), checkpoint.hash(), chain.subList(25, 40).iterator());

        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(15);
    }

    @Test
    void absentValuesAndNewlinesCannotBeConfusedWithOtherFields() {
        AuditRecord a = record(1);
        AuditRecord b = new AuditRecord(1, a.eventId(), a.type(), a.occurredAt(), a.recordedAt(), a.recoveryGroup(), null,
                a.correlationId(), a.causationId(), a.sourceService(), a.sourceInstance(), a.observer(), a.subject(),
                a.actor(), a.outcome(), a.eventText());

        assertThat(AuditChain.link(AuditChain.GENESIS, a)).isNotEqualTo(AuditChain.link(AuditChain.GENESIS, b));
    }

    private static List<AuditChain.Stored> replace(List<AuditChain.Stored> chain, int seq, UnaryOperator<AuditRecord> edit) {
        List<AuditChain.Stored> copy = new ArrayList<>(chain);
        AuditChain.Stored old = copy.get(seq - 1);
        copy.set(seq - 1, new AuditChain.Stored(edit.apply(old.record()), old.hash()));
        return copy;
    }
}
