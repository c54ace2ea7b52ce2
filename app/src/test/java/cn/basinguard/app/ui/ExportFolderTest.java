package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The window's export into a folder that does not exist yet: made, as most programs do; a file in the way is a clear dialog. */
class ExportFolderTest extends WindowTest {
    @Test
    void theExportMakesTheChosenFolderAndSaysWhyWhenItCannot(FxRobot robot) throws Exception {
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null);
        robot.interact(() -> app.runChecks());
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> app.reportProperty().get() != null);
        String site = app.reportProperty().get().sites().get(0).name();

        Path root = Files.createTempDirectory("export");
        Path created = root.resolve("新建文件夹").resolve("核查表");
        ExportTask[] task = new ExportTask[1];
        robot.interact(() -> task[0] = app.exportSheets(created, site));
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> task[0].isDone());
        assertTrue(Files.isDirectory(created), "the folder and its missing parent were made");
        assertEquals(2, task[0].get().size(), "the site's PDF and CSV: " + task[0].get());
        for (Path p : task[0].get()) {
            assertEquals(created, p.getParent());
            assertTrue(Files.size(p) > 0);
        }

        Path file = Files.writeString(root.resolve("说明.txt"), "not a folder");
        Path blocked = file.resolve("核查表");
        robot.interact(() -> task[0] = app.exportSheets(blocked, site));
        assertNull(task[0], "nothing is exported");
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane));
        DialogPane dialog = (DialogPane) robot.listWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).findFirst().orElseThrow().getScene().getRoot();
        assertEquals("核查表导出失败", dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains("“" + file + "”是一个文件，不是文件夹"), dialog.getContentText());
        assertTrue(Files.isRegularFile(file) && Files.readString(file).equals("not a folder"), "the file in the way is untouched");
        robot.interact(() -> Screenshots.save(dialog.getScene(), "export-folder-blocked"));
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }
}
