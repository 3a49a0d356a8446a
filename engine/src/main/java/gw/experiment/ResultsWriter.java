package gw.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.spec.ExperimentSpec;
import gw.tensor.Batch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of a run directory, each rewritten atomically after every finished cell so that an interrupted run
 * leaves every finished cell on disk and a results.json that says which cells are complete:
 * results.json (spec echo, version, per-cell status and summary), steps.csv (per grid step of every cell),
 * samples/cell-NNN.npy and .csv (final samples).
 */
public final class ResultsWriter {
    public static final String VERSION = "0.1.0";
    static final String HEADER = "cell,index,t,nfe,vjps,guidance_ms,rel_error_mean,rel_error_median,cosine_mean,"
            + "abs_error_mean,zero_references,peak_retained_bytes\n";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final ExperimentSpec spec;
    private final JsonNode specEcho;
    private final ObjectNode[] cells;
    private final List<String> stepRows = new ArrayList<>();

    public ResultsWriter(Path dir, ExperimentSpec spec, JsonNode specEcho) {
        this.dir = dir;
        this.spec = spec;
        this.specEcho = specEcho;
        this.cells = new ObjectNode[spec.cells().size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = JSON.createObjectNode().put("index", i).put("status", "pending");
            cells[i].set("settings", JSON.valueToTree(spec.sweptValues(i)));
        }
    }

    private boolean saveNoise;

