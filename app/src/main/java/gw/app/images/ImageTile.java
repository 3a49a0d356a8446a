package gw.app.images;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * One picture of the grid: a title, the image drawn crisply at a whole-number zoom, and up to two caption lines
 * (quality, cost). Before its picture exists it shows a note in its place ("waiting", "running…", an error).
 */
public final class ImageTile extends VBox {
    private final Label title = new Label();
    private final ImageView view = new ImageView();
    private final Label note = new Label();
    private final Label quality = new Label();
    private final Label cost = new Label();
    private final Rectangle frame = new Rectangle();
    private final StackPane picture;
    private final int side;
    private int zoom;
    private double[] pixels;

    public ImageTile(String id, int side, int zoom) {
        this.side = side;
        this.zoom = zoom;
        setId(id);
        getStyleClass().add("image-tile");
        setSpacing(2);
        setAlignment(Pos.TOP_LEFT);
        title.getStyleClass().add("image-tile-title");
        quality.getStyleClass().add("image-tile-caption");
        cost.getStyleClass().add("image-tile-caption");
        cost.getStyleClass().add("hint");
        title.setId(id + "-title");
        quality.setId(id + "-quality");
        cost.setId(id + "-cost");
        note.setId(id + "-note");
        note.setWrapText(true);
        note.getStyleClass().add("image-tile-note");
        for (Label l : new Label[] {title, quality, cost}) {
            l.setWrapText(true);
        }
        view.setSmooth(false);
        frame.setFill(Color.gray(0.35));
        picture = new StackPane(frame, view, note);
        getChildren().addAll(title, picture, quality, cost);
        setZoom(zoom);
    }

    /** Draws each pixel as a zoom x zoom square (the view fits the tiles to the window's width). */
    public void setZoom(int z) {
        zoom = z;
        int px = side * z;
        frame.setWidth(px);
        frame.setHeight(px);
        picture.setMinSize(px, px);
        picture.setMaxSize(px, px);
        note.setMaxWidth(px - 8);
        for (Label l : new Label[] {title, quality, cost}) {
            l.setMaxWidth(px + 8);
        }
        setMinWidth(px);
        setPrefWidth(px + 8);
        setMaxWidth(px + 8);
        if (pixels != null) {
            view.setImage(Pixels.render(pixels, side, zoom));
        }
    }

    public int zoom() {
        return zoom;
    }

    /** The title, with a square of the scheme's colour before it (null: none). */
    public void setTitle(String text, Color swatch) {
        title.setText(text);
        title.setGraphic(swatch == null ? null : new Rectangle(10, 10, swatch));
    }

    /** Shows the picture (side × side values in [−1, 1], NaN for unseen pixels) and clears the note. */
    public void show(double[] image) {
        pixels = image.clone();
        view.setImage(Pixels.render(image, side, zoom));
        note.setText("");
        note.setVisible(false);
    }

    /** Removes the picture and shows a note in its place. */
    public void clear(String message) {
        pixels = null;
        view.setImage(null);
        note.setText(message);
        note.setVisible(message != null && !message.isEmpty());
    }

    /** Fades the picture (a result of earlier settings while a new run computes). */
    public void setStale(boolean stale) {
        view.setOpacity(stale ? 0.35 : 1.0);
    }

    public void setCaptions(String qualityLine, String costLine) {
        quality.setText(qualityLine == null ? "" : qualityLine);
        cost.setText(costLine == null ? "" : costLine);
    }

    /** The values drawn, or null while the tile shows a note. */
    public double[] pixels() {
        return pixels == null ? null : pixels.clone();
    }

    public Label title() {
        return title;
    }

    public Label quality() {
        return quality;
    }

    public Label cost() {
        return cost;
    }

    public Label note() {
        return note;
    }

    public ImageView view() {
        return view;
    }
}
