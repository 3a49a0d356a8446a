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

    public Path dir() {
        return dir;
    }

    /** Indices of cells that a previous run in this directory completed, for --resume; their rows are kept. */
    public Set<Integer> resume() throws IOException {
        Set<Integer> done = new HashSet<>();
        Path results = dir.resolve("results.json");
        if (!Files.exists(results)) {
            return done;
        }
        JsonNode old = JSON.readTree(results.toFile());
        if (!old.path("spec").equals(specEcho)) {
            throw new IllegalArgumentException("--resume: " + results + " was written for a different spec");
        }
        for (JsonNode c : old.path("cells")) {
            int i = c.path("index").asInt(-1);
            if (i >= 0 && i < cells.length && "complete".equals(c.path("status").asText())
                    && Files.exists(dir.resolve(c.path("files").path("samples").asText("-")))) {
                cells[i] = (ObjectNode) c;
                done.add(i);
            }
        }
        Path steps = dir.resolve("steps.csv");
        if (Files.exists(steps)) {
            for (String line : Files.readAllLines(steps)) {
                int comma = line.indexOf(',');
                if (comma > 0 && !line.startsWith("cell,") && done.contains(Integer.parseInt(line.substring(0, comma)))) {
                    stepRows.add(line);
                }
            }
        }
        return done;
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
            c.set("files", JSON.createObjectNode().put("samples", base + ".npy").put("samplesCsv", base + ".csv"));
            c.set("summary", JSON.valueToTree(summaryMap(r.summary())));
            for (StepRecord s : r.steps()) {
                stepRows.add(String.format("%d,%d,%s,%d,%d,%s,%s,%s,%s,%d", r.index(), s.index(), num(s.t()),
                        s.nfe(), s.vjps(), num(s.guidanceMs()), num(s.relErrorMean()), num(s.relErrorMedian()),
                        num(s.cosineMean()), s.peakRetainedBytes()));
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
                "cell,index,t,nfe,vjps,guidance_ms,rel_error_mean,rel_error_median,cosine_mean,peak_retained_bytes\n");
        stepRows.forEach(row -> csv.append(row).append('\n'));
        AtomicFiles.writeString(dir.resolve("steps.csv"), csv.toString());
        AtomicFiles.write(dir.resolve("results.json"), JSON.writeValueAsBytes(root));
    }

    private static Map<String, Object> summaryMap(CellSummary s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("meanLoss", jsonNum(s.meanLoss()));
        m.put("medianLoss", jsonNum(s.medianLoss()));
        m.put("meanLogLikelihood", jsonNum(s.meanLogLikelihood()));
        m.put("meanRelativeError", jsonNum(s.meanRelativeError()));
        m.put("meanCosine", jsonNum(s.meanCosine()));
        m.put("samplingNfe", s.samplingNfe());
        m.put("guidanceNfe", s.guidanceNfe());
        m.put("guidanceVjps", s.guidanceVjps());
        m.put("samplingMs", s.samplingMs());
        m.put("guidanceMs", s.guidanceMs());
        m.put("metricsMs", s.metricsMs());
        m.put("peakRetainedBytes", s.peakRetainedBytes());
        return m;
    }

    /** JSON has no NaN: unmeasured values are null. */
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
