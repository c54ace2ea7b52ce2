package cn.basinguard.app.ui;

import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.report.PrintAtlas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One print run as the print dialog sets it up: which units (and sites) get a page, paper, orientation and notes.
 * The pages are laid out by the same PrintAtlas as {@code basinguard print}, from the map as the window shows it
 * (its visible layers, order and styles), so preview, printer, PDF and PNG are one layout.
 */
record AtlasJob(MapContent map, List<String> units, boolean sitePages, PrintAtlas.Paper paper, boolean landscape,
                PrintAtlas.Notes notes) {

    /**
     * The names of the units a page can be made for: the map's unit layer, by its labels — those with an outline (the
     * window's loaded model keeps a unit without a geometry in its place; it has no page).
     */
    static List<String> unitNames(MapContent map) {
        List<String> out = new ArrayList<>();
        for (MapLayer l : map.layers()) {
            if (l.role() == LayerRole.UNITS) {
                for (MapFeature f : l.features()) {
                    if (!f.geometry().isEmpty()) {
                        out.add(name(f));
                    }
                }
            }
        }
        return out;
    }

    private static String name(MapFeature f) {
        return f.label() != null && !f.label().isBlank() ? f.label() : Long.toString(f.id());
    }

    List<PrintAtlas.Page> pages() {
        List<PrintAtlas.Page> pages = new ArrayList<>();
        for (MapLayer l : map.layers()) {
            if (l.role() == LayerRole.UNITS) {
                for (MapFeature f : l.features()) {
                    if (units.contains(name(f)) && !f.geometry().isEmpty()) {
                        pages.add(PrintAtlas.Page.unit(name(f), f.geometry()));
                    }
                }
            }
        }
        if (sitePages) {
            for (MapLayer l : map.layers()) {
                if (l.role() == LayerRole.SITES && l.visible()) {
                    for (MapFeature f : l.features()) {
                        if (!f.geometry().isEmpty()) {
                            pages.add(PrintAtlas.Page.site(name(f), f.geometry()));
                        }
                    }
                }
            }
        }
        return pages;
    }

    /** The atlas as PDF bytes; the previews, the printer and the PNG files are rendered from them. */
    byte[] pdf() {
        return pdf(() -> false);
    }

    /**
     * As above, given up once {@code cancelled} says so.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    byte[] pdf(java.util.function.BooleanSupplier cancelled) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrintAtlas.write(map, pages(), paper, landscape, notes, out, cancelled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
