package gw.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gw.model.DiagonalGaussian;
import gw.model.GaussianMixture;
import gw.objective.Measurement;
import org.junit.jupiter.api.Test;

/** What a valid probe spec reads into, and the edges of the rules that are accepted. */
class ProbeSpecTest {
    static final String GMM = "{\"kind\": \"gmm\", \"weights\": [0.3, 0.3, 0.4000000005], "
            + "\"means\": [[-2, 0], [2, 1], [0, -2.5]], \"stds\": [0.3, 0.5, 0.4]}";

    static ProbeSpec read(String model, String objective, String rest) {
        String json = "{\"model\": " + model + ", \"path\": \"vp-linear\", \"solver\": \"midpoint\", "
                + "\"objective\": " + objective + ", \"points\": [[0, 1], [2, 3], [4, 5]], " + rest + "}";
        return ProbeSpec.read(FieldTest.parse(json));
    }

    @Test
    void readsEverything() {
        ProbeSpec s = read(GMM, "{\"kind\": \"squared-distance\", \"target\": [1, 2]}",
                "\"steps\": 20.0, \"index\": 0, \"horizons\": [3, 1]");
        GaussianMixture m = assertInstanceOf(GaussianMixture.class, s.model());
        assertEquals(3, m.components());
        assertEquals(2, m.dim());
        assertEquals("vp-linear", s.path().name());
        assertEquals("midpoint", s.solver());
        assertEquals(0.0, s.t());
        assertEquals(3, s.points().rows());
        assertEquals(5.0, s.points().get(2, 1));
        assertEquals(3, s.horizons()[0]);
    }

    @Test
    void weightsWithinTheToleranceOfOneAreAccepted() {
        read(GMM, "{\"kind\": \"squared-distance\", \"target\": [1, 2]}", "\"steps\": 4, \"index\": 3, \"horizons\": [1]");
    }

    @Test
    void gaussianAndMeasurement() {
        ProbeSpec s = read("{\"kind\": \"gaussian\", \"mean\": [0, 0], \"std\": [1, 2]}",
                "{\"kind\": \"measurement\", \"operator\": [[1, 1]], \"y\": [0.5], \"noiseStd\": 0.1}",
                "\"steps\": 4, \"index\": 1, \"horizons\": [100000]");
        assertInstanceOf(DiagonalGaussian.class, s.model());
        assertInstanceOf(Measurement.class, s.objective());
        assertEquals(0.25, s.t());
    }

    @Test
    void indexIsCheckedAgainstSteps() {
        SpecException e = assertThrows(SpecException.class, () -> read(GMM,
                "{\"kind\": \"squared-distance\", \"target\": [1, 2]}", "\"steps\": 4, \"index\": 4, \"horizons\": [1]"));
        assertEquals("index: must be an integer with 0 <= index < steps = 4, got 4", e.getMessage());
    }
}
