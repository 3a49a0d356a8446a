package gw.app.controls;

/** Parsers for typed values, each failing with a message that says what is allowed. */
public final class Parsers {
    private Parsers() {
    }

    public static ValueSlider.Parser integer(String what, int min, int max) {
        return text -> {
            int v;
            try {
                v = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be a whole number from " + min + " to " + max);
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException(what + " must be from " + min + " to " + max + ", not " + v);
            }
            return v;
        };
    }

    public static ValueSlider.Parser nonNegative(String what, double max) {
        return text -> {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be a number, e.g. 0.5");
            }
            if (!Double.isFinite(v) || v > max) {
                throw new IllegalArgumentException(what + " must be at most " + compact(max) + ", not " + text);
            }
            if (v < 0) {
                throw new IllegalArgumentException(what + " must be 0 or more, not " + text);
            }
            return v;
        };
    }

    public static ValueSlider.Parser finite(String what) {
        return text -> {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be a number, e.g. 1.5");
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " must be a finite number");
            }
            return v;
        };
    }

    /** A finite number from lo to hi, e.g. a target coordinate: 1e6 is refused here, not blamed on another field. */
    public static ValueSlider.Parser range(String what, double lo, double hi) {
        return text -> {
            double v = finite(what).parse(text);
            if (v < lo || v > hi) {
                throw new IllegalArgumentException(what + " must be from " + compact(lo) + " to " + compact(hi)
                        + ", not " + text);
            }
            return v;
        };
    }

    public static ValueSlider.Parser seed() {
        return text -> {
            try {
                long v = Long.parseLong(text);
                if (v < 0 || v > (1L << 52)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Seed must be a whole number from 0 to 2^52");
            }
        };
    }

    /** "3" or "end-to-end"/"e2e"/"N" for the top; max is the step count. */
    public static ValueSlider.Parser horizon(java.util.function.IntSupplier max) {
        return text -> {
            String t = text.toLowerCase();
            if (t.equals("end-to-end") || t.equals("e2e") || t.equals("n")) {
                return max.getAsInt();
            }
            try {
                return integer("Horizon H", 1, max.getAsInt()).parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + ", or end-to-end");
            }
        };
    }

    /** Shortest readable form of a number: 0.5, 12, 0.003, 1e+05. */
    public static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.3g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
