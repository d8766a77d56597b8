package io.borderlink.gateway.pki;

import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.config.InvalidConfigurationException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Development material: files under {@code certs-dev/} and certificates carrying {@code OU=DEV ONLY}, whose private
 * keys are public. Under the prod profile the gateway refuses to start with any, and refuses any partner or agency
 * configuration it reloads while running that registers some: a file edited on a running node is held to what a
 * start is held to.
 */
@Component
public class DevelopmentMaterial {

    private static final String FOLDER = "certs-dev";

    private final boolean refused;

    DevelopmentMaterial(Environment environment) {
        this.refused = environment.acceptsProfiles(Profiles.of("prod"));
    }

    /**
     * Under the prod profile, refuses certificate files that are development material or cannot be read, naming
     * each by the setting that names it; outside prod, accepts everything.
     */
    public void refuseUnderProd(Map<String, Path> files) {
        if (!refused) {
            return;
        }
        List<String> problems = new ArrayList<>();
        files.forEach((setting, file) -> {
            try {
                problem(file, Certificates.readCertificate(file))
                        .ifPresent(problem -> problems.add(setting + " (" + file + "): " + problem));
            } catch (RuntimeException e) {
                problems.add(setting + " (" + file + "): cannot read it: " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException("refused under the prod profile: " + String.join("; ", problems));
        }
    }

    /** Why a certificate read from this file is development material, if it is. */
    public static Optional<String> problem(Path file, X509Certificate certificate) {
        if (underDevelopmentFolder(file.toString())) {
            return Optional.of("development material (under certs-dev/)");
        }
        if (Certificates.isDevelopmentCertificate(certificate)) {
            return Optional.of("development material ("
                    + certificate.getSubjectX500Principal().getName() + ")");
        }
        return Optional.empty();
    }

    /** A path or location under a {@code certs-dev} folder, relative or absolute, or as a {@code file:} URL. */
    public static boolean underDevelopmentFolder(String location) {
        String normalised = location.replace('\\', '/');
        return normalised.equals(FOLDER)
                || normalised.startsWith(FOLDER + "/")
                || normalised.contains("/" + FOLDER + "/")
                || normalised.endsWith("/" + FOLDER)
                || normalised.startsWith("file:" + FOLDER + "/");
    }
}
