package cn.basinguard.core.map;

import cn.basinguard.core.check.LandClasses;
import cn.basinguard.core.i18n.Messages;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;

/**
 * The legend of a layer drawn by land class: only the classes present (in view, or in the whole layer), grouped by
 * first-level class in code order, and one line for every code the table does not know, in the neutral colour. The
 * window's layer panel and the printed legend both list these.
 */
public final class LandClassLegend {
    /** One legend line: the code ("" for the line of unknown codes), the text shown and the fill. */
    public record Line(String code, String text, Color colour) {
    }

    /** The lines under one first-level class (or under "unknown"). */
    public record Group(String title, List<Line> lines) {
    }

    private LandClassLegend() {
    }

    /** The classes of {@code layer} present where features meet {@code view} (null: the whole layer). */
    public static List<Group> of(MapLayer layer, Envelope view) {
        if (!layer.byLandClass()) {
            return List.of();
        }
        if (view == null || view.covers(layer.extent())) {
            return of(layer.landClasses());
        }
        TreeSet<String> present = new TreeSet<>();
        for (int i : layer.indicesIn(view)) {
            present.add(layer.landClass(i));
        }
        return of(present);
    }

    /** The legend of the given codes (normalised DLBM; "" for patches that give none). */
    public static List<Group> of(java.util.Collection<String> codes) {
        LandClassColours colours = LandClassColours.standard();
        LandClasses classes = LandClasses.standard();
        TreeMap<String, List<Line>> byDivision = new TreeMap<>();
        TreeMap<String, String> titles = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (String code : new TreeSet<>(codes)) {
            LandClassColours.Division d = colours.division(code);
            LandClasses.LandClass c = classes.of(code);
            if (d == null || c == null) {
                unknown.add(code.isEmpty() ? Messages.get("legend.landClass.blank") : code);
                continue;
            }
            titles.put(d.code(), d.code() + " " + d.name());
            byDivision.computeIfAbsent(d.code(), k -> new ArrayList<>()).add(new Line(code, code + " " + c.name(), colours.fill(code)));
        }
        List<Group> out = new ArrayList<>();
        byDivision.forEach((k, lines) -> out.add(new Group(titles.get(k), List.copyOf(lines))));
        if (!unknown.isEmpty()) {
            out.add(new Group(Messages.get("legend.landClass.unknownGroup"),
                    List.of(new Line("", Messages.get("legend.landClass.unknown", String.join("、", unknown)), LandClassColours.UNKNOWN))));
        }
        return out;
    }
}
