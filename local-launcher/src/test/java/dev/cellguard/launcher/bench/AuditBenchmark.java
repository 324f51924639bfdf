package dev.cellguard.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cellguard.audit.chain.AuditChain;
import dev.cellguard.audit.chain.AuditFields;
import dev.cellguard.audit.chain.AuditRecord;
import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.CellReadinessChanged;
import dev.cellguard.contracts.ControlChange;
import dev.cellguard.contracts.ControlState;
import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventCodec;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.EventSource;
import dev.cellguard.contracts.FailoverDecision;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.RoutingControlChanged;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.launcher.ServiceProcess;
import dev.cellguard.support.security.DevTokens;
import dev.cellguard.support.security.Roles;
import dev.cellguard.support.sqs.CellguardQueues;
import dev.cellguard.testsupport.EmbeddedPostgresServer;
import dev.cellguard.testsupport.EmbeddedSqs;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The audit-service's figures, in one run, against the packaged service as a separate process on
 * embedded SQS and PostgreSQL 17:
 * <ol>
 *   <li>ingest rate SQS → PostgreSQL next to the bare receive+delete rate of the same queue (goal ≥ 70 %);</li>
 *   <li>filtered page queries through the REST API at 1 M rows, p50/p99 per query shape (goal p99 ≤ 25 ms);</li>
 *   <li>verification of the whole chain of 1 M rows (goal ≤ 10 s).</li>
 * </ol>
 * Run: {@code bench/audit.sh [ingestEvents=20000] [rows=1000000]}
 */
public final class AuditBenchmark {

    private static final EventCodec CODEC = new EventCodec();
    private static final ObjectMapper JSON = CODEC.mapper();
    private static final String RC_WEST = "arn:aws:route53-recovery-control::111122223333:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a/routingcontrol/a1b2c3d4e5f60718";
    private static final String RC_EU = "arn:aws:route53-recovery-control::111122223333:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a/routingcontrol/1827364554637281";
    private static final List<String> CELLS = List.of("us-west-2", "eu-west-1", "us-west-2a", "eu-west-1a");
    private static final List<String> OBSERVERS = List.of("us-west-2", "eu-west-1", "ap-southeast-2");

