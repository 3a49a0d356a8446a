package gw.app.images;

import gw.app.charts.SchemeStyle;
import gw.app.controls.Tips;
import gw.app.images.ImageEngine.Reconstruction;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Images view: choose a Fashion-MNIST test image, a task and σ_y; see the ground truth, the measurement and
 * each selected scheme's reconstruction side by side, with PSNR/SSIM and cost under each. Settings redraw the
 * ground truth and measurement at once; Run reconstructs in the background (progress, Cancel), each scheme's tile
 * filling as it finishes; Export saves the grid as PNG.
 */
public final class ImagesPane extends BorderPane {
    /** Pixel zoom: the largest that fits every tile across the view, within these bounds. */
    static final int MIN_ZOOM = 3;
    static final int MAX_ZOOM = 10;
    private static final double GAP = 10;
    static final String LEGEND = "Teal pixels are not measured. PSNR (dB, higher is better) and SSIM (1 = identical) "
            + "compare each reconstruction with the ground truth; NFE counts network evaluations, VJP backward passes "
            + "through the network; the time is this machine's.";
    private final ImageControls controls = new ImageControls();
    private final HBox grid = new HBox(GAP);
    private final Map<String, ImageTile> schemeTiles = new LinkedHashMap<>();
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final Button export = new Button("Export PNG\u2026");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Loading the Fashion-MNIST test images\u2026");
    private final ScrollPane gridScroll = new ScrollPane();
    private final Label model = new Label();
    private ImageEngine engine;
    private ImageRunService service;
    private ImageTile truth;
    private ImageTile measurement;
    private ImageSettings shown;
    private boolean runWhenReady;

