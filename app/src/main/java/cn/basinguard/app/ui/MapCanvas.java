package cn.basinguard.app.ui;

import cn.basinguard.core.map.AreaFrames;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.NorthArrow;
import cn.basinguard.core.map.RasterFrame;
import cn.basinguard.core.map.ScaleBar;
import cn.basinguard.core.map.Viewport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.IntBuffer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The map on screen. The view state is snapshotted on the JavaFX thread, a frame is painted with Java2D on a
 * painting thread (the same renderer as print and PDF) and shown through a PixelBuffer over the frame's own int[],
 * without copying. While a newer frame is painted the last one is shifted and scaled to where it belongs, so panning
 * and zooming answer at once; a newer request cancels an older frame. While the map is dragged only the last frame
 * moves: the next frame is asked for when the drag ends or stops for a moment (as QGIS pans its cached map image), not
 * at every mouse event, which would paint (and have JavaFX take in) a whole new frame per pulse for a view already gone.
 */
final class MapCanvas extends Region {
    private static final Color BACKGROUND = new Color(250, 250, 247);

    private final ImageView view = new ImageView();
    private final Rectangle box = new Rectangle();
    private final ObjectProperty<MapContent> content = new SimpleObjectProperty<>();
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Geometry>> highlight = new SimpleObjectProperty<>(List.of());
    /** Paints at the lowest priority, as all background work (see {@link Background}): a frame must not starve the thread that shows it. */
    private final ExecutorService painter = Executors.newSingleThreadExecutor(r -> Background.thread(r, "map-painter"));
    private final AtomicLong generation = new AtomicLong();
    private Viewport shown;
    private volatile AreaFrames areaFrames;
    private long shownGeneration;
    /** The view of the last frame asked for: a drag's end asks again only when the view moved since. */
    private Viewport requested;
    private long framesRequested;
    /** True while the mouse drags the map: views change without frames being asked for. */
    private boolean panning;
    /** How long a drag stands still before the frame of where it stands is asked for. */
    private final javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(180));
    private Point2D pressed;
    private Point2D last;
    private boolean dragged;
    private Consumer<Point2D> onCursor = p -> { };
    private Consumer<Point2D> onClick = p -> { };
    private Runnable onFrameShown = () -> { };
    private final ObjectProperty<MapTool> tool = new SimpleObjectProperty<>(MapTool.BROWSE);
    private final SketchOverlay sketch = new SketchOverlay();
    private Consumer<SketchOverlay> onSketch = s -> { };

    MapCanvas() {
        setId("map");
        setFocusTraversable(true);
        setMinSize(100, 100);
        view.setManaged(false);
        box.setManaged(false);
        box.setVisible(false);
        box.setFill(Paint.valueOf("#ff880033"));
        box.setStroke(Paint.valueOf("#ff6600"));
        getChildren().addAll(view, sketch, box);
        setStyle("-fx-background-color: rgb(250,250,247);");
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        widthProperty().addListener((o, a, b) -> resized());
        heightProperty().addListener((o, a, b) -> resized());
        content.addListener((o, a, b) -> requestFrame());
        viewport.addListener((o, a, b) -> {
            placeShownFrame();
            if (panning) {
                settle.playFromStart();
            } else {
                requestFrame();
            }
            sketch.redraw(b);
        });
        settle.setOnFinished(e -> {
            if (viewport.get() != null && !viewport.get().equals(requested)) {
                requestFrame();
            }
        });
        tool.addListener((o, a, t) -> {
            sketch.start(t.closesRing());
            sketch.redraw(viewport.get());
            setCursor(t == MapTool.BROWSE ? javafx.scene.Cursor.DEFAULT : javafx.scene.Cursor.CROSSHAIR);
            onSketch.accept(sketch);
        });
        highlight.addListener((o, a, b) -> requestFrame());
        wireMouse();
        wireKeys();
    }

    /**
     * Where frames at township zoom read their layers by area (a connected database), or null when the map draws what
     * it holds; set with the content it belongs to.
     */
    void setAreaFrames(AreaFrames areas) {
        this.areaFrames = areas;
    }

    ObjectProperty<MapContent> contentProperty() {
        return content;
    }

    ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    ObjectProperty<List<Geometry>> highlightProperty() {
        return highlight;
    }

    void setOnCursor(Consumer<Point2D> c) {
        onCursor = c;
    }

    /** Receives the map coordinates of a click that was not a drag (identify). */
    /** Runs on the JavaFX thread after each frame is shown (imagery met faults while painting it, perhaps). */
    void setOnFrameShown(Runnable r) {
        onFrameShown = r;
    }

    void setOnMapClick(Consumer<Point2D> c) {
        onClick = c;
    }

    /** True when the frame on screen was painted for the current content, view and highlight. */
    boolean upToDate() {
        return shownGeneration == generation.get() && viewport.get() != null && viewport.get().equals(shown);
    }

    /** The view the frame on screen was painted for (tests). */
    Viewport shownViewport() {
        return shown;
    }

    /** How many frames were asked for so far (tests). */
    long framesRequested() {
        return framesRequested;
    }

    /** How long a drag stands still before its frame is asked for (tests). */
    void setSettleDelay(javafx.util.Duration d) {
        settle.setDuration(d);
    }

    ObjectProperty<MapTool> toolProperty() {
        return tool;
    }

    /** Told of every change of the sketch (a point added or removed, the cursor moved, finished, cleared). */
    void setOnSketch(Consumer<SketchOverlay> c) {
        onSketch = c;
    }

    SketchOverlay sketch() {
        return sketch;
    }

    private void sketchChanged() {
        sketch.redraw(viewport.get());
        onSketch.accept(sketch);
    }

    void fullExtent() {
        MapContent c = content.get();
        if (c != null && !c.fullExtent().isNull() && getWidth() > 0) {
            viewport.set(Viewport.fit(c.fullExtent(), (int) getWidth(), (int) getHeight(), 20));
        }
    }

    void zoomTo(Envelope e) {
        if (e == null || e.isNull() || getWidth() <= 0) {
            return;
        }
        Envelope padded = new Envelope(e);
        padded.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.15 + 50);
        viewport.set(Viewport.fit(padded, (int) getWidth(), (int) getHeight(), 20));
    }

    private void resized() {
        int w = (int) Math.max(1, getWidth());
        int h = (int) Math.max(1, getHeight());
        Viewport vp = viewport.get();
        if (vp == null) {
            fullExtent();
        } else {
            viewport.set(vp.withSize(w, h));
        }
    }

    /** Snapshot on the JavaFX thread, paint on the painter thread, show back on the JavaFX thread. */
    private void requestFrame() {
        MapContent c = content.get();
        Viewport vp = viewport.get();
        if (c == null || vp == null) {
            return;
        }
        List<Geometry> hl = highlight.get();
        long gen = generation.incrementAndGet();
        requested = vp;
        framesRequested++;
        painter.submit(() -> {
            java.util.function.BooleanSupplier overtaken = () -> generation.get() != gen;
            if (overtaken.getAsBoolean()) {
                // a drag queues a request per mouse event; only the last one is painted, the others end here, before
                // a frame's worth of memory (6 MB) is taken and cleared for nothing
                return;
            }
            AreaFrames areas = areaFrames;
            MapContent drawn = areas == null ? c : areas.frame(c, vp.envelope(), overtaken);
            if (drawn == null) {
                return;
            }
            RasterFrame frame = RasterFrame.paint(drawn, vp, hl, BACKGROUND, overtaken);
            if (frame == null) {
                return;
            }
            Graphics2D g = frame.image().createGraphics();
            furniture(g, c, vp);
            g.dispose();
            Platform.runLater(() -> {
                if (generation.get() == gen) {
                    show(frame);
                    shownGeneration = gen;
                    onFrameShown.run();
                }
            });
        });
    }

    private static void furniture(Graphics2D g, MapContent c, Viewport vp) {
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        ScaleBar.fitting(vp.metresPerPixel(c.crs()), Math.min(220, vp.width() / 4.0)).paint(g, 20, vp.height() - 18, 6);
        NorthArrow.paint(g, vp.width() - 36, 30, 40);
    }

    private void show(RasterFrame frame) {
        Viewport vp = frame.viewport();
        PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(vp.width(), vp.height(), IntBuffer.wrap(frame.pixels()),
                PixelFormat.getIntArgbPreInstance());
        view.setImage(new WritableImage(buffer));
        shown = vp;
        placeShownFrame();
    }

    /** Puts the last frame where its map lies in the current view (shifted while panning, scaled while zooming). */
    private void placeShownFrame() {
        Viewport cur = viewport.get();
        if (shown == null || cur == null) {
            return;
        }
        java.awt.geom.Point2D.Double topLeft = shown.toWorld(0, 0);
        double scale = shown.unitsPerPixel() / cur.unitsPerPixel();
        double x = cur.pixelX(topLeft.x);
        double y = cur.pixelY(topLeft.y);
        if (scale == 1) {
            // a pan: on whole pixels the frame is copied as it is; at 119.9999 px (a pan's rounding) Prism's software
            // pipeline resamples every pixel of it, at each pulse (8 instead of 3.5 ms a pulse, measured)
            x = Math.rint(x);
            y = Math.rint(y);
        }
        double w = shown.width() * scale;
        double h = shown.height() * scale;
        if (x >= cur.width() || y >= cur.height() || x + w <= 0 || y + h <= 0) {
            // panned off the map: hidden and left where it was. Moved out there, it would leave JavaFX no dirty region
            // inside the map's clip, and then JavaFX repaints the whole window, at every pulse (in software 50-80 ms)
            view.setVisible(false);
            return;
        }
        view.setVisible(true);
        view.setLayoutX(x);
        view.setLayoutY(y);
        view.setFitWidth(w);
        view.setFitHeight(h);
    }

    private void wireMouse() {
        setOnMousePressed(e -> {
            requestFocus();
            endPan();
            pressed = new Point2D(e.getX(), e.getY());
            last = pressed;
            dragged = false;
        });
        setOnMouseDragged(e -> {
            if (pressed == null || viewport.get() == null) {
                return;
            }
            dragged |= pressed.distance(e.getX(), e.getY()) > 3;
            if (e.isShiftDown() || e.getButton() == MouseButton.SECONDARY) {
                box.setVisible(true);
                box.setX(Math.min(pressed.getX(), e.getX()));
                box.setY(Math.min(pressed.getY(), e.getY()));
                box.setWidth(Math.abs(e.getX() - pressed.getX()));
                box.setHeight(Math.abs(e.getY() - pressed.getY()));
            } else {
                panning = true;
                viewport.set(viewport.get().pan(e.getX() - last.getX(), e.getY() - last.getY()));
            }
            last = new Point2D(e.getX(), e.getY());
        });
        setOnMouseReleased(e -> {
            endPan();
            Viewport vp = viewport.get();
            if (box.isVisible() && vp != null) {
                box.setVisible(false);
                if (box.getWidth() > 5 && box.getHeight() > 5) {
                    var a = vp.toWorld(box.getX(), box.getY());
                    var b = vp.toWorld(box.getX() + box.getWidth(), box.getY() + box.getHeight());
                    viewport.set(Viewport.fit(new Envelope(a.x, b.x, a.y, b.y), vp.width(), vp.height(), 0));
                }
            } else if (!dragged && vp != null && tool.get() != MapTool.BROWSE) {
                sketchClick(vp, e);
            } else if (!dragged && vp != null && e.getButton() == MouseButton.PRIMARY) {
                var p = vp.toWorld(e.getX(), e.getY());
                onClick.accept(new Point2D(p.x, p.y));
            }
            pressed = null;
        });
        setOnScroll(e -> {
            Viewport vp = viewport.get();
            if (vp != null && e.getDeltaY() != 0) {
                viewport.set(vp.zoomAt(e.getX(), e.getY(), Math.pow(1.25, e.getDeltaY() / 40.0)));
            }
        });
        setOnMouseMoved(e -> {
            Viewport vp = viewport.get();
            if (vp != null) {
                var p = vp.toWorld(e.getX(), e.getY());
                onCursor.accept(new Point2D(p.x, p.y));
                if (tool.get() != MapTool.BROWSE && !sketch.points(false).isEmpty() && !sketch.finished()) {
                    sketch.hover(Snapper.snap(content.get(), vp, new org.locationtech.jts.geom.Coordinate(p.x, p.y)));
                    sketchChanged();
                }
            }
        });
    }

    /** Ends a drag of the map: the frame of where it ended, unless a pause already asked for that view. */
    private void endPan() {
        if (panning) {
            panning = false;
            settle.stop();
            if (viewport.get() != null && !viewport.get().equals(requested)) {
                requestFrame();
            }
        }
    }

    /** A click that was not a drag, with a sketching tool: a point; a double or right click ends the sketch. */
    private void sketchClick(Viewport vp, javafx.scene.input.MouseEvent e) {
        if (e.getButton() == MouseButton.SECONDARY || e.getClickCount() == 2) {
            sketch.finish();
        } else if (e.getButton() == MouseButton.PRIMARY) {
            var p = vp.toWorld(e.getX(), e.getY());
            sketch.add(Snapper.snap(content.get(), vp, new org.locationtech.jts.geom.Coordinate(p.x, p.y)));
        }
        sketchChanged();
    }

    /** Ends the sketch as if the user double-clicked (Enter). */
    void finishSketch() {
        sketch.finish();
        sketchChanged();
    }

    private void wireKeys() {
        setOnKeyPressed(e -> {
            Viewport vp = viewport.get();
            if (vp == null) {
                return;
            }
            KeyCode k = e.getCode();
            if (tool.get() != MapTool.BROWSE && (k == KeyCode.ESCAPE || k == KeyCode.BACK_SPACE || k == KeyCode.ENTER)) {
                if (k == KeyCode.ESCAPE) {
                    sketch.clear();
                } else if (k == KeyCode.BACK_SPACE) {
                    sketch.removeLast();
                } else {
                    sketch.finish();
                }
                sketchChanged();
                return;
            }
            if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                viewport.set(vp.zoomAt(vp.width() / 2.0, vp.height() / 2.0, 2));
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                viewport.set(vp.zoomAt(vp.width() / 2.0, vp.height() / 2.0, 0.5));
            } else if (k == KeyCode.HOME) {
                fullExtent();
            } else if (k == KeyCode.LEFT || k == KeyCode.RIGHT || k == KeyCode.UP || k == KeyCode.DOWN) {
                double step = Math.min(vp.width(), vp.height()) / 4.0;
                viewport.set(vp.pan(k == KeyCode.LEFT ? step : k == KeyCode.RIGHT ? -step : 0, k == KeyCode.UP ? step : k == KeyCode.DOWN ? -step : 0));
            }
        });
    }

    @Override
    protected void layoutChildren() {
        // children are placed by the view state, not by layout
    }

    void dispose() {
        settle.stop();
        painter.shutdownNow();
    }
}
