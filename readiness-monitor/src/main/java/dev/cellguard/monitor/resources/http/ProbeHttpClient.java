package dev.cellguard.monitor.resources.http;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client the http-* resource types share: short connect timeout, no redirects followed. */
public final class ProbeHttpClient {

    private ProbeHttpClient() {
    }

    public static HttpClient create() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
