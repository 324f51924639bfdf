package dev.cellguard.monitor.resources.http;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP GET with a hard timeout, as the http-* resource types need it: the answer (status,
 * body, latency) or what went wrong, never an exception.
 */
final class HttpCheck {

    /** The outcome of a GET. Exactly one of {@code status} and {@code failure} is meaningful. */
    record Result(int status, String body, long latencyMs, String failure, boolean couldNotRun) {

        boolean answered() {
            return failure == null;
        }
    }

    private final HttpClient client;

    HttpCheck(HttpClient client) {
        this.client = client;
    }

    Result get(URI url, Duration timeout) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json, */*").GET().build();
        } catch (IllegalArgumentException e) {
            return new Result(0, null, 0, "invalid URL " + url + ": " + e.getMessage(), true);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
            return new Result(response.statusCode(), response.body(), elapsedMs(start), null, false);
        } catch (TimeoutException e) {
            return new Result(0, null, elapsedMs(start), "no answer within " + timeout.toMillis() + " ms", false);
        } catch (ExecutionException | CompletionException e) {
            return new Result(0, null, elapsedMs(start), describe(e.getCause() == null ? e : e.getCause(), timeout), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, null, elapsedMs(start), "interrupted", true);
        }
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String describe(Throwable cause, Duration timeout) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + timeout.toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
