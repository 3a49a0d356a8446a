/**
 * Loads ND4J's native CPU backend and multiplies two matrices: run by .ci/package-check with the installed package's
 * jars and only the Java modules of its bundled runtime (--limit-modules), so a module the trimmed runtime lacks, or a
 * native library the package's Depends miss, fails CI. (The CLI commands do not load ND4J's natives yet.)
 */
public class Nd4jCheck {
    public static void main(String[] args) {
        var x = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 64, 64);
        double sum = x.mmul(x).sumNumber().doubleValue();
        // entries uniform on [0, 1): every entry of x x is a sum of 64 products with mean 1/4, so the total is ~ 65536
        if (!(sum > 50000 && sum < 80000)) {
            System.err.println("Nd4jCheck: unexpected sum " + sum);
            System.exit(1);
        }
        System.out.println("ND4J " + org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName()
                + ": 64 x 64 product, sum " + sum);
    }
}
