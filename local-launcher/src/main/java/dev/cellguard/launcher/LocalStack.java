package dev.cellguard.launcher;

import dev.cellguard.arc.local.Endpoint;
import dev.cellguard.arc.local.LocalArc;
import dev.cellguard.arc.local.LocalArcConfig;
import dev.cellguard.support.security.DevTokens;
import dev.cellguard.support.security.Roles;
import dev.cellguard.support.sqs.CellguardQueues;
import dev.cellguard.testsupport.DemoCell;
import dev.cellguard.testsupport.DemoModel;
import dev.cellguard.testsupport.EmbeddedPostgresServer;
import dev.cellguard.testsupport.EmbeddedSqs;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole of cellguard on one machine: embedded SQS and PostgreSQL 17, the local ARC with its
 * five endpoints, two demo cells and the three services as child processes. {@link #close()} stops
 * everything in reverse order and frees every port.
 *
 * <p>The operator API takes bearer tokens: each start generates a fresh RSA key pair, kept in
 * memory, gives the orchestrator its public key and signs tokens with it ({@link #token}), valid
 * for {@link #TOKEN_VALIDITY} and worthless once the stack stops.
 */
public final class LocalStack implements AutoCloseable {

    public static final String RECOVERY_GROUP = "orders";
    public static final String PRIMARY_CELL = "us-west-2";
    public static final String SECONDARY_CELL = "eu-west-1";
    /** Routing controls of the local ARC's default topology. */
    public static final String CONTROL_PANEL_ARN =
            "arn:aws:route53-recovery-control::111122223333:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a";
    public static final String PRIMARY_ROUTING_CONTROL_ARN = CONTROL_PANEL_ARN + "/routingcontrol/a1b2c3d4e5f60718";
    public static final String SECONDARY_ROUTING_CONTROL_ARN = CONTROL_PANEL_ARN + "/routingcontrol/1827364554637281";

    /** How long the tokens of {@link #token} are valid. */
    public static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    /** The roles of the operator and audit APIs, whose tokens the launcher prints. */
    public static final List<String> TOKEN_ROLES = List.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR);

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(90);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final LocalStackConfig config;
    private EmbeddedSqs sqs;
    private EmbeddedPostgresServer postgres;
    private LocalArc arc;
    private final Map<String, DemoCell> cells = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final DevTokens signer = DevTokens.generate(DevTokens.LOCAL_ISSUER);

    private LocalStack(LocalStackConfig config) {
        this.config = config;
    }

    /** Starts everything; on any failure stops what was started and rethrows. */
    public static LocalStack start(LocalStackConfig config) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        requirePortsFree();
        sqs = remember(EmbeddedSqs.start(config.sqsPort()));
        sqs.createQueues(List.of(CellguardQueues.SIGNALS, CellguardQueues.AUDIT), 5, 30);
        postgres = remember(EmbeddedPostgresServer.start(config.postgresPort(), null));
        String auditDb = postgres.createDatabase("cellguard_audit");
        arc = remember(LocalArc.start(LocalArcConfig.defaults()
                .withEndpointPorts(config.arcEndpointPorts())
                .withAdminPort(config.arcAdminPort())));
        cells.put(PRIMARY_CELL, remember(DemoCell.start(PRIMARY_CELL, config.primaryCellPort())));
        cells.put(SECONDARY_CELL, remember(DemoCell.start(SECONDARY_CELL, config.secondaryCellPort())));

        Map<String, String> common = new LinkedHashMap<>();
        common.put("cellguard.sqs.endpoint", sqs.endpoint().toString());
        common.put("cellguard.sqs.region", EmbeddedSqs.REGION);
        common.put("cellguard.sqs.access-key-id", EmbeddedSqs.ACCESS_KEY_ID);
        common.put("cellguard.sqs.secret-access-key", EmbeddedSqs.SECRET_ACCESS_KEY);
        common.put("cellguard.service.recovery-group", RECOVERY_GROUP);

        Map<String, String> monitor = new LinkedHashMap<>(common);
        monitor.put("cellguard.monitor.observer", "local");
        monitor.put("cellguard.monitor.model-file", DemoModel.write(config.workDir().resolve("readiness-model.yaml"),
                cells.values(), config.probeInterval(), config.failureThreshold(), 2).toString());
        monitor.put("cellguard.monitor.snapshot-interval", "30s");
        monitor.putAll(signer.verifierConfig());

        Map<String, String> orchestrator = new LinkedHashMap<>(common);
        orchestrator.put("cellguard.orchestrator.policy-file", config.policyFile().toString());
        orchestrator.put("cellguard.arc.access-key-id", "cellguard");
        orchestrator.put("cellguard.arc.secret-access-key", "cellguard");
        for (Endpoint endpoint : arc.endpoints()) {
            orchestrator.put("cellguard.arc.endpoints." + endpoint.region(), endpoint.url().toString());
        }
        orchestrator.putAll(signer.verifierConfig());

        Map<String, String> audit = new LinkedHashMap<>(common);
        audit.put("quarkus.datasource.jdbc.url", auditDb);
        audit.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        audit.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
        audit.putAll(signer.verifierConfig());

        // The audit-service first, so no event waits long; the three start in parallel.
        startService("audit-service", config.auditPort(), audit);
        startService("failover-orchestrator", config.orchestratorPort(), orchestrator);
        startService("readiness-monitor", config.monitorPort(), monitor);
        services.values().forEach(service -> service.awaitReady(SERVICE_START_TIMEOUT));
    }

    private void startService(String name, int port, Map<String, String> serviceConfig) {
        services.put(name, remember(ServiceProcess.start(name, config.home(), config.workDir(), port, serviceConfig,
                config.echoServiceLogs())));
    }

    private void requirePortsFree() {
        PortAllocator.requireFree(config.sqsPort(), "embedded SQS");
        PortAllocator.requireFree(config.postgresPort(), "embedded PostgreSQL");
        PortAllocator.requireFree(config.arcAdminPort(), "local ARC admin API");
        for (int port : config.arcEndpointPorts()) {
            PortAllocator.requireFree(port, "local ARC endpoint");
        }
        PortAllocator.requireFree(config.primaryCellPort(), "demo cell " + PRIMARY_CELL);
        PortAllocator.requireFree(config.secondaryCellPort(), "demo cell " + SECONDARY_CELL);
        PortAllocator.requireFree(config.monitorPort(), "readiness-monitor");
        PortAllocator.requireFree(config.orchestratorPort(), "failover-orchestrator");
        PortAllocator.requireFree(config.auditPort(), "audit-service");
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    public DemoCell cell(String name) {
        return cells.get(name);
    }

    public LocalArc arc() {
        return arc;
    }

    public URI sqsEndpoint() {
        return sqs.endpoint();
    }

    public String postgresJdbcUrl() {
        return postgres.jdbcUrl("cellguard_audit");
    }

    public URI serviceUrl(String service) {
        return services.get(service).baseUrl();
    }

    /**
     * A bearer token for the operator API: the user {@code local-<role>} with that one role (see
     * {@link Roles}), valid for {@link #TOKEN_VALIDITY}, accepted by this stack's services only.
     */
    public String token(String role) {
        return signer.tokenFor(role, TOKEN_VALIDITY);
    }

    /** The issuer the tokens name and the orchestrator expects. */
    public String tokenIssuer() {
        return signer.issuer();
    }

    /** Every URL a user may want, in the order they are printed. */
    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach((name, service) -> urls.put(name, service.baseUrl() + "  (log: " + service.logFile() + ")"));
        cells.forEach((name, cell) -> urls.put("demo cell " + name, cell.baseUrl().toString()));
        for (Endpoint endpoint : arc.endpoints()) {
            urls.put("ARC endpoint " + endpoint.region(), endpoint.url().toString());
        }
        urls.put("ARC admin", arc.adminUrl().toString());
        urls.put("SQS (ElasticMQ)", sqs.endpoint().toString());
        urls.put("PostgreSQL", postgresJdbcUrl() + " (user " + EmbeddedPostgresServer.USER + ")");
        return urls;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        // Services first, in parallel: each takes a moment to shut down cleanly.
        services.values().parallelStream().forEach(ServiceProcess::close);
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("local stack did not stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