    /**
     * Also write each complete cell's initial noise x0 (samples/cell-NNN-x0.npy) and, for noise optimisation, the
     * optimised x0 (samples/cell-NNN-x0-optimised.npy), so that another framework can start from the same noise.
     */
    public ResultsWriter saveNoise(boolean on) {
        saveNoise = on;
        return this;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Indices of cells that a previous run in this directory completed, for --resume; their rows are kept.
     * Temporary files that a killed run left behind are removed. Throws IllegalArgumentException (the message
     * says what is wrong) for results written for another spec or naming sample files other than its own.
     */
    public Set<Integer> resume() throws IOException {
        Set<Integer> done = new HashSet<>();
        removeStaleTemporaries();
        Path results = dir.resolve("results.json");
        if (!Files.exists(results)) {
            return done;
        }
        if (!Files.isRegularFile(results)) {
            throw new IllegalArgumentException(results + " is not a regular file");
        }
        JsonNode old = JSON.readTree(results.toFile());
        if (!old.path("spec").equals(specEcho)) {
            throw new IllegalArgumentException(results + " was written for a different spec");
        }
        for (JsonNode c : old.path("cells")) {
            int i = c.path("index").asInt(-1);
            if (i < 0 || i >= cells.length || !"complete".equals(c.path("status").asText())) {
                continue;
            }
            // run names its files itself: anything else (../../etc/passwd) was not written by run
            String base = String.format("samples/cell-%03d", i);
            JsonNode files = c.path("files");
            if (!(base + ".npy").equals(files.path("samples").asText())
                    || !(base + ".csv").equals(files.path("samplesCsv").asText())) {
                throw new IllegalArgumentException(results + " names sample files other than " + base
                        + ".npy/.csv for cell " + i + "; it was not written by run");
            }
            if (Files.isRegularFile(dir.resolve(base + ".npy")) && Files.isRegularFile(dir.resolve(base + ".csv"))) {
                cells[i] = (ObjectNode) c;
                done.add(i);
            }
        }
        Path steps = dir.resolve("steps.csv");
        if (Files.exists(steps)) {
            for (String line : Files.readAllLines(steps)) {
                int comma = line.indexOf(',');
                if (line.startsWith("cell,") || line.isEmpty()) {
                    continue;
                }
                if (comma <= 0 || !line.substring(0, comma).matches("\\d{1,9}")) {
                    throw new IllegalArgumentException(steps + " has a line that run did not write");
                }
                if (done.contains(Integer.parseInt(line.substring(0, comma)))) {
                    stepRows.add(line);
                }
            }
        }
        return done;
    }

    /** Deletes the temporary files of AtomicFiles (.NAME.*.tmp) in DIR and DIR/samples: a kill -9 leaves them. */
    private void removeStaleTemporaries() throws IOException {
        for (Path d : new Path[] {dir, dir.resolve("samples")}) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (var files = Files.newDirectoryStream(d, ".*.tmp")) {
                for (Path f : files) {
                    if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(f);
                    }
                }
            }
        }
    }

    /** Records a finished cell and rewrites every file. */
    public synchronized void add(CellResult r) throws IOException {
        ObjectNode c = cells[r.index()];
        c.put("status", r.status().name().toLowerCase());
        if (r.error() != null) {
            c.put("error", r.error());
        }
        if (r.complete()) {
            String base = String.format("samples/cell-%03d", r.index());
            AtomicFiles.write(dir.resolve(base + ".npy"), Npy.write(r.samples()));
            AtomicFiles.writeString(dir.resolve(base + ".csv"), samplesCsv(r));
            ObjectNode files = JSON.createObjectNode().put("samples", base + ".npy").put("samplesCsv", base + ".csv");
            if (saveNoise) {
                AtomicFiles.write(dir.resolve(base + "-x0.npy"), Npy.write(r.initialNoise()));
                files.put("x0", base + "-x0.npy");
                if (r.optimisedNoise() != null) {
                    AtomicFiles.write(dir.resolve(base + "-x0-optimised.npy"), Npy.write(r.optimisedNoise()));
                    files.put("x0Optimised", base + "-x0-optimised.npy");
                }
            }
            c.set("files", files);
            c.set("summary", JSON.valueToTree(summaryMap(r.summary())));
            for (StepRecord s : r.steps()) {
                stepRows.add(String.format("%d,%d,%s,%d,%d,%s,%s,%s,%s,%s,%d,%d", r.index(), s.index(),
                        num(s.t()), s.nfe(), s.vjps(), num(s.guidanceMs()), num(s.relErrorMean()),
                        num(s.relErrorMedian()), num(s.cosineMean()), num(s.absErrorMean()), s.zeroReferences(),
                        s.peakRetainedBytes()));
            }
        }
        flush();
    }

    /** Marks cells that had not finished as cancelled, keeping the rest, and rewrites results.json. */
    public synchronized void markUnfinished(String status) throws IOException {
        for (ObjectNode c : cells) {
            if ("pending".equals(c.path("status").asText())) {
                c.put("status", status);
            }
        }
        flush();
    }

    private void flush() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("name", spec.name());
        root.set("spec", specEcho);
        ArrayNode arr = root.putArray("cells");
        for (ObjectNode c : cells) {
            arr.add(c);
        }
        StringBuilder csv = new StringBuilder(
                HEADER);
        stepRows.forEach(row -> csv.append(row).append('\n'));
        AtomicFiles.writeString(dir.resolve("steps.csv"), csv.toString());
        AtomicFiles.write(dir.resolve("results.json"), JSON.writeValueAsBytes(root));
    }

    private static Map<String, Object> summaryMap(CellSummary s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("meanLoss", jsonNum(s.meanLoss()));
        m.put("medianLoss", jsonNum(s.medianLoss()));
        m.put("lossQ1", jsonNum(s.lossQ1()));
        m.put("lossQ3", jsonNum(s.lossQ3()));
        m.put("outside", s.outside());
        m.put("meanLogLikelihood", jsonNum(s.meanLogLikelihood()));
        m.put("meanRelativeError", jsonNum(s.meanRelativeError()));
        m.put("meanCosine", jsonNum(s.meanCosine()));
        m.put("meanAbsoluteError", jsonNum(s.meanAbsoluteError()));
        m.put("samplingNfe", s.samplingNfe());
        m.put("guidanceNfe", s.guidanceNfe());
        m.put("guidanceVjps", s.guidanceVjps());
        m.put("samplingMs", s.samplingMs());
        m.put("guidanceMs", s.guidanceMs());
        m.put("metricsMs", s.metricsMs());
        m.put("timedRuns", s.timedRuns());
        m.put("peakRetainedBytes", s.peakRetainedBytes());
        return m;
    }

    /** JSON has no NaN: unmeasured values are null (CellRunner fails a cell whose values overflowed). */
    private static Object jsonNum(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String samplesCsv(CellResult r) {
        Batch x = r.samples();
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < x.cols(); c++) {
            sb.append("x").append(c).append(',');
        }
        sb.append("loss").append(r.logLikelihood() != null ? ",log_likelihood" : "").append('\n');
        for (int i = 0; i < x.rows(); i++) {
            for (int c = 0; c < x.cols(); c++) {
                sb.append(x.get(i, c)).append(',');
            }
            sb.append(r.loss()[i]);
            if (r.logLikelihood() != null) {
                sb.append(',').append(r.logLikelihood()[i]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
