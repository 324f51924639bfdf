package dev.cellguard.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Hands out distinct free ports on 127.0.0.1, and checks that fixed ones are free. */
final class PortAllocator {

    private final Set<Integer> given = new HashSet<>();

    int next() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (given.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on 127.0.0.1", e);
            }
        }
    }

    /** Fails with a message naming the port and what it is for if something already listens there. */
    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + what + ") is already in use: stop what uses it "
                    + "(an earlier local stack?) and start again.");
        }
    }
}
