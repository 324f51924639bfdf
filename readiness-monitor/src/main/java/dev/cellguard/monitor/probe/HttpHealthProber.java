package dev.cellguard.monitor.probe;

import dev.cellguard.monitor.health.ProbeResult;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Probes an HTTP health URL. A 2xx answer passes; any other answer, a refused connection or no answer
 * within the timeout fails. The call is asynchronous, so a hanging target holds no thread.
 */
public final class HttpHealthProber {

    private final HttpClient client;
    private final Duration timeout;

    public HttpHealthProber(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    public CompletableFuture<ProbeResult> probe(URI url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(ProbeResult.couldNotRun("invalid URL " + url + ": " + e.getMessage()));
        }
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(timeout.toMillis() + 250, java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long latencyMs = (System.nanoTime() - start) / 1_000_000;
                    if (failure == null) {
                        int status = response.statusCode();
                        return status >= 200 && status < 300
                                ? ProbeResult.passed("HTTP " + status, latencyMs)
                                : ProbeResult.failed("HTTP " + status, latencyMs);
                    }
                    return ProbeResult.failed(describe(failure), null);
                });
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + timeout.toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
