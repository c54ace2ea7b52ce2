package cn.basinguard.app.ui;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.pack.PackArea;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.locationtech.jts.geom.Envelope;

/**
 * 文件 → 制作离线数据包: which area (a unit of the open data, the part of the map in view, or everything) and where the
 * pack goes. The pack itself is made by {@link PackTask}.
 */
final class PackDialog {
    /** The area and the file the user chose. */
    record Request(PackArea area, Path out) {
    }

    /** One choice of area, as the list shows it. */
    private record Choice(String text, PackArea area) {
        @Override
        public String toString() {
            return text;
        }
    }

    private PackDialog() {
    }

    /**
     * @param units the units of the open data, by name
     * @param view the map's view in {@code mapCrs}, or null
     * @param suggested the file name offered
     */
    static Optional<Request> ask(Window owner, List<String> units, Envelope view, Crs mapCrs, Path suggested) {
        Dialog<Request> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(UiText.get("pack.title"));
        d.setHeaderText(UiText.get("pack.header"));
        List<Choice> choices = new ArrayList<>();
        for (String u : units) {
            choices.add(new Choice(UiText.get("pack.area.unit", u), new PackArea.Unit(u)));
        }
        if (view != null && mapCrs != null) {
            choices.add(new Choice(UiText.get("pack.area.view", String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", view.getMinX(), view.getMinY(),
                    view.getMaxX(), view.getMaxY()), "EPSG:" + mapCrs.epsg()), new PackArea.Extent(view, mapCrs)));
        }
        choices.add(new Choice(UiText.get("pack.area.whole"), new PackArea.Whole()));
        ComboBox<Choice> area = new ComboBox<>();
        area.setId("pack-area");
        area.getItems().setAll(choices);
        area.getSelectionModel().select(0);
        area.setMaxWidth(Double.MAX_VALUE);
        TextField out = new TextField(suggested == null ? "" : suggested.toString());
        out.setId("pack-out");
        out.setPrefColumnCount(36);
        Button browse = new Button(UiText.get("pack.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(UiText.get("pack.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GeoPackage (*.gpkg)", "*.gpkg"));
            if (suggested != null && suggested.getParent() != null && suggested.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(suggested.getParent().toFile());
                chooser.setInitialFileName(suggested.getFileName().toString());
            }
            java.io.File f = chooser.showSaveDialog(owner);
            if (f != null) {
                out.setText(f.getPath().toLowerCase(Locale.ROOT).endsWith(".gpkg") ? f.getPath() : f.getPath() + ".gpkg");
            }
        });
        HBox file = new HBox(6, out, browse);
        HBox.setHgrow(out, Priority.ALWAYS);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(UiText.get("pack.area")), area);
        grid.addRow(1, new Label(UiText.get("pack.file")), file);
        Label note = new Label(UiText.get("pack.note"));
        note.setWrapText(true);
        note.setMaxWidth(520);
        grid.add(note, 0, 2, 2, 1);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(out.textProperty().isEmpty());
        d.setResultConverter(b -> b == ButtonType.OK ? new Request(area.getValue().area(), Path.of(out.getText().strip())) : null);
        return d.showAndWait();
    }
}
