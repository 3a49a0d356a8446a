package gw.app.panels;

import java.awt.Color;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;

/** A LaTeX formula drawn by JLaTeXMath into an image (dark on white, so it reads on either theme). */
public final class Equation extends ImageView {
    private final String tex;

    public Equation(String tex, float size) {
        this.tex = tex;
        getStyleClass().add("equation");
        render(size);
    }

    /** Draws the formula at a font size in points (larger in lecture-hall mode). */
    public void render(float size) {
        BufferedImage img = (BufferedImage) TeXFormula.createBufferedImage(tex, TeXConstants.STYLE_DISPLAY, size,
                Color.BLACK, Color.WHITE);
        setImage(SwingFXUtils.toFXImage(img, null));
    }

    public String tex() {
        return tex;
    }
}
