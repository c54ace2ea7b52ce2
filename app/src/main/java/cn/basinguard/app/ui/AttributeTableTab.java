package cn.basinguard.app.ui;

import cn.basinguard.core.gpkg.LayerInfo;
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
import org.controlsfx.control.table.ColumnFilter;
import org.controlsfx.control.table.TableFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A layer's attribute table: every field as a column, sortable, with ControlsFX's column filters; the rows are read
 * off the JavaFX thread. Selecting rows hands their geometries to the map.
 */
final class AttributeTableTab extends Tab {
    private volatile TableView<AttributeRow> table = new TableView<>();
    private volatile TableFilter<AttributeRow> filter;
    private final String layer;
    private final Consumer<Geometry> zoom;
    private final java.util.function.Function<AttributeRow, Geometry> geometryOf;

    /**
     * @param rows reads the layer's rows; called on a worker thread
     * @param geometryOf a row's geometry (its own, or the map's feature of its key), or null; called on the JavaFX thread
     * @param show receives the geometries of the selected rows (highlighted on the map)
     * @param zoom receives them when the user asks to zoom (double click, context menu)
     */
    AttributeTableTab(java.util.function.Supplier<List<AttributeRow>> rows, java.util.function.Function<AttributeRow, Geometry> geometryOf,
                      LayerInfo layer, Consumer<Geometry> show, Consumer<Geometry> zoom) {
        super(UiText.get("attributes.title", layer.identifier() != null ? layer.identifier() : layer.name()));
        this.layer = layer.name();
        this.zoom = zoom;
        this.geometryOf = geometryOf;
        table.setPlaceholder(new Label(UiText.get("status.loading", layer.name())));
        setContent(table);
        // the table is built and filtered off the JavaFX thread (it is in no scene yet): wrapping 200,000 rows in
        // ControlsFX's filtered and sorted lists is data work the window must not wait for
        Task<TableView<AttributeRow>> load = new Task<>() {
            @Override
            protected TableView<AttributeRow> call() {
                return build(layer, rows.get(), show);
            }
        };
        load.setOnSucceeded(e -> {
            table = load.getValue();
            showInTwoPulses(table);
        });
        load.setOnFailed(e -> {
            // said in the table's place (a county's table that does not fit the window's memory, a file gone bad)
            Label why = new Label(FailureText.of(load.getException()));
            why.setWrapText(true);
            table.setPlaceholder(why);
        });
        Background.run(load, "attributes");
    }

