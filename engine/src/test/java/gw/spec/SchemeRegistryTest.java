package gw.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.guidance.Greedy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scheme registered at run time is a valid spec value and has its own cost; an unknown one is not free. */
class SchemeRegistryTest {
    /** Greedy's gradient, but priced at ten model calls per step. */
    static final SchemeDescriptor DUMMY = new SchemeDescriptor("dummy", "dummy label", "A test scheme.",
            SchemeDescriptor.Kind.PER_STEP, 0x123456, s -> new Greedy(), s -> 10);

    @Test
    void aRegisteredSchemeIsReadAndPriced() throws Exception {
        ObjectNode json = ExperimentJsonTest.minimalSpec().put("scheme", "dummy");
        assertThrows(SpecException.class, () -> ExperimentJson.parse(json.toString()), "not registered yet");
        ExperimentSpec spec;
        try (AutoCloseable r = SchemeRegistry.register(DUMMY)) {
            spec = ExperimentJson.parse(json.toString());
            assertEquals("dummy", spec.base().scheme());
            assertTrue(CellSpec.SCHEMES.contains("dummy"));
            assertInstanceOf(Greedy.class, SchemeRegistry.build(spec.base()));
            CellSpec greedy = spec.base().toBuilder().scheme("greedy").build();
            // sampling adds the same for both: the difference is (10 - 2) evaluations per particle and step
            double perEvaluation = (double) spec.base().particles() * spec.base().steps()
                    * Workload.evaluationCost(spec.base().model());
            assertEquals(8 * perEvaluation, ExperimentLimits.operations(spec.base())
                    - ExperimentLimits.operations(greedy), 1e-6 * perEvaluation);
        }
        assertFalse(CellSpec.SCHEMES.contains("dummy"), "closing the registration removes it");
        CellSpec unknown = spec.base();
        assertThrows(IllegalArgumentException.class, () -> ExperimentLimits.operations(unknown),
                "an unknown scheme costs an error, not 0");
    }

    @Test
    void theBuiltInSchemesInDisplayOrder() {
        assertEquals(List.of("none", "greedy", "lookahead", "end-to-end", "adjoint", "noise-optimization"),
                CellSpec.SCHEMES);
        assertThrows(IllegalArgumentException.class, () -> SchemeRegistry.register(DUMMY.withName("greedy")));
    }

    @Test
    void theAdjointsCostFollowsItsTableau() {
        CellSpec euler = ExperimentJson.parse(ExperimentJsonTest.minimalSpec().put("scheme", "adjoint")
                .put("solver", "euler").put("adjointSolver", "euler").toString()).base();
        CellSpec rk4 = euler.toBuilder().adjointSolver("rk4").build();
        SchemeDescriptor adjoint = SchemeRegistry.get("adjoint");
        double n = euler.steps();
        assertEquals(n * (1 + 2 * 1), adjoint.evaluationsPerStep().applyAsDouble(euler));
        assertEquals(n * (1 + 2 * 4), adjoint.evaluationsPerStep().applyAsDouble(rk4));
    }
}
