package io.borderlink.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile-input suite's record: every case tried, by class of attack, with what the gateway answered and
 * whether that was the expected refusal; written to target/hostile-summary.txt with the heap peak, so that the
 * numbers can be quoted.
 */
final class Hostile {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"|<Code>([A-Z_]+)</Code>");

    /** One case: the class of attack, its name, the code expected and what came back. */
    record Case(String attackClass, String name, String expected, int status, String answered) {
        boolean refusedRight() {
            return expected.equals(answered);
        }
    }

    private final List<Case> cases = new ArrayList<>();

    /** The stable code in a problem JSON or SOAP fault body; the status when there is none. */
    static String codeOf(int status, String body) {
        Matcher code = CODE.matcher(body == null ? "" : body);
        if (code.find()) {
            return code.group(1) != null ? code.group(1) : code.group(2);
        }
        return "HTTP " + status;
    }

    synchronized Case record(String attackClass, String name, String expected, int status, String body) {
        Case tried = new Case(attackClass, name, expected, status, codeOf(status, body));
        cases.add(tried);
        return tried;
    }

    synchronized List<Case> cases() {
        return List.copyOf(cases);
    }

    /** The table by class: cases tried, refused with the right code, crashes, with the heap peak and notes. */
    void report(long heapPeakBytes, long heapMaxBytes, boolean survived, String notes) {
        Map<String, int[]> byClass = new LinkedHashMap<>();
        for (Case tried : cases()) {
            int[] counts = byClass.computeIfAbsent(tried.attackClass(), c -> new int[3]);
            counts[0]++;
            counts[1] += tried.refusedRight() ? 1 : 0;
            counts[2] += tried.status() >= 500 && !tried.refusedRight() ? 1 : 0;
        }
        StringBuilder table =
                new StringBuilder("# hostile input against one gateway (-Xmx512m), " + Instant.now() + "\n");
        table.append("| class | cases | refused with the right code | crashes |\n|---|---|---|---|\n");
        byClass.forEach((attackClass, counts) ->
                table.append("| %s | %d | %d | %d |%n".formatted(attackClass, counts[0], counts[1], counts[2])));
        table.append("heap peak %d MB of %d MB; node up afterwards: %s%n"
                .formatted(heapPeakBytes >> 20, heapMaxBytes >> 20, survived));
        table.append(notes).append('\n');
        for (Case tried : cases()) {
            table.append("%s | %s | expected %s | %d %s%n"
                    .formatted(tried.attackClass(), tried.name(), tried.expected(), tried.status(), tried.answered()));
        }
        System.out.print(table);
        try {
            Files.writeString(
                    Scenario.TARGET.resolve("hostile-summary.txt"),
                    table,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
