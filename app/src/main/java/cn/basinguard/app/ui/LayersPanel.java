package cn.basinguard.app.ui;

import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.map.LandClassLegend;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.map.MapLayers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.locationtech.jts.geom.Envelope;

/**
 * The layers panel: the layer list, top layer first as on the map, and under it the legend of the visible layers.
 * Every change (visibility, order, style, opacity, labels) makes a new map content; the map repaints from it.
 */
final class LayersPanel extends SplitPane {
    /** What the panel asks of the window. */
    interface Actions {
        void zoomTo(Envelope e);

        void openAttributes(LayerInfo layer);

        void failed(String header, Throwable e);

        /** The text of {@code field} for every feature of {@code layer}, by feature key; called on a worker thread. */
        Map<Long, String> labelTexts(LayerInfo layer, String field);

        /** 坐标转换参数…: the seven parameters for a layer in Xi'an 80 or Beijing 54. */
        void datumShift(LayerInfo layer, LayerSource source);
    }

    private final ListView<LayerInfo> list = new ListView<>();
    private final VBox legend = new VBox(4);
    private final ObjectProperty<MapContent> map;
    private final Actions actions;
    private final Map<String, String> labelFields = new HashMap<>();
    private Map<String, LayerSource> sources = Map.of();
    private boolean sourceLines;
    private List<Object> legendShows = List.of();
    /** Counts the panel's refreshes: each row redraws itself in place when it changes (see {@link #refresh}). */
    private final javafx.beans.property.IntegerProperty shown = new javafx.beans.property.SimpleIntegerProperty();

