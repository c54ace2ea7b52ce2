package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.gpkg.LayerInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The rows a user picked in an attribute table stay picked when the table is sorted or filtered, however many. */
class AttributeSelectionTest extends WindowTest {
    @Test
    void pickedRowsStayPickedThroughASortAndAFilter(FxRobot robot) throws Exception {
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null && !app.layers().list().getItems().isEmpty());
        LayerInfo dltb = FxWait.read(() -> app.layers().list().getItems().stream().filter(l -> l.name().equals("DLTB")).findFirst().orElseThrow());
        AttributeTableTab[] tab = new AttributeTableTab[1];
        robot.interact(() -> tab[0] = app.openAttributes(dltb));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> tab[0].table().getItems().size() > 600);
        TableView<AttributeRow> table = tab[0].table();

        // every third row of the first 900: more than the 200 the table used to find again (one scan each)
        List<AttributeRow> picked = new ArrayList<>();
        robot.interact(() -> {
            for (int i = 0; i < Math.min(900, table.getItems().size()); i += 3) {
                table.getSelectionModel().select(i);
            }
            picked.addAll(table.getSelectionModel().getSelectedItems());
        });
        assertTrue(picked.size() > 200, "picked " + picked.size());
        AttributeRow firstBefore = FxWait.read(() -> table.getItems().get(0));

        // sorted by area, largest first
        robot.interact(() -> {
            TableColumn<AttributeRow, ?> area = column(table, "TBMJ");
            area.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(area));
        });
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().get(0) != firstBefore && !tab[0].getText().contains("排序"));
        assertSame(identitySet(picked), FxWait.read(() -> identitySet(table.getSelectionModel().getSelectedItems())), "after the sort");
        assertNotEquals(picked.get(0), FxWait.read(() -> table.getSelectionModel().getSelectedItems().get(0)),
                "the picked rows are in the new order");

        // filtered to one land class: the picked rows the filter keeps stay picked, the others are not shown
        Object dlbm = picked.get(0).value("DLBM");
        int all = FxWait.read(() -> table.getItems().size());
        robot.interact(() -> tab[0].filterBy("DLBM", new ColumnFilterDialog.Choice(Set.of(dlbm), null)));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() < all && !tab[0].getText().contains("排序"));
        Set<AttributeRow> kept = identitySet(picked.stream().filter(r -> dlbm.equals(r.value("DLBM"))).toList());
        assertTrue(!kept.isEmpty() && kept.size() < picked.size(), kept.size() + " of " + picked.size());
        assertSame(kept, FxWait.read(() -> identitySet(table.getSelectionModel().getSelectedItems())), "after the filter");
    }

    /** The same rows, said by counts (a failure listing hundreds of rows says nothing). */
    private static void assertSame(Set<AttributeRow> expected, Set<AttributeRow> actual, String when) {
        long missing = expected.stream().filter(r -> !actual.contains(r)).count();
        long extra = actual.stream().filter(r -> !expected.contains(r)).count();
        assertTrue(missing == 0 && extra == 0, when + ": " + missing + " of " + expected.size() + " picked rows no longer picked, "
                + extra + " others picked");
    }

    private static TableColumn<AttributeRow, ?> column(TableView<AttributeRow> table, String field) {
        return table.getColumns().stream().filter(c -> field.equals(c.getUserData())).findFirst().orElseThrow();
    }

    private static Set<AttributeRow> identitySet(List<AttributeRow> rows) {
        Set<AttributeRow> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(rows);
        return s;
    }
}
