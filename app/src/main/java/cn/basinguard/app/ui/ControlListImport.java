package cn.basinguard.app.ui;

import cn.basinguard.core.GisException;
import cn.basinguard.core.check.ControlList;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.source.DataSources;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * 导入底线管控清单: the control list (annex 3) as a bureau keeps it, an Excel sheet or a CSV, read and held against the
 * open data's units off the JavaFX thread, as {@code basinguard check --targets LIST} reads it. What is wrong with it
 * (a header the program does not know, a target that is not a number, a unit not in the unit layer) is the list
 * reader's one line naming the row; once it reads, the window's checks take their targets from it.
 */
final class ControlListImport {
    /** A list that was read and whose units are the data's. */
    record Imported(Path file, int targets, String district) {
    }

    /** The file dialog; a test puts its own answer in its place, since a native dialog cannot be driven headless. */
    static java.util.function.Function<Window, Path> dialog = ControlListImport::nativeDialog;

    private ControlListImport() {
    }

    static Path choose(Window owner) {
        return dialog.apply(owner);
    }

    static Path nativeDialog(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(UiText.get("menu.file.controlList"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(UiText.get("controlList.filter"),
                "*.xlsx", "*.XLSX", "*.csv", "*.CSV"));
        File f = chooser.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    static Task<Imported> task(OpenedData data, Path file) {
        return new Task<>() {
            @Override
            protected Imported call() {
                ControlList list = ControlList.read(file);
                List<String> units = unitNames(data);
                if (!units.isEmpty()) {
                    list.checkUnits(units);
                }
                List<String> others = list.targets().otherUnits(units);
                return new Imported(file, list.targets().all().size(), others.isEmpty() ? null : others.get(0));
            }
        };
    }

    /** The units of the data as the checks name them; none when the data cannot be loaded (the checks will say why). */
    private static List<String> unitNames(OpenedData data) {
        try (DataSources.Opened opened = data.open()) {
            return DatasetLoader.fromSources(opened.sources(), Map.of()).input().unitNames();
        } catch (GisException e) {
            return List.of();
        }
    }
}
