package cn.basinguard.app.ui;

import cn.basinguard.core.GisException;
import cn.basinguard.core.source.pg.PgAddress;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * 文件 → 连接空间数据库: host, port, database, user and schema of a PostGIS database, and its password, asked each
 * time and kept nowhere (left empty, the password comes from PGPASSWORD or ~/.pgpass as for psql).
 */
final class DatabaseDialog {
    /** What the user asked to connect to; the password may be null (then PGPASSWORD or the password file). */
    record Request(PgAddress address, String password) {
    }

    private DatabaseDialog() {
    }

    /** Shows the dialog, filled with {@code last} when given (a recent database), and waits for the answer. */
    static Optional<Request> ask(Window owner, PgAddress last) {
        Dialog<Request> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(UiText.get("db.title"));
        d.setHeaderText(UiText.get("db.header"));
        TextField host = field("db-host", last == null ? "localhost" : last.host());
        TextField port = field("db-port", Integer.toString(last == null ? PgAddress.DEFAULT_PORT : last.port()));
        TextField database = field("db-database", last == null ? "" : last.database());
        TextField user = field("db-user", last == null ? System.getProperty("user.name", "") : last.user());
        TextField schema = field("db-schema", last == null ? "public" : last.schema());
        PasswordField password = new PasswordField();
        password.setId("db-password");
        password.setPromptText(UiText.get("db.passwordPrompt"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        String[] labels = {"db.host", "db.port", "db.database", "db.user", "db.schema", "db.password"};
        javafx.scene.Node[] fields = {host, port, database, user, schema, password};
        for (int i = 0; i < labels.length; i++) {
            grid.addRow(i, new Label(UiText.get(labels[i])), fields[i]);
        }
        Label said = new Label();
        said.setId("db-problem");
        said.setWrapText(true);
        said.setMaxWidth(420);
        grid.add(said, 0, labels.length, 2, 1);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        // a wrong port or an empty name is said in the dialog, which stays open to be corrected
        d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                address(host, port, database, user, schema);
                said.setText("");
            } catch (GisException | IllegalArgumentException ex) {
                said.setText(ex.getMessage());
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ButtonType.OK
                ? new Request(address(host, port, database, user, schema), password.getText().isEmpty() ? null : password.getText()) : null);
        javafx.application.Platform.runLater(() -> (database.getText().isEmpty() ? database : password).requestFocus());
        return d.showAndWait();
    }

    private static PgAddress address(TextField host, TextField port, TextField database, TextField user, TextField schema) {
        for (TextField f : new TextField[] {host, database, user}) {
            if (f.getText().isBlank()) {
                throw new IllegalArgumentException(UiText.get("db.missing"));
            }
        }
        int p;
        try {
            p = Integer.parseInt(port.getText().strip());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p <= 0 || p > 65535) {
            throw new GisException("pg.badPort", port.getText(), host.getText().strip());
        }
        String s = schema.getText().isBlank() ? "public" : schema.getText().strip();
        return new PgAddress(user.getText().strip(), host.getText().strip(), p, database.getText().strip(), s, null, 0);
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(24);
        return f;
    }
}
