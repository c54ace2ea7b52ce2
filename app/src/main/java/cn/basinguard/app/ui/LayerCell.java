package cn.basinguard.app.ui;

import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.map.MapLayer;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A row of the layer list: visibility check box, style swatch, name and size, and under them, when the data is several
 * files (a bureau's folder), the file the layer comes from and its text encoding (the full story in the tooltip). Rows
 * are dragged to change the drawing order; the context menu zooms to the layer, opens its table, edits its style,
 * moves it up or down and, for a layer in Xi'an 80 or Beijing 54, takes the seven parameters that move it to CGCS2000.
 */
final class LayerCell extends ListCell<LayerInfo> {
    private final LayersPanel panel;
    private final CheckBox visible = new CheckBox();
    private final javafx.scene.image.ImageView swatch = new javafx.scene.image.ImageView();
    private final Label title = new Label();
    private final Label source = new Label();
    // one graphic per cell, updated in place: new nodes or a new id on every update make JavaFX redo the cell's CSS
    private final HBox graphic = new HBox(4, visible, swatch, new VBox(1, title, source));
    private final HoverTip details = new HoverTip(this, this::details, t -> {
        t.setWrapText(true);
        t.setMaxWidth(560);
    });
    /** Redraws the row in place when the map changes (visibility, style, order): see {@link LayersPanel#shownProperty}. */
    private final javafx.beans.value.ChangeListener<Number> redraw = (o, a, b) -> {
        if (!isEmpty() && getItem() != null) {
            show(getItem());
        }
    };
    /** The layer whose title the row shows: the title (a formatted count) is made once per layer, not at every redraw. */
    private LayerInfo titled;
    /** The style and opacity the swatch shows: set only when they change. */
    private java.util.List<Object> swatchShows;
    private MenuItem datumShift;
    private ContextMenu mapMenu;
    private ContextMenu tableMenu;

    LayerCell(LayersPanel panel) {
        this.panel = panel;
        visible.setOnAction(e -> panel.setVisible(getItem(), visible.isSelected()));
        source.getStyleClass().add("layer-source");
        // one line, so that the list still shows a bureau's layers at a glance; the tooltip has the full story
        source.maxWidthProperty().bind(panel.list().widthProperty().subtract(76));
        panel.shownProperty().addListener(new javafx.beans.value.WeakChangeListener<>(redraw));
        // the menu is made at the first right click on the cell, then kept: a menu set anew on every update makes
        // JavaFX re-scan the scene's accelerators, and two menus made for every cell the list creates were a tenth of
        // the JavaFX thread's block while a file opened. The filter runs before the cell shows its context menu.
        addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            LayerInfo item = getItem();
            setContextMenu(isEmpty() || item == null ? null : menuFor(item));
        });
        setOnDragDetected(e -> {
            if (getItem() != null && panel.layerOf(getItem()) != null) {
                var board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.putString(getItem().name());
                board.setContent(c);
                e.consume();
            }
        });
        setOnDragOver(e -> {
            if (e.getGestureSource() instanceof LayerCell && getItem() != null && e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean done = getItem() != null && e.getDragboard().hasString() && panel.moveOnto(e.getDragboard().getString(), getItem());
            e.setDropCompleted(done);
            e.consume();
        });
    }

    @Override
    protected void updateItem(LayerInfo item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            setContextMenu(null);
            setTooltip(null);
            return;
        }
        setText(null);
        show(item);
    }

    /** Shows {@code item} in the row's nodes, changing only what differs (each change costs the JavaFX thread CSS or layout). */
    private void show(LayerInfo item) {
        if (item != titled) {
            title.setText(WorkbenchApp.describe(item));
            titled = item;
        }
        LayerSource from = panel.sourceOf(item);
        boolean line = from != null && panel.showsSourceLines();
        String sourceText = line ? from.line() : null;
        if (!java.util.Objects.equals(sourceText, source.getText())) {
            source.setText(sourceText);
        }
        source.setVisible(line);
        source.setManaged(line);
        details.update();
        MapLayer layer = panel.layerOf(item);
        if (getContextMenu() != null && getContextMenu() != (layer == null ? tableMenu : mapMenu)) {
            setContextMenu(null); // the other kind of row now: its menu is set at the next right click
        }
        visible.setVisible(layer != null);
        visible.setManaged(layer != null);
        swatch.setVisible(layer != null);
        swatch.setManaged(layer != null);
        if (getGraphic() != graphic) {
            setGraphic(graphic);
        }
        if (layer == null) {
            return;
        }
        visible.setSelected(layer.visible());
        String id = "visible-" + item.name();
        if (!id.equals(visible.getId())) {
            visible.setId(id);
        }
        java.util.List<Object> look = java.util.List.of(layer.style(), layer.opacity());
        if (!look.equals(swatchShows)) {
            StyleSwatch.show(swatch, layer.style(), layer.opacity());
            swatchShows = look;
        }
    }

    /** The row's tooltip: where the layer comes from, in full; null when it is not from a file (imported, drawn). */
    private String details() {
        LayerInfo item = getItem();
        LayerSource from = isEmpty() || item == null ? null : panel.sourceOf(item);
        return from == null ? null : from.details();
    }

    private MenuItem tableItem() {
        MenuItem table = new MenuItem(UiText.get("layer.attributes"));
        table.setOnAction(e -> panel.actions().openAttributes(getItem()));
        return table;
    }

    /** The menu of a layer on the map, or of a table without geometry; each made once per cell, when first needed. */
    private ContextMenu menuFor(LayerInfo item) {
        if (panel.layerOf(item) == null) {
            if (tableMenu == null) {
                tableMenu = new ContextMenu(tableItem());
            }
            return tableMenu;
        }
        if (mapMenu == null) {
            mapMenu = mapMenu();
        }
        LayerSource from = panel.sourceOf(item);
        datumShift.setVisible(from != null && from.needsDatumShift());
        return mapMenu;
    }

    private ContextMenu mapMenu() {
        datumShift = new MenuItem(UiText.get("layer.datumShift"));
        datumShift.setOnAction(e -> panel.actions().datumShift(getItem(), panel.sourceOf(getItem())));
        MenuItem zoom = new MenuItem(UiText.get("layer.zoom"));
        zoom.setOnAction(e -> panel.actions().zoomTo(panel.layerOf(getItem()).extent()));
        MenuItem style = new MenuItem(UiText.get("layer.style"));
        style.setOnAction(e -> panel.editStyle(getItem()));
        MenuItem up = new MenuItem(UiText.get("layer.up"));
        up.setOnAction(e -> panel.step(getItem(), 1));
        MenuItem down = new MenuItem(UiText.get("layer.down"));
        down.setOnAction(e -> panel.step(getItem(), -1));
        return new ContextMenu(zoom, tableItem(), style, up, down, datumShift);
    }
}
