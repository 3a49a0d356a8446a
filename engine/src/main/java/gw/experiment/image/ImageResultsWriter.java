package gw.experiment.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.data.ImageGrid;
import gw.experiment.AtomicFiles;
import gw.experiment.Npy;
import gw.tensor.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes an image experiment's files into a folder, each atomically (temporary file and rename), after every run:
 * results.json (the spec, every run, the per-group summary), results.csv (one row per run), reconstructions.npy
 * ([runs, D] in run order; NaN rows for failed runs), ground-truth.npy ([images, D] in spec order), measurements.npy
 * (the measurement pictures, [points x tasks x images, D]), and per sweep point and task a PNG grid
 * grids/[pK-]TASK.png: one row per image, columns ground truth | measurement | one per scheme (written once the
 * group is complete). Wall times aside, the same spec writes the same bytes.
 */
public final class ImageResultsWriter {
    /** Pixel scale of the PNG grids. */
    public static final int GRID_SCALE = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final ImageExperimentSpec spec;
    private final JsonNode echo;

    public ImageResultsWriter(Path dir, ImageExperimentSpec spec) throws IOException {
        this.dir = dir;
        this.spec = spec;
        this.echo = JSON.readTree(spec.source());
    }

    /** The grid file of a sweep point and task, relative to the folder. */
    public String gridName(int pointIndex, String task) {
        return "grids/" + (spec.points().size() > 1 ? "p" + pointIndex + "-" : "") + task + ".png";
    }

    /** The grid's column labels: ground truth, measurement, then the schemes. */
    public List<String> gridColumns() {
        List<String> c = new ArrayList<>(List.of("ground truth", "measurement"));
        spec.schemes().forEach(s -> c.add(s.label()));
        return c;
    }

    /** Writes every file for the runs so far; {@code status}: running, complete or cancelled. */
    public void write(List<ImageRunResult> results, String status) throws IOException {
        int d = spec.model().dim();
        AtomicFiles.write(dir.resolve("reconstructions.npy"), Npy.write(rows(results, d)));
        AtomicFiles.write(dir.resolve("ground-truth.npy"), Npy.write(spec.data().batch(spec.images())));
        AtomicFiles.write(dir.resolve("measurements.npy"), Npy.write(measurements(results, d)));
        List<String> grids = grids(results, d);
        AtomicFiles.writeString(dir.resolve("results.csv"), csv(results));
        AtomicFiles.writeString(dir.resolve("results.json"), JSON.writeValueAsString(json(results, status, grids))
                + "\n");
    }

