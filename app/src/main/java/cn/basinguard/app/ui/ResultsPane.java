package cn.basinguard.app.ui;

import cn.basinguard.core.check.CheckReport;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
    private final SiteTablesTab siteTables = new SiteTablesTab();
    private final ObjectProperty<AreaUnit> areaUnit = new SimpleObjectProperty<>(AreaUnit.MU);
    private final List<TableColumn<?, ?>> areaColumns = new java.util.ArrayList<>();
    /** Why figures marked 近似 are approximate, for the tooltips of those rows; empty when none is. */
    private String approximateNote = "";

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
        // a bottom line's figures stay in its own measure (万亩, %, 座): it is held against its target as shown
        figureColumn(indicators, "col.target", ResultRows.IndicatorRow::target, 110);
        figureColumn(indicators, "col.measured", ResultRows.IndicatorRow::measured, 110);
        figureColumn(indicators, "col.difference", ResultRows.IndicatorRow::difference, 80);
        statusColumn(indicators, "col.status", ResultRows.IndicatorRow::status, s -> UiText.get("status." + s.name()), Severity::of, 70,
                r -> false).setId("col-status");
        column(indicators, "col.clause", ResultRows.IndicatorRow::clause, 260);

        column(sites, "col.site", ResultRows.SiteRow::site, 260);
        column(sites, "col.units", ResultRows.SiteRow::units, 140);
        areaColumn(sites, "col.siteArea", ResultRows.SiteRow::areaM2, 110);
        areaColumn(sites, "col.basicFarmland", ResultRows.SiteRow::basicFarmlandM2, 150);
        areaColumn(sites, "col.ecoRedline", ResultRows.SiteRow::ecoRedlineM2, 150);
        areaColumn(sites, "col.cultivated", ResultRows.SiteRow::cultivatedM2, 110);
        statusColumn(sites, "col.verdict", ResultRows.SiteRow::level, l -> cn.basinguard.core.i18n.Messages.get("verdict." + l.name()),
                Severity::of, 130, ResultRows.SiteRow::approximate).setId("col-verdict");

        column(conflicts, "col.basicFarmlandId", ResultRows.ConflictRow::basicFarmland, 200);
        column(conflicts, "col.ecoRedlineId", ResultRows.ConflictRow::ecoRedline, 200);
        column(conflicts, "col.units", ResultRows.ConflictRow::units, 140);
        areaColumn(conflicts, "col.area", ResultRows.ConflictRow::areaM2, 120);

        column(quality, "col.kind", ResultRows.QualityRow::kind, 150);
        column(quality, "col.layer", ResultRows.QualityRow::layer, 240);
        column(quality, "col.feature", ResultRows.QualityRow::feature, 180);
        column(quality, "col.detail", ResultRows.QualityRow::detail, 320);
        column(quality, "col.handling", ResultRows.QualityRow::handling, 200);
        areaUnit.addListener((o, a, u) -> {
            areaColumns.forEach(c -> c.setText(UiText.get(String.valueOf(c.getUserData()), u.label())));
            List.of(sites, conflicts).forEach(TableView::refresh);
        });

        indicators.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> { if (r != null) show.accept(r.geometry()); });
        sites.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                show.accept(r.overlap() != null ? r.overlap() : r.geometry());
                siteTables.show(r.result());
            }
        });
        // a double click on a site opens its land-class, owner and patch tables, as its review sheet has them
        sites.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && sites.getSelectionModel().getSelectedItem() != null) {
                openSiteTables();
            }
        });
        conflicts.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> { if (r != null) show.accept(r.geometry()); });
        indicators.setContextMenu(exportMenu(() -> {
            var r = indicators.getSelectionModel().getSelectedItem();
            return r == null ? null : r.unit();
        }, export));
        sites.setContextMenu(exportMenu(() -> {
            var r = sites.getSelectionModel().getSelectedItem();
            return r == null ? null : r.site();
        }, export));
        javafx.scene.control.MenuItem tablesItem = new javafx.scene.control.MenuItem(UiText.get("sites.openTables"));
        tablesItem.setOnAction(e -> openSiteTables());
        sites.getContextMenu().getItems().add(0, tablesItem);
        getTabs().addAll(tab("tab.units", indicators), tab("tab.sites", sites), tab("tab.conflicts", conflicts), tab("tab.quality", quality),
                siteTables);
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

    /** Brings the chosen site's tables to the front. */
    void openSiteTables() {
        getSelectionModel().select(siteTables);
    }

    SiteTablesTab siteTables() {
        return siteTables;
    }

    void show(CheckReport report, ResultRows.Tables rows) {
        siteTables.setReport(report);
        for (TableView<?> t : List.of(indicators, sites, conflicts, quality)) {
            ((javafx.scene.control.Label) t.getPlaceholder()).setText(UiText.get("results.empty"));
        }
        approximateNote = ResultRows.approximateNote(report);
        indicators.getItems().setAll(rows.indicators());
        sites.getItems().setAll(rows.sites());
        conflicts.getItems().setAll(rows.conflicts());
        quality.getItems().setAll(rows.quality());
        getTabs().get(2).setText(UiText.get("tab.conflicts") + "（" + report.conflicts().size()
                + (report.conflictsApproximate() && !report.conflicts().isEmpty() ? UiText.get("results.approximateTab") : "") + "）");
        getTabs().get(3).setText(UiText.get("tab.quality") + "（" + report.dataQuality().size() + "）");
    }

    /** Back to "not run": the data the results were computed from has changed (other data, parameters, control list). */
    void clear() {
        siteTables.setReport(null);
        for (TableView<?> t : List.of(indicators, sites, conflicts, quality)) {
            ((javafx.scene.control.Label) t.getPlaceholder()).setText(UiText.get("results.notRun"));
            t.getItems().clear();
        }
        approximateNote = "";
        getTabs().get(2).setText(UiText.get("tab.conflicts"));
        getTabs().get(3).setText(UiText.get("tab.quality"));
    }

    private static Tab tab(String key, TableView<?> table) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new javafx.scene.control.Label(UiText.get("results.notRun")));
        table.setFixedCellSize(24);
        Tab tab = new Tab(UiText.get(key), table);
        HiddenTabs.shelve(tab, table);
        return tab;
    }

    /** The unit of every area column of the results (亩 unless the user picks m² or 公顷 from a column's menu). */
    ObjectProperty<AreaUnit> areaUnitProperty() {
        return areaUnit;
    }

    /**
     * A site's verdict reasons are shown over each of its cells, a bottom line's why its figure is approximate when it
     * is; other tables have no note.
     */
    private <R> Function<R, String> noteOf(TableView<R> table) {
        if ("result-sites".equals(table.getId())) {
            return r -> ((ResultRows.SiteRow) r).reasons();
        }
        if ("result-indicators".equals(table.getId())) {
            return r -> ((ResultRows.IndicatorRow) r).approximate() ? approximateNote : null;
        }
        return r -> null;
    }

    private <R> TableColumn<R, String> column(TableView<R> table, String key, Function<R, String> value, double width) {
        return column(table, key, value, width, false);
    }

    private <R> TableColumn<R, String> figureColumn(TableView<R> table, String key, Function<R, String> value, double width) {
        return column(table, key, value, width, true);
    }

    private <R> TableColumn<R, String> column(TableView<R> table, String key, Function<R, String> value, double width,
                                              boolean figure) {
        TableColumn<R, String> c = new TableColumn<>(UiText.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setCellFactory(col -> new FullTextCell<R, String>(t -> t, figure).withNote(noteOf(table)));
        c.setPrefWidth(width);
        table.getColumns().add(c);
        return c;
    }

    /**
     * An area, kept in m² (so it sorts by size) and shown in the chosen unit, which the header names; the header's
     * context menu switches every area column between 亩, m² and 公顷.
     */
    private <R> TableColumn<R, Double> areaColumn(TableView<R> table, String key, ToDoubleFunction<R> m2, double width) {
        TableColumn<R, Double> c = new TableColumn<>(UiText.get(key, areaUnit.get().label()));
        c.setUserData(key);
        c.setId(table.getId() + "-" + key.substring(key.indexOf('.') + 1));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(m2.applyAsDouble(cell.getValue())));
        c.setCellFactory(col -> new FullTextCell<R, Double>(v -> v == 0 ? "0" : areaUnit.get().format(v), true).withNote(noteOf(table)));
        c.setPrefWidth(width);
        c.setContextMenu(unitMenu());
        table.getColumns().add(c);
        areaColumns.add(c);
        return c;
    }

    private javafx.scene.control.ContextMenu unitMenu() {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        for (AreaUnit u : AreaUnit.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(UiText.get("unit.show", u.label()));
            item.setToggleGroup(group);
            item.setSelected(u == areaUnit.get());
            item.setOnAction(e -> areaUnit.set(u));
            areaUnit.addListener((o, a, now) -> item.setSelected(now == u));
            menu.getItems().add(item);
        }
        return menu;
    }

    /**
     * A verdict or status: coloured as on the sheets (amber for 有条件符合) and sorted by severity, not by its text;
     * marked 近似, as the sheets mark it, on rows whose figures depend on a layer moved without its seven parameters.
     */
    private <R, E extends Enum<E>> TableColumn<R, E> statusColumn(TableView<R> table, String key, Function<R, E> value,
                                                                Function<E, String> text, java.util.function.ToIntFunction<E> severity,
                                                                double width, java.util.function.Predicate<R> approximate) {
        TableColumn<R, E> c = new TableColumn<>(UiText.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new StatusCell<R, E>(text, severity, approximate).withNote(noteOf(table)));
        c.setComparator(java.util.Comparator.comparingInt(severity));
        c.setPrefWidth(width);
        table.getColumns().add(c);
        return c;
    }

    /** Status text in its severity's colour: green passes, amber conditions, red failures. */
    static final class StatusCell<R, E> extends FullTextCell<R, E> {
        private final java.util.function.ToIntFunction<E> severity;
        private final java.util.function.Predicate<R> approximate;

        StatusCell(Function<E, String> text, java.util.function.ToIntFunction<E> severity, java.util.function.Predicate<R> approximate) {
            super(text, false);
            this.severity = severity;
            this.approximate = approximate;
        }

        @Override
        protected void updateItem(E item, boolean empty) {
            super.updateItem(item, empty);
            // the style class changed only when the severity does: any change of a cell's classes has JavaFX redo its
            // CSS, and a cell is updated at every scroll and every layout of its table
            String wanted = empty || item == null ? null : Severity.styleClass(severity.applyAsInt(item));
            for (String c : Severity.STYLE_CLASSES) {
                if (!c.equals(wanted) && getStyleClass().contains(c)) {
                    getStyleClass().remove(c);
                }
            }
            if (wanted != null && !getStyleClass().contains(wanted)) {
                getStyleClass().add(wanted);
            }
            if (!empty && item != null) {
                R row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && approximate.test(row)) {
                    setText(getText() + UiText.get("results.approximateMark"));
                }
            }
        }
    }
}
