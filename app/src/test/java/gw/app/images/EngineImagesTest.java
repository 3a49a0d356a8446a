package gw.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gw.data.FashionMnist;
import gw.data.LabelledImages;
import gw.experiment.image.ImageProblems;
import gw.experiment.image.ImageReconstruction;
import gw.experiment.image.SchemeChoice;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The view's settings reach the engine as the workbench means them, and the measurement shown is the engine's. */
class EngineImagesTest {

    @Test
    void schemesMapToTheEnginesChoices() {
        ImageSettings s = ImageSettings.DEFAULT.withSteps(10).withHorizon(3).withLookaheadSolver("heun");
        SchemeChoice look = EngineImages.choice(s, "lookahead");
        assertEquals("lookahead", look.scheme());
        assertEquals(3, look.horizon());
        assertEquals("heun", look.lookaheadSolver());
        assertTrue(look.dpsNormalize());
        // the top of the horizon slider is end-to-end, as in the 2-D views
        assertEquals("end-to-end", EngineImages.choice(s.withHorizon(10), "lookahead").scheme());
        assertFalse(EngineImages.choice(s.withDps(false), "greedy").dpsNormalize());
        for (String scheme : gw.app.state.Schemes.ALL) {
            assertEquals(scheme, EngineImages.choice(s, scheme).scheme());
        }
    }

    @Test
    void theMeasurementTileIsTheEnginesPictureWithHiddenPixelsMarked() throws Exception {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TEST), "dataset-fashion-mnist is not installed");
        LabelledImages test = FashionMnist.load(FashionMnist.Split.TEST);
        EngineImages e = new EngineImages(test, new CompletableFuture<>(), "");
        for (String task : List.of("inpaint-random", "inpaint-box", "super-resolution-x2", "deblur")) {
            ImageSettings s = ImageSettings.DEFAULT.withIndex(5).withTask(task).withSeed(3);
            ImageEngine.Measured m = e.measure(s);
            long[] seeds = ImageReconstruction.seeds(3, 5);
            double[] engine = ImageProblems.create(new ImageProblems.Context(task, test.image(5), test.label(5), 28,
                    0.05, gw.objective.image.ImageTasks.BOX, seeds[0], seeds[1])).measurementPicture();
            int hidden = 0;
            for (int k = 0; k < engine.length; k++) {
                if (Double.isNaN(m.picture()[k])) {
                    hidden++;
                    assertEquals(0.0, engine[k], 0.0, task + ": a hidden pixel is one the engine leaves empty");
                } else {
                    assertEquals(engine[k], m.picture()[k], 0.0, task + " pixel " + k);
                }
            }
            int want = switch (task) {
                case "inpaint-random" -> 549;
                case "inpaint-box" -> 144;
                default -> 0;
            };
            assertEquals(want, hidden, task);
        }
    }
}
