package cn.basinguard.app.ui;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks which rows a column's filter keeps: the column's values with how many rows hold each, to tick (a search box
 * narrows the list), or — for a key column, whose values are too many to list — the text its values must contain.
 */
final class ColumnFilterDialog {
    /** A value of a column and how many rows hold it; {@code value} null for empty cells. */
    record ValueCount(Object value, int rows) {
    }

    /**
     * What a column's filter keeps: the rows whose value is one of {@code values}, or whose value's text contains
     * {@code contains} (exactly one of the two is given).
     */
    record Choice(Set<Object> values, String contains) {
        boolean keeps(Object v) {
            if (values != null) {
                return values.contains(v == null ? EMPTY : v);
            }
            return v != null && ValueText.of(v).contains(contains);
        }
    }

    /** Empty cells in a choice of values (a set holds no null). */
    static final Object EMPTY = new Object() {
        @Override
        public String toString() {
            return UiText.get("attributes.filterEmpty");
        }
    };

    private ColumnFilterDialog() {
    }

    /** One line of the list: a value (a land class code with its name), its count, whether it is kept. */
    private static final class Item {
        final ValueCount value;
        final String text;
        final BooleanProperty kept = new SimpleBooleanProperty(true);

        Item(ValueCount value, boolean landClass) {
            this.value = value;
            String t = value.value() == null ? UiText.get("attributes.filterEmpty") : ValueText.of(value.value());
            var c = landClass && value.value() instanceof String code ? cn.basinguard.core.check.LandClasses.standard().of(code) : null;
            this.text = (c == null ? t : t + " " + c.name()) + "  (" + value.rows() + ")";
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Whether {@code field} holds land class codes (DLBM), shown with their names. */
    static boolean landClassField(String field) {
        return cn.basinguard.core.check.FieldPurpose.LAND_CLASS.names().stream().anyMatch(n -> n.equalsIgnoreCase(field));
    }

    /**
     * @param values the column's values (null: a key column, asked for a text to contain)
     * @param now the column's filter now, or null
     * @return empty when cancelled; a choice, or null for "show every row"
     */
    static Optional<Optional<Choice>> ask(Window owner, String field, List<ValueCount> values, Choice now) {
        Dialog<Optional<Choice>> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(UiText.get("attributes.filterTitle", field));
        d.setHeaderText(null);
        ButtonType clear = new ButtonType(UiText.get("attributes.filterClear"), ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(clear, ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("column-filter");
        if (values == null) {
            TextField text = new TextField(now != null && now.contains() != null ? now.contains() : "");
            text.setId("filter-contains");
            d.getDialogPane().setContent(new VBox(6, new Label(UiText.get("attributes.filterContains")), text));
            d.setResultConverter(b -> b == ButtonType.OK
                    ? Optional.ofNullable(text.getText().isEmpty() ? null : new Choice(null, text.getText()))
                    : b == clear ? Optional.empty() : null);
        } else {
            boolean landClass = landClassField(field);
            List<Item> items = values.stream().map(v -> new Item(v, landClass)).toList();
            if (now != null && now.values() != null) {
                items.forEach(i -> i.kept.set(now.values().contains(i.value.value() == null ? EMPTY : i.value.value())));
            }
            FilteredList<Item> listed = new FilteredList<>(FXCollections.observableArrayList(items));
            ListView<Item> list = new ListView<>(listed);
            list.setId("filter-values");
            list.setCellFactory(CheckBoxListCell.forListView(i -> i.kept));
            list.setPrefHeight(320);
            TextField search = new TextField();
            search.setPromptText(UiText.get("attributes.filterSearch"));
            search.textProperty().addListener((o, a, t) -> listed.setPredicate(t == null || t.isEmpty() ? null : i -> i.toString().contains(t)));
            Button all = new Button(UiText.get("attributes.filterAll"));
            all.setOnAction(e -> listed.forEach(i -> i.kept.set(true)));
            Button none = new Button(UiText.get("attributes.filterNone"));
            none.setId("filter-none");
            none.setOnAction(e -> listed.forEach(i -> i.kept.set(false)));
            d.getDialogPane().setContent(new VBox(6, search, list, new HBox(6, all, none)));
            d.setResultConverter(b -> {
                if (b == clear) {
                    return Optional.empty();
                }
                if (b != ButtonType.OK) {
                    return null;
                }
                if (items.stream().allMatch(i -> i.kept.get())) {
                    return Optional.empty();
                }
                Set<Object> kept = new LinkedHashSet<>();
                items.stream().filter(i -> i.kept.get()).forEach(i -> kept.add(i.value.value() == null ? EMPTY : i.value.value()));
                return Optional.of(new Choice(kept, null));
            });
        }
        return d.showAndWait();
    }
}
