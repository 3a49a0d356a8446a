package gw.model;

import gw.path.PathPoint;
import gw.tensor.Batch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A prediction with row r at its own path point, assembled from one evaluation per distinct point (the default of
 * {@link TargetPredictor#predict(Batch, PathPoint[])}): each row's values are exactly those of its group's
 * evaluation.
 */
final class GroupedPrediction implements Prediction {
    private final int rows;
    private final int cols;
    private final List<int[]> groups = new ArrayList<>();
    private final List<Prediction> parts = new ArrayList<>();

    GroupedPrediction(TargetPredictor model, Batch x, PathPoint[] points) {
        this.rows = x.rows();
        this.cols = x.cols();
        Map<PathPoint, List<Integer>> byPoint = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            byPoint.computeIfAbsent(points[r], k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<PathPoint, List<Integer>> e : byPoint.entrySet()) {
            int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            groups.add(idx);
            parts.add(model.predict(gather(x, idx), e.getKey()));
        }
    }

    private Batch gather(Batch b, int[] idx) {
        double[] out = new double[idx.length * cols];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(b.data(), idx[i] * cols, out, i * cols, cols);
        }
        return new Batch(out, idx.length, cols);
    }

    private Batch scatter(Function<Integer, Batch> part) {
        double[] out = new double[rows * cols];
        for (int g = 0; g < groups.size(); g++) {
            int[] idx = groups.get(g);
            double[] d = part.apply(g).data();
            for (int i = 0; i < idx.length; i++) {
                System.arraycopy(d, i * cols, out, idx[i] * cols, cols);
            }
        }
        return new Batch(out, rows, cols);
    }

    @Override
    public Batch xhat1() {
        return scatter(g -> parts.get(g).xhat1());
    }

    @Override
    public Batch xhat0() {
        return scatter(g -> parts.get(g).xhat0());
    }

    @Override
    public Batch velocity() {
        return scatter(g -> parts.get(g).velocity());
    }

    @Override
    public Batch vjpXhat1(Batch v) {
        return scatter(g -> parts.get(g).vjpXhat1(gather(v, groups.get(g))));
    }

    @Override
    public Batch vjpXhat0(Batch v) {
        return scatter(g -> parts.get(g).vjpXhat0(gather(v, groups.get(g))));
    }

    @Override
    public Batch vjpVelocity(Batch v) {
        return scatter(g -> parts.get(g).vjpVelocity(gather(v, groups.get(g))));
    }

    @Override
    public long retainedBytes() {
        long bytes = 0;
        for (Prediction p : parts) {
            bytes += p.retainedBytes();
        }
        return bytes;
    }
}
