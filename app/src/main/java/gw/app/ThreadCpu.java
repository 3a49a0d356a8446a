package gw.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time so far per thread of this process, by thread name (numbered pools summed), from Linux's /proc: for the
 * start-up trace, which must say what ran beside the FX thread before the first frame (the JIT compiler and GC
 * threads are not Java threads, so the JVM's thread bean does not list them).
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** The busiest threads, one per line ("  name  1234 ms"); empty where /proc cannot be read. */
    static String top(int n) {
        Map<String, Long> byName = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat = Files.readString(task.resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close).replaceAll("\\d+$", "#");
                String[] f = stat.substring(close + 2).split(" ");
                // utime and stime, fields 14 and 15 of proc(5), in clock ticks of 10 ms
                long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
                byName.merge(name, ms, Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        byName.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(n)
                .forEach(e -> out.append(String.format(Locale.ROOT, "          %-22s %5d ms%n", e.getKey(),
                        e.getValue())));
        return out.toString();
    }
}
