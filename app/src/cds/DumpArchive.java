import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step of the app module (app/pom.xml, phase package; run as {@code java DumpArchive.java}): writes the
 * class-data (AppCDS) archive that ./workbench maps at start-up, without a display and without launching the app.
 *
 * <p>Its class list is the committed one (app/src/cds/workbench.classlist: the classes a real start-up on a learned
 * scenario loaded, JDK, JavaFX and libraries included, from {@code -XX:DumpLoadedClassList}) plus every class of the
 * workbench's own packages ({@code gw/}) in the class path's jars, so that a class renamed or added since the list
 * was taken is archived all the same: the list ages only with the libraries. Entries that no longer exist are
 * skipped by the JVM (their classes then load from the jars as without an archive).
 *
 * <p>Never fails the build: where the dump fails (a JVM without CDS, a class path it refuses) it says so in one line
 * and leaves no archive, and ./workbench starts without one.
 *
 * <p>Arguments: the committed class list, the java.args file (JVM options and -cp), the archive to write.
 */
public final class DumpArchive {
    private static final long TIMEOUT_S = 300;

    public static void main(String[] args) throws Exception {
        try {
            dump(args);
        } catch (IOException | RuntimeException e) {
            System.out.println("[cds] warning: no class-data archive (" + e + "); ./workbench starts without one");
        }
    }

    private static void dump(String[] args) throws IOException, InterruptedException {
        Path committed = Path.of(args[0]);
        Path javaArgs = Path.of(args[1]);
        Path archive = Path.of(args[2]);
        Path dir = archive.toAbsolutePath().getParent();
        Path list = dir.resolve("workbench.classlist");
        Path log = dir.resolve("cds-dump.log");
        Path tmp = dir.resolve(archive.getFileName() + ".tmp");
        Files.deleteIfExists(archive);
        Files.deleteIfExists(tmp);

        Set<String> lines = new LinkedHashSet<>(Files.readAllLines(committed));
        int fromList = (int) lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        int own = 0;
        for (String jar : classPath(javaArgs)) {
            if (jar.endsWith(".jar") && Files.isRegularFile(Path.of(jar))) {
                own += addOwnClasses(Path.of(jar), lines);
            }
        }
        Files.write(list, lines);

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + tmp, "@" + javaArgs)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        if (done && p.exitValue() == 0 && Files.size(tmp) > 0) {
            Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE);
            long gone = Files.readAllLines(log).stream().filter(l -> l.contains("Cannot find")).count();
            Files.writeString(log, String.format("[cds] archive %s: %d entries of the committed list, %d of the"
                    + " workbench's own classes added; %d not found%n", archive, fromList, own, gone),
                    StandardOpenOption.APPEND);
            if (gone > fromList / 10) {
                System.out.println("[cds] " + gone + " of the " + fromList + " classes in " + committed
                        + " no longer exist: the archive still works, with less in it; regenerate the list"
                        + " (app/README.md, \"Start-up and the class-data archive\")");
            }
        } else {
            Files.deleteIfExists(tmp);
            System.out.println("[cds] warning: no class-data archive (" + (done ? "exit " + p.exitValue()
                    : "no result in " + TIMEOUT_S + " s") + ", see " + log + "); ./workbench starts without one");
        }
    }

    /** The -cp entry of a java.args file as the pom writes it: the line after "-cp", in quotes. */
    private static List<String> classPath(Path javaArgs) throws IOException {
        List<String> a = Files.readAllLines(javaArgs);
        int i = a.indexOf("-cp");
        if (i < 0 || i + 1 >= a.size()) {
            return List.of();
        }
        String cp = a.get(i + 1).strip();
        if (cp.length() >= 2 && cp.startsWith("\"") && cp.endsWith("\"")) {
            cp = cp.substring(1, cp.length() - 1);
        }
        return List.of(cp.split(java.io.File.pathSeparator));
    }

    /** Adds each class of the gw packages in the jar that the list lacks; returns how many it added. */
    private static int addOwnClasses(Path jar, Set<String> lines) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (n.startsWith("gw/") && n.endsWith(".class")) {
                    names.add(n.substring(0, n.length() - ".class".length()));
                }
            }
        }
        int added = 0;
        for (String n : names) {
            if (lines.add(n)) {
                added++;
            }
        }
        return added;
    }
}
