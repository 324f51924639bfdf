package dev.cellguard.monitor.resources.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One SDK client per Region for one service, built on first use and shared by every collection in
 * that Region (SDK clients are thread-safe). Closing closes them all; a closed cache builds no more.
 */
final class RegionalClients<C extends SdkAutoCloseable> implements AutoCloseable {

    private final Function<String, C> factory;
    private final Map<String, C> byRegion = new ConcurrentHashMap<>();
    private volatile boolean closed;

    RegionalClients(Function<String, C> factory) {
        this.factory = factory;
    }

    C in(String region) {
        if (closed) {
            throw new IllegalStateException("the collector is closed");
        }
        C client = byRegion.computeIfAbsent(region, factory);
        if (closed) {
            // close() ran while this client was being built: do not leak it
            client.close();
            throw new IllegalStateException("the collector is closed");
        }
        return client;
    }

    @Override
    public void close() {
        closed = true;
        byRegion.values().forEach(SdkAutoCloseable::close);
        byRegion.clear();
    }
}
