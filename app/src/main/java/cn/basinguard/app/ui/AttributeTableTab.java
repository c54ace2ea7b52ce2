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
import org.locationtech.jts.geom.Geometry;

/**
 * A layer's attribute table: every field as a column, sortable by its header and filtered by its values (the header's
 * menu); the rows are read, sorted and filtered off the JavaFX thread. Selecting rows hands their geometries to the map.
 */
final class AttributeTableTab extends Tab {
    private volatile TableView<AttributeRow> table = new TableView<>();
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
        // the table is built off the JavaFX thread (it is in no scene yet): columns sized from their first rows, the rows
        // wrapped for the table — data work the window must not wait for
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
        RowView<AttributeRow> all = new RowView<>(rows);
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
            col.setUserData(f.name()); // the field: the header's text also says whether the column is filtered
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
        for (TableColumn<AttributeRow, ?> c : table.getColumns()) {
            if (c.getUserData() instanceof String field) {
                javafx.scene.control.MenuItem filterItem = new javafx.scene.control.MenuItem(UiText.get("attributes.filter"));
                filterItem.setOnAction(e -> askFilter(field));
                javafx.scene.control.MenuItem clearAll = new javafx.scene.control.MenuItem(UiText.get("attributes.filterClearAll"));
                clearAll.setOnAction(e -> clearFilters());
                c.setContextMenu(new javafx.scene.control.ContextMenu(filterItem, clearAll));
            }
        }
        this.all = all;
        sortAndFilterInBackground(table, all);
        return table;
    }

    /** The rows of the table (null until read). */
    private volatile RowView<AttributeRow> all;
    /** Each filtered column's filter, by field; changed on the JavaFX thread. */
    private final java.util.Map<String, ColumnFilterDialog.Choice> filters = new java.util.LinkedHashMap<>();
    /** The sort keys and filters of the rows shown, or being found. */
    private Object shownFor = List.of(List.of(), java.util.Map.of());
    /** The tab's title without what it says while sorting or filtering. */
    private String title;
    /** The sort asked for last: an older one still running is not shown when it ends. */
    private final java.util.concurrent.atomic.AtomicInteger sorts = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Sorting by a column header, or filtering by a column's values, finds the rows to show and their order off the
     * JavaFX thread ({@link RowOrder}, then each column's filter) and shows them in one change ({@link RowView}), the
     * table its list's only listener. JavaFX's sorted list (ControlsFX's TableFilter's) sorted on the JavaFX thread: a
     * county's DLTB held the window 45 s when sorted by BSM (every string collated anew at every comparison) and
     * 3.9 s by TBMJ; TableFilter's own lists then took 120–170 ms to follow each new order (2.2 s once a column filter
     * was in use), and its column filter's first scan 1.7 s. The header shows the sort at once; the tab says it is
     * working until the rows follow; the selected rows stay selected.
     */
    private void sortAndFilterInBackground(TableView<AttributeRow> table, RowView<AttributeRow> all) {
        title = getText();
        // the table's sort policy is run at every change of its sort order, none included: it starts the work and says
        // it went well (JavaFX's own policy sorts the items list itself, on the JavaFX thread)
        table.setSortPolicy(t -> {
            refresh();
            return true;
        });
    }

    /** Finds and shows the rows the filters keep, in the order of the sorted columns. */
    private void refresh() {
        TableView<AttributeRow> table = this.table;
        RowView<AttributeRow> all = this.all;
        List<RowOrder.Key> by = new ArrayList<>();
        for (TableColumn<AttributeRow, ?> c : table.getSortOrder()) {
            by.add(new RowOrder.Key(c.getUserData() instanceof String f ? f : null, c.getSortType() == TableColumn.SortType.DESCENDING));
        }
        java.util.Map<String, ColumnFilterDialog.Choice> kept = new java.util.LinkedHashMap<>(filters);
        Object asked = List.of(by, kept);
        if (asked.equals(shownFor)) {
            return; // JavaFX sorts again when the rows change, as they do when a sort is shown
        }
        shownFor = asked;
        int mine = sorts.incrementAndGet();
        setText(UiText.get("attributes.sorting", title));
        // the rows picked now are found in the new order with it, off the JavaFX thread (a scan of the rows for each
        // of them there held the window ~0.5 s for 200 rows of a county's DLTB)
        List<AttributeRow> picked = List.copyOf(table.getSelectionModel().getSelectedItems());
        Task<Shown> work = new Task<>() {
            @Override
            protected Shown call() {
                int[] order = kept(new RowOrder().sort(all.all(), by), all.all(), kept);
                return new Shown(order, positions(order, all.all(), picked));
            }
        };
        work.setOnSucceeded(done -> {
            if (sorts.get() != mine) {
                return;
            }
            Shown shown = work.getValue();
            List<AttributeRow> now = List.copyOf(table.getSelectionModel().getSelectedItems());
            // the rows picked stay picked; rows picked while the sort ran (another selection) are found here, in one pass
            int[] at = SameItems.of(now, picked) ? shown.picked() : positions(shown.order(), all.all(), now);
            all.show(shown.order());
            table.getSelectionModel().clearSelection();
            if (at.length > 0) {
                table.getSelectionModel().selectIndices(at[0], java.util.Arrays.copyOfRange(at, 1, at.length));
            }
            for (TableColumn<AttributeRow, ?> c : table.getColumns()) {
                if (c.getUserData() instanceof String f) {
                    c.setText(kept.containsKey(f) ? f + " ▾" : f);
                }
            }
            setText(kept.isEmpty() ? title : UiText.get("attributes.filtered", title, all.size(), all.all().size()));
        });
        work.setOnFailed(failed -> {
            if (sorts.get() == mine) {
                setText(title);
            }
        });
        Background.run(work, "attributes-sort");
    }

    /** The rows to show (positions in {@code rows}) and where the picked rows are among them. */
    private record Shown(int[] order, int[] picked) {
    }

    /** The positions of {@code order} whose rows every filter keeps. */
    private static int[] kept(int[] order, List<AttributeRow> rows, java.util.Map<String, ColumnFilterDialog.Choice> filters) {
        if (filters.isEmpty()) {
            return order;
        }
        int n = 0;
        int[] out = new int[order.length];
        for (int p : order) {
            AttributeRow r = rows.get(p);
            boolean keep = true;
            for (var e : filters.entrySet()) {
                keep &= e.getValue().keeps(r.value(e.getKey()));
            }
            if (keep) {
                out[n++] = p;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Where the {@code picked} rows are in {@code order} (those a filter dropped are not), in one pass. */
    private static int[] positions(int[] order, List<AttributeRow> rows, List<AttributeRow> picked) {
        if (picked.isEmpty()) {
            return new int[0];
        }
        java.util.Set<AttributeRow> wanted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        wanted.addAll(picked);
        int[] found = new int[picked.size()];
        int n = 0;
        for (int i = 0; i < order.length && n < found.length; i++) {
            if (wanted.contains(rows.get(order[i]))) {
                found[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /** Keeps only the rows whose {@code field} is one of {@code values} (null: any); for tests and the filter dialog. */
    void filterBy(String field, ColumnFilterDialog.Choice choice) {
        if (choice == null) {
            filters.remove(field);
        } else {
            filters.put(field, choice);
        }
        refresh();
    }

    /** Shows every row again (in the order of the sorted columns). */
    void clearFilters() {
        filters.clear();
        refresh();
    }

    /**
     * Asks which rows {@code field}'s filter keeps: its values are counted off the JavaFX thread first (a column with
     * more than {@link #LISTED} distinct values — a key — is asked for a text to contain instead).
     */
    void askFilter(String field) {
        List<AttributeRow> rows = all.all();
        Task<List<ColumnFilterDialog.ValueCount>> count = new Task<>() {
            @Override
            protected List<ColumnFilterDialog.ValueCount> call() {
                java.util.Map<Object, int[]> counts = new java.util.HashMap<>();
                int[] empty = {0};
                for (AttributeRow r : rows) {
                    Object v = r.value(field);
                    if (v == null) {
                        empty[0]++;
                    } else if (v instanceof byte[]) {
                        return null; // blobs: nothing to tick
                    } else {
                        counts.computeIfAbsent(v, k -> new int[1])[0]++;
                        if (counts.size() > LISTED) {
                            return null;
                        }
                    }
                }
                RowOrder order = new RowOrder();
                List<ColumnFilterDialog.ValueCount> out = new ArrayList<>();
                counts.entrySet().stream().sorted((a, b) -> order.compareValues(a.getKey(), b.getKey()))
                        .forEach(e -> out.add(new ColumnFilterDialog.ValueCount(e.getKey(), e.getValue()[0])));
                if (empty[0] > 0) {
                    out.add(new ColumnFilterDialog.ValueCount(null, empty[0]));
                }
                return out;
            }
        };
        count.setOnSucceeded(e -> ColumnFilterDialog.ask(getTabPane() == null ? null : getTabPane().getScene().getWindow(), field,
                count.getValue(), filters.get(field)).ifPresent(choice -> filterBy(field, choice.orElse(null))));
        Background.run(count, "attributes-filter");
    }

    /** A column with more distinct values than this is filtered by a text its values contain, not by a list. */
    static final int LISTED = 4096;

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
                String t = ValueText.of(v);
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
            super(ValueText::of, false);
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
