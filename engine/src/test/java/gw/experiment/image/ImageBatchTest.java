package gw.experiment.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.spec.CellSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several images as the rows of one batch give every image the numbers it gets alone (tiny seeded U-Net, float32):
 * reconstruction, PSNR, SSIM, residual and final loss to float tolerance, NFEs, VJPs and peak retained memory exactly,
 * for every scheme, with images and seeds differing in one batch and a gradient-error measurement.
 */
class ImageBatchTest extends TinyUnetFixture {
    static final int N = 2;

    private static List<ReconstructionRequest> requests(SchemeChoice s, String task, GradientErrorSettings e) {
        List<ReconstructionRequest> out = new ArrayList<>();
        int[] images = {7, 3};
        long[] seeds = {11, 5}; // rows differ in image and in seed
        for (int k = 0; k < images.length; k++) {
            out.add(new ReconstructionRequest(images[k], task, 0.05, seeds[k], s, N, 2e-4, "euler", false, 12, e));
        }
        return out;
    }

    private static void assertSame(Reconstruction alone, Reconstruction batched, String what) {
        double[] a = alone.reconstruction();
        double[] b = batched.reconstruction();
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        assertTrue(diff < 1e-4, what + ": reconstructions differ by " + diff);
        assertEquals(alone.psnr(), batched.psnr(), 1e-3, what + " PSNR");
        assertEquals(alone.ssim(), batched.ssim(), 1e-4, what + " SSIM");
        assertEquals(alone.residual(), batched.residual(), 1e-4 * Math.max(1, alone.residual()), what + " residual");
        assertEquals(alone.finalLoss(), batched.finalLoss(), 1e-4 * Math.max(1, alone.finalLoss()), what + " loss");
        assertEquals(alone.nfe(), batched.nfe(), what + " NFEs");
        assertEquals(alone.vjps(), batched.vjps(), what + " VJPs");
        assertEquals(alone.peakRetainedBytes(), batched.peakRetainedBytes(), what + " peak memory");
        assertEquals(alone.label(), batched.label(), what + " label");
        assertEquals(alone.request(), batched.request(), what + " request");
        assertEquals(alone.gradientErrors().size(), batched.gradientErrors().size(), what + " gradient errors");
        for (int k = 0; k < alone.gradientErrors().size(); k++) {
            assertEquals(alone.gradientErrors().get(k).relativeError(),
                    batched.gradientErrors().get(k).relativeError(), 1e-3, what + " gradient error");
            assertEquals(alone.gradientErrors().get(k).cosine(), batched.gradientErrors().get(k).cosine(), 1e-4,
                    what + " cosine");
        }
    }

    @Test
    void aBatchGivesEachImageItsOwnNumbers() {
        List<SchemeChoice> schemes = List.of(SchemeChoice.greedy(), SchemeChoice.greedyDps(),
                SchemeChoice.lookahead(2, "euler"), SchemeChoice.endToEndCheckpointed(1), SchemeChoice.adjoint(),
                SchemeChoice.noiseOptimization(1, 0.05));
        GradientErrorSettings e = new GradientErrorSettings(new int[] {1}, 2, "euler");
        for (SchemeChoice s : schemes) {
            String task = s.scheme().equals("greedy") ? "inpaint-random" : "super-resolution-x2";
            List<ReconstructionRequest> rs = requests(s, task, s.scheme().equals("greedy") ? e : null);
            List<Reconstruction> batched = ImageReconstruction.runBatch(unet, test, rs, null);
            assertEquals(rs.size(), batched.size());
            for (int k = 0; k < rs.size(); k++) {
                Reconstruction alone = ImageReconstruction.run(unet, test, rs.get(k), null);
                assertSame(alone, batched.get(k), s.label() + " row " + k);
            }
            // rows are distinct problems
            assertTrue(Math.abs(batched.get(0).psnr() - batched.get(1).psnr()) > 1e-6, s.label());
        }
    }

    @Test
    void onlyRequestsThatDifferInImageAndSeedShareABatch() {
        ReconstructionRequest a = requests(SchemeChoice.greedy(), "deblur", null).get(0);
        assertTrue(ImageReconstruction.batchable(a, a.withImage(3)));
        assertFalse(ImageReconstruction.batchable(a, a.withTask("denoise")));
        assertFalse(ImageReconstruction.batchable(a, a.withScale(1e-3)));
        assertFalse(ImageReconstruction.batchable(a, a.withScheme(SchemeChoice.endToEnd())));
        SchemeChoice lbfgs = new SchemeChoice("noise-optimization", 1, "euler", false, "none", 0, "rk4",
                new CellSpec.NoiseOptimizationSettings("lbfgs", 2, 0.05, 1.0), "");
        assertFalse(ImageReconstruction.batchable(a.withScheme(lbfgs), a.withScheme(lbfgs).withImage(3)),
                "L-BFGS line-searches sub-batches: one image at a time");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> ImageReconstruction.runBatch(
                unet, test, List.of(a, a.withTask("denoise")), null));
        assertTrue(x.getMessage().startsWith("requests[1]"), x.getMessage());
    }
}
