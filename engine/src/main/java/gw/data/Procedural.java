package gw.data;

import gw.tensor.Batch;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Procedural 2-D data sets, as in the flow-matching literature's toy benchmarks (FFJORD's toy_data), scaled to
 * lie within about [-4, 4]^2. Each draws from one seeded SplittableRandom, so a seed fixes every point.
 */
public enum Procedural {
    MOONS("moons") {
        @Override
        void point(SplittableRandom r, double[] p) {
            double a = Math.PI * r.nextDouble();
            boolean outer = r.nextBoolean();
            double x = outer ? Math.cos(a) : 1 - Math.cos(a);
            double y = outer ? Math.sin(a) : 0.5 - Math.sin(a);
            p[0] = 2 * (x - 0.5) + 0.1 * gaussian(r);
            p[1] = 2 * (y - 0.25) + 0.1 * gaussian(r);
        }
    },
    CIRCLES("circles") {
        @Override
        void point(SplittableRandom r, double[] p) {
            double a = 2 * Math.PI * r.nextDouble();
            double radius = r.nextBoolean() ? 3.0 : 1.5;
            p[0] = radius * Math.cos(a) + 0.1 * gaussian(r);
            p[1] = radius * Math.sin(a) + 0.1 * gaussian(r);
        }
    },
    CHECKERBOARD("checkerboard") {
        @Override
        void point(SplittableRandom r, double[] p) {
            double x = 4 * r.nextDouble() - 2;
            double y = r.nextDouble() - 2 * r.nextInt(2) + Math.floorMod((int) Math.floor(x), 2);
            p[0] = 2 * x;
            p[1] = 2 * y;
        }
    },
    SPIRALS("spirals") {
        @Override
        void point(SplittableRandom r, double[] p) {
            double n = Math.sqrt(r.nextDouble()) * 3 * Math.PI;
            double sign = r.nextBoolean() ? 1 : -1;
            p[0] = sign * (-Math.cos(n) * n + 0.5 * r.nextDouble()) / 3 + 0.1 * gaussian(r);
            p[1] = sign * (Math.sin(n) * n + 0.5 * r.nextDouble()) / 3 + 0.1 * gaussian(r);
        }
    },
    PINWHEEL("pinwheel") {
        @Override
        void point(SplittableRandom r, double[] p) {
            int arm = r.nextInt(5);
            double radial = 1 + 0.3 * gaussian(r);
            double tangential = 0.1 * gaussian(r);
            double angle = 2 * Math.PI * arm / 5 + 0.25 * Math.exp(radial);
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            p[0] = 2 * (c * radial - s * tangential);
            p[1] = 2 * (s * radial + c * tangential);
        }
    },
    EIGHT_GAUSSIANS("eight-gaussians") {
        @Override
        void point(SplittableRandom r, double[] p) {
            double a = 2 * Math.PI * r.nextInt(8) / 8;
            p[0] = 3 * Math.cos(a) + 0.3 * gaussian(r);
            p[1] = 3 * Math.sin(a) + 0.3 * gaussian(r);
        }
    };

    private final String specName;

    Procedural(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    public static final List<String> NAMES = List.of("moons", "circles", "checkerboard", "spirals", "pinwheel",
            "eight-gaussians");

    /** The set of that spec name, or null. */
    public static Procedural byName(String name) {
        for (Procedural p : values()) {
            if (p.specName.equals(name)) {
                return p;
            }
        }
        return null;
    }

    abstract void point(SplittableRandom r, double[] p);

    public Batch sample(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[2 * n];
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            point(r, p);
            out[2 * i] = p[0];
            out[2 * i + 1] = p[1];
        }
        return new Batch(out, n, 2);
    }

    /** A standard normal draw by Box-Muller, spelled out so the bits do not depend on the JDK's nextGaussian. */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
