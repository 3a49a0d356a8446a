package gw.experiment;

import gw.guidance.Greedy;
import gw.guidance.GuidanceGradient;
import gw.guidance.Lookahead;
import gw.metric.Agreement;
import gw.model.Prediction;
import gw.objective.Objective;
import gw.solver.Dynamics;
import gw.solver.Solvers;
import gw.spec.ProbeSpec;
import gw.tensor.Batch;
import gw.tensor.NonFiniteException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link ProbeSpec}: every computation takes all points as one batch. The model is evaluated once at
 * (points, t) for the predictions and the greedy gradient; each lookahead starts its own solve, so its NFE count
 * is the full H x (evaluations per step). Throws {@link NonFiniteException} if any reported number is not finite.
 */
public final class Probe {
    /**
     * Relative tolerance of the continuous ideal (MATH section 5: agrees with the oracle to 1e-6); a network's is
     * {@link gw.solver.IdealFlow#NETWORK_TOLERANCE}.
     */
    public static final double IDEAL_TOLERANCE = 1e-9;

    private Probe() {
    }

    public static ProbeReport run(ProbeSpec s) {
        double t = s.t();
        Objective loss = s.objective();
        Batch x = s.points();
        Dynamics f = Dynamics.inTime(s.model(), s.path());
        Prediction first = f.predict(x, t);
        Batch xhat1 = first.xhat1().requireFinite("xhat1");
        Batch xhat0 = first.xhat0().requireFinite("xhat0");
        Batch velocity = first.velocity().requireFinite("the velocity");
        Batch greedy = new Greedy().gradient(f, loss, x, t, first).gradient().requireFinite("the greedy gradient");
        // lookaheads before the ideal: they are cheap, so a solve that blows up fails fast
        int[] horizons = s.horizons();
        GuidanceGradient[] lookahead = new GuidanceGradient[horizons.length];
        for (int j = 0; j < horizons.length; j++) {
            lookahead[j] = new Lookahead(Solvers.byName(s.solver()), horizons[j]).gradient(f, loss, x, t, null);
            lookahead[j].gradient().requireFinite("the lookahead gradient (H=" + horizons[j] + ")");
        }
        gw.solver.IdealFlow flow = new gw.solver.IdealFlow(s.model(), s.path(),
                gw.solver.IdealFlow.defaultTolerance(s.model(), IDEAL_TOLERANCE));
        gw.solver.IdealFlow.Result idealResult = flow.solveOrBest(x, t, loss::gradient);
        Batch ideal = idealResult.gradient().requireFinite("the ideal gradient");
        ProbeReport.IdealSolve solve = new ProbeReport.IdealSolve(flow.tolerance(), idealResult.steps(),
                idealResult.achievedTolerance(), idealResult.converged(),
                idealResult.converged() ? null : flow.notConverged(t, idealResult));
        double[] scale = Agreement.scale(loss, idealResult.endpoint());

        int n = x.rows();
        List<List<ProbeReport.LookaheadResult>> perPoint = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            perPoint.add(new ArrayList<>(horizons.length));
        }
        for (int j = 0; j < horizons.length; j++) {
            GuidanceGradient g = lookahead[j];
            Agreement.Comparison c = Agreement.compare(g.gradient(), ideal, scale);
            for (int i = 0; i < n; i++) {
                boolean zero = c.zeroReference()[i];
                Double cos = Double.isNaN(c.cosine()[i]) ? null : c.cosine()[i];
                Double rel = zero ? null : c.relativeError()[i];
                Double abs = zero ? c.absoluteError()[i] : null;
                if ((cos != null && !Double.isFinite(cos)) || (rel != null && !Double.isFinite(rel))
                        || (abs != null && !Double.isFinite(abs))) {
                    throw new NonFiniteException("the agreement of the lookahead gradient (H=" + horizons[j]
                            + ") with the ideal became NaN or infinite");
                }
                perPoint.get(i).add(new ProbeReport.LookaheadResult(horizons[j], g.gradient().row(i), cos, rel, abs,
                        g.nfe(), g.vjps()));
            }
        }
        List<ProbeReport.PointResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(new ProbeReport.PointResult(x.row(i), xhat1.row(i), xhat0.row(i), velocity.row(i),
                    greedy.row(i), ideal.row(i), List.copyOf(perPoint.get(i))));
        }
        return new ProbeReport(t, List.copyOf(results), solve);
    }
}