    private static String token;

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ingestEvents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path home = Path.of(System.getProperty("cellguard.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("cellguard-audit-bench");
        Random random = new Random(42);

        try (EmbeddedSqs sqs = EmbeddedSqs.start(0);
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, null);
             SqsAsyncClient client = sqs.newClient()) {
            sqs.createQueues(List.of(CellguardQueues.AUDIT), 5, 30);
            String queueUrl = client.getQueueUrl(b -> b.queueName(CellguardQueues.AUDIT)).join().queueUrl();
            String jdbc = postgres.createDatabase("cellguard_audit");

            // 1a. The bare rate: receive + delete, batches of ten, two receivers, as the service does.
            // The queue holds twice the measured count; the first half warms ElasticMQ and the client up.
            fill(client, queueUrl, events(2 * ingestEvents, random));
            Cpu bareCpu = new Cpu(null);
            double bareRate = drainBare(client, queueUrl, ingestEvents, bareCpu);

            // 1b. The service's rate on the same queue, filled the same way: the first half warms the
            // service up (reported as cold), the second half is measured.
            fill(client, queueUrl, events(2 * ingestEvents, random));
            Map<String, String> config = new LinkedHashMap<>();
            config.put("cellguard.sqs.endpoint", sqs.endpoint().toString());
            config.put("cellguard.sqs.access-key-id", EmbeddedSqs.ACCESS_KEY_ID);
            config.put("cellguard.sqs.secret-access-key", EmbeddedSqs.SECRET_ACCESS_KEY);
            config.put("quarkus.datasource.jdbc.url", jdbc);
            config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            config.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
            config.put("cellguard.audit.ingest.wait-seconds", "1");
            config.put("cellguard.audit.ingest.pollers", System.getProperty("pollers", "2"));
            DevTokens keys = DevTokens.generate();
            config.putAll(keys.verifierConfig());
            token = keys.tokenFor(Roles.AUDITOR, Duration.ofHours(1));
            try (ServiceProcess service = ServiceProcess.start("audit-service", home, work, freePort(), config, false,
                    jvmOptions());
                 Connection db = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
                // The first batch warms the service's JIT up (reported as cold); the second is measured
                // while the queue is being refilled faster than it drains.
                Cpu ingestCpu = new Cpu(service.handle());
                double coldRate = measureIngest(db, ingestEvents, 0, null);
                double ingestRate = measureIngest(db, ingestEvents, ingestEvents, ingestCpu);
                service.awaitReady(Duration.ofSeconds(60));

                // 2. One million rows, chained, then queries through the API.
                long loadStart = System.nanoTime();
                load(db, rows, random);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                try (Statement st = db.createStatement()) {
                    st.execute("ANALYZE audit_record");
                }
                HttpClient http = HttpClient.newHttpClient();
                URI base = service.baseUrl();
                String correlation = anyCorrelation(db);
                String deepCursor = cursorAfterPages(http, base, "/api/audit/events?limit=100", 20);
                Map<String, String> shapes = new LinkedHashMap<>();
                shapes.put("newest 100", "/api/audit/events?limit=100");
                shapes.put("type, newest 100", "/api/audit/events?type=failover.decision&limit=100");
                shapes.put("two types + cell", "/api/audit/events?type=cell.health.changed&type=cell.readiness.changed&cell=eu-west-1a&limit=100");
                shapes.put("cell + one day", "/api/audit/events?cell=us-west-2&from=2026-10-10T00:00:00Z&to=2026-10-11T00:00:00Z&limit=100");
                shapes.put("actor + outcome", "/api/audit/events?actor=alice&outcome=APPROVED&limit=100");
                shapes.put("correlation id", "/api/audit/events?correlationId=" + correlation);
                shapes.put("page 21 (cursor)", "/api/audit/events?limit=100&cursor=" + deepCursor);
                shapes.put("observer + outcome", "/api/audit/events?observer=ap-southeast-2&outcome=UNHEALTHY&limit=100");
                Map<String, double[]> latency = new LinkedHashMap<>();
                for (Map.Entry<String, String> shape : shapes.entrySet()) {
                    latency.put(shape.getKey(), measure(http, base.resolve(shape.getValue()), 100, 500));
                }

                // 3. Verify the whole chain.
                Cpu verifyCpu = new Cpu(service.handle());
                verifyCpu.start();
                long verifyStart = System.nanoTime();
                String report = http.send(authorized(base.resolve("/api/audit/verify")).timeout(Duration.ofMinutes(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
                verifyCpu.stop();

                System.out.printf("%nAudit benchmark (2 cores): %d events ingested, %d rows queried and verified%n%n", 2 * ingestEvents,
                        rows + 2 * ingestEvents);
                System.out.printf("ingest: bare receive+delete %.0f msg/s, audit-service %.0f events/s warm = %.0f %% (goal >= 70 %%); "
                        + "%.0f events/s cold (first %d after start)%n", bareRate, ingestRate, 100 * ingestRate / bareRate, coldRate, ingestEvents);
                System.out.printf("CPU ms per 1,000 messages: bare drain %s; ingest %s%n", bareCpu.per1000(ingestEvents),
                        ingestCpu.per1000(ingestEvents));
                System.out.printf("load of %d chained rows by COPY: %.1f s%n%n", rows, loadSeconds);
                System.out.printf("%-22s %9s %9s%n", "query shape", "p50 ms", "p99 ms");
                double worst = 0;
                for (Map.Entry<String, double[]> e : latency.entrySet()) {
                    System.out.printf("%-22s %9.1f %9.1f%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
                    worst = Math.max(worst, e.getValue()[1]);
                }
                System.out.printf("worst p99 %.1f ms (goal <= 25 ms)%n%n", worst);
                System.out.printf("verify of %d rows: %.1f s (goal <= 10 s): %s%n", rows + 2 * ingestEvents, verifySeconds, report);
                System.out.printf("verify CPU s: service %.1f, PostgreSQL %.1f%n", verifyCpu.seconds(1), verifyCpu.seconds(2));
            }
        }
        System.exit(0);
    }

    /** The 2-CPU container options, plus any given as {@code -Dbench.jvm="-XX:..."} (a profiler, say). */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(ServiceProcess.PRODUCTION_JVM);
        String extra = System.getProperty("bench.jvm", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return options;
    }

    private static List<String> events(int n, Random random) {
        List<String> events = new ArrayList<>(n);
        EventSource source = new EventSource("readiness-monitor", "bench");
        for (int i = 0; i < n; i++) {
            events.add(CODEC.toJson(EventEnvelope.create(new CellHealthChanged(OBSERVERS.get(random.nextInt(3)),
                    random.nextBoolean() ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY, null, "http://x/health", "probe", 3, 2L),
                    source, "orders", CELLS.get(random.nextInt(4)), null, Instant.now())));
        }
        return events;
    }

    private static void fill(SqsAsyncClient sqs, String url, List<String> bodies) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = i; j < Math.min(i + 10, bodies.size()); j++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(j - i)).messageBody(bodies.get(j))
                        .messageGroupId("bench/" + (j % 16)).messageDeduplicationId(UUID.randomUUID().toString()).build());
            }
            sends.add(sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries)));
            if (sends.size() >= 32) {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
                sends.clear();
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }

    /** Drains {@code 2 n} messages; the rate of the second {@code n}. */
    private static double drainBare(SqsAsyncClient sqs, String url, int n, Cpu cpu) {
        AtomicInteger done = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong start = new java.util.concurrent.atomic.AtomicLong();
        Runnable receiver = () -> {
            while (done.get() < 2 * n) {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).join().messages();
                if (messages.isEmpty()) {
                    continue;
                }
                List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < messages.size(); i++) {
                    entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(messages.get(i).receiptHandle()).build());
                }
                sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries)).join();
                int before = done.getAndAdd(messages.size());
                if (before < n && before + messages.size() >= n) {
                    start.set(System.nanoTime());
                    cpu.start();
                }
            }
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(receiver), CompletableFuture.runAsync(receiver)).join();
        cpu.stop();
        return n / ((System.nanoTime() - start.get()) / 1e9);
    }

    /**
     * CPU time spent by this process (ElasticMQ and the bench's client), the service's process and
     * PostgreSQL's processes between {@link #start} and {@link #stop}.
     */
    private static final class Cpu {
        private final ProcessHandle service;
        private long[] started;
        private long[] spent;

        Cpu(ProcessHandle service) {
            this.service = service;
        }

        void start() {
            started = now();
        }

        void stop() {
            long[] end = now();
            spent = new long[] {end[0] - started[0], end[1] - started[1], end[2] - started[2]};
        }

        private long[] now() {
            long self = cpuNanos(ProcessHandle.current());
            long svc = service == null ? 0 : cpuNanos(service);
            long postgres = ProcessHandle.allProcesses() // pg_ctl detaches the server: find it by its binary
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .mapToLong(Cpu::cpuNanos).sum();
            return new long[] {self, svc, postgres};
        }

        private static long cpuNanos(ProcessHandle process) {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        double seconds(int which) {
            return spent[which] / 1e9;
        }

        String per1000(int messages) {
            double scale = 1000.0 / messages / 1e6;
            return String.format("ElasticMQ+bench %.0f, service %.0f, PostgreSQL %.0f = %.0f", spent[0] * scale, spent[1] * scale,
                    spent[2] * scale, (spent[0] + spent[1] + spent[2]) * scale);
        }
    }

    /** Events per second from the first record after {@code alreadyStored} to {@code alreadyStored + n}. */
    private static double measureIngest(Connection db, int n, int alreadyStored, Cpu cpu) throws Exception {
        long firstSeq = -1;
        long firstAt = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            long seq = headSeq(db);
            if (seq > alreadyStored && firstSeq < 0) {
                firstSeq = seq;
                firstAt = System.nanoTime();
                if (cpu != null) {
                    cpu.start();
                }
            }
            if (seq >= alreadyStored + n) {
                if (cpu != null) {
                    cpu.stop();
                }
                return (alreadyStored + n - firstSeq) / ((System.nanoTime() - firstAt) / 1e9);
            }
            Thread.sleep(10); // polls lightly: the database's CPU is what is being measured
        }
        throw new IllegalStateException("ingest did not finish within 10 minutes");
    }

    private static long headSeq(Connection db) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT last_seq FROM audit_chain_head")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1; // the service has not migrated the schema yet
        }
    }

    /** Appends {@code rows} realistic records to the chain with COPY, continuing from the head. */
    private static void load(Connection db, int rows, Random random) throws Exception {
        db.setAutoCommit(false);
        long seq;
        byte[] hash;
        Instant recordedAt;
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT last_seq, last_hash, last_recorded_at FROM audit_chain_head WHERE id = 1 FOR UPDATE")) {
            rs.next();
            seq = rs.getLong(1);
            hash = rs.getBytes(2);
            recordedAt = rs.getTimestamp(3).toInstant();
        }
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        List<UUID> correlations = new ArrayList<>();
        for (int i = 0; i < rows / 10; i++) {
            correlations.add(UUID.randomUUID());
        }
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        int chunk = 10_000;
        for (int from = 0; from < rows; from += chunk) {
            List<EventEnvelope<?>> envelopes = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = from; i < Math.min(from + chunk, rows); i++) {
                EventEnvelope<?> e = randomEvent(random, start.plusSeconds(i * 2L), correlations.get(random.nextInt(correlations.size())));
                envelopes.add(e);
                texts.add(JSON.writeValueAsString(e));
            }
            List<String> canonical = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT x::jsonb::text FROM unnest(?::text[]) WITH ORDINALITY u(x, n) ORDER BY n")) {
                ps.setArray(1, db.createArrayOf("text", texts.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        canonical.add(rs.getString(1));
                    }
                }
            }
            StringBuilder records = new StringBuilder();
            StringBuilder ids = new StringBuilder();
            for (int i = 0; i < envelopes.size(); i++) {
                recordedAt = recordedAt.plus(1, ChronoUnit.MICROS);
                AuditRecord r = AuditFields.placed(AuditFields.recordOf(envelopes.get(i), texts.get(i), recordedAt), ++seq, canonical.get(i));
                hash = AuditChain.link(hash, r);
                records.append(r.seq()).append('\t').append(r.eventId()).append('\t').append(r.type()).append('\t')
                        .append(r.occurredAt()).append('\t').append(r.recordedAt()).append('\t').append(r.recoveryGroup()).append('\t')
                        .append(copyField(r.cell())).append('\t').append(r.correlationId()).append('\t').append(copyField(r.causationId()))
                        .append('\t').append(r.sourceService()).append('\t').append(r.sourceInstance()).append('\t')
                        .append(copyField(r.observer())).append('\t').append(copyField(r.subject())).append('\t')
                        .append(copyField(r.actor())).append('\t').append(copyField(r.outcome())).append('\t')
                        .append(copyText(r.eventText())).append('\t').append("\\\\x").append(HexFormat.of().formatHex(hash)).append('\n');
                ids.append(r.eventId()).append('\t').append(r.seq()).append('\n');
            }
            copy.copyIn("COPY audit_record (seq, event_id, type, occurred_at, recorded_at, recovery_group, cell, correlation_id, "
                    + "causation_id, source_service, source_instance, observer, subject, actor, outcome, event, hash) FROM STDIN",
                    new StringReader(records.toString()));
            copy.copyIn("COPY audit_event_id (event_id, seq) FROM STDIN", new StringReader(ids.toString()));
        }
        try (PreparedStatement ps = db.prepareStatement("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, last_recorded_at = ?")) {
            ps.setLong(1, seq);
            ps.setBytes(2, hash);
            ps.setTimestamp(3, java.sql.Timestamp.from(recordedAt));
            ps.executeUpdate();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    private static EventEnvelope<?> randomEvent(Random random, Instant at, UUID correlation) {
        int kind = random.nextInt(100);
        String cell = CELLS.get(random.nextInt(CELLS.size()));
        String observer = OBSERVERS.get(random.nextInt(OBSERVERS.size()));
        if (kind < 60) {
            return EventEnvelope.create(new CellHealthChanged(observer, random.nextBoolean() ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY,
                    null, "http://x/health", "probe", 3, 2L), new EventSource("readiness-monitor", observer), "orders", cell, correlation, null, at);
        }
        if (kind < 85) {
            return EventEnvelope.create(new CellReadinessChanged(observer, random.nextBoolean() ? Readiness.READY : Readiness.NOT_READY,
                    null, null, Map.of("orders-asg", Readiness.READY), List.of()), new EventSource("readiness-monitor", observer),
                    "orders", cell, correlation, null, at);
        }
        if (kind < 95) {
            DecisionOutcome outcome = DecisionOutcome.values()[random.nextInt(DecisionOutcome.values().length)];
            return EventEnvelope.create(new FailoverDecision("evacuate-unhealthy-region", "sha256:0011", outcome, "bench", null,
                    List.of("us-west-2"), List.of("eu-west-1"), List.of(new ControlState(RC_WEST, "us-west-2", RoutingState.OFF),
                    new ControlState(RC_EU, "eu-west-1", RoutingState.ON)), List.of(), random.nextInt(10) == 0 ? "alice" : "automation"),
                    new EventSource("failover-orchestrator", "o-0"), "orders", null, correlation, null, at);
        }
        return EventEnvelope.create(new RoutingControlChanged(List.of(new ControlChange(RC_WEST, "us-west-2", RoutingState.ON, RoutingState.OFF),
                new ControlChange(RC_EU, "eu-west-1", RoutingState.OFF, RoutingState.ON)), "us-east-1", "http://x/v1", 1, 5L, List.of(), null),
                new EventSource("failover-orchestrator", "o-0"), "orders", null, correlation, null, at);
    }

    private static String copyField(Object value) {
        return value == null ? "\\N" : copyText(value.toString());
    }

    private static String copyText(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String anyCorrelation(Connection db) throws Exception {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT correlation_id FROM audit_record WHERE seq = (SELECT last_seq / 2 FROM audit_chain_head)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String cursorAfterPages(HttpClient http, URI base, String path, int pages) throws Exception {
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            String body = http.send(authorized(base.resolve(path + (cursor == null ? "" : "&cursor=" + cursor))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            cursor = JSON.readTree(body).path("nextCursor").asText();
        }
        return cursor;
    }

    /** p50 and p99 in ms of {@code runs} GETs after {@code warmup} unmeasured ones. */
    private static double[] measure(HttpClient http, URI uri, int warmup, int runs) throws Exception {
        HttpRequest request = authorized(uri).build();
        long[] micros = new long[runs];
        for (int i = -warmup; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                micros[i] = (System.nanoTime() - start) / 1_000;
            }
        }
        Arrays.sort(micros);
        return new double[] {micros[runs / 2] / 1000.0, micros[(int) Math.ceil(runs * 0.99) - 1] / 1000.0};
    }

    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
