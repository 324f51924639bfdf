package dev.cellguard.arc.local;

import static dev.cellguard.arc.local.DefaultTopology.US_WEST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;
import software.amazon.awssdk.services.route53recoverycluster.model.EndpointTemporarilyUnavailableException;
import software.amazon.awssdk.services.route53recoverycluster.model.InternalServerException;
import software.amazon.awssdk.services.route53recoverycluster.model.RoutingControlState;
import software.amazon.awssdk.services.route53recoverycluster.model.ThrottlingException;

/** Each fault kind, seen by the real SDK client on the faulted endpoint while the others keep serving. */
class FaultInjectionTest {

    static final String FAULTED = "us-east-1";

    LocalArc arc;
    final List<Route53RecoveryClusterClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        arc = LocalArc.start(LocalArcConfig.defaults().withMutatingCallsPerSecond(0));
    }

    @AfterEach
    void stop() {
        clients.forEach(Route53RecoveryClusterClient::close);
        arc.close();
    }

    Route53RecoveryClusterClient client(String region, Duration timeout) {
        var client = ArcClients.client(arc.endpoint(region), timeout);
        clients.add(client);
        return client;
    }

    Route53RecoveryClusterClient client(String region) {
        return client(region, ArcClients.DEFAULT_TIMEOUT);
    }

    RoutingControlState getState(String region) {
        return client(region).getRoutingControlState(r -> r.routingControlArn(US_WEST_2)).routingControlState();
    }

    void assertOtherEndpointsServe() {
        for (String region : LocalArc.REGIONS) {
            if (!region.equals(FAULTED)) {
                assertThat(getState(region)).as(region).isEqualTo(RoutingControlState.ON);
            }
        }
    }

    static Stream<Arguments> errorFaults() {
        return Stream.of(
                Arguments.of(Fault.unavailable(), EndpointTemporarilyUnavailableException.class),
                Arguments.of(Fault.throttle(), ThrottlingException.class),
                Arguments.of(Fault.error(), InternalServerException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorFaults")
    void errorFaultFailsOnlyTheFaultedEndpoint(Fault fault, Class<? extends Exception> expected) {
        arc.injectFault(FAULTED, fault);

        assertThatThrownBy(() -> getState(FAULTED)).isInstanceOf(expected);
        assertOtherEndpointsServe();

        arc.clearFault(FAULTED);
        assertThat(getState(FAULTED)).isEqualTo(RoutingControlState.ON);
    }

    @Test
    void faultedCallsChangeNothing() {
        arc.injectFault(FAULTED, Fault.error());

        assertThatThrownBy(() -> client(FAULTED).updateRoutingControlState(r -> r.routingControlArn(US_WEST_2)
                .routingControlState(RoutingControlState.OFF).safetyRulesToOverride(DefaultTopology.NO_FAIL_OPEN)))
                .isInstanceOf(InternalServerException.class);
        assertThat(arc.changeLog()).isEmpty();
        assertThat(arc.routingControlState(US_WEST_2)).isEqualTo(dev.cellguard.safety.RoutingControlState.ON);
    }

    @Test
    void slowFaultAddsLatencyOnlyOnTheFaultedEndpoint() {
        getState(FAULTED); // warm the client up so the measurement is about the fault
        arc.injectFault(FAULTED, Fault.slow(Duration.ofMillis(400)));

        long started = System.nanoTime();
        assertThat(getState(FAULTED)).isEqualTo(RoutingControlState.ON);
        Duration slow = Duration.ofNanos(System.nanoTime() - started);

        assertThat(slow).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertOtherEndpointsServe();
    }

    @Test
    void refuseReallyRefusesConnectionsAndClearingRebindsTheSamePort() {
        int port = arc.endpoint(FAULTED).port();
        arc.injectFault(FAULTED, Fault.refuse());

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        var refused = catchThrowableOfType(SdkClientException.class, () -> getState(FAULTED));
        assertThat(refused).hasRootCauseInstanceOf(ConnectException.class);
        assertOtherEndpointsServe();

        arc.clearFault(FAULTED);

        assertThat(arc.endpoint(FAULTED).port()).isEqualTo(port);
        assertThat(getState(FAULTED)).isEqualTo(RoutingControlState.ON);
    }

    @Test
    void replacingRefuseWithAnotherFaultRebindsToo() {
        arc.injectFault(FAULTED, Fault.refuse());
        arc.injectFault(FAULTED, Fault.unavailable());

        assertThatThrownBy(() -> getState(FAULTED)).isInstanceOf(EndpointTemporarilyUnavailableException.class);
    }

    @Test
    void blackholeAcceptsButNeverAnswersSoTheClientTimesOut() {
        arc.injectFault(FAULTED, Fault.blackhole());

        var timedOut = catchThrowableOfType(SdkClientException.class,
                () -> client(FAULTED, Duration.ofMillis(300)).getRoutingControlState(r -> r.routingControlArn(US_WEST_2)));

        assertThat(timedOut).hasRootCauseInstanceOf(SocketTimeoutException.class);
        assertOtherEndpointsServe();
    }

    @Test
    void clearingBlackholeDropsTheParkedConnection() throws IOException {
        arc.injectFault(FAULTED, Fault.blackhole());
        try (Socket socket = sendRawRequest(arc.endpoint(FAULTED).port())) {
            assertNoAnswerYet(socket);

            arc.clearFault(FAULTED);

            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
        }
        assertThat(getState(FAULTED)).isEqualTo(RoutingControlState.ON);
    }

    @Test
    void closeShutsDownPromptlyWithAParkedConnection() throws IOException {
        arc.injectFault(FAULTED, Fault.blackhole());
        try (Socket socket = sendRawRequest(arc.endpoint(FAULTED).port())) {
            assertNoAnswerYet(socket);

            long started = System.nanoTime();
            arc.close();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
        }
    }

    /** Sends a complete, signed data-plane request on a raw socket with a 2 s read timeout. */
    static Socket sendRawRequest(int port) throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(2000);
        String body = "{}";
        String request = "POST /v1 HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: ToggleCustomerAPI.ListRoutingControls\r\n"
                + "Authorization: " + RawProtocolTest.SIGNED + "\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** The parked request gets no answer within a short read timeout. */
    static void assertNoAnswerYet(Socket socket) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(200);
        InputStream in = socket.getInputStream();
        assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        socket.setSoTimeout(timeout);
    }
}
