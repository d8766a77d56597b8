package io.borderlink.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the machine and a process were doing, read from /proc: busy CPU time, resident memory, load. */
final class Machine {

    private Machine() {}

    /** USER_HZ, which is 100 on every Linux the JDK runs on. */
    private static final long CLOCK_TICKS = 100;

    /**
     * CPU time the whole machine has been busy (user, nice, system, irq, softirq, steal from /proc/stat),
     * so that what other processes used during a phase can be told apart; -1 where there is no /proc.
     */
    static long machineBusyNanos() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long jiffies = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                jiffies += Long.parseLong(cpu[field]);
            }
            return jiffies * (1_000_000_000L / CLOCK_TICKS);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time the process's JIT compiler threads have used (HotSpot names them "C1 CompilerThread0",
     * "C2 CompilerThread0", ...; /proc shortens names to 15 characters), -1 where there is no /proc. On two
     * cores a saturated gateway starves them: a window they share is not the steady state.
     */
    static long compilerCpuNanos(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            long jiffies = 0;
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    // After the name: state is field 3, utime and stime are fields 14 and 15 (proc(5)).
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    jiffies += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
            return jiffies * (1_000_000_000L / CLOCK_TICKS);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The process's resident set (VmRSS) in kB, -1 where there is no /proc. */
    static long residentKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The machine's 1, 5 and 15-minute load averages, as /proc/loadavg gives them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
