package cn.basinguard.app.ui;

import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.map.MapContent;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;

/** A row of the layer list: a check box that shows or hides the layer on the map, and its name and size. */
final class LayerCell extends ListCell<LayerInfo> {
    private final ObjectProperty<MapContent> map;
    private final CheckBox visible = new CheckBox();

    LayerCell(ObjectProperty<MapContent> map) {
        this.map = map;
        visible.setOnAction(e -> toggle());
    }

    @Override
    protected void updateItem(LayerInfo item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(WorkbenchApp.describe(item));
        int i = indexOf(item);
        if (i < 0) {
            setGraphic(null);
            return;
        }
        visible.setSelected(map.get().layers().get(i).visible());
        visible.setId("visible-" + item.name());
        setGraphic(visible);
    }

    private int indexOf(LayerInfo item) {
        MapContent c = map.get();
        if (c == null) {
            return -1;
        }
        for (int i = 0; i < c.layers().size(); i++) {
            if (c.layers().get(i).table().equals(item.name())) {
                return i;
            }
        }
        return -1;
    }

    private void toggle() {
        int i = indexOf(getItem());
        if (i >= 0) {
            MapContent c = map.get();
            map.set(c.with(i, c.layers().get(i).withVisible(visible.isSelected())));
        }
    }
}
