package gw.path;

/** Conditional optimal transport / rectified flow: alpha = t, sigma = 1 - t. */
public final class OtPath implements AffinePath {
    @Override public String name() { return "ot"; }
    @Override public double alpha(double t) { return t; }
    @Override public double sigma(double t) { return 1.0 - t; }
    @Override public double alphaDot(double t) { return 1.0; }
    @Override public double sigmaDot(double t) { return -1.0; }
}