    private TableView<AttributeRow> build(LayerInfo layer, List<AttributeRow> rows, Consumer<Geometry> show) {
        ReorderableList<AttributeRow> all = new ReorderableList<>(rows);
        TableView<AttributeRow> table = new TableView<>(all);
        table.setId("attributes-" + layer.name());
        // rows of one height: the table then never measures cells to lay out a screenful
        table.setFixedCellSize(24);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<AttributeRow, Object> fid = new TableColumn<>("FID");
        fid.setId("FID"); // a field may be called FID too: the key column is told by its id
        fid.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fid()));
        fid.setCellFactory(c -> new ValueCell());
        fid.setPrefWidth(width("FID", rows, r -> r.fid()));
        table.getColumns().add(fid);
        for (LayerInfo.FieldInfo f : layer.fields()) {
            TableColumn<AttributeRow, Object> col = new TableColumn<>(f.name());
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value(f.name())));
            col.setCellFactory(c -> new ValueCell());
            col.setPrefWidth(width(f.name(), rows, r -> r.value(f.name())));
            table.getColumns().add(col);
        }
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<AttributeRow>) change -> {
            Geometry g = selectedGeometry();
            if (g != null) {
                show.accept(g);
            }
        });
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<AttributeRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    zoomToSelected();
                }
            });
            return row;
        });
        javafx.scene.control.MenuItem zoomItem = new javafx.scene.control.MenuItem(UiText.get("attributes.zoom"));
        zoomItem.setOnAction(e -> zoomToSelected());
        table.setContextMenu(new javafx.scene.control.ContextMenu(zoomItem));
        filter = TableFilter.forTableView(table).lazy(true).apply();
        sortInBackground(table, all);
        return table;
    }

    /** Selected rows found again after a sort, each by a scan of the rows: beyond this many, the selection is let go. */
    private static final int RESELECT = 200;
    /** The sort asked for last: an older one still running is not shown when it ends. */
    private final java.util.concurrent.atomic.AtomicInteger sorts = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Sorting by a column header finds the rows' order off the JavaFX thread ({@link RowOrder}) and shows it in one
     * change ({@link ReorderableList}). TableFilter's sorted list followed the table's own comparator on the JavaFX
     * thread: a county's DLTB held the window 45 s when sorted by BSM (every string collated anew at every comparison)
     * and 3.9 s by TBMJ; its comparator is unbound here (the table's comparator is still set, and unused). The header shows the sort at once; the tab says it is sorting until the rows follow; the
     * selected rows stay selected.
     *
     * @param all the rows as the table holds them (TableFilter filters and shows this list), in the order read when no
     *            column is sorted
     */
    private void sortInBackground(TableView<AttributeRow> table, ReorderableList<AttributeRow> all) {
        if (table.getItems() instanceof javafx.collections.transformation.SortedList<AttributeRow> shown) {
            shown.comparatorProperty().unbind(); // TableFilter's: it would sort on the JavaFX thread
            shown.setComparator(null);
        }
        String title = getText();
        Object[] sortedBy = {List.of()};
        Runnable resort = () -> {
            List<RowOrder.Key> by = new ArrayList<>();
            for (TableColumn<AttributeRow, ?> c : table.getSortOrder()) {
                by.add(new RowOrder.Key("FID".equals(c.getId()) ? null : c.getText(), c.getSortType() == TableColumn.SortType.DESCENDING));
            }
            if (by.equals(sortedBy[0])) {
                return; // JavaFX sorts again when the rows change, as they do when a sort is shown
            }
            sortedBy[0] = by;
            int mine = sorts.incrementAndGet();
            setText(UiText.get("attributes.sorting", title));
            Task<int[]> sort = new Task<>() {
                @Override
                protected int[] call() {
                    return new RowOrder().sort(all.asGiven(), by);
                }
            };
            sort.setOnSucceeded(done -> {
                if (sorts.get() != mine) {
                    return;
                }
                List<AttributeRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
                boolean filtering = filter != null && filter.getColumnFilters().stream().anyMatch(ColumnFilter::isInitialized);
                all.reorder(sort.getValue(), filtering);
                if (selected.size() <= RESELECT) {
                    selected.forEach(table.getSelectionModel()::select); // the rows the user picked stay picked
                }
                setText(title);
            });
            sort.setOnFailed(failed -> {
                if (sorts.get() == mine) {
                    setText(title);
                }
            });
            Background.run(sort, "attributes-sort");
        };
        // the table's sort policy is run at every change of its sort order, none included: it starts the sort and
        // says it went well (JavaFX's own policy refuses a sorted list whose comparator is not bound to the table's, and
        // then takes the column back out of the sort order; consuming the sort event does not stop that)
        table.setSortPolicy(t -> {
            resort.run();
            return true;
        });
    }

    /**
     * Puts the table on show over two frames: first with no size (JavaFX makes its skin and column headers and styles
     * them), then at its size (it makes and styles the cells of the first screenful). Done in one pulse, the two held the
     * JavaFX thread for 0.5–1.7 s on the loaded test machine when a county's table first appeared.
     */
    private void showInTwoPulses(TableView<AttributeRow> t) {
        t.setManaged(false);
        t.resize(0, 0);
        setContent(t);
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // called as each pulse begins: the first styles the headers, the second lays out the cells
                if (++pulses == 2) {
                    stop();
                    t.setManaged(true);
                }
            }
        }.start();
    }

    /** Rows a column's width is taken from. */
    private static final int WIDTH_SAMPLE = 100;

    /**
     * A column's width from its name and its first rows' text, decided here off the JavaFX thread. A column left at
     * JavaFX's default width is fitted to its content when its header enters a scene — by measuring a cell of every
     * row, on the JavaFX thread: 8 s for a county's 200,000 patches each time the tab is shown again.
     */
    private static double width(String header, List<AttributeRow> rows, java.util.function.Function<AttributeRow, Object> value) {
        int chars = columns(header) + 2;
        for (int i = 0; i < Math.min(WIDTH_SAMPLE, rows.size()); i++) {
            Object v = value.apply(rows.get(i));
            if (v != null) {
                String t = ValueCell.text(v);
                chars = Math.max(chars, columns(t));
            }
        }
        // ~7 px a column of text (cut at 320 px: the tooltip shows the rest); never JavaFX's 80 exactly
        return Math.max(61, Math.min(320, chars * 7 + 17));
    }

    /** Text columns: a CJK character takes two. */
    private static int columns(String t) {
        return t.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
    }

    /** A field's value in full: a number as plain digits (no 1.2E7), right-aligned; cut short only with a tooltip. */
    private static final class ValueCell extends FullTextCell<AttributeRow, Object> {
        ValueCell() {
            super(ValueCell::text, false);
        }

        static String text(Object v) {
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                return Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).toPlainString() : String.valueOf(d);
            }
            return String.valueOf(v);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setAlignment(item instanceof Number ? javafx.geometry.Pos.CENTER_RIGHT : javafx.geometry.Pos.CENTER_LEFT);
        }
    }

    TableView<AttributeRow> table() {
        return table;
    }

    /** The table's column filters, once its rows are read (null before). */
    TableFilter<AttributeRow> filter() {
        return filter;
    }

    /** The table name of the layer shown. */
    String layer() {
        return layer;
    }

    /** The selected rows' geometries as one geometry, or null. */
    private Geometry selectedGeometry() {
        List<Geometry> gs = new ArrayList<>();
        for (AttributeRow f : table.getSelectionModel().getSelectedItems()) {
            Geometry g = f == null ? null : geometryOf.apply(f);
            if (g != null) {
                gs.add(g);
            }
        }
        return gs.isEmpty() ? null : gs.size() == 1 ? gs.get(0) : gs.get(0).getFactory().buildGeometry(gs);
    }

    void zoomToSelected() {
        Geometry g = selectedGeometry();
        if (g != null) {
            zoom.accept(g);
        }
    }

    /** Selects and shows the row of feature {@code fid} (a feature clicked on the map). */
    void selectFeature(long fid) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).fid() == fid) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
    }
}
