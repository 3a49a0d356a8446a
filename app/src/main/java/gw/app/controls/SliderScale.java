package gw.app.controls;

/**
 * How a slider's position maps to the value it sets: linear integers, powers of two, or a logarithmic scale with
 * zero at the far left (for the guidance scale).
 */
public interface SliderScale {

    double toValue(double position);

    double toPosition(double value);

    /** Integer values, position = value. */
    static SliderScale integer() {
        return new SliderScale() {
            public double toValue(double p) {
                return Math.round(p);
            }

            public double toPosition(double v) {
                return v;
            }
        };
    }

    /** Integer values spaced geometrically: position = log2(value), values rounded to a power of two. */
    static SliderScale powersOfTwo() {
        return new SliderScale() {
            public double toValue(double p) {
                return Math.pow(2, Math.round(p));
            }

            public double toPosition(double v) {
                return Math.log(Math.max(v, 1)) / Math.log(2);
            }
        };
    }

    /**
     * Positions 0..100: 0 is the value 0, 1..100 run geometrically from {@code low} to {@code high}, rounded to
     * two significant digits.
     */
    static SliderScale logWithZero(double low, double high) {
        double span = Math.log10(high / low);
        return new SliderScale() {
            public double toValue(double p) {
                if (p < 0.5) {
                    return 0.0;
                }
                double v = low * Math.pow(10, span * (p - 1) / 99.0);
                double mag = Math.pow(10, Math.floor(Math.log10(v)) - 1);
                return Math.round(v / mag) * mag;
            }

            public double toPosition(double v) {
                if (v <= 0) {
                    return 0;
                }
                double p = 1 + 99.0 * Math.log10(v / low) / span;
                return Math.max(1, Math.min(100, p));
            }
        };
    }
}
