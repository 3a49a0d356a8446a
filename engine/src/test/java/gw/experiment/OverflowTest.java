package gw.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.spec.ExperimentJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A value that overflowed is an error of its cell, never a "complete" cell with a missing (null) loss. */
class OverflowTest {

    private static CellResult run(String model, String scheme) {
        String json = "{\"model\": " + model + ", \"objective\": {\"kind\": \"squared-distance\", \"target\": [0, 0]},"
                + " \"particles\": 8, \"steps\": 4, \"scheme\": \"" + scheme + "\", \"metrics\": {\"particles\": 0}}";
        List<CellResult> r = Experiment.run(ExperimentJson.parse(json), new RunListener() { });
        return r.get(0);
    }

    @Test
    void hugeMeansAndTinyStdsFailTheirCell() {
        for (String model : new String[] {
            "{\"kind\": \"gaussian\", \"mean\": [1e300, 0], \"std\": [1, 1]}",
            "{\"kind\": \"gaussian\", \"mean\": [0, 0], \"std\": [1e-300, 1]}",
            "{\"kind\": \"gmm\", \"weights\": [0.5, 0.5], \"means\": [[0, 0], [1, 1]], \"stds\": [1e-300, 1e-300]}"}) {
            for (String scheme : new String[] {"none", "greedy"}) {
                CellResult r = run(model, scheme);
                assertFalse(r.complete(), model + " " + scheme + " completed with " + r.summary());
                assertTrue(r.error().contains("NaN or infinite") || r.error().contains("overflowed"), r.error());
            }
        }
    }
}
