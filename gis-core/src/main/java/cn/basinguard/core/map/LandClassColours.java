package cn.basinguard.core.map;

import cn.basinguard.core.check.LandClasses;
import java.awt.Color;
import java.util.HashMap;
import java.util.Map;

/**
 * The map colour of each land class (DLBM) and the first-level class it is listed under in a legend, read from
 * {@code land-class-colours.tsv} beside {@code land-classes.tsv}. The RGB values are the customary 三调 土地利用现状图
 * colours (TD/T 1055-2019 classes) as MapGIS's "三调样式" gives them; the file's header cites the source line by line.
 */
public final class LandClassColours {
    /** A first-level class (一级类): the first two characters of its codes and its name. */
    public record Division(String code, String name) {
    }

    /** The fill of a code the table does not know: a neutral grey no class of the scheme uses. */
    public static final Color UNKNOWN = new Color(176, 176, 176);
    private static final String RESOURCE = "/cn/basinguard/core/check/land-class-colours.tsv";
    private static final LandClassColours STANDARD = load();

    private final Map<String, Color> colours;
    private final Map<String, Division> divisions;

    private LandClassColours(Map<String, Color> colours, Map<String, Division> divisions) {
        this.colours = Map.copyOf(colours);
        this.divisions = Map.copyOf(divisions);
    }

    public static LandClassColours standard() {
        return STANDARD;
    }

    /** The colour of a DLBM as the data writes it (normalised as {@link LandClasses#normalise}); null when unknown. */
    public Color colour(String dlbm) {
        String c = LandClasses.normalise(dlbm);
        return c == null ? null : colours.get(c);
    }

    /** The colour to draw a DLBM in: its own, or {@link #UNKNOWN}. */
    public Color fill(String dlbm) {
        Color c = colour(dlbm);
        return c == null ? UNKNOWN : c;
    }

    /** The first-level class a known DLBM falls under; null for a code the table does not know. */
    public Division division(String dlbm) {
        String c = LandClasses.normalise(dlbm);
        return c == null || !colours.containsKey(c) || c.length() < 2 ? null : divisions.get(c.substring(0, 2));
    }

    private static LandClassColours load() {
        Map<String, Color> colours = new HashMap<>();
        Map<String, String> borrowed = new HashMap<>();
        Map<String, Division> divisions = new HashMap<>();
        for (cn.basinguard.core.check.TsvResource.Row row : cn.basinguard.core.check.TsvResource.rows(LandClassColours.class, RESOURCE)) {
            int n = row.line();
            String[] cols = row.cols();
            if (cols[0].equals("division") && cols.length == 3) {
                divisions.put(cols[1], new Division(cols[1], cols[2]));
                continue;
            }
            if (cols.length != 4 && cols.length != 5) {
                throw new IllegalStateException(RESOURCE + ":" + n + ": expected code, red, green, blue and perhaps a code");
            }
            String code = LandClasses.normalise(cols[0]);
            Color c = new Color(Integer.parseInt(cols[1].trim()), Integer.parseInt(cols[2].trim()), Integer.parseInt(cols[3].trim()));
            if (colours.put(code, c) != null) {
                throw new IllegalStateException(RESOURCE + ":" + n + ": code " + code + " twice");
            }
            if (cols.length == 5) {
                borrowed.put(code, LandClasses.normalise(cols[4]));
            }
        }
        // a borrowed colour must be the lender's: the file says so, a typo in the RGB must not say otherwise
        borrowed.forEach((code, from) -> {
            if (!colours.get(code).equals(colours.get(from))) {
                throw new IllegalStateException(RESOURCE + ": " + code + " should take the colour of " + from);
            }
        });
        return new LandClassColours(colours, divisions);
    }
}
