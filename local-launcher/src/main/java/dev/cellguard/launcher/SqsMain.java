package dev.cellguard.launcher;

import dev.cellguard.support.sqs.CellguardQueues;
import dev.cellguard.testsupport.EmbeddedSqs;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs ElasticMQ alone with cellguard's FIFO queues and their DLQs already created:
 * {@code --port 9324 [--bind 0.0.0.0] [--host sqs]} where {@code --host} is the name clients use in
 * queue URLs.
 */
public final class SqsMain {

    private SqsMain() {
    }

    public static void main(String[] argv) throws InterruptedException {
        Args args = new Args(argv);
        EmbeddedSqs sqs = EmbeddedSqs.start(args.get("bind", "127.0.0.1"), args.get("host", "127.0.0.1"), args.port("port", 9324));
        sqs.createQueues(List.of(CellguardQueues.SIGNALS, CellguardQueues.AUDIT), 5, 30);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sqs.close();
            stopped.countDown();
        }));
        System.out.println("SQS (ElasticMQ) on " + sqs.endpoint() + " with " + CellguardQueues.SIGNALS + " and "
                + CellguardQueues.AUDIT + " (each with a DLQ, maxReceiveCount 5)");
        stopped.await();
    }
}
