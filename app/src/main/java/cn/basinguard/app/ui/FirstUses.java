package cn.basinguard.app.ui;

import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.Viewport;
import java.util.List;

/**
 * The Java runtime's one-time costs that the JavaFX thread would otherwise pay the first time a file is shown, paid on a
 * background thread as the window starts: the first formatted number of the language (MessageFormat loads the locale's
 * number data), the first equals of each record the window's properties hold (a record's equals is linked at its first
 * call: a JavaFX property compares its old and new value on every change), and the loading of the control classes the
 * layer list, the legend and the tables are made of, and the linking of their handlers (a row and a cell made once). On the loaded test machine these were 60–200 ms of blocks of the
 * JavaFX thread while the county file opened.
 */
final class FirstUses {
    private FirstUses() {
    }

    static void warmUpInBackground() {
        Background.thread(FirstUses::warmUp, "first-uses").start();
    }

    private static void warmUp() {
        try {
            UiText.get("layer.item", "", 1L);
            Viewport v = new Viewport(0, 0, 1, 1, 1);
            v.equals(new Viewport(0, 0, 1, 1, 2));
            v.hashCode();
            LayerInfo l = new LayerInfo("", LayerInfo.Kind.FEATURES, "features", null, null, null, null, 0, 0, 0, null, null, false,
                    null, List.of(), null);
            l.equals(new LayerInfo("", LayerInfo.Kind.ATTRIBUTES, "attributes", null, null, null, null, 0, 0, 0, null, null, false,
                    null, List.of(), null));
            l.hashCode();
            new MapContent(null, List.of()).equals(new MapContent(null, List.of()));
            // the swatches' cache compares styles on the JavaFX thread (their images are drawn ahead, see StyleSwatch)
            cn.basinguard.core.map.LayerStyle style = cn.basinguard.core.map.DefaultStyles.forRole(null);
            style.equals(cn.basinguard.core.map.DefaultStyles.forRole(cn.basinguard.core.check.LayerRole.CULTIVATED));
            style.hashCode();
            // a layer row and a table cell, in no scene: their constructors' handlers (lambdas) are linked at first use
            new LayerCell(new LayersPanel(new javafx.beans.property.SimpleObjectProperty<>(), null));
            new FullTextCell<Object, String>(t -> t, true).withNote(r -> null);
            // controls may be made off the JavaFX thread while in no scene: these load and initialise their classes
            new javafx.scene.control.CheckBox();
            new javafx.scene.control.Label("", new javafx.scene.image.ImageView());
            new javafx.scene.canvas.Canvas(1, 1);
            new javafx.scene.control.TableView<Object>().getColumns().add(new javafx.scene.control.TableColumn<>());
            new javafx.scene.control.TableCell<Object, Object>();
            new javafx.scene.control.TableRow<Object>();
            new javafx.scene.control.ListCell<Object>();
        } catch (RuntimeException | LinkageError e) {
            // a warm-up only: whatever failed here is paid later where it is used, and reported there if it fails again
        }
    }
}
