package dev.cellguard.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellguard.arc.local.Endpoint;
import dev.cellguard.arc.local.Fault;
import dev.cellguard.arc.local.LocalArc;
import dev.cellguard.arc.local.LocalArcConfig;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.safety.RoutingControlState;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The routing-control client against the local ARC with endpoint faults: an update gets through as
 * long as one endpoint works, a dead endpoint costs at most one attempt timeout, and with every
 * endpoint down the call fails clearly once its deadline passes.
 */
class RoutingControlClientFaultTest {

    static final String CELL_A = "arn:aws:route53-recovery-control::111122223333:controlpanel/0a1b2c3d4e5f60718293a4b5c6d7e8f9/routingcontrol/0000000000000001";
    static final String CELL_B = "arn:aws:route53-recovery-control::111122223333:controlpanel/0a1b2c3d4e5f60718293a4b5c6d7e8f9/routingcontrol/0000000000000002";
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(250);
    static final Duration DEADLINE = Duration.ofMillis(1500);
    /** Scheduling slack on a busy two-core machine; far below what one more attempt would cost. */
    static final Duration SLACK = Duration.ofMillis(400);

    private static LocalArc arc;
    private final List<String> attemptLog = new CopyOnWriteArrayList<>();

    /**
     * A fresh ARC per test: a request to a slow endpoint may still commit after the client gave up
     * on it (as with real ARC), and must not leak into the next test.
     */
    @BeforeEach
    void startArc() throws URISyntaxException {
        Path topology = Path.of(RoutingControlClientFaultTest.class.getResource("/arc/unguarded-topology.json").toURI());
        arc = LocalArc.start(LocalArcConfig.defaults().withTopologyFile(topology).withMutatingCallsPerSecond(0));
    }

    @AfterEach
    void stopArc() {
        arc.close();
    }

    static Stream<Arguments> faultsOnOneToFourEndpoints() {
        List<Arguments> cases = new ArrayList<>();
        for (String kind : List.of("refuse", "unavailable", "slow", "blackhole", "throttle", "error")) {
            for (int faulted = 1; faulted <= 4; faulted++) {
                cases.add(Arguments.of(kind, faulted));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1} of 5 endpoints")
    @MethodSource("faultsOnOneToFourEndpoints")
    void anUpdateGetsThroughWhileOneEndpointWorks(String kind, int faulted) {
        for (int i = 0; i < faulted; i++) {
            arc.injectFault(arc.endpoints().get(i).region(), fault(kind));
        }
        try (RoutingControlClient client = client()) {
            long start = System.nanoTime();
            UpdateOutcome outcome = client.updateStates(Map.of(CELL_A, RoutingState.OFF, CELL_B, RoutingState.ON), List.of());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome.attempts()).isEqualTo(faulted + 1);
            assertThat(outcome.endpoint().region()).isEqualTo(arc.endpoints().get(faulted).region());
            assertThat(outcome.failures()).hasSize(faulted);
            assertThat(arc.routingControlState(CELL_A)).isEqualTo(RoutingControlState.OFF);
            assertThat(arc.routingControlState(CELL_B)).isEqualTo(RoutingControlState.ON);
            // A dead endpoint costs at most one attempt timeout.
            assertThat(took).isLessThan(ATTEMPT_TIMEOUT.multipliedBy(faulted).plus(SLACK));
        }
        assertThat(attemptLog).hasSize(faulted + 1).last().asString().endsWith("SUCCESS");
        assertThat(attemptLog.subList(0, faulted)).allSatisfy(a -> assertThat(a).doesNotEndWith("SUCCESS"));
    }

    @ParameterizedTest(name = "{0} on all 5 endpoints")
    @MethodSource("allKinds")
    void withEveryEndpointDownTheUpdateFailsClearlyOnceTheDeadlinePasses(String kind) {
        arc.endpoints().forEach(e -> arc.injectFault(e.region(), fault(kind)));
        try (RoutingControlClient client = client()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.updateStates(Map.of(CELL_A, RoutingState.OFF), List.of()))
                    .isInstanceOfSatisfying(RoutingUpdateException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RoutingUpdateException.Kind.NO_ENDPOINT);
                        assertThat(e.attempts()).hasSizeGreaterThanOrEqualTo(5);
                    })
                    .hasMessageContaining("failed on every ARC endpoint within 1500 ms");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(DEADLINE).isLessThan(DEADLINE.plus(ATTEMPT_TIMEOUT).plus(SLACK));
        }
        if (!kind.equals("slow")) {
            // A slow endpoint may still commit after the client gave up; no other fault ever does.
            assertThat(arc.routingControlState(CELL_A)).isEqualTo(RoutingControlState.ON);
        }
    }

    static Stream<String> allKinds() {
        return Stream.of("refuse", "unavailable", "slow", "blackhole", "throttle", "error");
    }

    @Test
    void readsRotateLikeUpdates() {
        arc.injectFault(arc.endpoints().get(0).region(), Fault.blackhole());
        arc.injectFault(arc.endpoints().get(1).region(), Fault.refuse());
        try (RoutingControlClient client = client()) {
            assertThat(client.readStates(List.of(CELL_A, CELL_B)))
                    .containsEntry(CELL_A, RoutingState.ON)
                    .containsEntry(CELL_B, RoutingState.OFF);
        }
    }

    @Test
    void aRandomStartSpreadsCallsOverEveryEndpoint() {
        try (RoutingControlClient client = new RoutingControlClient(endpoints(), credentials(), ATTEMPT_TIMEOUT, DEADLINE,
                new java.util.SplittableRandom(7), (endpoint, operation, outcome, nanos) -> attemptLog.add(endpoint.region()))) {
            for (int i = 0; i < 40; i++) {
                client.readStates(List.of(CELL_A));
            }
        }
        assertThat(attemptLog).containsAll(arc.endpoints().stream().map(Endpoint::region).toList());
    }

    private RoutingControlClient client() {
        return new RoutingControlClient(endpoints(), credentials(), ATTEMPT_TIMEOUT, DEADLINE, new FixedStart(0),
                (endpoint, operation, outcome, nanos) -> attemptLog.add(endpoint.region() + " " + outcome));
    }

    static List<ArcEndpoint> endpoints() {
        return arc.endpoints().stream().map(e -> new ArcEndpoint(e.region(), e.url())).toList();
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    private static Fault fault(String kind) {
        return switch (kind) {
            case "refuse" -> Fault.refuse();
            case "unavailable" -> Fault.unavailable();
            case "slow" -> Fault.slow(Duration.ofSeconds(2));
            case "blackhole" -> Fault.blackhole();
            case "throttle" -> Fault.throttle();
            case "error" -> Fault.error();
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
