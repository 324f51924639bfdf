package dev.cellguard.arc.local;

import java.net.URI;

/**
 * One regional endpoint of the local cluster.
 *
 * @param region the AWS Region the endpoint stands for, e.g. {@code us-west-2}
 * @param url    its URL, e.g. {@code http://127.0.0.1:40123/v1}; use it as the SDK's
 *               {@code endpointOverride} or the CLI's {@code --endpoint-url} (any path is accepted)
 */
public record Endpoint(String region, URI url) {

    /** The TCP port the endpoint listens on. */
    public int port() {
        return url.getPort();
    }
}
