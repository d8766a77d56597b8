package io.borderlink.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback ports for servers a test starts and that bind them later: gateways, their Hazelcast, PostgreSQL.
 * Asking the system for port 0 and closing the socket again raced with every other process doing the same until
 * the server bound the port, seconds later for a gateway: two test JVMs side by side could be handed one port.
 * These come from below the system's ephemeral range (where port 0 and outgoing connections take theirs), from a
 * block of their own per test JVM ({@code -Dborderlink.test.fork}, the build's fork number), never twice from one
 * JVM, each checked free when handed out.
 */
public final class LoopbackPorts {

    private static final int BLOCK = 1000;
    private static final int FIRST = 20_000 + BLOCK * Integer.getInteger("borderlink.test.fork", 0);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LoopbackPorts() {}

    /** A port free on loopback now that no other caller in this JVM was given. */
    public static int free() {
        for (int tried = 0; tried < BLOCK; tried++) {
            int port = FIRST + NEXT.getAndIncrement() % BLOCK;
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port in " + FIRST + "-" + (FIRST + BLOCK - 1));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
