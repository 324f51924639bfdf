package dev.cellguard.support.sqs;

/** The queue names cellguard uses unless configured otherwise, and how their DLQs are named. */
public final class CellguardQueues {

    public static final String SIGNALS = "cellguard-signals.fifo";
    public static final String AUDIT = "cellguard-audit.fifo";

    private static final String FIFO_SUFFIX = ".fifo";

    private CellguardQueues() {
    }

    /** {@code cellguard-audit.fifo} → {@code cellguard-audit-dlq.fifo}: a FIFO queue's DLQ must be FIFO too. */
    public static String deadLetterQueueOf(String queueName) {
        if (queueName.endsWith(FIFO_SUFFIX)) {
            return queueName.substring(0, queueName.length() - FIFO_SUFFIX.length()) + "-dlq" + FIFO_SUFFIX;
        }
        return queueName + "-dlq";
    }
}