    private static Batch rows(List<ImageRunResult> results, int d) {
        double[] out = new double[Math.max(1, results.size()) * d];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).complete()) {
                System.arraycopy(results.get(i).result().reconstruction(), 0, out, i * d, d);
            }
        }
        return new Batch(out, Math.max(1, results.size()), d);
    }

    /** Measurement pictures per (point, task, image), from the first complete run of each; NaN where none. */
    private Batch measurements(List<ImageRunResult> results, int d) {
        int perTask = spec.images().length;
        int rows = spec.points().size() * spec.tasks().size() * perTask;
        double[] out = new double[rows * d];
        Arrays.fill(out, Double.NaN);
        boolean[] set = new boolean[rows];
        for (ImageRunResult r : results) {
            if (!r.complete()) {
                continue;
            }
            int row = (r.pointIndex() * spec.tasks().size() + spec.tasks().indexOf(r.request().task())) * perTask
                    + imageSlot(r.request().imageIndex());
            if (!set[row]) {
                System.arraycopy(r.result().measurementPicture(), 0, out, row * d, d);
                set[row] = true;
            }
        }
        return new Batch(out, rows, d);
    }

    private int imageSlot(int image) {
        int[] images = spec.images();
        for (int i = 0; i < images.length; i++) {
            if (images[i] == image) {
                return i;
            }
        }
        throw new IllegalArgumentException("image " + image + " is not in the spec");
    }

    /** Writes the grid of every complete (point, task) group; returns the files written. */
    private List<String> grids(List<ImageRunResult> results, int d) throws IOException {
        List<String> written = new ArrayList<>();
        int n = spec.images().length;
        int schemes = spec.schemes().size();
        int perGroup = n * schemes;
        for (int g = 0; (g + 1) * perGroup <= results.size(); g++) {
            List<ImageRunResult> group = results.subList(g * perGroup, (g + 1) * perGroup);
            int cols = 2 + schemes;
            double[] cells = new double[n * cols * d];
            Arrays.fill(cells, Double.NaN);
            for (ImageRunResult r : group) {
                int row = imageSlot(r.request().imageIndex());
                int s = spec.schemes().indexOf(r.request().scheme());
                if (!r.complete()) {
                    continue;
                }
                Reconstruction rec = r.result();
                System.arraycopy(rec.groundTruth(), 0, cells, (row * cols) * d, d);
                System.arraycopy(rec.measurementPicture(), 0, cells, (row * cols + 1) * d, d);
                System.arraycopy(rec.reconstruction(), 0, cells, (row * cols + 2 + s) * d, d);
            }
            ImageRunResult first = group.get(0);
            String name = gridName(first.pointIndex(), first.request().task());
            AtomicFiles.write(dir.resolve(name), ImageGrid.png(new Batch(cells, n * cols, d), spec.data().side(),
                    cols, GRID_SCALE));
            written.add(name);
        }
        return written;
    }

    private String csv(List<ImageRunResult> results) {
        StringBuilder b = new StringBuilder("run");
        spec.sweep().keySet().forEach(a -> b.append(',').append(a));
        b.append(",task,scheme,image,label,status,psnr,ssim,residual,final_loss,nfe,vjps,wall_ms,peak_retained_bytes,"
                + "grad_rel_error,grad_cosine" + (spec.classTask() != null ? ",judge_class,judge_hit,judge_p_target" : "")
                + "\n");
        for (ImageRunResult r : results) {
            b.append(r.index());
            for (String axis : spec.sweep().keySet()) {
                b.append(',').append(r.point().get(axis));
            }
            ReconstructionRequest q = r.request();
            b.append(',').append(q.task()).append(',').append(q.scheme().label()).append(',').append(q.imageIndex());
            if (!r.complete()) {
                b.append(",,failed,,,,,,,,,,").append(spec.classTask() != null ? ",,," : "").append('\n');
                continue;
            }
            Reconstruction x = r.result();
            b.append(',').append(x.label()).append(",complete,").append(num(x.psnr())).append(',')
                    .append(num(x.ssim())).append(',').append(num(x.residual())).append(',').append(x.finalLoss()).append(',').append(x.nfe())
                    .append(',').append(x.vjps()).append(',').append(String.format(java.util.Locale.ROOT, "%.3f",
                            x.wallMs())).append(',').append(x.peakRetainedBytes()).append(',')
                    .append(num(x.meanRelativeError())).append(',').append(num(x.meanCosine()));
            if (spec.classTask() != null) {
                ClassTask.Verdict v = r.verdict();
                b.append(v == null ? ",,," : "," + v.predicted() + "," + v.hit() + "," + v.targetProbability());
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private ObjectNode json(List<ImageRunResult> results, String status, List<String> grids) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "gw-image-results");
        root.put("status", status);
        root.put("runs planned", spec.runCount());
        root.put("batchSize", spec.batchSize());
        root.put("wallMs", spec.batchSize() == 1 ? "per image, one image at a time"
                : "per image: the wall time of its batch (up to batchSize images of one task and scheme) divided by "
                + "the batch's images");
        root.set("spec", echo);
        if (spec.classTask() != null) {
            ObjectNode c = root.putObject("classTask");
            c.put("classifier", spec.classTask().guideName());
            c.put("judge", spec.classTask().judgeName());
            c.put("targetClass", spec.classTask().target());
        }
        ObjectNode files = root.putObject("files");
        files.put("csv", "results.csv");
        files.put("reconstructions", "reconstructions.npy (rows in run order)");
        files.put("groundTruth", "ground-truth.npy (rows in the order of spec.images)");
        files.put("measurements", "measurements.npy (rows: sweep point, task, image)");
        ArrayNode g = files.putArray("grids");
        grids.forEach(g::add);
        ArrayNode cols = files.putArray("gridColumns");
        gridColumns().forEach(cols::add);
        ArrayNode runs = root.putArray("runs");
        for (ImageRunResult r : results) {
            ObjectNode o = runs.addObject();
            o.put("run", r.index());
            putPoint(o, r.point());
            o.put("task", r.request().task());
            o.put("scheme", r.request().scheme().label());
            o.put("image", r.request().imageIndex());
            if (!r.complete()) {
                o.put("status", "failed");
                o.put("error", r.error());
                continue;
            }
            Reconstruction x = r.result();
            o.put("status", "complete");
            o.put("label", x.label());
            put(o, "psnr", x.psnr());
            put(o, "ssim", x.ssim());
            put(o, "residual", x.residual());
            put(o, "finalLoss", x.finalLoss());
            o.put("nfe", x.nfe());
            o.put("vjps", x.vjps());
            o.put("wallMs", Math.round(x.wallMs() * 1000) / 1000.0);
            o.put("peakRetainedBytes", x.peakRetainedBytes());
            if (r.verdict() != null) {
                ObjectNode j = o.putObject("judge");
                j.put("predicted", r.verdict().predicted());
                j.put("hit", r.verdict().hit());
                put(j, "targetProbability", r.verdict().targetProbability());
            }
            if (!x.gradientErrors().isEmpty()) {
                ArrayNode e = o.putArray("gradientErrors");
                for (StepError s : x.gradientErrors()) {
                    ObjectNode so = e.addObject();
                    so.put("step", s.step());
                    so.put("t", s.t());
                    put(so, "relativeError", s.relativeError());
                    put(so, "cosine", s.cosine());
                }
            }
        }
        ArrayNode summary = root.putArray("summary");
        for (ImageSummary s : ImageSummary.of(results)) {
            ObjectNode o = summary.addObject();
            putPoint(o, s.point());
            o.put("task", s.task());
            o.put("scheme", s.scheme());
            o.put("images", s.count());
            o.put("failed", s.failed());
            put(o, "psnrMean", s.psnr().mean());
            put(o, "psnrStd", s.psnr().std());
            put(o, "ssimMean", s.ssim().mean());
            put(o, "ssimStd", s.ssim().std());
            put(o, "residualMean", s.residual().mean());
            put(o, "residualStd", s.residual().std());
            put(o, "nfeMean", s.nfe().mean());
            put(o, "vjpsMean", s.vjps().mean());
            put(o, "wallMsMean", s.wallMs().mean());
            put(o, "wallMsStd", s.wallMs().std());
            o.put("peakRetainedBytes", s.peakRetainedBytes());
            put(o, "gradientRelativeErrorMean", s.relativeError().mean());
            if (Double.isFinite(s.judgeHit().mean())) {
                put(o, "judgeHitRate", s.judgeHit().mean());
                put(o, "judgeTargetProbabilityMean", s.judgeProbability().mean());
                put(o, "judgeTargetProbabilityStd", s.judgeProbability().std());
            }
        }
        return root;
    }

    private static void putPoint(ObjectNode o, Map<String, Number> point) {
        if (!point.isEmpty()) {
            ObjectNode p = o.putObject("sweep");
            point.forEach((k, v) -> {
                if (v instanceof Integer || v instanceof Long) {
                    p.put(k, v.longValue());
                } else {
                    p.put(k, v.doubleValue());
                }
            });
        }
    }

    /** A number, or null where it is not finite (JSON has no NaN). */
    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
