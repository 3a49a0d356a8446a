package gw.experiment.image;

import gw.data.LabelledImages;
import gw.guidance.GradientScheme;
import gw.guidance.GuidanceGradient;
import gw.guidance.GuidedSampler;
import gw.guidance.Lookahead;
import gw.guidance.NoiseOptimization;
import gw.metric.ImageQuality;
import gw.model.TargetPredictor;
import gw.objective.Objective;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.solver.Cost;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Interruption;
import gw.solver.Solvers;
import gw.spec.CellSpec;
import gw.spec.SchemeRegistry;
import gw.tensor.Batch;
import gw.tensor.Noise;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Runs one image reconstruction: measure a test image with the task's operator, then sample from seeded noise with
 * the learned image model, guided by the measurement loss through the chosen scheme of gw.guidance (built by
 * {@link SchemeRegistry}), and score the result (PSNR, SSIM, residual) and its cost (NFEs, VJPs, wall time, memory).
 *
 * <p>Threading: {@link #run} works on the calling thread and blocks; run it off the UI thread. Progress goes to the
 * callback as a fraction in [0, 1] after each sampling step (each optimisation iteration for noise optimisation).
 * Cancel by interrupting the thread (a JavaFX {@code Task.cancel()} does): the run stops within one network
 * operation and throws {@link java.util.concurrent.CancellationException}. NaN or infinite values mid-solve throw
 * {@link gw.tensor.NonFiniteException}.
 *
 * <p>Example (the app's Images view does this in a {@code Task}):
 * <pre>{@code
 * NetworkPredictor unet = LearnedModels.load(Path.of("assets/models/fashion-unet"));
 * LabelledImages test = FashionMnist.load(FashionMnist.Split.TEST);
 * Reconstruction r = ImageReconstruction.run(unet, test,
 *         new ReconstructionRequest(0, "inpaint-random", 0.05, 0, SchemeChoice.greedy(), 20, 1.0), f -> {});
 * }</pre>
 */
public final class ImageReconstruction {
    /** Pixel data range of [-1, 1] images, for PSNR and SSIM. */
    public static final double RANGE = 2.0;

    private ImageReconstruction() {
    }

    /**
     * The seeds of one image's random draws, {mask, measurement noise, initial noise}, mixed from the request seed and
     * the image index (SplitMix64), so that images get independent draws and every scheme the same ones.
     */
    public static long[] seeds(long seed, int imageIndex) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + imageIndex);
        return new long[] {rng.nextLong(), rng.nextLong(), rng.nextLong()};
    }

    /**
     * Checks that a model can run image tasks: a U-Net on square images of {@code images}' side.
     * @throws IllegalArgumentException naming what the model is
     */
    public static void checkModel(TargetPredictor model, int side) {
        if (!"unet".equals(model.kind()) || model.dim() != side * side) {
            throw new IllegalArgumentException("is a '" + model.kind() + "' model of dimension " + model.dim()
                    + "; image tasks need a U-Net on " + side + " x " + side + " images (dimension " + side * side
                    + ")");
        }
    }

    /**
     * Runs one reconstruction on the calling thread.
     *
     * @param model a learned image model (a U-Net loaded with gw.model.LearnedModels)
     * @param images the images the request's index refers to (the Fashion-MNIST test split)
     * @param progress receives the fraction done; may be null
     * @throws IllegalArgumentException for an image index outside the images, or a model that is not an image model
     */
    public static Reconstruction run(TargetPredictor model, LabelledImages images, ReconstructionRequest r,
                                     DoubleConsumer progress) {
        return runBatch(model, images, List.of(r), progress).get(0);
    }

    /**
     * Whether requests can share one batch: they differ at most in the image and the seed, and the scheme keeps
     * its rows independent in cost too (L-BFGS noise optimisation line-searches sub-batches of rows, so a row's
     * NFEs would depend on its neighbours; it runs one image at a time).
     */
    public static boolean batchable(ReconstructionRequest a, ReconstructionRequest b) {
        ReconstructionRequest c = new ReconstructionRequest(a.imageIndex(), b.task(), b.noiseStd(), a.seed(),
                b.scheme(), b.steps(), b.scale(), b.solver(), b.scalePerUnitTime(), b.box(), null);
        GradientErrorSettings ea = a.gradientError();
        GradientErrorSettings eb = b.gradientError();
        boolean sameErrors = ea == null ? eb == null : eb != null && java.util.Arrays.equals(ea.steps(), eb.steps())
                && ea.horizon() == eb.horizon() && ea.solver().equals(eb.solver());
        return c.equals(a.withGradientError(null)) && sameErrors && !("noise-optimization".equals(a.scheme().scheme())
                && "lbfgs".equals(a.scheme().noiseOptimization().optimizer()));
    }

    /**
     * Runs several reconstructions as the rows of one batch through the scheme: one network pass serves every image,
     * which costs far less per image than passes on one image each. Rows never interact (each image has its own
     * measurement, noise and loss; every scheme treats rows as separate problems), so each {@link Reconstruction} is
     * the one {@link #run} gives for its request alone, up to float rounding of the batched network: the same
     * NFEs and VJPs (each pass counts once, as for one image), its own PSNR, SSIM and residual. Wall time and peak
     * retained memory are the batch's divided by its images.
     *
     * @param requests 1 or more requests that are {@link #batchable} with the first
     * @throws IllegalArgumentException as {@link #run}, or for requests that cannot share a batch
     * @throws gw.tensor.NonFiniteException when any image's values overflow (run the images alone to isolate it)
     */
    public static List<Reconstruction> runBatch(TargetPredictor model, LabelledImages images,
                                                List<ReconstructionRequest> requests, DoubleConsumer progress) {
        DoubleConsumer report = progress == null ? f -> { } : progress;
        int side = images.side();
        try {
            checkModel(model, side);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model " + e.getMessage());
        }
        ReconstructionRequest r = requests.get(0);
        int rows = requests.size();
        ImageProblem[] problems = new ImageProblem[rows];
        int[] labels = new int[rows];
        double[][] truths = new double[rows][];
        double[][] noise = new double[rows][];
        for (int k = 0; k < rows; k++) {
            ReconstructionRequest q = requests.get(k);
            if (!batchable(q, r)) {
                throw new IllegalArgumentException("requests[" + k + "] differs from requests[0] in more than the "
                        + "image and the seed, or its scheme runs one image at a time; it cannot share the batch");
            }
            if (q.imageIndex() >= images.count()) {
                throw new IllegalArgumentException("imageIndex must be in 0.." + (images.count() - 1) + ", got "
                        + q.imageIndex());
            }
            if (q.box() >= side) {
                throw new IllegalArgumentException("box must be in 1.." + (side - 1) + " for " + side + " x " + side
                        + " images, got " + q.box());
            }
            truths[k] = images.image(q.imageIndex());
            labels[k] = images.label(q.imageIndex());
            long[] seeds = seeds(q.seed(), q.imageIndex());
            problems[k] = ImageProblems.create(new ImageProblems.Context(q.task(), truths[k], labels[k], side,
                    q.noiseStd(), q.box(), seeds[0], seeds[1]));
            noise[k] = Noise.gaussian(1, model.dim(), seeds[2]).row(0);
        }
        Batch x0 = Batch.of(noise);
        Objective loss = rows == 1 ? problems[0].objective() : RowObjectives.of(problems);
        CellSpec cell = cell(model, loss, r);
        AffinePath path = Paths.byName(model.requiredPath().orElse("ot"));
        Dynamics f = Dynamics.inTime(model, path, new Cost());
        List<List<StepError>> errors = new ArrayList<>();
        for (int k = 0; k < rows; k++) {
            errors.add(new ArrayList<>());
        }
        long[] metricsNanos = {0};
        Interruption.check();
        long start = System.nanoTime();
        Batch x1;
        if ("noise-optimization".equals(r.scheme().scheme())) {
            int iterations = Math.max(1, cell.noiseOptimization().iterations());
            int[] calls = {0};
            Objective counted = new CountingObjective(loss, () -> report.accept(Math.min(1.0,
                    ++calls[0] / (double) iterations)));
            x1 = new NoiseOptimization(noiseSettings(cell)).optimize(f, counted, x0).x1();
        } else {
            GradientScheme scheme = SchemeRegistry.build(cell);
            GuidedSampler.Settings settings = new GuidedSampler.Settings(Solvers.byName(r.solver()),
                    Grid.uniform(r.steps()), scheme, r.scale(), r.scheme().dpsNormalize(), 0.0, 1.0,
                    r.scalePerUnitTime());
            x1 = GuidedSampler.sample(f, loss, x0, settings, (i, t, x, g) -> {
                if (g != null && r.gradientError() != null && r.gradientError().includes(i)) {
                    long m = System.nanoTime();
                    List<StepError> perRow = stepErrors(model, path, loss, r.gradientError(), i, t, x, g);
                    for (int k = 0; k < rows; k++) {
                        errors.get(k).add(perRow.get(k));
                    }
                    metricsNanos[0] += System.nanoTime() - m;
                }
                report.accept((i + 1.0) / r.steps());
            });
        }
        double wallMs = (System.nanoTime() - start - metricsNanos[0]) / 1e6 / rows;
        x1.requireFinite("the reconstruction");
        double[] finalLoss = loss.loss(x1);
        report.accept(1.0);
        // a task without a measurement (class guidance) generates rather than reconstructs: no ground truth to score
        boolean inverse = ImageProblems.isInverse(r.task());
        List<Reconstruction> out = new ArrayList<>();
        for (int k = 0; k < rows; k++) {
            double[] x = x1.row(k);
            ImageProblem problem = problems[k];
            out.add(new Reconstruction(requests.get(k), labels[k], side, x, truths[k], problem.measurement(),
                    problem.measurementPicture(),
                    inverse ? ImageQuality.psnr(x, truths[k], RANGE) : Double.NaN,
                    inverse ? ImageQuality.ssim(x, truths[k], side, RANGE) : Double.NaN, problem.residual(x),
                    finalLoss[k], f.cost().nfe(), f.cost().vjps(), wallMs, f.cost().peakRetainedBytes() / rows,
                    errors.get(k)));
        }
        return out;
    }

    /** The cell the registry builds the scheme from: one particle, the request's sampling and scheme settings. */
    static CellSpec cell(TargetPredictor model, Objective loss, ReconstructionRequest r) {
        SchemeChoice s = r.scheme();
        return CellSpec.defaults(model, loss).toBuilder()
                .path(model.requiredPath().orElse("ot")).solver(r.solver()).steps(r.steps())
                .scheme(s.scheme()).horizon(s.horizon()).lookaheadSolver(s.lookaheadSolver())
                .scale(r.scale()).dpsNormalize(s.dpsNormalize()).scalePerUnitTime(r.scalePerUnitTime())
                .particles(1).seed(r.seed()).metricParticles(0).adjointSolver(s.adjointSolver())
                .checkpoint(s.checkpoint()).checkpointParam(s.checkpointParam())
                .noiseOptimization(s.noiseOptimization()).build();
    }

    private static NoiseOptimization.Settings noiseSettings(CellSpec c) {
        CellSpec.NoiseOptimizationSettings n = c.noiseOptimization();
        NoiseOptimization.Settings s = new NoiseOptimization.Settings(Solvers.byName(c.solver()),
                Grid.uniform(c.steps()), n.iterations(), n.learningRate(), n.priorWeight(), n.optimizer())
                .withBackprop(SchemeRegistry.backprop(c));
        return n.adjoint() ? s.withAdjoint(SchemeRegistry.tableau(c.adjointSolver())) : s;
    }

    /** Each row's g against the fine-grid end-to-end gradient at (x, t), on its own counters. */
    private static List<StepError> stepErrors(TargetPredictor model, AffinePath path, Objective loss,
                                              GradientErrorSettings e, int i, double t, Batch x, GuidanceGradient g) {
        Dynamics fine = Dynamics.inTime(model, path, new Cost());
        Batch ideal = new Lookahead(Solvers.byName(e.solver()), e.horizon()).gradient(fine, loss, x, t, null)
                .gradient();
        List<StepError> out = new ArrayList<>();
        for (int k = 0; k < x.rows(); k++) {
            double[] a = g.gradient().row(k);
            double[] b = ideal.row(k);
            double dot = 0;
            double na = 0;
            double nb = 0;
            double nd = 0;
            for (int j = 0; j < a.length; j++) {
                dot += a[j] * b[j];
                na += a[j] * a[j];
                nb += b[j] * b[j];
                nd += (a[j] - b[j]) * (a[j] - b[j]);
            }
            out.add(new StepError(i, t, Math.sqrt(nd / nb), dot / Math.sqrt(na * nb)));
        }
        return out;
    }

    /** A loss that reports each gradient evaluation (one per noise-optimisation iteration). */
    private record CountingObjective(Objective inner, Runnable onGradient) implements Objective {
        @Override
        public String kind() {
            return inner.kind();
        }

        @Override
        public int dim() {
            return inner.dim();
        }

        @Override
        public double[] loss(Batch x1) {
            return inner.loss(x1);
        }

        @Override
        public Batch gradient(Batch x1) {
            onGradient.run();
            return inner.gradient(x1);
        }
    }
}
