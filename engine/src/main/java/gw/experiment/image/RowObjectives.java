package gw.experiment.image;

import gw.objective.Objective;
import gw.tensor.Batch;

/**
 * Several images' losses as the rows of one batch: row k of x1 is scored by image k's own objective (its own
 * measurement, noise, mask or class target), so a batch of images is the same problems as solving each alone.
 */
final class RowObjectives implements Objective {
    private final Objective[] rows;

    private RowObjectives(Objective[] rows) {
        this.rows = rows;
    }

    /** The objectives of {@code problems}, one per row in order. */
    static Objective of(ImageProblem[] problems) {
        Objective[] o = new Objective[problems.length];
        for (int k = 0; k < o.length; k++) {
            o[k] = problems[k].objective();
        }
        return new RowObjectives(o);
    }

    @Override
    public String kind() {
        return rows[0].kind();
    }

    @Override
    public int dim() {
        return rows[0].dim();
    }

    @Override
    public double[] loss(Batch x1) {
        check(x1);
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = rows[k].loss(Batch.row(x1.row(k)))[0];
        }
        return out;
    }

    @Override
    public Batch gradient(Batch x1) {
        check(x1);
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = rows[k].gradient(Batch.row(x1.row(k))).row(0);
        }
        return Batch.of(out);
    }

    private void check(Batch x1) {
        if (x1.rows() != rows.length) {
            throw new IllegalArgumentException("expected " + rows.length + " rows (one per image), got " + x1.rows());
        }
    }
}
