package dev.cellguard.arc.local;

import com.sun.net.httpserver.HttpServer;
import dev.cellguard.arc.local.cluster.ClusterState;
import dev.cellguard.arc.local.dataplane.DataPlane;
import dev.cellguard.arc.local.http.AdminApi;
import dev.cellguard.arc.local.http.RegionalEndpoint;
import dev.cellguard.arc.local.topology.Topology;
import dev.cellguard.arc.local.topology.TopologyException;
import dev.cellguard.arc.local.topology.TopologyLoader;
import dev.cellguard.safety.RoutingControlState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Route 53 ARC cluster: five regional {@code route53-recovery-cluster} endpoints (one
 * port each) over one shared routing-control state guarded by safety rules, plus an admin API on
 * its own port for fault injection and inspection.
 *
 * <pre>{@code
 * try (LocalArc arc = LocalArc.start(LocalArcConfig.defaults())) {
 *     URI usWest2 = arc.endpoint("us-west-2").url();   // endpointOverride for the AWS SDK
 *     arc.injectFault("us-east-1", Fault.unavailable());
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} frees every port, drops every open connection (blackholed ones
 * included) and stops every thread it started.
 */
public final class LocalArc implements AutoCloseable {

    /** The regions of the five endpoints, in the order of {@link LocalArcConfig#endpointPorts()}. */
    public static final List<String> REGIONS =
            List.of("us-west-2", "ap-southeast-2", "us-east-1", "ap-northeast-1", "eu-west-1");

    private static final System.Logger LOG = System.getLogger(LocalArc.class.getName());
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    static {
        // The JDK HTTP server otherwise leaves Nagle's algorithm on, which adds ~40 ms to small
        // answers on loopback. The property is read once, when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final LocalArcConfig config;
    private final ClusterState cluster;
    private final DataPlane dataPlane;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final Map<String, RegionalEndpoint> endpoints = new LinkedHashMap<>();
    private HttpServer adminServer;
    private boolean closed;

    private LocalArc(LocalArcConfig config, Topology topology) {
        this.config = config;
        this.cluster = new ClusterState(topology, config.evaluationOptions(), config.clock());
        this.dataPlane = new DataPlane(cluster, REGIONS, config.mutatingCallsPerSecond());
        this.executor = Executors.newCachedThreadPool(threads("local-arc-http"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(threads("local-arc-delay"));
    }

    /** Starts a local ARC with {@link LocalArcConfig#defaults()}. */
    public static LocalArc start() {
        return start(LocalArcConfig.defaults());
    }

    /**
     * Loads the topology, binds the five endpoints and the admin API, and starts serving.
     *
     * @throws TopologyException    if the topology file is invalid (the message names file, field and reason)
     * @throws UncheckedIOException if a port cannot be bound (nothing is left running)
     */
    public static LocalArc start(LocalArcConfig config) {
        Topology topology = config.topologyFile() == null
                ? TopologyLoader.loadDefault()
                : TopologyLoader.load(config.topologyFile());
        LocalArc arc = new LocalArc(config, topology);
        try {
            arc.bind();
        } catch (IOException e) {
            arc.close();
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            arc.close();
            throw e;
        }
        LOG.log(System.Logger.Level.DEBUG, "Local ARC started: cluster {0}, endpoints {1}, admin {2}",
                topology.clusterArn(), arc.endpoints(), arc.adminUrl());
        return arc;
    }

    private void bind() throws IOException {
        InetAddress address = InetAddress.getByName(config.bindAddress());
        for (int i = 0; i < REGIONS.size(); i++) {
            String region = REGIONS.get(i);
            int port = config.endpointPorts().get(i);
            var endpoint = new RegionalEndpoint(region, address, port, dataPlane, executor, scheduler);
            endpoints.put(region, endpoint);
            try {
                endpoint.start();
            } catch (IOException e) {
                throw new IOException("Cannot bind the " + region + " endpoint to " + config.bindAddress() + ":" + port
                        + ": " + e.getMessage(), e);
            }
        }
        try {
            adminServer = HttpServer.create(new InetSocketAddress(address, config.adminPort()), 16);
        } catch (IOException e) {
            throw new IOException("Cannot bind the admin API to " + config.bindAddress() + ":" + config.adminPort()
                    + ": " + e.getMessage(), e);
        }
        adminServer.createContext("/", new AdminApi(cluster, Collections.unmodifiableMap(endpoints), this::reset,
                config.mutatingCallsPerSecond()));
        adminServer.setExecutor(executor);
        adminServer.start();
    }

    /** The five endpoints, in {@link #REGIONS} order. */
    public List<Endpoint> endpoints() {
        var list = new ArrayList<Endpoint>();
        endpoints.values().forEach(endpoint -> list.add(new Endpoint(endpoint.region(), endpoint.url())));
        return list;
    }

    /**
     * The endpoint of one region.
     *
     * @throws IllegalArgumentException if the region is not one of {@link #REGIONS}
     */
    public Endpoint endpoint(String region) {
        RegionalEndpoint endpoint = regional(region);
        return new Endpoint(endpoint.region(), endpoint.url());
    }

    /** The admin API's base URL, e.g. {@code http://127.0.0.1:40100}; its routes start with {@code /admin/}. */
    public URI adminUrl() {
        InetSocketAddress address = adminServer.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /** The topology the cluster was started with. */
    public Topology topology() {
        return cluster.topology();
    }

    /**
     * The current state of one routing control.
     *
     * @throws IllegalArgumentException if the topology has no such routing control
     */
    public RoutingControlState routingControlState(String routingControlArn) {
        return cluster.state(routingControlArn).orElseThrow(() ->
                new IllegalArgumentException("No routing control " + routingControlArn + " in " + cluster.topology().source()));
    }

    /** The current state of every routing control, in topology order. */
    public Map<String, RoutingControlState> routingControlStates() {
        return cluster.states();
    }

    /** Injects a fault into one endpoint (replacing its previous fault); the others keep serving. */
    public void injectFault(String region, Fault fault) {
        regional(region).setFault(fault);
    }

    /** Clears one endpoint's fault (a refused endpoint re-binds its port). */
    public void clearFault(String region) {
        regional(region).setFault(null);
    }

    /** Clears every endpoint's fault. */
    public void clearFaults() {
        endpoints.values().forEach(endpoint -> endpoint.setFault(null));
    }

    /** The active faults by region. */
    public Map<String, Fault> faults() {
        var faults = new LinkedHashMap<String, Fault>();
        endpoints.forEach((region, endpoint) -> endpoint.fault().ifPresent(fault -> faults.put(region, fault)));
        return faults;
    }

    /** Every accepted update call since start (or the last {@link #reset()}), oldest first. */
    public List<ChangeRecord> changeLog() {
        return cluster.changeLog();
    }

    /**
     * Returns every routing control to its initial state, ends every wait period, empties the
     * change log and forgets recent calls for throttling. Faults are left as they are.
     */
    public void reset() {
        cluster.reset();
        dataPlane.resetThrottles();
    }

    private RegionalEndpoint regional(String region) {
        return Optional.ofNullable(endpoints.get(region)).orElseThrow(() ->
                new IllegalArgumentException("No endpoint for region \"" + region + "\"; the regions are " + REGIONS));
    }

    /** Stops every endpoint and the admin API, frees the ports and stops every thread. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        endpoints.values().forEach(RegionalEndpoint::close);
        if (adminServer != null) {
            adminServer.stop(0);
        }
        scheduler.shutdownNow();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)
                    || !scheduler.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Local ARC threads did not stop within {0} s", SHUTDOWN_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        var counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
