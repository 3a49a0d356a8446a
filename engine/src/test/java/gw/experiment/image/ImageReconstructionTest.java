package gw.experiment.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.metric.ImageQuality;
import gw.model.NetworkPredictor;
import gw.model.net.Mlp;
import gw.objective.image.ImageTasks;
import gw.objective.image.Masking;
import gw.path.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The engine API for one image reconstruction, on a tiny seeded U-Net (28 x 28, channels 4/8): the cost of each
 * scheme is the documented count, runs are reproducible, zero scale is unguided sampling, end-to-end's gradient is
 * the fine-grid gradient when the fine grid is the sampling grid, and bad input is refused naming the setting.
 */
class ImageReconstructionTest extends TinyUnetFixture {
    static final int N = 3;

    private static Reconstruction run(SchemeChoice s, String task, double scale) {
        return ImageReconstruction.run(unet, test, new ReconstructionRequest(7, task, 0.05, 11, s, N, scale), null);
    }

    private static Reconstruction costRun(SchemeChoice s) {
        return ImageReconstruction.run(unet, test, new ReconstructionRequest(7, "denoise", 0.05, 11, s, 2, 1e-4), null);
    }

    /** The counts of a run equal the formulas written out here and ImageCosts' (what docs/IMAGES.md lists). */
    private static void assertCost(SchemeChoice s, long nfe, long vjps) {
        Reconstruction r = costRun(s);
        assertEquals(nfe, r.nfe(), s.label() + " NFEs");
        assertEquals(vjps, r.vjps(), s.label() + " VJPs");
        assertTrue(ImageCosts.exact(r.request()), s.label());
        assertEquals(nfe, ImageCosts.nfe(r.request()), s.label() + " documented NFEs");
        assertEquals(vjps, ImageCosts.vjps(r.request()), s.label() + " documented VJPs");
    }

    @Test
    void eachSchemeCostsTheDocumentedNfesAndVjps() {
        int n = 2;
        long tri = n * (n + 1L) / 2; // sum over steps i of the N - i remaining steps
        assertCost(SchemeChoice.none(), n, 0);
        assertCost(SchemeChoice.greedy(), n, n); // the step's own evaluation is reused: one VJP per step
        assertCost(SchemeChoice.lookahead(2, "euler"), n + n * (2 - 1), 2 * n);
        assertCost(SchemeChoice.lookahead(1, "heun"), n + n * (2 - 1), 2 * n); // H steps x 2 stages
        assertCost(SchemeChoice.endToEnd(), n + tri - n, tri);
        assertCost(SchemeChoice.adjoint(), n + (1 + 4) * tri - n, 4 * tri); // euler forward, rk4 backward
        assertCost(SchemeChoice.noiseOptimization(2, 0.01), (2 + 1) * n, 2 * n);
        // binomial checkpointing with one snapshot keeps fewer states and recomputes (N = 3): the same VJPs and
        // gradient, more NFEs
        Reconstruction full = run(SchemeChoice.endToEnd(), "denoise", 1e-4);
        Reconstruction kept = run(SchemeChoice.endToEndCheckpointed(1), "denoise", 1e-4);
        assertEquals(full.vjps(), kept.vjps());
        assertTrue(kept.nfe() > full.nfe(), kept.nfe() + " vs " + full.nfe());
        assertTrue(kept.peakRetainedBytes() < full.peakRetainedBytes());
        assertArrayEquals(full.reconstruction(), kept.reconstruction(), 1e-5);
        assertTrue(kept.nfe() <= ImageCosts.nfe(kept.request()), "the documented bound");
    }

    @Test
    void sameRequestSameNumbersAndEverySchemeSeesTheSameMeasurement() {
        Reconstruction a = run(SchemeChoice.greedy(), "inpaint-random", 1e-3);
        Reconstruction b = run(SchemeChoice.greedy(), "inpaint-random", 1e-3);
        assertArrayEquals(a.reconstruction(), b.reconstruction(), 0.0);
        assertArrayEquals(a.measurement(), b.measurement(), 0.0);
        Reconstruction c = run(SchemeChoice.lookahead(2, "euler"), "inpaint-random", 1e-3);
        assertArrayEquals(a.measurement(), c.measurement(), 0.0);
        assertArrayEquals(test.image(7), a.groundTruth(), 0.0);
        assertEquals(test.label(7), a.label());
        assertEquals(ImageQuality.psnr(a.reconstruction(), a.groundTruth(), 2), a.psnr(), 1e-12);
        assertEquals(ImageQuality.ssim(a.reconstruction(), a.groundTruth(), 28, 2), a.ssim(), 1e-12);
        // scale 0 is unguided sampling, bit for bit
        assertArrayEquals(run(SchemeChoice.none(), "denoise", 0).reconstruction(),
                run(SchemeChoice.greedy(), "denoise", 0).reconstruction(), 0.0);
    }

