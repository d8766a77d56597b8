package io.borderlink.gateway.cli;

import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.audit.BundleVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code borderlink verify}: checks an evidence bundle exported by an auditor, offline, against trust
 * anchors the auditor chose; exit code 0 when everything verifies, 1 when anything does not.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Verify an evidence bundle offline: manifest, chain, checkpoints, time-stamps and signatures.")
class VerifyCommand implements Callable<Integer> {

    @Option(names = "--bundle", required = true, description = "the evidence bundle (zip) exported by the gateway")
    Path bundle;

    @Option(
            names = "--trust",
            required = true,
            arity = "1..*",
            description = "trusted root certificates (PEM), e.g. certs-dev/ca/national-root.crt.pem; repeatable")
    List<Path> trust;

    @Option(
            names = "--checkpoint-certificate",
            required = true,
            arity = "1..*",
            description = "the certificate (PEM) of the key that signs the gateway's audit checkpoints, e.g."
                    + " certs-dev/audit-checkpoint.crt.pem; repeatable, to name the keys before it for older"
                    + " checkpoints. A checkpoint signed by any other is refused")
    List<Path> checkpointCertificates;

    @Option(
            names = "--tsa",
            description = "the time-stamping authority's certificate or CA (PEM); without it, time-stamped"
                    + " checkpoints are refused unless --trust-bundled-tsa is given")
    Path tsa;

    @Option(
            names = "--trust-bundled-tsa",
            description = "without --tsa, check time-stamps against the TSA certificate the bundle carries (proves"
                    + " the stamp intact, not whose it is)")
    boolean trustBundledTsa;

    @Override
    public Integer call() throws Exception {
        List<X509Certificate> tsaTrust = tsa == null ? List.of() : Certificates.parseAll(Files.readAllBytes(tsa));
        BundleVerifier.Report report = new BundleVerifier(
                        certificates(trust), certificates(checkpointCertificates), tsaTrust, trustBundledTsa)
                .verify(bundle);
        report.checked().forEach(line -> System.out.println("ok    " + line));
        report.problems().forEach(line -> System.out.println("FAIL  " + line));
        System.out.println(
                report.intact()
                        ? "VERIFIED: " + bundle
                        : "NOT VERIFIED: " + report.problems().size() + " problems in " + bundle);
        return report.intact() ? 0 : 1;
    }

    private static List<X509Certificate> certificates(List<Path> files) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path path : files) {
            certificates.addAll(Certificates.parseAll(Files.readAllBytes(path)));
        }
        return certificates;
    }
}
