package io.borderlink.testkit;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A PKI made during a test, in a folder of its own, with the {@code openssl} command (as certs-dev/generate.sh
 * makes the development one): root and intermediate CAs that issue certificates, revoke them and publish
 * CRLs with the validity a test needs, while the gateway runs. Nothing in it says {@code DEV ONLY}: it looks
 * like production material, so the prod profile accepts it. Keys are RSA 2048, key stores PKCS#12 with
 * {@link #PASSWORD}, each key entry under its name.
 */
public final class TestPki {

    public static final String PASSWORD = "changeit";

    /** What a certificate is for: its key usages, extended key usages and names. */
    public enum Profile {
        /** An agency, a partner or the gateway: signs, and is a TLS client and server on 127.0.0.1. */
        SYSTEM(
                """
                basicConstraints = critical, CA:FALSE
                keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment
                extendedKeyUsage = serverAuth, clientAuth
                subjectAltName = DNS:localhost, IP:127.0.0.1
                """),
        /** What is encrypted to (the gateway's encryption key). */
        ENCRYPTION(
                """
                basicConstraints = critical, CA:FALSE
                keyUsage = critical, keyEncipherment, dataEncipherment
                """),
        /** A person's TLS client certificate. */
        PERSON(
                """
                basicConstraints = critical, CA:FALSE
                keyUsage = critical, digitalSignature
                extendedKeyUsage = clientAuth
                """),
        /** A key that signs and does nothing else, such as the gateway's audit checkpoint key. */
        SIGNING_ONLY(
                """
                basicConstraints = critical, CA:FALSE
                keyUsage = critical, digitalSignature, nonRepudiation
                """),
        /** An RFC 3161 time-stamping authority. */
        TIME_STAMPING(
                """
                basicConstraints = critical, CA:FALSE
                keyUsage = critical, digitalSignature, nonRepudiation
                extendedKeyUsage = critical, timeStamping
                """);

        private final String extensions;

        Profile(String extensions) {
            this.extensions = extensions;
        }
    }

    private final Path folder;

    private TestPki(Path folder) {
        this.folder = folder;
    }

    /** A PKI in {@code folder} (created if need be). */
    public static TestPki in(Path folder) {
        try {
            return new TestPki(Files.createDirectories(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** A self-signed root CA named {@code name} (a file name) with subject {@code subject} ({@code CN=…,O=…,C=…}). */
    public Authority root(String name, String subject) {
        Authority root = new Authority(this, name, null);
        root.create(subject);
        return root;
    }

    /** A certificate and its key, as files and as loaded. */
    public record Issued(
            String name,
            Path certificateFile,
            Path keyFile,
            Path keyStore,
            X509Certificate certificate,
            SigningKey key) {}

    /** A CA with its own openssl database: what it issued, what it revoked, its CRL number. */
    public static final class Authority {

        private final TestPki pki;
        private final String name;
        private final Authority parent;
        private final Path home;

        private Authority(TestPki pki, String name, Authority parent) {
            this.pki = pki;
            this.name = name;
            this.parent = parent;
            this.home = pki.folder.resolve("ca-" + name);
        }

        public String name() {
            return name;
        }

        public Path certificateFile() {
            return home.resolve("ca.crt.pem");
        }

        public X509Certificate certificate() {
            return Certificates.readCertificate(certificateFile());
        }

        /** This CA's certificate and those above it, this one first. */
        public List<X509Certificate> chain() {
            List<X509Certificate> chain = new ArrayList<>();
            for (Authority ca = this; ca != null; ca = ca.parent) {
                chain.add(ca.certificate());
            }
            return chain;
        }

        /** An intermediate CA issued by this one (path length 0). */
        public Authority intermediate(String childName, String subject) {
            Authority child = new Authority(pki, childName, this);
            child.create(subject);
            return child;
        }

        /** A certificate for {@code subject}, valid from now for a year. */
        public Issued issue(String leaf, String subject, Profile profile) {
            return issue(leaf, subject, profile, List.of());
        }

        /** The same, naming where its issuer's CRL is published (a CRL distribution point per address). */
        public Issued issue(String leaf, String subject, Profile profile, List<URI> crlDistributionPoints) {
            Path key = pki.folder.resolve(leaf + ".key.pem");
            Path request = home.resolve(leaf + ".csr");
            Path certificate = pki.folder.resolve(leaf + ".crt.pem");
            Path keyStore = pki.folder.resolve(leaf + ".p12");
            String extensions = profile.extensions
                    + "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid:always\n"
                    + (crlDistributionPoints.isEmpty()
                            ? ""
                            : "crlDistributionPoints = "
                                    + crlDistributionPoints.stream()
                                            .map(uri -> "URI:" + uri)
                                            .collect(Collectors.joining(", "))
                                    + "\n");
            Path extensionFile = Openssl.write(home.resolve(leaf + ".ext"), "[ leaf ]\n" + extensions);
            keyAndRequest(key, subject, request);
            Openssl.run(
                    "ca",
                    "-batch",
                    "-notext",
                    "-config",
                    config(),
                    "-rand_serial",
                    "-days",
                    "365",
                    "-in",
                    request,
                    "-out",
                    certificate,
                    "-extfile",
                    extensionFile,
                    "-extensions",
                    "leaf");
            Path chain = Openssl.write(home.resolve(leaf + ".chain.pem"), Certificates.pem(chain()));
            Openssl.run(
                    "pkcs12",
                    "-export",
                    "-name",
                    leaf,
                    "-inkey",
                    key,
                    "-in",
                    certificate,
                    "-certfile",
                    chain,
                    "-passout",
                    "pass:" + PASSWORD,
                    "-out",
                    keyStore);
            return new Issued(
                    leaf,
                    certificate,
                    key,
                    keyStore,
                    Certificates.readCertificate(certificate),
                    Certificates.readKey(keyStore, PASSWORD.toCharArray(), leaf));
        }

        /** Revokes a certificate this CA issued (keyCompromise); it shows in the next CRL. */
        public void revoke(Issued issued) {
            Openssl.run(
                    "ca",
                    "-batch",
                    "-config",
                    config(),
                    "-revoke",
                    issued.certificateFile(),
                    "-crl_reason",
                    "keyCompromise");
        }

        /** A fresh CRL (PEM) whose nextUpdate lies {@code validFor} ahead. */
        public byte[] crl(Duration validFor) {
            Path out = home.resolve("crl.pem");
            Openssl.run(
                    "ca",
                    "-batch",
                    "-config",
                    config(),
                    "-gencrl",
                    "-crlsec",
                    String.valueOf(Math.max(1, validFor.toSeconds())),
                    "-out",
                    out);
            try {
                return Files.readAllBytes(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Publishes a fresh CRL as {@code <name>.crl.pem} in {@code crlFolder}, in one atomic move (as an operator's
         * copy should), so that a gateway watching the folder never reads half of it.
         */
        public Path publishCrl(Path crlFolder, Duration validFor) {
            try {
                Path next = Files.createTempFile(crlFolder, "." + name, ".tmp");
                Files.write(next, crl(validFor));
                return Files.move(
                        next,
                        crlFolder.resolve(name + ".crl.pem"),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void create(String subject) {
            try {
                Files.createDirectories(home.resolve("newcerts"));
                Files.writeString(home.resolve("index.txt"), "");
                Files.writeString(home.resolve("index.txt.attr"), "unique_subject = no\n");
                Files.writeString(home.resolve("crlnumber"), "1000\n");
                Files.writeString(home.resolve("serial"), "1000\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Openssl.write(
                    config(),
                    """
                    [ ca ]
                    default_ca = this_ca
                    [ this_ca ]
                    dir = %s
                    database = $dir/index.txt
                    new_certs_dir = $dir/newcerts
                    crlnumber = $dir/crlnumber
                    serial = $dir/serial
                    certificate = $dir/ca.crt.pem
                    private_key = $dir/ca.key.pem
                    default_md = sha256
                    default_days = 365
                    default_crl_days = 30
                    policy = anything
                    preserve = yes
                    unique_subject = no
                    copy_extensions = none
                    crl_extensions = crl_extensions
                    [ anything ]
                    countryName = optional
                    organizationName = optional
                    organizationalUnitName = optional
                    commonName = supplied
                    [ crl_extensions ]
                    authorityKeyIdentifier = keyid:always
                    [ req ]
                    distinguished_name = names
                    prompt = no
                    [ names ]
                    CN = placeholder
                    [ authority ]
                    basicConstraints = critical, CA:TRUE%s
                    keyUsage = critical, keyCertSign, cRLSign
                    subjectKeyIdentifier = hash
                    authorityKeyIdentifier = keyid:always
                    """
                            .formatted(home.toAbsolutePath(), parent == null ? "" : ", pathlen:0"));
            Path key = home.resolve("ca.key.pem");
            Path request = home.resolve("ca.csr");
            keyAndRequest(key, subject, request);
            if (parent == null) {
                Openssl.run(
                        "ca",
                        "-batch",
                        "-notext",
                        "-config",
                        config(),
                        "-selfsign",
                        "-rand_serial",
                        "-days",
                        "3650",
                        "-keyfile",
                        key,
                        "-in",
                        request,
                        "-out",
                        certificateFile(),
                        "-extfile",
                        config(),
                        "-extensions",
                        "authority");
            } else {
                Openssl.run(
                        "ca",
                        "-batch",
                        "-notext",
                        "-config",
                        parent.config(),
                        "-rand_serial",
                        "-days",
                        "1825",
                        "-in",
                        request,
                        "-out",
                        certificateFile(),
                        "-extfile",
                        config(),
                        "-extensions",
                        "authority");
            }
        }

        /** A new RSA-2048 key and a certificate request for it, to be signed by {@code openssl ca}. */
        private void keyAndRequest(Path key, String subject, Path request) {
            Openssl.run("genpkey", "-quiet", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key);
            Openssl.run(
                    "req",
                    "-new",
                    "-config",
                    config(),
                    "-key",
                    key,
                    "-subj",
                    Openssl.subject(subject),
                    "-out",
                    request);
        }

        private Path config() {
            return home.resolve("ca.cnf");
        }
    }
}
