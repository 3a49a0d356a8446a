package gw.app.state;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers for people: engine messages carry raw doubles ("t=0.9333333333333333"); show four significant digits. */
public final class Numbers {
    private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{5,}(?:[eE][-+]?\\d+)?");

    private Numbers() {
    }

    /** The text with every long decimal number shortened to 4 significant digits (0.9333333333333333 -> 0.9333). */
    public static String times(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LONG_DECIMAL.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(short4(Double.parseDouble(m.group()))));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** 4 significant digits without trailing zeros: 0.9333, 12.5, 1.235e-05. */
    public static String short4(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
