package gw.experiment.image;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gw.data.FashionMnist;
import gw.data.LabelledImages;
import gw.model.LearnedModels;
import gw.model.NetworkPredictor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Guidance does what it is for on the shipped U-Net: for denoising with small sigma_y, the greedy reconstruction's
 * measurement residual |x1 - y| falls as the scale grows from 0 (unguided sampling), and its PSNR rises. Few steps
 * (N = 3) keep it to a dozen network passes.
 */
class ShippedUnetGuidanceTest {

    @Test
    void greedyResidualFallsWithTheScale() throws Exception {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TEST), "dataset-fashion-mnist is not installed");
        NetworkPredictor unet = LearnedModels.load(Path.of("..", "assets", "models", "fashion-unet"));
        LabelledImages test = FashionMnist.load(FashionMnist.Split.TEST);
        ReconstructionRequest q = new ReconstructionRequest(0, "denoise", 0.05, 0, SchemeChoice.greedy(), 3, 0.0,
                "euler", true, 12, null);
        double[] scales = {0.0, 0.001, 0.003};
        double[] residual = new double[scales.length];
        double[] psnr = new double[scales.length];
        for (int k = 0; k < scales.length; k++) {
            Reconstruction r = ImageReconstruction.run(unet, test, q.withScale(scales[k]), null);
            residual[k] = r.residual();
            psnr[k] = r.psnr();
        }
        String seen = java.util.Arrays.toString(residual) + " PSNR " + java.util.Arrays.toString(psnr);
        assertTrue(residual[1] < residual[0] && residual[2] < residual[1], seen);
        assertTrue(psnr[2] > psnr[0], seen);
    }
}
