package cn.basinguard.app.ui;

import cn.basinguard.app.Version;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.SiteResult;
import cn.basinguard.core.report.Fingerprint;
import cn.basinguard.core.report.SheetBuilder;
import cn.basinguard.core.report.SheetCell;
import cn.basinguard.core.report.SheetField;
import cn.basinguard.core.report.SheetTable;
import cn.basinguard.core.report.SiteReviewSheet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * A site's review tables in the window: what it occupies by land class (耕地 net of 田坎, the 田坎 line, the part the
 * land-use layer does not cover), the three big classes, owners, villages and the occupied patches — the very tables of
 * the site review sheet, made by the same {@link SheetBuilder} from the same records, so every figure is the sheet's
 * figure to the digit (m², 公顷 and 亩 each rounded once, as the sheet rounds them). The tables are made on a worker
 * thread; a newer choice of site overtakes an older one still being made.
 */
final class SiteTablesTab extends Tab {
    private final Label heading = new Label();
    private final TabPane tables = new TabPane();
    private final Label placeholder = new Label();
    private final BorderPane body = new BorderPane();
    private CheckReport report;
    private SheetBuilder builder;
    /** The newest request: a table made for an older one is dropped. */
    private long generation;

    SiteTablesTab() {
        super(UiText.get("tab.siteTables"));
        setId("site-tables");
        setClosable(false);
        heading.setId("site-tables-heading");
        heading.setStyle("-fx-font-weight: bold; -fx-padding: 4 6 4 6;");
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tables.setId("site-tables-tabs");
        placeholder.setId("site-tables-placeholder");
        body.setTop(heading);
        setContent(body);
        clear(UiText.get("results.notRun"));
    }

    /** The report whose sites are shown next; the tables shown so far are cleared. */
    void setReport(CheckReport r) {
        report = r;
        // the window shows the sheet's tables, not its head: the files' fingerprint is the exported sheet's to print, so
        // none is computed here (it would hash every input file for a line nobody sees)
        builder = r == null ? null : new SheetBuilder(r, LocalDate.now(), new Fingerprint(List.of(), Version.get(), ""));
        clear(UiText.get(r == null ? "results.notRun" : "siteTables.choose"));
    }

    void clear(String message) {
        generation++;
        heading.setText("");
        tables.getTabs().clear();
        placeholder.setText(message);
        body.setCenter(placeholder);
    }

    /** Shows the tables of {@code s}, a site of the report set last; made off the JavaFX thread. */
    void show(SiteResult s) {
        if (builder == null || s == null) {
            return;
        }
        long mine = ++generation;
        SheetBuilder b = builder;
        placeholder.setText(UiText.get("siteTables.making", s.name()));
        body.setCenter(placeholder);
        Task<SiteReviewSheet> task = new Task<>() {
            @Override
            protected SiteReviewSheet call() {
                return b.siteSheet(s);
            }
        };
        task.setOnSucceeded(e -> {
            if (mine == generation) {
                shown(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (mine == generation) {
                placeholder.setText(UiText.get("siteTables.failed", String.valueOf(task.getException().getMessage())));
            }
        });
        Background.run(task, "site tables");
    }

    /** Whether the tables of a site are on show (for tests: the worker has delivered). */
    boolean showing() {
        return body.getCenter() == tables;
    }

    private void shown(SiteReviewSheet sheet) {
        SheetField area = sheet.fields().stream().filter(f -> f.label().equals(cn.basinguard.core.i18n.Messages.get("sheet.field.siteArea")))
                .findFirst().orElse(null);
        heading.setText(area == null ? sheet.subject() : UiText.get("siteTables.heading", sheet.subject(), area.label(), area.value()));
        List<SheetTable> all = new ArrayList<>(sheet.occupation());
        if (sheet.patches() != null) {
            all.add(sheet.patches());
        }
        tables.getTabs().clear();
        if (all.isEmpty()) {
            placeholder.setText(UiText.get("siteTables.none"));
            body.setCenter(placeholder);
            return;
        }
        int n = 0;
        List<Tab> tabs = new ArrayList<>();
        for (SheetTable t : all) {
            TableView<List<SheetCell>> view = table(t, "site-table-" + n++);
            Tab tab = new Tab(t.caption(), view);
            HiddenTabs.shelve(tab, view);
            tabs.add(tab);
        }
        // added at once: the first is selected, the others wait at no size until chosen
        tables.getTabs().setAll(tabs);
        body.setCenter(tables);
    }

    /** A sheet table as a table view: the sheet's header and its cells' text; figure columns right-aligned. */
    static TableView<List<SheetCell>> table(SheetTable t, String id) {
        TableView<List<SheetCell>> view = new TableView<>();
        view.setId(id);
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        view.setFixedCellSize(24);
        for (int i = 0; i < t.header().size(); i++) {
            int col = i;
            boolean figure = t.rows().stream().anyMatch(r -> r.get(col).isNumber());
            TableColumn<List<SheetCell>, String> c = new TableColumn<>(t.header().get(i));
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(col).text()));
            c.setCellFactory(x -> new FullTextCell<List<SheetCell>, String>(s -> s, figure));
            c.setSortable(false); // the sheet's order: classes by code, holders largest first, totals last
            c.setPrefWidth(Math.max(80, t.weights().get(i) * 36));
            view.getColumns().add(c);
        }
        view.getItems().setAll(t.rows());
        return view;
    }
}
