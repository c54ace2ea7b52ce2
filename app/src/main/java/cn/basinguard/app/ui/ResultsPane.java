package cn.basinguard.app.ui;

import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.IndicatorResult;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.locationtech.jts.geom.Geometry;

/**
 * The results of a check run as four tables — bottom lines per unit, project sites, red-line conflicts, data
 * quality — all made from the same report the command line prints. Selecting a row hands its geometry (the
 * overlap itself where there is one) to whoever shows it on the map.
 */
final class ResultsPane extends TabPane {
    private final TableView<ResultRows.IndicatorRow> indicators = new TableView<>();
    private final TableView<ResultRows.SiteRow> sites = new TableView<>();
    private final TableView<ResultRows.ConflictRow> conflicts = new TableView<>();
    private final TableView<ResultRows.QualityRow> quality = new TableView<>();

    /**
     * @param show receives the geometry of a chosen row
     * @param export receives the unit or site name whose sheets the user asked to export from a row's menu
     */
    ResultsPane(Consumer<Geometry> show, Consumer<String> export) {
        indicators.setId("result-indicators");
        sites.setId("result-sites");
        conflicts.setId("result-conflicts");
        quality.setId("result-quality");
        column(indicators, "col.unit", ResultRows.IndicatorRow::unit, 110);
        column(indicators, "col.indicator", ResultRows.IndicatorRow::indicator, 260);
        column(indicators, "col.target", ResultRows.IndicatorRow::target, 110);
        column(indicators, "col.measured", ResultRows.IndicatorRow::measured, 110);
        column(indicators, "col.difference", ResultRows.IndicatorRow::difference, 80);
        TableColumn<ResultRows.IndicatorRow, String> status = column(indicators, "col.status", r -> UiText.get("status." + r.status().name()), 70);
        status.setCellFactory(c -> new StatusCell<>(r -> r.status() == IndicatorResult.Status.FAIL, r -> r.status() == IndicatorResult.Status.PASS));
        column(indicators, "col.clause", ResultRows.IndicatorRow::clause, 260);

        column(sites, "col.site", ResultRows.SiteRow::site, 260);
        column(sites, "col.units", ResultRows.SiteRow::units, 140);
        column(sites, "col.basicFarmland", ResultRows.SiteRow::basicFarmland, 170);
        column(sites, "col.ecoRedline", ResultRows.SiteRow::ecoRedline, 170);
        column(sites, "col.cultivated", ResultRows.SiteRow::cultivated, 170);
        TableColumn<ResultRows.SiteRow, String> verdict = column(sites, "col.verdict", ResultRows.SiteRow::verdict, 100);
        verdict.setCellFactory(c -> new StatusCell<>(ResultRows.SiteRow::fails, r -> !r.fails()));

        column(conflicts, "col.basicFarmlandId", ResultRows.ConflictRow::basicFarmland, 200);
        column(conflicts, "col.ecoRedlineId", ResultRows.ConflictRow::ecoRedline, 200);
        column(conflicts, "col.units", ResultRows.ConflictRow::units, 140);
        column(conflicts, "col.m2", ResultRows.ConflictRow::m2, 120);
        column(conflicts, "col.mu", ResultRows.ConflictRow::mu, 100);

        column(quality, "col.kind", ResultRows.QualityRow::kind, 150);
        column(quality, "col.layer", ResultRows.QualityRow::layer, 240);
        column(quality, "col.feature", ResultRows.QualityRow::feature, 180);
        column(quality, "col.detail", ResultRows.QualityRow::detail, 320);
        column(quality, "col.handling", ResultRows.QualityRow::handling, 200);

        indicators.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> { if (r != null) show.accept(r.geometry()); });
        sites.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                show.accept(r.overlap() != null ? r.overlap() : r.geometry());
            }
        });
        conflicts.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> { if (r != null) show.accept(r.geometry()); });
        sites.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<ResultRows.SiteRow>() {
                @Override
                protected void updateItem(ResultRows.SiteRow item, boolean empty) {
                    super.updateItem(item, empty);
                    setTooltip(empty || item == null ? null : new Tooltip(item.reasons()));
                }
            };
            return row;
        });
        indicators.setContextMenu(exportMenu(() -> {
            var r = indicators.getSelectionModel().getSelectedItem();
            return r == null ? null : r.unit();
        }, export));
        sites.setContextMenu(exportMenu(() -> {
            var r = sites.getSelectionModel().getSelectedItem();
            return r == null ? null : r.site();
        }, export));
        getTabs().addAll(tab("tab.units", indicators), tab("tab.sites", sites), tab("tab.conflicts", conflicts), tab("tab.quality", quality));
        setTabClosingPolicy(TabClosingPolicy.SELECTED_TAB);
        getTabs().forEach(t -> t.setClosable(false));
    }

    private static javafx.scene.control.ContextMenu exportMenu(java.util.function.Supplier<String> subject, Consumer<String> export) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(UiText.get("export.this"));
        item.setOnAction(e -> {
            String s = subject.get();
            if (s != null) {
                export.accept(s);
            }
        });
        return new javafx.scene.control.ContextMenu(item);
    }

    void show(CheckReport report, ResultRows.Tables rows) {
        for (TableView<?> t : List.of(indicators, sites, conflicts, quality)) {
            ((javafx.scene.control.Label) t.getPlaceholder()).setText(UiText.get("results.empty"));
        }
        indicators.getItems().setAll(rows.indicators());
        sites.getItems().setAll(rows.sites());
        conflicts.getItems().setAll(rows.conflicts());
        quality.getItems().setAll(rows.quality());
        getTabs().get(2).setText(UiText.get("tab.conflicts") + "（" + report.conflicts().size() + "）");
        getTabs().get(3).setText(UiText.get("tab.quality") + "（" + report.dataQuality().size() + "）");
    }

    private static Tab tab(String key, TableView<?> table) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new javafx.scene.control.Label(UiText.get("results.notRun")));
        table.setFixedCellSize(24);
        return new Tab(UiText.get(key), table);
    }

    private static <R> TableColumn<R, String> column(TableView<R> table, String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(UiText.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        table.getColumns().add(c);
        return c;
    }

    /** Status text coloured the way the sheets colour it: red for a failure, green for a pass. */
    private static final class StatusCell<R> extends TableCell<R, String> {
        private final java.util.function.Predicate<R> fails;
        private final java.util.function.Predicate<R> passes;

        StatusCell(java.util.function.Predicate<R> fails, java.util.function.Predicate<R> passes) {
            this.fails = fails;
            this.passes = passes;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(List.of("status-fail", "status-pass"));
            if (empty || item == null || getTableRow() == null || getTableRow().getItem() == null) {
                setText(null);
                return;
            }
            setText(item);
            R row = getTableRow().getItem();
            getStyleClass().add(fails.test(row) ? "status-fail" : passes.test(row) ? "status-pass" : "status-other");
        }
    }
}
