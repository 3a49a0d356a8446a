package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory benchmark's table: four variants per N, flat memory for binomial and adjoint, equal discrete errors. */
class MemoryBenchCommandTest {

    @Test
    void printsTheTable() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"memory-bench", "--steps", "6,30", "--particles", "16", "--runs", "1",
                "--warmup", "0"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        List<String[]> rows = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (line.matches("\\s*\\d+\\s{2}.*")) {
                rows.add(line.trim().split("\\s+"));
            }
        }
        assertEquals(8, rows.size(), "4 variants x 2 step counts");
        // columns: N, variant words..., peak KiB, ms, NFEs, VJPs, rel.err (read from the right)
        double binomial6 = col(rows.get(2), 5);
        double binomial30 = col(rows.get(6), 5);
        assertEquals(binomial6, binomial30, "binomial peak does not grow with N");
        assertEquals(col(rows.get(3), 5), col(rows.get(7), 5), "adjoint peak does not grow with N");
        assertTrue(col(rows.get(4), 5) > 4 * col(rows.get(0), 5), "full storage grows with N");
        for (int i : new int[] {1, 2, 5, 6}) {
            assertEquals(col(rows.get(i - i % 4), 1), col(rows.get(i), 1), "checkpointing changes no digit");
        }
    }

    /** The k-th cell from the right. */
    private static double col(String[] row, int fromRight) {
        return Double.parseDouble(row[row.length - fromRight]);
    }
}
