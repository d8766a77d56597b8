package io.borderlink.tools;

import io.borderlink.testkit.TestPki;
import io.borderlink.testkit.TestPki.Authority;
import io.borderlink.testkit.TestPki.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rehearsal-pki}: a throwaway PKI for rehearsing a production deployment on one host
 * (docs/production.md): made here with openssl, its keys never leave the folder, and nothing in it says
 * DEV ONLY, so the prod profile accepts it. A real deployment takes its certificates from the national PKI
 * and the partners instead.
 */
@Command(
        name = "rehearsal-pki",
        mixinStandardHelpOptions = true,
        description = "Make a production-like PKI in a folder, for rehearsing a production deployment on one host.")
class RehearsalPkiCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "the folder to make it in (created)")
    Path out;

    @Option(
            names = "--crl-days",
            defaultValue = "30",
            description = "how long the CRLs it publishes are valid (default: ${DEFAULT-VALUE})")
    int crlDays;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        TestPki pki = TestPki.in(out);
        Authority national = pki.root("national-root", "CN=Rehearsal National Root CA,O=Borderlink Rehearsal,C=MN");
        Authority gatewayCa =
                national.intermediate("gateway-ca", "CN=Rehearsal Gateway CA,O=Borderlink Rehearsal,C=MN");
        Authority agencyCa = national.intermediate("agency-ca", "CN=Rehearsal Agency CA,O=Borderlink Rehearsal,C=MN");
        Authority staffCa = national.intermediate("staff-ca", "CN=Rehearsal Staff CA,O=Borderlink Rehearsal,C=MN");
        Authority partnerRoot = pki.root("ru-liaison-root", "CN=RU Liaison Rehearsal Root CA,O=RU Liaison,C=RU");
        gatewayCa.issue("gateway", "CN=borderlink-gateway,O=Borderlink Rehearsal,C=MN", Profile.SYSTEM);
        gatewayCa.issue("gateway-enc", "CN=borderlink-gateway-enc,O=Borderlink Rehearsal,C=MN", Profile.ENCRYPTION);
        gatewayCa.issue(
                "audit-checkpoint", "CN=borderlink-audit-checkpoint,O=Borderlink Rehearsal,C=MN", Profile.SIGNING_ONLY);
        gatewayCa.issue(
                "tsa", "CN=Rehearsal Time-Stamping Authority,O=Borderlink Rehearsal,C=MN", Profile.TIME_STAMPING);
        agencyCa.issue("mn-border", "CN=MN-BORDER,O=Border Police,C=MN", Profile.SYSTEM);
        staffCa.issue("officer-1", "CN=officer-1,O=Borderlink Rehearsal,C=MN", Profile.PERSON);
        partnerRoot.issue("ru-liaison", "CN=RU-LIAISON,O=RU Liaison,C=RU", Profile.SYSTEM);

        Path trust = Files.createDirectories(out.resolve("trust"));
        Path crls = Files.createDirectories(out.resolve("crls"));
        for (Authority ca : List.of(national, gatewayCa, agencyCa, staffCa, partnerRoot)) {
            Files.copy(ca.certificateFile(), trust.resolve(ca.name() + ".crt.pem"));
            ca.publishCrl(crls, Duration.ofDays(crlDays));
        }
        KeyStore clientTrust = KeyStore.getInstance("PKCS12");
        clientTrust.load(null, null);
        clientTrust.setCertificateEntry("national-root", national.certificate());
        clientTrust.setCertificateEntry("ru-liaison-root", partnerRoot.certificate());
        try (OutputStream file = Files.newOutputStream(trust.resolve("client-trust.p12"))) {
            clientTrust.store(file, TestPki.PASSWORD.toCharArray());
        }
        System.out.println("rehearsal PKI in " + out.toAbsolutePath() + " (key stores: password " + TestPki.PASSWORD
                + ", alias = file name):");
        System.out.println(
                "  gateway.p12 gateway-enc.p12 tsa.p12      the gateway's TLS/signing, encryption and TSA keys");
        System.out.println("  audit-checkpoint.p12                     the key that signs audit checkpoints only");
        System.out.println("  mn-border.p12 officer-1.p12 ru-liaison.p12  an agency, an officer, a partner");
        System.out.println("  trust/   CA certificates and client-trust.p12 (national root + RU-LIAISON's root)");
        System.out.println(
                "  crls/    one CRL per CA, valid " + crlDays + " days; ca-*/ the CAs (revoke with openssl ca)");
        return 0;
    }
}
