package cn.basinguard.core.gpkg;

import java.util.Objects;

/** A user column of a feature or attribute table: its name and a GeoPackage data type (Table 1 of the spec). */
public record GpkgColumn(String name, String type, boolean notNull) {
    public GpkgColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static GpkgColumn integer(String name) {
        return new GpkgColumn(name, "INTEGER", false);
    }

    public static GpkgColumn real(String name) {
        return new GpkgColumn(name, "DOUBLE", false);
    }

    public static GpkgColumn text(String name) {
        return new GpkgColumn(name, "TEXT", false);
    }

    /** TEXT(n): GDAL reports the width, as 三调 field tables specify one. */
    public static GpkgColumn text(String name, int maxChars) {
        return new GpkgColumn(name, "TEXT(" + maxChars + ")", false);
    }

    public static GpkgColumn date(String name) {
        return new GpkgColumn(name, "DATE", false);
    }

    public GpkgColumn required() {
        return new GpkgColumn(name, type, true);
    }
}
