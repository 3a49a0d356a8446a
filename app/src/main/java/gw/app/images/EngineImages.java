package gw.app.images;

import gw.data.FashionMnist;
import gw.data.LabelledImages;
import gw.experiment.image.ImageProblem;
import gw.experiment.image.ImageProblems;
import gw.experiment.image.ImageReconstruction;
import gw.experiment.image.ReconstructionRequest;
import gw.experiment.image.SchemeChoice;
import gw.model.TargetPredictor;
import gw.objective.image.ImageTasks;
import gw.objective.image.Masking;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;

/**
 * The Images view's engine calls: gw.experiment.image's {@link ImageReconstruction} on the test images with a learned
 * image model (loading in the background; the first reconstruction waits for it). Nothing here computes what the
 * engine computes: it maps the view's settings to the engine's request and its result to the view's record.
 */
public final class EngineImages implements ImageEngine {
    private final LabelledImages images;
    private final CompletableFuture<? extends TargetPredictor> model;
    private final String modelNote;

    public EngineImages(LabelledImages images, CompletableFuture<? extends TargetPredictor> model, String modelNote) {
        this.images = images;
        this.model = model;
        this.modelNote = modelNote;
    }

    @Override
    public String modelNote() {
        return modelNote;
    }

    @Override
    public int side() {
        return images.side();
    }

    @Override
    public int count() {
        return images.count();
    }

    @Override
    public double[] image(int index) {
        return images.image(index);
    }

    @Override
    public String label(int index) {
        int c = images.label(index);
        return c < FashionMnist.CLASSES.size() ? FashionMnist.CLASSES.get(c) : "class " + c;
    }

    /** The measurement a reconstruction of these settings sees (the same seeds as {@link #reconstruct}). */
    @Override
    public Measured measure(ImageSettings s) {
        long[] seeds = ImageReconstruction.seeds(s.seed(), s.index());
        double[] truth = images.image(s.index());
        ImageProblem p = ImageProblems.create(new ImageProblems.Context(s.task(), truth, images.label(s.index()),
                side(), s.sigmaY(), ImageTasks.BOX, seeds[0], seeds[1]));
        double[] picture = p.measurementPicture();
        int seen = picture.length;
        // the engine draws hidden pixels mid-grey; the view marks them in a colour of their own
        if (ImageTasks.operator(s.task(), side(), seeds[0]) instanceof Masking mask) {
            double[] m = mask.mask();
            seen = 0;
            for (int k = 0; k < m.length; k++) {
                if (m[k] == 0) {
                    picture[k] = Double.NaN;
                } else {
                    seen++;
                }
            }
        }
        return new Measured(s.index(), label(s.index()), truth, picture, describe(s.task(), seen, side()));
    }

    static String describe(String task, int seen, int side) {
        return switch (task) {
            case "inpaint-random", "inpaint-box" -> seen + " of " + side * side + " pixels seen";
            case "super-resolution-x2" -> (side / 2) + " \u00d7 " + (side / 2) + " block means";
            case "super-resolution-x4" -> (side / 4) + " \u00d7 " + (side / 4) + " block means";
            case "deblur" -> "blurred (Gaussian, \u03c3 1.5 px)";
            case "denoise" -> "every pixel, noisy";
            default -> task;
        };
    }

    @Override
    public Reconstruction reconstruct(ImageSettings s, String scheme, DoubleConsumer progress) {
        TargetPredictor m = model.join();
        gw.experiment.image.Reconstruction r = ImageReconstruction.run(m, images, new ReconstructionRequest(s.index(),
                s.task(), s.sigmaY(), s.seed(), choice(s, scheme), s.steps(), s.scale()), progress);
        return new Reconstruction(scheme, r.reconstruction(), r.psnr(), r.ssim(), r.residual(), r.nfe(), r.vjps(),
                r.wallMs(), r.peakRetainedBytes());
    }

    /**
     * The engine's scheme for a view scheme, with the view's DPS normalisation; lookahead at the top of its horizon
     * is end-to-end, as in the workbench's other views.
     */
    static SchemeChoice choice(ImageSettings s, String scheme) {
        SchemeChoice c = base(s, scheme);
        return new SchemeChoice(c.scheme(), c.horizon(), c.lookaheadSolver(), s.dps(), c.checkpoint(),
                c.checkpointParam(), c.adjointSolver(), c.noiseOptimization(), "");
    }

    private static SchemeChoice base(ImageSettings s, String scheme) {
        return switch (scheme) {
            case "none" -> SchemeChoice.none();
            case "greedy" -> SchemeChoice.greedy();
            case "lookahead" -> s.horizonIsEndToEnd() ? SchemeChoice.endToEnd()
                    : SchemeChoice.lookahead(s.effectiveHorizon(), s.lookaheadSolver());
            case "end-to-end" -> SchemeChoice.endToEnd();
            case "adjoint" -> SchemeChoice.adjoint();
            case "noise-optimization" -> SchemeChoice.noiseOptimization(20, 0.05);
            default -> throw new IllegalArgumentException("unknown scheme '" + scheme + "'");
        };
    }
}
