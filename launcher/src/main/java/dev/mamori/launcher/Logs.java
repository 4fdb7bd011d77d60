package dev.mamori.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small helpers around log files. */
final class Logs {
    private Logs() {}

    /** The last {@code n} lines of a (possibly large) file; empty if it does not exist. */
    static List<String> tail(Path file, int n) {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            List<String> lines =
                    new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n")));
            if (from > 0 && !lines.isEmpty()) {
                lines.remove(0); // probably a partial line
            }
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** The tail of a log, indented, ready to append to an error message. */
    static String tailForMessage(Path file, int n) {
        List<String> lines = tail(file, n);
        if (lines.isEmpty()) {
            return "\n  (" + file + " is empty or missing)";
        }
        StringBuilder sb = new StringBuilder("\n  last lines of ").append(file).append(':');
        for (String line : lines) {
            sb.append("\n  | ").append(line);
        }
        return sb.toString();
    }
}
