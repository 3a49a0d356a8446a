package gw.tensor;

/**
 * A state an explicit Runge-Kutta tableau can combine (gw.solver.ButcherTableau#step): a copy, and the in-place
 * update this += c k. A {@link Batch} is one; the continuous adjoint's augmented state (x, a) is another.
 */
public interface Axpy<S extends Axpy<S>> {
    S copy();

    /** this += c k, in place; returns this. */
    S addScaled(S k, double c);
}
