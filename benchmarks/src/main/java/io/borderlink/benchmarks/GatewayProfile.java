package io.borderlink.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of the gateway over one measured window, and what its CPU samples say.
 *
 * <p>The recording is started and dumped with {@code jcmd} against the gateway's pid, so that it covers the
 * measured window only (not the start-up, the warm-up or the drain). Only {@code jdk.ExecutionSample} is
 * read: threads running Java code, sampled every 10 ms by the {@code profile} settings; time in native code
 * (socket reads, {@code fsync}) and time parked do not show.
 *
 * <p>Two views of the same samples:
 *
 * <ul>
 *   <li><b>by package</b>: the package of the sampled (top) frame, i.e. self time;
 *   <li><b>by component</b>: walking from the top frame down, the first frame whose package belongs to a
 *       component of the gateway's stack (cryptography, XML, H2, Camel, ...), so that a {@code BigInteger}
 *       multiplication counts as cryptography and a {@code HashMap} lookup as whatever called it. Samples
 *       with no such frame stay under "JDK / other";
 *   <li><b>by step</b>: the deepest (outermost) method of Borderlink's own code on the stack, which is the
 *       step a route or a controller called ({@code PartnerMessages.protect}, {@code Deliveries.delivered},
 *       {@code AgencyExchangeController.submitExchange}, ...): where a change to the gateway would act.
 *       Stacks are cut at the recording's depth (the load generator asks for 160 frames), so a very deep
 *       stack may name an inner step.
 * </ul>
 *
 * <p>Besides the samples, {@code jdk.ThreadCPULoad} (every 10 s per thread) says which threads used the CPU,
 * grouped: requests, delivery workers, timers, and the JVM's own compiler and GC threads, which the samples
 * never show. On a busy two-core machine the JIT compiler can take most of the gateway's CPU for minutes after
 * start: a window measured before it is done measures the compiler, not the gateway.
 */
final class GatewayProfile {

    /**
     * Components by package prefix, most specific first: the first prefix a frame's class name starts with
     * names its component. Order matters where prefixes nest (javax.crypto before javax.).
     */
    private static final Map<String, String> COMPONENTS = components();

    private static Map<String, String> components() {
        Map<String, String> c = new LinkedHashMap<>();
        for (String p : List.of(
                "sun.security.rsa",
                "sun.security.ec",
                "sun.security.provider",
                "sun.security.util",
                "com.sun.crypto",
                "javax.crypto",
                "org.bouncycastle",
                "org.apache.xml.security",
                "com.nimbusds",
                "io.borderlink.crypto")) {
            c.put(p, "cryptography (RSA/EC, AES, digests, xmlsec, JOSE)");
        }
        for (String p : List.of("sun.security.ssl", "sun.security.x509", "sun.security.validator")) {
            c.put(p, "TLS and certificates");
        }
        for (String p : List.of(
                "com.sun.org.apache.xerces",
                "com.sun.org.apache.xml",
                "com.sun.org.apache.xalan",
                "com.sun.org.apache.xpath",
                "javax.xml",
                "org.w3c",
                "com.ctc.wstx",
                "io.borderlink.contracts.xml")) {
            c.put(p, "XML parsing, schema, serialization");
        }
        c.put("org.h2", "H2");
        c.put("org.postgresql", "PostgreSQL driver");
        c.put("com.zaxxer.hikari", "JDBC pool and Spring transactions");
        c.put("org.springframework.jdbc", "JDBC pool and Spring transactions");
        c.put("org.springframework.transaction", "JDBC pool and Spring transactions");
        c.put("org.flywaydb", "JDBC pool and Spring transactions");
        c.put("org.apache.camel", "Camel");
        c.put("org.apache.cxf", "CXF");
        c.put("org.apache.catalina", "Tomcat and Spring MVC/Security");
        c.put("org.apache.coyote", "Tomcat and Spring MVC/Security");
        c.put("org.apache.tomcat", "Tomcat and Spring MVC/Security");
        c.put("org.springframework.web", "Tomcat and Spring MVC/Security");
        c.put("org.springframework.security", "Tomcat and Spring MVC/Security");
        c.put("io.micrometer", "Micrometer and logging");
        c.put("ch.qos.logback", "Micrometer and logging");
        c.put("org.slf4j", "Micrometer and logging");
        c.put("com.fasterxml.jackson", "Jackson (JSON)");
        c.put("com.hazelcast", "Hazelcast");
        c.put("java.net.http", "JDK HTTP client (delivery)");
        c.put("jdk.internal.net.http", "JDK HTTP client (delivery)");
        c.put("io.borderlink", "Borderlink's own code");
        return c;
    }

