package gw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gw.guidance.GradientScheme;
import gw.guidance.Greedy;
import gw.guidance.IdealGradient;
import gw.guidance.Lookahead;
import gw.model.GaussianMixture;
import gw.model.Prediction;
import gw.objective.SquaredDistance;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Solvers;
import gw.tensor.Batch;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;


/** Reproduces the independently computed float64 reference values of ../shared/reference/gmm2d_oracle.json. */
class OracleTest {

    static JsonNode oracle() throws Exception {
        try (InputStream in = OracleTest.class.getResourceAsStream("/reference/gmm2d_oracle.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static GaussianMixture model(JsonNode m) {
        int k = m.get("weights").size();
        double[] w = new double[k];
        double[] s = new double[k];
        double[][] mu = new double[k][];
        for (int j = 0; j < k; j++) {
            w[j] = m.get("weights").get(j).asDouble();
            s[j] = m.get("stds").get(j).asDouble();
            mu[j] = vec(m.get("means").get(j));
        }
        return new GaussianMixture(w, mu, s);
    }

    static double[] vec(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    static void assertClose(double[] expected, Batch actual, double rel, String what) {
        double[] a = actual.data();
        double num = 0;
        double den = 0;
        for (int i = 0; i < expected.length; i++) {
            num += (a[i] - expected[i]) * (a[i] - expected[i]);
            den += expected[i] * expected[i];
        }
        double err = Math.sqrt(num / den);
        assertTrue(err <= rel, what + ": relative error " + err + " > " + rel
                + " (expected " + java.util.Arrays.toString(expected) + ", got " + java.util.Arrays.toString(a) + ")");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatches() throws Exception {
        JsonNode root = oracle();
        GaussianMixture gmm = model(root.get("model"));
        SquaredDistance loss = new SquaredDistance(vec(root.get("loss").get("target")));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            AffinePath path = Paths.byName(c.get("path").asText());
            double t = (double) c.get("index").asInt() / c.get("steps").asInt();
            String name = path.name() + " t=" + t;
            Batch x = Batch.row(vec(c.get("x")));
            tests.add(DynamicTest.dynamicTest(name + " predictions and greedy", () -> {
                Dynamics f = Dynamics.inTime(gmm, path);
                Prediction p = f.predict(x, t);
                assertClose(vec(c.get("xhat1")), p.xhat1(), 1e-9, "xhat1");
                assertClose(vec(c.get("xhat0")), p.xhat0(), 1e-9, "xhat0");
                assertClose(vec(c.get("velocity")), p.velocity(), 1e-9, "velocity");
                assertClose(vec(c.get("greedy_gradient")),
                        new Greedy().gradient(f, loss, x, t, null).gradient(), 1e-9, "greedy");
            }));
            tests.add(DynamicTest.dynamicTest(name + " ideal", () -> {
                Dynamics f = Dynamics.inTime(gmm, path);
                assertClose(vec(c.get("ideal_gradient")),
                        new IdealGradient(path, 1e-9).gradient(f, loss, x, t, null).gradient(), 1e-6, "ideal");
            }));
            for (JsonNode la : c.get("lookahead")) {
                String solver = la.get("solver").asText();
                int h = la.get("horizon").asInt();
                tests.add(DynamicTest.dynamicTest(name + " lookahead " + solver + " H=" + h, () -> {
                    Dynamics f = Dynamics.inTime(gmm, path);
                    GradientScheme s = new Lookahead(Solvers.byName(solver), h);
                    assertClose(vec(la.get("gradient")), s.gradient(f, loss, x, t, null).gradient(), 1e-9,
                            "lookahead " + solver + " H=" + h);
                }));
            }
        }
        return tests.stream();
    }
}
