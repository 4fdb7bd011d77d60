package dev.mamori.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * What /proc says about processes: resident memory, CPU time, children; plus the processes this harness started
 * itself, which it stops on any exit (the suite's own parts are stopped by the launcher).
 */
final class Procs {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final List<Process> STARTED = new CopyOnWriteArrayList<>();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            stopStarted();
        }, "bench-stop-children"));
    }

    private Procs() {
    }

    /** Remembers a process this harness started, so that it is stopped even if the harness fails. */
    static Process track(Process p) {
        STARTED.add(p);
        if (stopping) { // the harness is being stopped: nothing new may outlive it
            stop(p);
            throw new BenchException("stopping");
        }
        return p;
    }

    static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        STARTED.remove(p);
    }

    static void stopStarted() {
        List<Process> all = new ArrayList<>(STARTED);
        Collections.reverse(all);
        all.forEach(Procs::stop);
    }

    /** VmRSS in kB, or -1 if the process is gone. */
    static long rssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** User + system CPU time of the process (all its threads) in microseconds, or -1. */
    static long cpuMicros(long pid) {
        return statMicros(pid, 11, 12); // utime, stime (fields 14, 15)
    }

    /** Two clock-tick fields of /proc/<pid>/stat (counted after the command name), summed, in microseconds; or -1. */
    private static long statMicros(long pid, int first, int second) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[first]) + Long.parseLong(f[second]);
            return ticks * 1_000_000L / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The CPU time of a process and of all its descendants (PostgreSQL's backends are children of the postmaster),
     * counting children that have exited too: a backend whose connection closed is gone from the tree, and its time
     * is then in its parent's cutime/cstime.
     */
    static long treeCpuMicros(long pid) {
        long total = Math.max(0, cpuMicros(pid)) + Math.max(0, exitedChildrenCpuMicros(pid));
        for (long child : descendants(pid)) {
            total += Math.max(0, cpuMicros(child));
        }
        return total;
    }

    /** cutime + cstime: the CPU time of the process's children that have exited and were waited for, or -1. */
    static long exitedChildrenCpuMicros(long pid) {
        return statMicros(pid, 13, 14); // cutime, cstime (fields 16, 17)
    }

    static List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).map(h -> h.descendants().map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    /** The pid in a pid file (the launcher's run/&lt;part&gt;.pid, PostgreSQL's postmaster.pid first line). */
    static OptionalLong pidFromFile(Path file) {
        try {
            String first = Files.readAllLines(file).get(0).trim();
            long pid = Long.parseLong(first);
            return ProcessHandle.of(pid).isPresent() ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The postmaster of the cluster that listens on {@code port}, found by its command line. */
    static OptionalLong postmaster(int port) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(h -> {
                String cmd = cmdline(h.pid());
                return cmd.contains("bin/postgres ") && cmd.contains("-p " + port + " ");
            }).mapToLong(ProcessHandle::pid).min();
        }
    }

    static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** The 1-, 5- and 15-minute load averages. */
    static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {-1, -1, -1};
        }
    }
}
