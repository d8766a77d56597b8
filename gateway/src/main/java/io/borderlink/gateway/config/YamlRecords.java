package io.borderlink.gateway.config;

import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.PartnerFormats;
import io.borderlink.crypto.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.validation.Validator;

/**
 * Reads configuration files that are data (one partner, one agency per file) into validated records,
 * with Spring's own binder: {@code ${borderlink.partner.*}} and {@code ${borderlink.agency.*}} placeholders
 * resolve against the environment, so an endpoint can be overridden by a property or an environment variable
 * alone (no other placeholder is allowed), and every error names the file and line.
 * A {@code format:} becomes the registered format of that name.
 */
public final class YamlRecords {

    /** The only properties a partner or agency file may take a value from: their own overrides. */
    public static final List<String> PLACEHOLDER_PREFIXES = List.of("borderlink.partner.", "borderlink.agency.");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

    private final ConfigurableEnvironment environment;
    private final Validator validator;
    private final GenericConversionService conversions = new GenericConversionService();

    public YamlRecords(ConfigurableEnvironment environment, Validator validator, PartnerFormats formats) {
        this.environment = environment;
        this.validator = validator;
        conversions.addConverter(String.class, PartnerFormat.class, formats::get);
    }

    /** The SHA-256 of a configuration file's bytes: what names the version of what was loaded from it. */
    public static String digest(Path file) {
        try {
            return Digests.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidConfigurationException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Every {@code *.yml} file directly in a folder, in name order; a missing folder is an empty list. */
    public static List<Path> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidConfigurationException(folder + ": cannot list files: " + e.getMessage(), e);
        }
    }

    public <T> T read(Path file, Class<T> type) {
        return load(file, type).value();
    }

    /** The record with where each of its properties came from, for errors found after binding. */
    public <T> Loaded<T> load(Path file, Class<T> type) {
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (sources.size() != 1) {
            throw new InvalidConfigurationException(file + ": expected exactly one YAML document");
        }
        PropertySourcesPlaceholdersResolver placeholders = new PropertySourcesPlaceholdersResolver(environment);
        Binder binder = new Binder(
                ConfigurationPropertySources.from(sources.get(0)),
                value -> placeholders.resolvePlaceholders(allowed(file, value)),
                conversions);
        try {
            T value = binder.bindOrCreate(
                    ConfigurationPropertyName.EMPTY, Bindable.of(type), new ValidationBindHandler(validator));
            return new Loaded<>(file, value, sources.get(0));
        } catch (BindException e) {
            throw new InvalidConfigurationException(describe(file, e), e);
        }
    }

    /**
     * Placeholders in files that are reloaded while the gateway runs, and may be edited by whoever manages
     * partners, resolve only from {@link #PLACEHOLDER_PREFIXES}: a {@code ${BORDERLINK_PKI_SIGNING_PASSWORD}}
     * in an endpoint would otherwise copy a secret into a URL, a log line and an audit event.
     */
    private static Object allowed(Path file, Object value) {
        if (value instanceof String text) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                String name = placeholder.group(1).trim();
                if (PLACEHOLDER_PREFIXES.stream().noneMatch(name::startsWith)) {
                    throw new InvalidConfigurationException(file + ": placeholder ${" + name + "} is not allowed here;"
                            + " partner and agency files may use only " + PLACEHOLDER_PREFIXES);
                }
            }
        }
        return value;
    }

    /** A record read from a file, which can still say where in the file each property was written. */
    public record Loaded<T>(Path file, T value, PropertySource<?> source) {

        /** An error about one property, naming the file and the line it was written on. */
        public InvalidConfigurationException invalid(String property, String problem) {
            Origin origin = OriginLookup.getOrigin(source, property);
            return new InvalidConfigurationException(where(file, origin) + ": " + property + ": " + problem);
        }
    }

    private static String describe(Path file, BindException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        Origin origin = e.getProperty() != null ? e.getProperty().getOrigin() : null;
        String property = e.getProperty() != null ? e.getProperty().getName() + ": " : "";
        return where(file, origin) + ": " + property + cause.getMessage();
    }

    /** "file, line L, column C" where the origin knows them; lines and columns count from 1. */
    private static String where(Path file, Origin origin) {
        if (origin instanceof PropertySourceOrigin wrapped) {
            origin = wrapped.getOrigin();
        }
        if (origin instanceof TextResourceOrigin text && text.getLocation() != null) {
            return file + ", line " + (text.getLocation().getLine() + 1) + ", column "
                    + (text.getLocation().getColumn() + 1);
        }
        return file.toString();
    }
}
