package cn.basinguard.app.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * What opening data found wrong that does not stop it from being used (a Shapefile without .prj or .shx, a .dbf with
 * fewer records than the .shp, a file of a folder that cannot be opened) — said once, in one dialog listing them all,
 * in the user's language. Reopening the same data (with seven parameters, a control list, in the other language) does
 * not say the same things again; the check's data-quality table keeps them.
 */
final class SourceWarnings {
    private final Set<String> said = new HashSet<>();

    /** Shows the warnings not shown before, if any; returns the dialog (for tests), or null when there was nothing new. */
    Alert showNew(Window owner, String dataName, List<String> warnings) {
        List<String> fresh = new ArrayList<>();
        for (String w : warnings) {
            if (said.add(w)) {
                fresh.add(w);
            }
        }
        if (fresh.isEmpty()) {
            return null;
        }
        Alert a = new Alert(Alert.AlertType.WARNING);
        a.initOwner(owner);
        a.setTitle(UiText.get("source.warnings.title"));
        a.setHeaderText(UiText.get("source.warnings.header", dataName, fresh.size()));
        StringBuilder sb = new StringBuilder();
        for (String w : fresh) {
            sb.append("• ").append(w).append('\n');
        }
        // a folder can have many: a scrolling, selectable list the user can copy into a report to the bureau
        TextArea text = new TextArea(sb.toString().strip());
        text.setId("source-warnings");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(12, fresh.size() * 2 + 1));
        text.setPrefColumnCount(60);
        a.getDialogPane().setContent(text);
        a.setResizable(true);
        a.show();
        return a;
    }
}
