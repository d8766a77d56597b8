package io.borderlink.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback ports for servers a test starts and that bind them later: gateways, their Hazelcast, PostgreSQL.
 * Asking the system for port 0 and closing the socket again raced with every other process doing the same until
 * the server bound the port, seconds later for a gateway: two test JVMs side by side could be handed one port.
 * These come from below the system's ephemeral range (where port 0 and outgoing connections take theirs), from a
 * block of a thousand that this JVM holds alone while it runs (a lock file per block in the temporary folder),
 * never twice from one JVM, each checked free when handed out.
 */
public final class LoopbackPorts {

    private static final int BLOCK = 1000;
    private static final int BLOCKS = 10;
    private static final Held HELD = holdABlock();
    private static final int FIRST = 20_000 + BLOCK * HELD.block();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LoopbackPorts() {}

    /** A port free on loopback now that no other caller in this JVM, nor any other test JVM, was given. */
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

    /** A block and its lock, referenced for as long as the JVM runs: the block is this JVM's until it exits. */
    private record Held(int block, FileLock lock) {}

    private static Held holdABlock() {
        for (int block = 0; block < BLOCKS; block++) {
            try {
                FileChannel channel =
                        FileChannel.open(lockFile(block), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new Held(block, lock);
                }
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile(block), e);
            }
        }
        throw new IllegalStateException(BLOCKS + " test JVMs hold every block of test ports already");
    }

    private static Path lockFile(int block) {
        return Path.of(System.getProperty("java.io.tmpdir"), "borderlink-test-ports-" + block + ".lock");
    }
}