    LayersPanel(ObjectProperty<MapContent> map, Actions actions) {
        this.map = map;
        this.actions = actions;
        list.setId("layers");
        list.setCellFactory(v -> new LayerCell(this));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null && !list.getSelectionModel().getSelectedItem().isRaster()) {
                actions.openAttributes(list.getSelectionModel().getSelectedItem());
            }
        });
        legend.setId("legend");
        legend.setStyle("-fx-padding: 6;");
        TitledPane layers = new TitledPane(UiText.get("panel.layers"), list);
        layers.setCollapsible(false);
        layers.setMaxHeight(Double.MAX_VALUE);
        TitledPane legendPane = new TitledPane(UiText.get("panel.legend"), new ScrollPane(legend));
        legendPane.setCollapsible(false);
        legendPane.setMaxHeight(Double.MAX_VALUE);
        getItems().addAll(layers, legendPane);
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(0.62);
        setPrefWidth(300);
        map.addListener((o, a, b) -> refresh());
    }

    /** Shows the layers of newly opened data, each with where it comes from (by layer name). */
    void setLayers(List<LayerInfo> layers, Map<String, LayerSource> sources) {
        this.sources = Map.copyOf(sources);
        // one file (a GeoPackage) is named in the title bar; the rows say their file when there are several
        sourceLines = sources.values().stream().map(LayerSource::location).distinct().count() > 1;
        labelFields.clear();
        MapContent c = map.get();
        for (LayerInfo l : layers) {
            MapLayer m = layerOf(c, l);
            if (m != null) {
                String f = MapLayers.defaultLabelField(l, m.role());
                if (f != null && m.style().labelled()) {
                    labelFields.put(l.name(), f);
                }
            }
        }
        list.getItems().setAll(layers);
        refresh();
    }

    /** Adds a layer that is on the map but not in the file (imported or drawn project sites), or replaces it. */
    void addLayer(LayerInfo layer, String labelField) {
        list.getItems().removeIf(l -> l.name().equals(layer.name()));
        list.getItems().add(layer);
        labelFields.put(layer.name(), labelField);
        refresh();
    }

    /** Where a layer comes from, or null (imported or drawn sites). */
    LayerSource sourceOf(LayerInfo item) {
        return item == null ? null : sources.get(item.name());
    }

    /** Whether each row says which file its layer comes from (data of several files, as a bureau's folder). */
    boolean showsSourceLines() {
        return sourceLines;
    }

    /** Changes whenever the rows are to show the map anew (a layer's visibility, style, order). */
    javafx.beans.value.ObservableValue<Number> shownProperty() {
        return shown;
    }

    ListView<LayerInfo> list() {
        return list;
    }

    Actions actions() {
        return actions;
    }

    MapLayer layerOf(LayerInfo item) {
        return layerOf(map.get(), item);
    }

    private static MapLayer layerOf(MapContent c, LayerInfo item) {
        int i = indexOf(c, item.name());
        return i < 0 ? null : c.layers().get(i);
    }

    /** The layer's place in the drawing order, or -1 (also while no map is open). */
    static int indexOf(MapContent c, String table) {
        return c == null ? -1 : c.indexOf(table);
    }

    void setVisible(LayerInfo item, boolean visible) {
        update(item, l -> l.withVisible(visible));
    }

    /** Moves the dragged layer to where {@code target} is; true when the order changed. */
    boolean moveOnto(String draggedTable, LayerInfo target) {
        MapContent c = map.get();
        int from = indexOf(c, draggedTable);
        int to = indexOf(c, target.name());
        if (from < 0 || to < 0 || from == to) {
            return false;
        }
        map.set(c.move(from, to));
        return true;
    }

    /** One step up (+1, drawn later, nearer the top) or down (−1) in the drawing order. */
    void step(LayerInfo item, int by) {
        MapContent c = map.get();
        int from = indexOf(c, item.name());
        int to = from + by;
        if (from >= 0 && to >= 0 && to < c.layers().size()) {
            map.set(c.move(from, to));
        }
    }

    /** Opens the style dialog; labels by a new field are read from the file off the JavaFX thread. */
    void editStyle(LayerInfo item) {
        MapLayer layer = layerOf(item);
        if (layer == null) {
            return;
        }
        List<String> fields = item.fields().stream().map(LayerInfo.FieldInfo::name).toList();
        new LayerStyleDialog(layer, fields, labelFields.get(item.name())).showAndWait().ifPresent(choice -> apply(item, choice));
    }

    void apply(LayerInfo item, StyleChoice choice) {
        String old = labelFields.get(item.name());
        if (choice.labelField() == null || choice.labelField().equals(old)) {
            if (choice.labelField() == null) {
                labelFields.remove(item.name());
            }
            update(item, l -> l.withStyle(choice.style()).withOpacity(choice.opacity()));
            return;
        }
        Task<Map<Long, String>> read = new Task<>() {
            @Override
            protected Map<Long, String> call() {
                return actions.labelTexts(item, choice.labelField());
            }
        };
        read.setOnSucceeded(e -> {
            labelFields.put(item.name(), choice.labelField());
            update(item, l -> l.withLabels(read.getValue()).withStyle(choice.style()).withOpacity(choice.opacity()));
        });
        read.setOnFailed(e -> actions.failed(UiText.get("style.labelsFailed"), read.getException()));
        Background.run(read, "labels");
    }

    private void update(LayerInfo item, java.util.function.UnaryOperator<MapLayer> change) {
        MapContent c = map.get();
        int i = indexOf(c, item.name());
        if (i >= 0) {
            map.set(c.with(i, change.apply(c.layers().get(i))));
        }
    }

    /** Keeps the list in drawing order (top first, tables without a map after) and the legend in step with the map. */
    private void refresh() {
        MapContent c = map.get();
        List<LayerInfo> sorted = new ArrayList<>(list.getItems());
        sorted.sort(Comparator.comparingInt(l -> -indexOf(c, l.name())));
        if (!SameItems.of(sorted, list.getItems())) {
            LayerInfo selected = list.getSelectionModel().getSelectedItem();
            list.getItems().setAll(sorted);
            list.getSelectionModel().select(selected);
        }
        // the rows redraw in place; ListView.refresh() would throw every row away and make new ones, each a CSS pass
        // and a layout on the JavaFX thread, at every change of the map
        shown.set(shown.get() + 1);
        List<MapLayer> visible = c == null ? List.of() : new ArrayList<>(c.visibleLayers());
        java.util.Collections.reverse(visible);
        // rebuilt only when what it shows changed: new nodes cost the JavaFX thread a CSS pass
        List<Object> shown = visible.stream().map(l -> (Object) List.of(l.name(), l.style(), l.opacity(), l.landClasses())).toList();
        if (shown.equals(legendShows)) {
            return;
        }
        legendShows = shown;
        // made whole, then shown in one change of the legend's children: one CSS pass and layout, not one per entry
        List<VBox> entries = new ArrayList<>();
        for (MapLayer l : visible) {
            Label name = new Label(l.name(), StyleSwatch.view(rowStyle(l), l.opacity()));
            name.setGraphicTextGap(6);
            name.setWrapText(true);
            name.setMaxWidth(240);
            // one entry per layer: its row, then (for a layer drawn by land class) its classes
            VBox entry = new VBox(2, name);
            landClasses(l, entry);
            entries.add(entry);
        }
        legend.getChildren().setAll(entries);
    }

    /** A layer drawn by land class has no one fill: its row shows the outline, its classes the fills. */
    private static cn.basinguard.core.map.LayerStyle rowStyle(MapLayer l) {
        return l.byLandClass() ? l.style().withFill(null) : l.style();
    }

    /**
     * Every swatch the list and the legend show for {@code c}'s layers (style and opacity), to be drawn ahead of the
     * JavaFX thread by {@link StyleSwatch#prepare} while the data is read.
     */
    static List<Map.Entry<cn.basinguard.core.map.LayerStyle, Double>> swatchesOf(MapContent c) {
        List<Map.Entry<cn.basinguard.core.map.LayerStyle, Double>> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        for (MapLayer l : c.layers()) {
            out.add(Map.entry(l.style(), l.opacity()));
            out.add(Map.entry(rowStyle(l), l.opacity()));
            for (LandClassLegend.Group g : LandClassLegend.of(l, null)) {
                for (LandClassLegend.Line line : g.lines()) {
                    out.add(Map.entry(l.style().withFill(line.colour()), l.opacity()));
                }
            }
        }
        return out;
    }

    /**
     * Under a layer drawn by land class, the classes it holds by first-level class, each in its map colour, as the
     * printed legend lists them (the same {@link LandClassLegend}). Each line is one label with its swatch as its
     * graphic, indented by its padding: no inline style, which JavaFX would parse anew for every line.
     */
    private static void landClasses(MapLayer l, VBox entry) {
        for (LandClassLegend.Group g : LandClassLegend.of(l, null)) {
            Label heading = new Label(g.title());
            heading.getStyleClass().add("legend-heading");
            entry.getChildren().add(heading);
            for (LandClassLegend.Line line : g.lines()) {
                Label text = new Label(line.text(), StyleSwatch.view(l.style().withFill(line.colour()), l.opacity()));
                text.setId("legend-class-" + (line.code().isEmpty() ? "unknown" : line.code()));
                text.setGraphicTextGap(6);
                text.setPadding(LINE_INDENT);
                entry.getChildren().add(text);
            }
        }
    }

    private static final javafx.geometry.Insets LINE_INDENT = new javafx.geometry.Insets(0, 0, 0, 18);
}
