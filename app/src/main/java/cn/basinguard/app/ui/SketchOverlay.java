package cn.basinguard.app.ui;

import cn.basinguard.core.map.Viewport;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import org.locationtech.jts.geom.Coordinate;

/**
 * The points the user is clicking on the map (measuring, drawing a site), kept in map coordinates and drawn as
 * JavaFX shapes over the map so they follow every pan and zoom at once, without a repaint of the map.
 */
final class SketchOverlay extends Group {
    private final List<Coordinate> points = new ArrayList<>();
    private Coordinate floating;
    private boolean closed;
    private boolean finished;
    private final Polyline line = new Polyline();
    private final Polygon area = new Polygon();
    private final Group corners = new Group();

    SketchOverlay() {
        setManaged(false);
        setMouseTransparent(true);
        line.setStroke(Color.rgb(255, 80, 0));
        line.setStrokeWidth(2);
        line.getStrokeDashArray().setAll(8.0, 4.0);
        area.setFill(Color.rgb(255, 140, 0, 0.18));
        area.setStroke(null);
        getChildren().addAll(area, line, corners);
    }

    void start(boolean closed) {
        this.closed = closed;
        points.clear();
        floating = null;
        finished = false;
    }

    void add(Coordinate c) {
        if (finished) {
            points.clear();
            finished = false;
        }
        points.add(c);
    }

    void removeLast() {
        if (!points.isEmpty() && !finished) {
            points.remove(points.size() - 1);
        }
    }

    void hover(Coordinate c) {
        floating = finished ? null : c;
    }

    void finish() {
        finished = true;
        floating = null;
    }

    boolean finished() {
        return finished;
    }

    /** The clicked points, and the point under the cursor while the sketch is open. */
    List<Coordinate> points(boolean withFloating) {
        List<Coordinate> out = new ArrayList<>(points);
        if (withFloating && floating != null) {
            out.add(floating);
        }
        return out;
    }

    void clear() {
        points.clear();
        floating = null;
        finished = false;
    }

    void redraw(Viewport vp) {
        if (points.isEmpty() && floating == null && line.getPoints().isEmpty() && area.getPoints().isEmpty() && corners.getChildren().isEmpty()) {
            return; // no sketch: nothing to move at each step of a pan
        }
        line.getPoints().clear();
        area.getPoints().clear();
        corners.getChildren().clear();
        if (vp == null) {
            return;
        }
        List<Coordinate> all = points(true);
        for (Coordinate c : all) {
            line.getPoints().addAll(vp.pixelX(c.x), vp.pixelY(c.y));
        }
        if (closed && all.size() > 2) {
            area.getPoints().setAll(line.getPoints());
            line.getPoints().addAll(vp.pixelX(all.get(0).x), vp.pixelY(all.get(0).y));
        }
        for (Coordinate c : points) {
            Circle dot = new Circle(vp.pixelX(c.x), vp.pixelY(c.y), 3.5, Color.WHITE);
            dot.setStroke(Color.rgb(255, 80, 0));
            corners.getChildren().add(dot);
        }
    }
}
