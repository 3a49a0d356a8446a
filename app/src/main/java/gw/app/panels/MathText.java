package gw.app.panels;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Wrapped text that may hold combining marks (the hat of x̂₁). JavaFX 21 wraps a Label or a single Text that holds
 * a combining mark wrongly: each line runs on to the end of the paragraph, over the lines below it and past the
 * right edge. A TextFlow whose marked letters sit in Text nodes of their own wraps correctly.
 */
public final class MathText {
    private MathText() {
    }

    /** Whether the text holds a combining mark. */
    public static boolean hasCombiningMark(String text) {
        return text.codePoints().anyMatch(MathText::combining);
    }

    private static boolean combining(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK
                || t == Character.COMBINING_SPACING_MARK;
    }

    /** A wrapping paragraph; every letter with combining marks is a Text node of its own. */
    public static TextFlow flow(String text, String styleClass) {
        TextFlow f = new TextFlow();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (next < text.length() && combining(text.codePointAt(next))) {
                int end = next;
                while (end < text.length() && combining(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                add(f, run.toString(), styleClass);
                run.setLength(0);
                add(f, text.substring(i, end), styleClass);
                i = end;
            } else {
                run.appendCodePoint(cp);
                i = next;
            }
        }
        add(f, run.toString(), styleClass);
        return f;
    }

    private static void add(TextFlow f, String s, String styleClass) {
        if (!s.isEmpty()) {
            Text t = new Text(s);
            t.getStyleClass().add(styleClass);
            f.getChildren().add(t);
        }
    }
}