    private final long pid;
    private final Path file;

    private GatewayProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** Profiles a recording made otherwise (e.g. a whole run): {@code GatewayProfile FILE.jfr [rows]}. */
    public static void main(String[] args) throws IOException {
        Samples samples = Samples.read(Path.of(args[0]));
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        System.out.print(samples.heapAfterGc());
        System.out.print(samples.threadTable());
        System.out.print(samples.table("by component (first known frame from the top)", samples.byComponent(), rows));
        System.out.print(samples.table("by package of the top frame", samples.byPackage(), rows));
        System.out.print(samples.table("by step (outermost Borderlink method)", samples.byStep(), rows));
    }

    /** Starts a recording named "loadgen" in the running gateway, with JFR's {@code profile} settings. */
    static GatewayProfile start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=loadgen", "settings=profile");
        return new GatewayProfile(pid, file);
    }

    /** Stops the recording and writes it to the file; returns its samples. */
    Samples stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=loadgen", "filename=" + file.toAbsolutePath());
        return Samples.read(file);
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Could not")) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output.trim());
        }
    }

    /** CPU samples counted by package of the top frame and by component; both sorted by count. */
    record Samples(
            Path file,
            long total,
            Map<String, Long> byPackage,
            Map<String, Long> byComponent,
            Map<String, Long> byStep,
            Map<String, Double> cpuByThreads,
            List<HeapAfterGc> heap) {

        static Samples read(Path file) throws IOException {
            Map<String, Long> packages = new TreeMap<>();
            Map<String, Long> components = new TreeMap<>();
            Map<String, Long> steps = new TreeMap<>();
            Map<String, Double> threads = new TreeMap<>();
            List<HeapAfterGc> heap = new ArrayList<>();
            long total = 0;
            try (RecordingFile recording = new RecordingFile(file)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent event = recording.readEvent();
                    if ("jdk.GCHeapSummary".equals(event.getEventType().getName())
                            && "After GC".equals(event.getString("when"))) {
                        heap.add(new HeapAfterGc(event.getStartTime().toEpochMilli(), event.getLong("heapUsed")));
                        continue;
                    }
                    if ("jdk.ThreadCPULoad".equals(event.getEventType().getName())) {
                        String thread = event.getThread() == null
                                ? null
                                : event.getThread().getJavaName();
                        if (thread == null && event.getThread() != null) {
                            thread = event.getThread().getOSName();
                        }
                        threads.merge(
                                threadGroup(thread == null ? "?" : thread),
                                (double) event.getFloat("user") + event.getFloat("system"),
                                Double::sum);
                        continue;
                    }
                    if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                        continue;
                    }
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    total++;
                    List<RecordedFrame> frames = stack.getFrames();
                    packages.merge(packageOf(frames.get(0)), 1L, Long::sum);
                    components.merge(componentOf(frames), 1L, Long::sum);
                    steps.merge(stepOf(frames), 1L, Long::sum);
                }
            }
            heap.sort(java.util.Comparator.comparingLong(HeapAfterGc::epochMillis));
            return new Samples(file, total, sorted(packages), sorted(components), sorted(steps), shares(threads), heap);
        }

        /**
         * The lowest heap occupancy after a collection in each minute of the window: young collections leave
         * the old generation's garbage in place, so the minimum of a minute is the closest to its live data.
         */
        List<Long> heapFloorPerMinute() {
            List<Long> floors = new ArrayList<>();
            if (heap.isEmpty()) {
                return floors;
            }
            long start = heap.get(0).epochMillis();
            for (HeapAfterGc h : heap) {
                int minute = (int) ((h.epochMillis() - start) / 60_000);
                while (floors.size() <= minute) {
                    floors.add(Long.MAX_VALUE);
                }
                floors.set(minute, Math.min(floors.get(minute), h.bytes()));
            }
            floors.replaceAll(f -> f == Long.MAX_VALUE ? -1 : f);
            return floors;
        }

        String heapAfterGc() {
            List<Long> floors = heapFloorPerMinute();
            StringBuilder out = new StringBuilder(String.format(
                    Locale.ROOT, "heap after GC          %d collections; lowest per minute (MB):", heap.size()));
            floors.forEach(f -> out.append(String.format(Locale.ROOT, " %.0f", f / 1048576.0)));
            return out.append(System.lineSeparator()).toString();
        }

        String threadTable() {
            StringBuilder out =
                    new StringBuilder("JFR CPU by thread group (jdk.ThreadCPULoad, share of the gateway's CPU)\n");
            cpuByThreads.forEach(
                    (group, share) -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100 * share, group)));
            return out.toString();
        }

        /** The top {@code limit} rows of a view, as text with percentages. */
        String table(String title, Map<String, Long> view, int limit) {
            StringBuilder out = new StringBuilder(String.format(
                    Locale.ROOT, "JFR %s (%d CPU samples of the gateway in the window, %s)%n", title, total, file));
            view.entrySet().stream()
                    .limit(limit)
                    .forEach(e -> out.append(String.format(
                            Locale.ROOT,
                            "  %5.1f %%  %6d  %s%n",
                            100.0 * e.getValue() / total,
                            e.getValue(),
                            e.getKey())));
            return out.toString();
        }
    }

    /** Heap in use right after a collection, from jdk.GCHeapSummary. */
    record HeapAfterGc(long epochMillis, long bytes) {}

    /** Thread names as the JVM, Tomcat, Camel, Hazelcast and the JDK's HTTP client give them. */
    private static String threadGroup(String name) {
        if (name.contains("CompilerThread")) {
            return "JIT compiler (C1/C2)";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.contains("Conc#")) {
            return "garbage collector";
        }
        if (name.contains("-exec-")) {
            return "Tomcat request threads (intake)";
        }
        if (name.contains("seda://outbox")) {
            return "delivery workers";
        }
        if (name.contains("timer://") || name.contains("Leadership")) {
            return "Camel timers (sequencer, sweep, reloads, leadership)";
        }
        if (name.startsWith("hz.")) {
            return "Hazelcast";
        }
        if (name.startsWith("HttpClient")) {
            return "JDK HTTP client (delivery I/O)";
        }
        if (name.startsWith("JFR") || name.equals("Attach Listener")) {
            return "JFR itself";
        }
        return "other";
    }

    /** Each group's share of the sum, largest first. */
    private static Map<String, Double> shares(Map<String, Double> loads) {
        double total = loads.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        loads.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), total == 0 ? 0 : e.getValue() / total));
        return out;
    }

    private static String packageOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "(default)" : type.substring(0, dot);
    }

    /** Filters and decorators around every request or route step: they name no step of their own. */
    private static final Pattern WRAPPERS =
            Pattern.compile("\\.(web|logging|operations|security)\\.|\\.flow\\.Flows|Controller$");

    private static String stepOf(List<RecordedFrame> frames) {
        String step = "(no Borderlink frame: Tomcat, Camel, timers, JIT)";
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            // Lambdas and Spring's proxies name no step of their own; the method that made them does.
            if (type.startsWith("io.borderlink.")
                    && !type.contains("$$")
                    && !WRAPPERS.matcher(type).find()) {
                step = type.substring(type.lastIndexOf('.') + 1) + "."
                        + frame.getMethod().getName();
            }
        }
        return step;
    }

    private static String componentOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> c : COMPONENTS.entrySet()) {
                if (type.startsWith(c.getKey())) {
                    return c.getValue();
                }
            }
        }
        return "JDK / other";
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
