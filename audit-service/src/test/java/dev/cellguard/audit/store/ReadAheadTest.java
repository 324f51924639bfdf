package dev.cellguard.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private final ExecutorService consumers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        consumers.shutdownNow();
        assertThat(consumers.awaitTermination(5, TimeUnit.SECONDS)).as("no consumer left running").isTrue();
    }

    @Test
    void theConsumerSeesEveryRowInOrderAcrossManyChunks() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        Thread reader = Thread.currentThread();
        List<Thread> consumedOn = new ArrayList<>();
        List<Integer> seen = ReadAhead.consume(() -> reads.get() < 10_007 ? reads.getAndIncrement() : null, rows -> {
            consumedOn.add(Thread.currentThread());
            List<Integer> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            return all;
        }, consumers, 100, 2);

        assertThat(seen).hasSize(10_007);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(consumedOn).singleElement().isNotSameAs(reader);
    }

    @Test
    void noRowsMeansAnEmptyIterator() throws Exception {
        boolean any = ReadAhead.consume(() -> null, Iterator::hasNext, consumers, 10, 2);
        assertThat(any).isFalse();
    }

    @Test
    void readingStopsSoonAfterTheConsumerFinishesEarly() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        int firstOverFifty = ReadAhead.consume(reads::incrementAndGet, rows -> {
            while (true) {
                int row = rows.next();
                if (row > 50) {
                    return row;
                }
            }
        }, consumers, 10, 2);

        assertThat(firstOverFifty).isEqualTo(51);
        // an endless source: reading stopped, at most the queued chunks and the one being filled past the answer
        assertThat(reads.get()).isLessThan(51 + 4 * 10);
    }

    @Test
    void aReadFailureEndsTheConsumerAndReachesTheCaller() {
        AtomicInteger reads = new AtomicInteger();
        assertThatThrownBy(() -> ReadAhead.consume(() -> {
            if (reads.incrementAndGet() > 25) {
                throw new SQLException("connection lost");
            }
            return reads.get();
        }, rows -> {
            rows.forEachRemaining(row -> { });
            return null;
        }, consumers, 10, 2)).isInstanceOf(SQLException.class).hasMessage("connection lost");

        // the consumer, waiting for rows that never come, was interrupted rather than left hanging
        consumers.shutdown();
        await().atMost(Duration.ofSeconds(5)).until(consumers::isTerminated);
    }

    @Test
    void aConsumerFailureReachesTheCaller() {
        assertThatThrownBy(() -> ReadAhead.consume(new AtomicInteger()::incrementAndGet, rows -> {
            rows.next();
            throw new IllegalArgumentException("bad row");
        }, consumers, 10, 2)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad row");
    }
}
