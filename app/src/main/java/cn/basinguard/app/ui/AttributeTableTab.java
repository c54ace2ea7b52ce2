package cn.basinguard.app.ui;

import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.controlsfx.control.table.TableFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A layer's attribute table: every field as a column, sortable, with ControlsFX's column filters; the rows are read
 * off the JavaFX thread. Selecting rows hands their geometries to the map.
 */
final class AttributeTableTab extends Tab {
    private final TableView<Feature> table = new TableView<>();

    AttributeTableTab(Path file, LayerInfo layer, Consumer<Geometry> show) {
        super(UiText.get("attributes.title", layer.identifier() != null ? layer.identifier() : layer.name()));
        table.setId("attributes-" + layer.name());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<Feature, Object> fid = new TableColumn<>("FID");
        fid.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fid()));
        table.getColumns().add(fid);
        for (LayerInfo.FieldInfo f : layer.fields()) {
            TableColumn<Feature, Object> col = new TableColumn<>(f.name());
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().attributes().get(f.name())));
            table.getColumns().add(col);
        }
        table.setPlaceholder(new Label(UiText.get("status.loading", layer.name())));
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<Feature>) change -> {
            List<Geometry> gs = new ArrayList<>();
            for (Feature f : table.getSelectionModel().getSelectedItems()) {
                if (f != null && f.geometry() != null) {
                    gs.add(f.geometry());
                }
            }
            if (!gs.isEmpty()) {
                show.accept(gs.size() == 1 ? gs.get(0) : gs.get(0).getFactory().buildGeometry(gs));
            }
        });
        setContent(table);
        Task<List<Feature>> load = new Task<>() {
            @Override
            protected List<Feature> call() {
                try (GeoPackageSource src = GeoPackageSource.open(file)) {
                    return src.readAll(layer.name(), p -> { });
                }
            }
        };
        load.setOnSucceeded(e -> {
            table.getItems().setAll(load.getValue());
            TableFilter.forTableView(table).lazy(true).apply();
        });
        load.setOnFailed(e -> table.setPlaceholder(new Label(String.valueOf(load.getException().getMessage()))));
        Thread t = new Thread(load, "attributes");
        t.setDaemon(true);
        t.start();
    }

    TableView<Feature> table() {
        return table;
    }
}
