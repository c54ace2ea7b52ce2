package cn.basinguard.app.ui;

import cn.basinguard.core.source.DataSources;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * How the user names the data to open: GeoPackages and Shapefiles (several at once are opened together, as
 * {@code basinguard check a.gpkg DLTB.shp …} takes them), a folder as a bureau delivers it, or files dropped on the window.
 */
final class DataChooser {
    /** The folder dialog; a test puts its own answer in its place, since a native dialog cannot be driven headless. */
    static java.util.function.Function<Window, Path> folderDialog = DataChooser::nativeFolder;

    private DataChooser() {
    }

    /** 打开…: one or more .gpkg and .shp files; empty when cancelled. */
    static List<Path> chooseFiles(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(UiText.get("menu.file.open"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(UiText.get("open.filter.data"), "*.gpkg", "*.GPKG", "*.shp", "*.SHP", "*.tif", "*.tiff", "*.TIF"),
                new FileChooser.ExtensionFilter("GeoPackage (*.gpkg)", "*.gpkg", "*.GPKG"),
                new FileChooser.ExtensionFilter("Shapefile (*.shp)", "*.shp", "*.SHP"),
                new FileChooser.ExtensionFilter("GeoTIFF (*.tif)", "*.tif", "*.tiff", "*.TIF"));
        List<File> files = chooser.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    /** 打开文件夹…: every .gpkg and .shp in it; null when cancelled. */
    static Path chooseFolder(Window owner) {
        return folderDialog.apply(owner);
    }

    static Path nativeFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(UiText.get("menu.file.openFolder"));
        File dir = chooser.showDialog(owner);
        return dir == null ? null : dir.toPath();
    }

    /** Of the dropped files, those that are data to open (folders, .gpkg, .shp); the rest may be project sites. */
    static List<Path> dataOf(List<File> dropped) {
        return dropped.stream().map(File::toPath).filter(DataSources::isSource).toList();
    }
}
