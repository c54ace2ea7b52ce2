package cn.basinguard.app.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.security.AccessControlContext;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Files dropped on a window as a file manager drops them: DRAG_OVER then DRAG_DROPPED, carrying the files in a
 * dragboard that offers a copy. A real drag from another program cannot be made headless, and JavaFX's own local
 * clipboard refuses to say its transfer modes, so the dragboard stands on this small clipboard of its own.
 */
final class DroppedFiles implements TKClipboard {
    private final List<File> files;

    private DroppedFiles(List<File> files) {
        this.files = List.copyOf(files);
    }

    /** Must run on the JavaFX thread; returns whether the drop was taken. */
    static boolean drop(Scene scene, File... files) {
        Dragboard board = DragboardHelper.createDragboard(new DroppedFiles(List.of(files)));
        DragboardHelper.setDataAccessRestriction(board, false);
        double x = scene.getWidth() / 2;
        double y = scene.getHeight() / 2;
        Event.fireEvent(scene, new DragEvent(DragEvent.DRAG_OVER, board, x, y, x, y, TransferMode.COPY, null, null, null));
        DragEvent drop = new DragEvent(DragEvent.DRAG_DROPPED, board, x, y, x, y, TransferMode.COPY, null, null, null);
        Event.fireEvent(scene, drop);
        return drop.isDropCompleted();
    }

    @Override
    public void setSecurityContext(AccessControlContext context) {
    }

    @Override
    public Set<DataFormat> getContentTypes() {
        return Set.of(DataFormat.FILES);
    }

    @Override
    @SafeVarargs
    public final boolean putContent(Pair<DataFormat, Object>... content) {
        return false;
    }

    @Override
    public Object getContent(DataFormat format) {
        return DataFormat.FILES.equals(format) ? files : null;
    }

    @Override
    public boolean hasContent(DataFormat format) {
        return DataFormat.FILES.equals(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
        return Set.of(TransferMode.COPY);
    }

    @Override
    public void setDragView(Image image) {
    }

    @Override
    public void setDragViewOffsetX(double offsetX) {
    }

    @Override
    public void setDragViewOffsetY(double offsetY) {
    }

    @Override
    public Image getDragView() {
        return null;
    }

    @Override
    public double getDragViewOffsetX() {
        return 0;
    }

    @Override
    public double getDragViewOffsetY() {
        return 0;
    }
}
