package io.borderlink.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * The CPU one phase costs, read from counters at its start: the gateway's (its JIT compiler's apart), this
 * generator's and the whole machine's over the window, and the gateway's again up to the phase's last delivery.
 */
final class PhaseCpu {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Cluster cluster;
    private final long gatewayBefore;
    private final long compilerBefore;
    private final long ownBefore;
    private final long machineBefore;

    private PhaseCpu(Cluster cluster) {
        this.cluster = cluster;
        this.gatewayBefore = cluster.cpuNanos();
        this.compilerBefore = cluster.compilerCpuNanos();
        this.ownBefore = OS.getProcessCpuTime();
        this.machineBefore = Machine.machineBusyNanos();
    }

    /** Reads the counters now, as the phase's window opens. */
    static PhaseCpu start(Cluster cluster) {
        return new PhaseCpu(cluster);
    }

    /** The window's CPU, into the phase; -1 where a counter could not be read. */
    void windowClosed(Phase phase) {
        phase.ownCpuNanos = OS.getProcessCpuTime() - ownBefore;
        phase.machineCpuNanos = machineBefore < 0 ? -1 : Machine.machineBusyNanos() - machineBefore;
        if (gatewayBefore < 0) {
            phase.gatewayCpuNanos = -1;
            return;
        }
        phase.gatewayCpuNanos = cluster.cpuNanos() - gatewayBefore;
        if (compilerBefore >= 0) {
            phase.compilerCpuNanos = cluster.compilerCpuNanos() - compilerBefore;
        }
    }

    /** The gateway's CPU from the window's start to now, the phase's last delivery, into the phase. */
    void drained(Phase phase) {
        if (gatewayBefore >= 0) {
            phase.gatewayCpuToDrainNanos = cluster.cpuNanos() - gatewayBefore;
        }
    }
}
