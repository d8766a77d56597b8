package io.borderlink.resilience;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * RU-LIAISON played by {@code borderlink partner-stub}: it decrypts and verifies each delivery as the
 * partner would and records its message id (the share id) in a file, so the test counts what arrived.
 */
final class PartnerStubProcess {

    private final int port;
    private final Path record;
    private final Path outage;

    private PartnerStubProcess(int port, Path record, Path outage) {
        this.port = port;
        this.record = record;
        this.outage = outage;
    }

    /** @param answerAfter how slow the partner is; a slow one keeps deliveries under way when a node is killed */
    static PartnerStubProcess start(Scenario scenario, Duration answerAfter) {
        int port = Scenario.freePort();
        PartnerStubProcess stub = new PartnerStubProcess(
                port, scenario.folder.resolve("received.txt"), scenario.folder.resolve("partner-outage"));
        scenario.java(
                "partner-stub.log",
                List.of(
                        "partner-stub",
                        "--partner=ru-liaison",
                        "--port=" + port,
                        "--record=" + stub.record,
                        "--unavailable-while=" + stub.outage,
                        "--answer-after=" + answerAfter));
        await("partner stub listening").atMost(Duration.ofMinutes(1)).until(stub::listening);
        return stub;
    }

    String endpoint() {
        return "https://127.0.0.1:" + port + "/liaison";
    }

    /** From now on the partner answers 503, or (hang) nothing for longer than the gateway waits. */
    void fail(boolean hang) throws IOException {
        Files.writeString(outage, hang ? "hang" : "503");
    }

    void recover() throws IOException {
        Files.deleteIfExists(outage);
    }

    /** Every delivery accepted so far, in order; a line ending in OVERLAP arrived while its twin was under way. */
    List<String> received() {
        try {
            return Files.exists(record) ? Files.readAllLines(record) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean listening() {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
