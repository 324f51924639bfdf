package dev.cellguard.arc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cellguard.arc.local.topology.TopologyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArcLifecycleTest {

    @TempDir
    Path dir;

    /** Ports that were free a moment ago. */
    static List<Integer> freePorts(int count) throws IOException {
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    static boolean canBind(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> localArcThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("local-arc-") || name.equals("HTTP-Dispatcher"))
                .toList();
    }

    @Test
    void usesFixedPortsAndFreesThemOnClose() throws IOException {
        List<Integer> ports = freePorts(6);
        var arc = LocalArc.start(LocalArcConfig.defaults().withEndpointPorts(ports.subList(0, 5)).withAdminPort(ports.get(5)));

        assertThat(arc.endpoints()).extracting(Endpoint::port).containsExactlyElementsOf(ports.subList(0, 5));
        assertThat(arc.endpoints()).extracting(Endpoint::region).containsExactlyElementsOf(LocalArc.REGIONS);
        assertThat(arc.endpoint("us-east-1").url().toString()).isEqualTo("http://127.0.0.1:" + ports.get(2) + "/v1");
        assertThat(arc.adminUrl().getPort()).isEqualTo(ports.get(5));

        arc.close();

        assertThat(ports).allSatisfy(port -> assertThat(canBind(port)).as("port %d is free", port).isTrue());
    }

    @Test
    void closeStopsEveryThreadAndIsIdempotent() {
        var arc = LocalArc.start();
        arc.injectFault("us-west-2", Fault.slow(Duration.ofMillis(100)));
        arc.injectFault("eu-west-1", Fault.blackhole());
        assertThat(localArcThreads()).isNotEmpty();

        arc.close();
        arc.close();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(localArcThreads()).isEmpty());
    }

    @Test
    void failsToStartWhenAPortIsTakenAndLeavesNothingBound() throws IOException {
        List<Integer> ports = freePorts(5);
        try (var taken = new ServerSocket(ports.get(2), 1, InetAddress.getLoopbackAddress())) {
            var error = catchThrowableOfType(UncheckedIOException.class,
                    () -> LocalArc.start(LocalArcConfig.defaults().withEndpointPorts(ports)));

            assertThat(error).hasMessageContaining("us-east-1").hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
        assertThat(canBind(ports.get(0))).isTrue();
        assertThat(canBind(ports.get(1))).isTrue();
    }

    @Test
    void failsToStartWithAnInvalidTopologyNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"ControlPanels\": 7}");

        assertThatThrownBy(() -> LocalArc.start(LocalArcConfig.defaults().withTopologyFile(file)))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void servesATopologyFromAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("zonal.yml"), """
                ClusterName: zonal
                ControlPanels:
                  - Name: zones
                    RoutingControls: [{Name: a, InitialState: "On"}, {Name: b, InitialState: "On"}]
                """);

        try (var arc = LocalArc.start(LocalArcConfig.defaults().withTopologyFile(file))) {
            assertThat(arc.topology().routingControls()).hasSize(2);
            assertThat(arc.routingControlStates()).containsValue(dev.cellguard.safety.RoutingControlState.ON);
        }
    }

    @Test
    void rejectsUnknownRegionsAndRoutingControls() {
        try (var arc = LocalArc.start()) {
            assertThatThrownBy(() -> arc.injectFault("mars-north-1", Fault.error()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mars-north-1");
            assertThatThrownBy(() -> arc.routingControlState("arn:nothing"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arn:nothing");
        }
    }

    @Test
    void rejectsAConfigWithoutFivePorts() {
        assertThatThrownBy(() -> LocalArcConfig.defaults().withEndpointPorts(List.of(1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Exactly 5");
    }
}
