package dev.mamori.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A process the suite started (Keycloak or a service): its output goes to a log file, its pid to a pid file so that a
 * later run can clean up after a launcher that was killed with SIGKILL. Stopping it stops its whole process tree.
 */
final class ChildProcess {
    private static final Optional<Path> SETSID = findOnPath("setsid");

    final String name;
    final Process process;
    final Path log;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} with the current environment plus {@code env}. The child gets its own session (when
     * setsid exists) so that a Ctrl-C in the terminal reaches only the launcher, which then stops the parts in order.
     */
    static ChildProcess start(
            String name, List<String> command, Map<String, String> env, Path workDir, Path log, Path pidFile)
            throws IOException {
        Files.createDirectories(log.getParent());
        Files.createDirectories(workDir);
        List<String> cmd = new ArrayList<>();
        SETSID.ifPresent(p -> cmd.add(p.toString()));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process process = pb.start();
        if (pidFile != null) {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, process.pid() + "\n", StandardCharsets.UTF_8);
        }
        return new ChildProcess(name, process, log, pidFile);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM to the process and everything under it, SIGKILL to what is still there after {@code grace}. */
    void stop(Duration grace) {
        stopTree(process.toHandle(), grace);
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // only a hint for the next run
            }
        }
    }

    static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        for (ProcessHandle h : all) {
            h.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception ignored) {
                // handled below
            }
        }
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more we can do
            }
        }
    }

    /**
     * If {@code pidFile} names a live process whose command line contains {@code marker} (the data folder), it is a
     * leftover of an earlier run whose launcher died without cleaning up: stop it. Anything else is left alone.
     */
    static void stopLeftover(Path pidFile, String marker, Consumer<String> out) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isPresent()
                    && h.get().isAlive()
                    && h.get().info().commandLine().orElse("").contains(marker)) {
                out.accept("stopping " + pidFile.getFileName().toString().replace(".pid", "") + " (pid " + pid
                        + ") left over from an earlier run");
                stopTree(h.get(), Duration.ofSeconds(30));
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    static Optional<Path> findOnPath(String executable) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        if (path != null) {
            dirs.addAll(0, List.of(path.split(File.pathSeparator)));
        }
        for (String dir : dirs) {
            Path p = Path.of(dir, executable);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
