package cn.basinguard.app.ui;

import cn.basinguard.core.map.Hatch;
import cn.basinguard.core.map.LayerStyle;
import cn.basinguard.core.map.MapLayer;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

/** Fill, outline, hatch, opacity and labels of one layer; the map shows the choice once the dialog is confirmed. */
final class LayerStyleDialog extends Dialog<StyleChoice> {
    private static final String NO_LABELS = "";

    final CheckBox filled = new CheckBox(UiText.get("style.fill"));
    final ColorPicker fill = new ColorPicker();
    final CheckBox outlined = new CheckBox(UiText.get("style.outline"));
    final ColorPicker outline = new ColorPicker();
    final Spinner<Double> outlineWidth = new Spinner<>(0.1, 8.0, 1.0, 0.1);
    final ComboBox<Hatch> hatch = new ComboBox<>();
    final ColorPicker hatchColour = new ColorPicker();
    final Slider opacity = new Slider(0, 1, 1);
    final ComboBox<String> labelField = new ComboBox<>();
    final ColorPicker labelColour = new ColorPicker();
    final Spinner<Double> labelSize = new Spinner<>(6.0, 36.0, 11.0, 1.0);

    /** @param currentLabelField the field the layer is labelled by now, or null */
    LayerStyleDialog(MapLayer layer, List<String> fields, String currentLabelField) {
        // the window manager draws the title with the desktop's fonts, which may lack a glyph of the data (㵐):
        // the layer's name goes in the header, which JavaFX draws with the bundled fallback
        setTitle(UiText.get("style.title"));
        setHeaderText(layer.name());
        LayerStyle s = layer.style();
        filled.setSelected(s.fill() != null);
        fill.setValue(s.fill() != null ? StyleSwatch.fx(s.fill()) : Color.rgb(200, 200, 200, 0.6));
        fill.disableProperty().bind(filled.selectedProperty().not());
        outlined.setSelected(s.stroke() != null);
        outline.setValue(s.stroke() != null ? StyleSwatch.fx(s.stroke()) : Color.DIMGRAY);
        outline.disableProperty().bind(outlined.selectedProperty().not());
        outlineWidth.getValueFactory().setValue((double) Math.max(0.1f, s.strokeWidth()));
        outlineWidth.setEditable(true);
        outlineWidth.disableProperty().bind(outlined.selectedProperty().not());
        hatch.getItems().setAll(Hatch.values());
        hatch.setConverter(names("style.hatch."));
        hatch.setValue(s.hatch());
        hatchColour.setValue(s.hatchColor() != null ? StyleSwatch.fx(s.hatchColor()) : Color.SADDLEBROWN);
        hatchColour.disableProperty().bind(hatch.valueProperty().isEqualTo(Hatch.NONE));
        opacity.setValue(layer.opacity());
        opacity.setShowTickLabels(true);
        opacity.setMajorTickUnit(0.25);
        labelField.getItems().add(NO_LABELS);
        labelField.getItems().addAll(fields);
        labelField.setConverter(new StringConverter<>() {
            @Override
            public String toString(String f) {
                return f == null || f.isEmpty() ? UiText.get("style.noLabels") : f;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        labelField.setValue(currentLabelField == null ? NO_LABELS : currentLabelField);
        labelColour.setValue(s.labelColor() != null ? StyleSwatch.fx(s.labelColor()) : Color.rgb(40, 40, 40));
        labelSize.getValueFactory().setValue(s.labelSize() > 0 ? (double) s.labelSize() : 11.0);
        labelSize.setEditable(true);
        labelColour.disableProperty().bind(labelField.valueProperty().isEqualTo(NO_LABELS));
        labelSize.disableProperty().bind(labelField.valueProperty().isEqualTo(NO_LABELS));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int r = 0;
        grid.addRow(r++, filled, fill);
        grid.addRow(r++, outlined, outline, new Label(UiText.get("style.width")), outlineWidth);
        grid.addRow(r++, new Label(UiText.get("style.hatch")), hatch, new Label(UiText.get("style.hatchColour")), hatchColour);
        grid.addRow(r++, new Label(UiText.get("style.opacity")), opacity);
        GridPane.setColumnSpan(opacity, 3);
        grid.addRow(r, new Label(UiText.get("style.labels")), labelField, new Label(UiText.get("style.labelSize")), labelSize);
        grid.add(labelColour, 1, r + 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? choice(s) : null);
    }

    private StyleChoice choice(LayerStyle old) {
        String field = labelField.getValue() == null || labelField.getValue().isEmpty() ? null : labelField.getValue();
        LayerStyle s = new LayerStyle(filled.isSelected() ? StyleSwatch.awt(fill.getValue()) : null,
                outlined.isSelected() ? StyleSwatch.awt(outline.getValue()) : null, outlineWidth.getValue().floatValue(),
                hatch.getValue(), hatch.getValue() == Hatch.NONE ? null : StyleSwatch.awt(hatchColour.getValue()),
                old.hatchSpacing() > 0 ? old.hatchSpacing() : 6f, old.symbol(), old.symbolSize(),
                field == null ? null : StyleSwatch.awt(labelColour.getValue()), field == null ? 0 : labelSize.getValue().floatValue());
        return new StyleChoice(s, opacity.getValue(), field);
    }

    private static <E extends Enum<E>> StringConverter<E> names(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : UiText.get(prefix + e.name());
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }
}
