package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The demo's table: greedy is far off early and exact-ish late; a fine RK4 lookahead beats it everywhere. */
class DemoCommandTest {

    @Test
    void greedyIsWorstEarlyAndFineLookaheadIsBest() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"demo", "--points", "32"}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        double[] early = row(out.toString(), "0.05");
        double[] late = row(out.toString(), "0.95");
        // columns: greedy, euler H=2, euler H=8, heun H=2, heun H=8, rk4 H=8 (median relative errors)
        assertTrue(early[0] > 0.3, "greedy is far off near noise: " + early[0]);
        assertTrue(late[0] < 0.05, "greedy is close near data: " + late[0]);
        for (int j = 1; j < early.length; j++) {
            assertTrue(early[5] <= early[j], "rk4 H=8 is the most accurate at t=0.05");
        }
    }

    @Test
    void theClosingSentenceAgreesWithTheTable() {
        for (String path : new String[] {"ot", "vp-linear"}) {
            StringWriter out = new StringWriter();
            assertEquals(0, Main.run(new String[] {"demo", "--points", "16", "--path", path}, new PrintWriter(out),
                    new PrintWriter(new StringWriter())));
            int worse = 0;
            int cells = 0;
            for (String t : new String[] {"0.05", "0.25", "0.50", "0.75", "0.95"}) {
                double[] r = row(out.toString(), t);
                for (int j = 1; j < r.length; j++) {
                    cells++;
                    // the table prints 4 decimals; the command compares the unrounded medians
                    worse += r[j] > r[0] + 1e-4 ? 1 : 0;
                }
            }
            String text = out.toString();
            if (worse == 0) {
                assertTrue(text.contains("Here every lookahead beats greedy"), path + ":\n" + text);
            } else {
                assertTrue(text.contains("of " + cells + " lookahead entries are worse than greedy"), path + ":\n" + text);
            }
        }
    }

    @Test
    void unknownPathIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"demo", "--path", "cosine"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--path must be one of ot, vp-cosine, vp-linear"), err.toString());
    }

    /** The relative errors in the table row for time t. */
    private static double[] row(String table, String t) {
        for (String line : table.split("\n")) {
            if (line.startsWith(t + " ")) {
                String[] cells = line.split("\\|");
                double[] v = new double[cells.length - 1];
                for (int j = 1; j < cells.length; j++) {
                    v[j - 1] = Double.parseDouble(cells[j].trim().split("\\s+")[0]);
                }
                return v;
            }
        }
        throw new AssertionError("no row for t=" + t + " in\n" + table);
    }
}