    @Test
    void theMeasurementPictureShowsWhatWasMeasured() {
        Reconstruction box = run(SchemeChoice.none(), "inpaint-box", 0);
        double[] picture = box.measurementPicture();
        double[] y = box.measurement();
        int[] kept = Masking.box(28, ImageTasks.BOX).observed();
        assertEquals(kept.length, y.length);
        for (int m = 0; m < kept.length; m++) {
            assertEquals(y[m], picture[kept[m]], 0.0);
        }
        assertEquals(0.0, picture[14 * 28 + 14], 0.0); // the hidden box is mid-grey
        Reconstruction sr = run(SchemeChoice.none(), "super-resolution-x4", 0);
        assertEquals(49, sr.measurement().length);
        assertEquals(sr.measurement()[0], sr.measurementPicture()[3 * 28 + 3], 1e-12); // repeated over its block
        // the residual is |A x - y| of the result
        Reconstruction dn = run(SchemeChoice.none(), "denoise", 0);
        double sq = 0;
        for (int k = 0; k < 784; k++) {
            double d = dn.reconstruction()[k] - dn.measurement()[k];
            sq += d * d;
        }
        assertEquals(Math.sqrt(sq), dn.residual(), 1e-9);
    }

    @Test
    void endToEndMatchesTheFineGridGradientOnTheSamplingGrid() {
        // at step i, N - i euler steps from t_i to 1 are exactly the rest of the sampling grid
        ReconstructionRequest r = new ReconstructionRequest(7, "deblur", 0.05, 11, SchemeChoice.endToEnd(), N, 1e-4)
                .withGradientError(new GradientErrorSettings(new int[] {1}, N - 1, "euler"));
        Reconstruction e = ImageReconstruction.run(unet, test, r, null);
        assertEquals(1, e.gradientErrors().size());
        assertTrue(e.gradientErrors().get(0).relativeError() < 1e-6, e.gradientErrors().toString());
        assertEquals(1.0, e.gradientErrors().get(0).cosine(), 1e-6);
        // the measurement costs nothing that the run reports
        Reconstruction plain = ImageReconstruction.run(unet, test, r.withGradientError(null), null);
        assertEquals(plain.nfe(), e.nfe());
        assertEquals(plain.vjps(), e.vjps());
        assertArrayEquals(plain.reconstruction(), e.reconstruction(), 0.0);
        // greedy is not end-to-end at step 0 of 3
        Reconstruction g = ImageReconstruction.run(unet, test, r.withScheme(SchemeChoice.greedy())
                .withGradientError(new GradientErrorSettings(new int[] {0}, N, "euler")), null);
        assertTrue(g.gradientErrors().get(0).relativeError() > 1e-3, g.gradientErrors().toString());
    }

    @Test
    void progressRisesToOneAndAnInterruptCancels() {
        List<Double> seen = new ArrayList<>();
        ImageReconstruction.run(unet, test, new ReconstructionRequest(0, "denoise", 0.1, 0, SchemeChoice.greedy(), N,
                1e-3), seen::add);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), seen.toString());
        }
        assertEquals(1.0, seen.get(seen.size() - 1), 0.0);
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> run(SchemeChoice.greedy(), "denoise", 1e-3));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void badInputIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageReconstruction.run(unet,
                test, new ReconstructionRequest(10_000, "denoise", 0.1, 0, SchemeChoice.greedy(), N, 1), null));
        assertTrue(e.getMessage().startsWith("imageIndex must be in 0..9999"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ReconstructionRequest(0, "colorize", 0.1, 0, SchemeChoice.greedy(), N, 1));
        assertTrue(e.getMessage().startsWith("task must be one of inpaint-random"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ReconstructionRequest(0, "denoise", 0, 0, SchemeChoice.greedy(), N, 1));
        assertTrue(e.getMessage().startsWith("noiseStd"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReconstructionRequest(0, "denoise", 0.1, 0,
                SchemeChoice.greedy(), N, 1).withGradientError(new GradientErrorSettings(new int[] {N}, 4, "euler")));
        assertTrue(e.getMessage().startsWith("gradientError.steps"), e.getMessage());
        Mlp mlp = new Mlp(new Mlp.Config(2, 8, 1, 2, 10, DataType.FLOAT));
        mlp.parameters().initialise(1);
        NetworkPredictor points = new NetworkPredictor("mlp", mlp, Paths.byName("ot"));
        e = assertThrows(IllegalArgumentException.class, () -> ImageReconstruction.run(points, test,
                new ReconstructionRequest(0, "denoise", 0.1, 0, SchemeChoice.greedy(), N, 1), null));
        assertTrue(e.getMessage().startsWith("model is a 'mlp' model of dimension 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SchemeChoice("greedy2", 1, "euler", false, "none", 0,
                "rk4", null, ""));
    }
}
