package cn.basinguard.app.ui;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.BursaWolf;
import cn.basinguard.core.crs.DatumFamily;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * 坐标转换参数…: the seven parameters (布尔莎) that move a layer's Xi'an 1980 or Beijing 1954 datum to CGCS2000, typed
 * as {@code --datum-shift} takes them ({@code XIAN80:dx,dy,dz,rx,ry,rz,s}) and read by the same parser, so the window
 * and the command line accept the same sets and say the same things about a wrong one: the parser's message is shown
 * under the field and the dialog stays open. The answer is the parameters, or empty to remove those given before;
 * every layer in that datum is then reopened with them.
 */
final class DatumShiftDialog extends Dialog<Optional<BursaWolf>> {
    private final TextField text = new TextField();
    private final Label error = new Label();
    private final DatumFamily datum;

    DatumShiftDialog(Window owner, String layer, LayerSource source, BursaWolf current) {
        this.datum = source.crs().datum();
        initOwner(owner);
        setTitle(UiText.get("datumShift.title"));
        setHeaderText(UiText.get("datumShift.header", layer, LayerSource.datumName(datum)));
        getDialogPane().setPrefWidth(640);
        text.setId("datum-shift-text");
        text.setPrefColumnCount(48);
        text.setText(current != null ? current.text() : prefix(datum));
        text.setPromptText(prefix(datum) + "dx,dy,dz,rx,ry,rz,s");
        error.setId("datum-shift-error");
        error.getStyleClass().add("field-error");
        Label ask = new Label(UiText.get("datumShift.ask", LayerSource.datumName(datum)));
        Label hint = new Label(UiText.get("datumShift.hint"));
        for (Label l : new Label[] {ask, hint, error}) {
            // wrapped to the dialog's width, and as tall as the wrapped text needs
            l.setWrapText(true);
            l.setMaxWidth(600);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        getDialogPane().setContent(new VBox(8, ask, text, hint, error));
        ButtonType apply = new ButtonType(UiText.get("datumShift.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType remove = new ButtonType(UiText.get("datumShift.remove"), ButtonBar.ButtonData.OTHER);
        getDialogPane().getButtonTypes().add(apply);
        if (current != null) {
            getDialogPane().getButtonTypes().add(remove);
        }
        getDialogPane().getButtonTypes().add(new ButtonType(UiText.get("check.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button ok = (Button) getDialogPane().lookupButton(apply);
        ok.setId("datum-shift-apply");
        // a wrong set keeps the dialog open with the parser's message, rather than closing and losing what was typed
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = problem(text.getText(), datum);
            if (problem != null) {
                error.setText(problem);
                e.consume();
            }
        });
        text.textProperty().addListener((o, a, b) -> error.setText(""));
        setResultConverter(b -> b == apply ? Optional.of(parse(text.getText(), datum)) : b == remove ? Optional.empty() : null);
    }

    /**
     * The parameters typed for the layer's datum.
     *
     * @throws GisException the parser's message, as the command line says it
     */
    static BursaWolf parse(String spec, DatumFamily layerDatum) {
        String s = spec.strip();
        // the seven numbers alone are for the layer's own datum
        return BursaWolf.parse(s.contains(":") || s.contains("：") ? s.replace('：', ':') : prefix(layerDatum) + s);
    }

    /** What is wrong with the text for this layer, in the user's language; null when it is a set for its datum. */
    static String problem(String spec, DatumFamily layerDatum) {
        try {
            BursaWolf p = parse(spec, layerDatum);
            return p.datum() == layerDatum ? null
                    : UiText.get("datumShift.otherDatum", LayerSource.datumName(p.datum()), LayerSource.datumName(layerDatum), prefix(layerDatum));
        } catch (GisException e) {
            return e.getMessage();
        }
    }

    private static String prefix(DatumFamily datum) {
        return datum == DatumFamily.BEIJING1954 ? "BEIJING54:" : "XIAN80:";
    }

    TextField field() {
        return text;
    }

    Label errorLabel() {
        return error;
    }
}
