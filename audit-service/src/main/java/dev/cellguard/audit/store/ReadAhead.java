package dev.cellguard.audit.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads rows on the calling thread — the one that owns the JDBC connection — while a consumer
 * works through them on another, so that reading and consuming overlap instead of taking turns.
 * Rows travel in chunks through a bounded queue; reading stops as soon as the consumer returns
 * (it may stop early), and a failure on either side ends both.
 */
final class ReadAhead {

    /** The next row, or {@code null} after the last. */
    @FunctionalInterface
    interface Rows<T> {
        T next() throws SQLException;
    }

    private static final List<Object> END = Collections.unmodifiableList(new ArrayList<>()); // compared by identity

    private ReadAhead() {
    }

    static <T, R> R consume(Rows<T> rows, Function<Iterator<T>, R> consumer, ExecutorService executor, int chunkSize,
            int queuedChunks) throws SQLException {
        BlockingQueue<List<?>> chunks = new ArrayBlockingQueue<>(queuedChunks);
        Future<R> consuming = executor.submit(() -> consumer.apply(new Chunks<T>(chunks)));
        boolean handedOver = false;
        try {
            List<T> chunk = new ArrayList<>(chunkSize);
            T row;
            while (!consuming.isDone() && (row = rows.next()) != null) {
                chunk.add(row);
                if (chunk.size() == chunkSize) {
                    handOver(chunks, chunk, consuming);
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            handOver(chunks, chunk, consuming);
            handOver(chunks, END, consuming);
            handedOver = true;
            return consuming.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ahead", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            if (!handedOver) {
                consuming.cancel(true);
            }
        }
    }

    private static void handOver(BlockingQueue<List<?>> chunks, List<?> chunk, Future<?> consuming) throws InterruptedException {
        while (!consuming.isDone() && !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            // the consumer is behind: wait for room, unless it has already finished
        }
    }

    /** The consumer's side: the rows handed over, chunk by chunk, until {@link #END}. */
    private static final class Chunks<T> implements Iterator<T> {
        private final BlockingQueue<List<?>> chunks;
        private Iterator<?> current = Collections.emptyIterator();
        private boolean ended;

        Chunks(BlockingQueue<List<?>> chunks) {
            this.chunks = chunks;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !ended) {
                List<?> chunk;
                try {
                    chunk = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("reading was abandoned", e);
                }
                ended = chunk == END;
                current = chunk.iterator();
            }
            return current.hasNext();
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return (T) current.next();
        }
    }
}
