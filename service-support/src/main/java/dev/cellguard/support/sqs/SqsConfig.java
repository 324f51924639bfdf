package dev.cellguard.support.sqs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** Where the SQS queues are and what they are called. Prefix {@code cellguard.sqs}. */
@ConfigMapping(prefix = "cellguard.sqs")
public interface SqsConfig {

    /** An SQS-compatible endpoint (ElasticMQ locally); empty means the AWS regional endpoint. */
    Optional<URI> endpoint();

    /** AWS Region of the queues. */
    @WithDefault("us-west-2")
    String region();

    /**
     * Static credentials for a local SQS-compatible server. Empty means the default AWS credentials
     * chain (IRSA web identity on EKS).
     */
    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();

    /** Create the queues and their DLQs at start-up (local and test runs; in AWS they come from deploy/aws). */
    @WithDefault("false")
    boolean createQueues();

    /** Receives before a message is moved to its DLQ, for queues created at start-up. */
    @WithDefault("5")
    int maxReceiveCount();

    /** Visibility timeout in seconds, for queues created at start-up. */
    @WithDefault("30")
    int visibilityTimeoutSeconds();

    Queues queues();

    interface Queues {
        /** readiness-monitor → failover-orchestrator. */
        @WithDefault(CellguardQueues.SIGNALS)
        String signals();

        /** every service → audit-service. */
        @WithDefault(CellguardQueues.AUDIT)
        String audit();
    }
}
