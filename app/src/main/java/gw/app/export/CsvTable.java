package gw.app.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plotted data as a table: a header and rows of cells, written as RFC 4180 CSV. */
public final class CsvTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvTable(String... header) {
        this.header = List.of(header);
    }

    public CsvTable add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(format(c));
        }
        rows.add(row);
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public List<String> header() {
        return header;
    }

    private static String format(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.10g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                    .replaceAll("\\.(e|$)", "$1") : (d.isNaN() ? "" : d > 0 ? "Inf" : "-Inf"); // "": not measured
        }
        return c.toString();
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    public String toCsv() {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", header.stream().map(CsvTable::quote).toList())).append('\n');
        for (List<String> r : rows) {
            b.append(String.join(",", r.stream().map(CsvTable::quote).toList())).append('\n');
        }
        return b.toString();
    }
}