    public ImagesPane(CompletableFuture<ImageEngine> engineReady) {
        setId("images-pane");
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setPrefWidth(290);
        left.setMinWidth(250);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        run.setId("images-run");
        cancel.setId("images-cancel");
        export.setId("images-export");
        progress.setId("images-progress");
        status.setId("images-status");
        status.setWrapText(true);
        Tips.lazy(run, "Reconstruct the image with every selected scheme (one after another, in the background).");
        Tips.lazy(cancel, "Stop the reconstruction; the schemes that finished keep their tiles.");
        Tips.lazy(export, "Save the grid of pictures with their captions as a PNG file.");
        run.setDisable(true);
        cancel.setDisable(true);
        export.setDisable(true);
        progress.setVisible(false);
        run.setOnAction(e -> run());
        cancel.setOnAction(e -> cancel());
        export.setOnAction(e -> chooseExport());
        HBox bar = new HBox(8, run, cancel, export, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        grid.setId("images-grid");
        grid.setPadding(new Insets(6));
        grid.getStyleClass().add("images-grid");
        gridScroll.setContent(grid);
        gridScroll.setFitToHeight(true);
        gridScroll.viewportBoundsProperty().addListener((o, a, b) -> fitZoom());
        Label legend = new Label(LEGEND);
        legend.setWrapText(true);
        legend.getStyleClass().add("hint");
        model.setId("images-model");
        model.setWrapText(true);
        model.getStyleClass().add("hint");
        VBox center = new VBox(6, bar, gridScroll, legend, model);
        center.setPadding(new Insets(6));
        setLeft(left);
        setCenter(center);
        controls.setListener(this::settingsChanged);
        engineReady.whenComplete((e, err) -> Platform.runLater(() -> ready(e, err)));
    }

    private void ready(ImageEngine e, Throwable err) {
        if (err != null) {
            Throwable cause = err.getCause() != null ? err.getCause() : err;
            status.setText("Cannot show images: " + cause.getMessage());
            return;
        }
        engine = e;
        service = new ImageRunService(e);
        service.setOnPartial(this::partial);
        service.stateProperty().addListener((o, a, b) -> finished(b));
        truth = new ImageTile("images-truth", e.side(), MIN_ZOOM);
        measurement = new ImageTile("images-measurement", e.side(), MIN_ZOOM);
        model.setText(e.modelNote());
        grid.getChildren().setAll(truth, measurement);
        controls.setImageCount(e.count());
        run.setDisable(false);
        export.setDisable(false);
        status.setText("Press Run to reconstruct with the selected schemes.");
        settingsChanged(controls.getSettings());
        if (runWhenReady) {
            run();
        }
    }

    /** Runs now, or as soon as the test images are loaded (screenshot mode). */
    public void runWhenReady() {
        if (service == null) {
            runWhenReady = true;
        } else {
            run();
        }
    }

    /** Whether a run has been started (or is waiting for the data to load). */
    public boolean hasRun() {
        return shown != null || runWhenReady;
    }

    /** Redraws ground truth and measurement; reconstructions of other settings fade until the next Run. */
    private void settingsChanged(ImageSettings s) {
        if (engine == null) {
            return;
        }
        if (s.index() >= engine.count()) {
            controls.apply(s.withIndex(engine.count() - 1));
            return;
        }
        double[] gt = engine.image(s.index());
        controls.showImage(gt, engine.side(), engine.label(s.index()));
        ImageEngine.Measured m = engine.measure(s);
        truth.setTitle("Ground truth", null);
        truth.show(m.groundTruth());
        truth.setCaptions("test image " + m.index(), m.label());
        measurement.setTitle("Measurement y", null);
        measurement.show(m.picture());
        measurement.setCaptions(m.description(), String.format(Locale.ROOT, "\u03c3_y = %s",
                gw.app.controls.Parsers.compact(s.sigmaY())));
        layoutSchemes(s);
        boolean same = s.equals(shown);
        schemeTiles.values().forEach(t -> t.setStale(!same && t.pixels() != null));
        if (!same && shown != null && !isRunning()) {
            status.setText("Settings changed: the faded tiles are from the previous run. Press Run.");
        }
    }

    /** One tile per selected scheme, in display order; a scheme's tile keeps its picture while it stays selected. */
    private void layoutSchemes(ImageSettings s) {
        Map<String, ImageTile> keep = new LinkedHashMap<>();
        for (String scheme : s.schemes()) {
            ImageTile t = schemeTiles.get(scheme);
            if (t == null) {
                t = new ImageTile("images-tile-" + scheme, engine.side(), truth.zoom());
                t.clear("press Run");
            }
            t.setTitle(scheme.equals("lookahead") ? s.lookaheadLabel() : gw.spec.SchemeRegistry.find(scheme)
                    .map(gw.spec.SchemeDescriptor::label).orElse(scheme), SchemeStyle.fx(scheme));
            keep.put(scheme, t);
        }
        schemeTiles.clear();
        schemeTiles.putAll(keep);
        grid.getChildren().setAll(truth, measurement);
        grid.getChildren().addAll(schemeTiles.values());
        fitZoom();
    }

    /** The largest whole-number zoom at which every tile fits the view's width (a horizontal scroll below 3). */
    private void fitZoom() {
        if (engine == null) {
            return;
        }
        int n = grid.getChildren().size();
        double room = gridScroll.getViewportBounds().getWidth() - grid.getPadding().getLeft()
                - grid.getPadding().getRight() - GAP * (n - 1) - 8 * n - 2;
        int z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, (int) Math.floor(room / n / engine.side())));
        for (javafx.scene.Node t : grid.getChildren()) {
            if (t instanceof ImageTile tile && tile.zoom() != z) {
                tile.setZoom(z);
            }
        }
    }

    /** Reconstructs with the current settings (cancelling a run in progress). */
    public void run() {
        if (service == null) {
            return;
        }
        ImageSettings s = controls.getSettings();
        if (s.schemes().isEmpty()) {
            status.setText("Select at least one scheme to compare.");
            return;
        }
        shown = s;
        schemeTiles.values().forEach(t -> {
            t.clear("waiting\u2026");
            t.setCaptions(null, null);
            t.setStale(false);
        });
        schemeTiles.get(s.schemes().get(0)).clear("running\u2026");
        service.setSettings(s);
        status.textProperty().unbind();
        status.textProperty().bind(service.messageProperty());
        progress.progressProperty().bind(service.progressProperty());
        progress.setVisible(true);
        run.setDisable(true);
        cancel.setDisable(false);
        service.restart();
    }

    public void cancel() {
        if (service != null && service.isRunning()) {
            service.cancel();
        }
    }

    private void partial(ImageSettings s, String scheme, Reconstruction r, String error) {
        ImageTile t = schemeTiles.get(scheme);
        if (t == null || !s.equals(shown)) {
            return;
        }
        if (r == null) {
            t.clear("failed: " + error);
            t.setCaptions(null, null);
        } else {
            t.show(r.image());
            t.setCaptions(String.format(Locale.ROOT, "PSNR %.1f dB \u00b7 SSIM %.3f", r.psnr(), r.ssim()),
                    String.format(Locale.ROOT, "%d NFE \u00b7 %d VJP \u00b7 %s", r.nfe(), r.vjps(), seconds(r.wallMs())));
            Details.install(t, r);
        }
        int next = s.schemes().indexOf(scheme) + 1;
        if (next < s.schemes().size() && schemeTiles.get(s.schemes().get(next)) != null) {
            schemeTiles.get(s.schemes().get(next)).clear("running\u2026");
        }
    }

    static String seconds(double ms) {
        return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }

    private void finished(Worker.State state) {
        if (state != Worker.State.SUCCEEDED && state != Worker.State.FAILED && state != Worker.State.CANCELLED) {
            return;
        }
        status.textProperty().unbind();
        progress.progressProperty().unbind();
        progress.setVisible(false);
        run.setDisable(false);
        cancel.setDisable(true);
        if (state == Worker.State.CANCELLED) {
            schemeTiles.values().stream().filter(t -> t.pixels() == null).forEach(t -> t.clear("cancelled"));
            status.setText("Cancelled; the tiles that finished keep their pictures. Press Run to start again.");
        } else if (state == Worker.State.FAILED) {
            Throwable e = service.getException();
            status.setText("Reconstruction failed: " + (e == null ? "unknown error" : e.getMessage()));
        } else {
            String best = service.getValue().stream().max(java.util.Comparator.comparingDouble(Reconstruction::psnr))
                    .map(r -> String.format(Locale.ROOT, "; highest PSNR: %s (%.1f dB)", r.scheme(), r.psnr()))
                    .orElse("");
            status.setText(String.format(Locale.ROOT, "Done: image %d, %s, N = %d%s. Change a setting and press Run "
                    + "to compare.", shown.index(), shown.task(), shown.steps(), best));
        }
    }

    private void chooseExport() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the image grid as PNG");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        fc.setInitialFileName("images-" + controls.getSettings().task() + ".png");
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    /** Writes the grid (pictures and captions) as PNG, atomically; returns false and says why on failure. */
    public boolean exportTo(Path file) {
        try {
            GridExport.write(grid, file);
            status.setText("Saved " + file);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            status.setText("Cannot save " + file + ": " + e.getMessage());
            return false;
        }
    }

    public boolean isRunning() {
        return service != null && service.isRunning();
    }

    public ImageRunService service() {
        return service;
    }

    public ImageControls controls() {
        return controls;
    }

    public HBox grid() {
        return grid;
    }

    ScrollPane gridScroll() {
        return gridScroll;
    }

    public Label status() {
        return status;
    }

    /** The tile of a scheme (null if not selected), or "truth" / "measurement". */
    public ImageTile tile(String name) {
        return switch (name) {
            case "truth" -> truth;
            case "measurement" -> measurement;
            default -> schemeTiles.get(name);
        };
    }

    /** Full numbers of a reconstruction in its tile's tooltip. */
    private static final class Details {
        static void install(ImageTile t, Reconstruction r) {
            javafx.scene.control.Tooltip.install(t, Tips.of(String.format(Locale.ROOT, "%s: PSNR %.3f dB, SSIM %.4f, "
                    + "measurement residual |Ax \u2212 y| = %.4g, %d network evaluations, %d VJPs, wall time %s, "
                    + "peak memory kept for backward passes %s.", r.scheme(), r.psnr(), r.ssim(), r.residual(),
                    r.nfe(), r.vjps(), seconds(r.wallMs()), bytes(r.peakBytes()))));
        }

        static String bytes(long b) {
            return b < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", b / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
        }
    }
}
