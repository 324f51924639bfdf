package dev.cellguard.arc.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writing answers with the JDK HTTP server. */
final class HttpResponses {

    private HttpResponses() {
    }

    /** Sends a complete answer (status, headers, body) and closes the exchange. */
    static void send(HttpExchange exchange, int status, String contentType, Map<String, String> headers, byte[] body)
            throws IOException {
        try {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            // -1 tells the JDK server there is no body (e.g. for 204).
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            exchange.close();
        }
    }
}
