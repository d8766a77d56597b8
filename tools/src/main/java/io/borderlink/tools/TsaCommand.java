package io.borderlink.tools;

import io.borderlink.crypto.Certificates;
import io.borderlink.testkit.TestPki;
import io.borderlink.testkit.TimeStampAuthority;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsa}: an RFC 3161 time-stamping authority on loopback, answered by openssl with the TSA key of a
 * {@code rehearsal-pki} folder, for rehearsing the audit anchoring that production requires.
 */
@Command(
        name = "tsa",
        mixinStandardHelpOptions = true,
        description = "Play an RFC 3161 time-stamping authority with the TSA key of a rehearsal PKI.")
class TsaCommand implements Callable<Integer> {

    @Option(names = "--pki", required = true, description = "a folder made by rehearsal-pki")
    Path pki;

    @Option(names = "--port", required = true, description = "HTTP port on 127.0.0.1")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        Path certificate = pki.resolve("tsa.crt.pem");
        TestPki.Issued signer = new TestPki.Issued(
                "tsa",
                certificate,
                pki.resolve("tsa.key.pem"),
                pki.resolve("tsa.p12"),
                Certificates.readCertificate(certificate),
                Certificates.readKey(pki.resolve("tsa.p12"), TestPki.PASSWORD.toCharArray(), "tsa"));
        try (TimeStampAuthority tsa = TimeStampAuthority.start(signer, pki.resolve("trust/gateway-ca.crt.pem"), port)) {
            System.out.println("time-stamping authority at " + tsa.uri() + " (Ctrl-C to stop)");
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
