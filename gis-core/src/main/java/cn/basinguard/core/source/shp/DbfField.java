package cn.basinguard.core.source.shp;

/**
 * One column of a .dbf.
 *
 * @param name as decoded with the table's encoding
 * @param type the dBase type letter: C text, N/F number, D date, L logical, others read as text
 * @param length the width in bytes
 * @param decimals digits after the point (numbers)
 * @param offset the column's first byte within a record (the deletion flag is byte 0)
 */
public record DbfField(String name, char type, int length, int decimals, int offset) {
    /** The type as GeoPackage and ogrinfo would name it. */
    public String sqlType() {
        return switch (type) {
            case 'N', 'F' -> decimals == 0 && length < 19 ? "INTEGER" : "REAL";
            case 'D' -> "DATE";
            case 'L' -> "BOOLEAN";
            default -> "TEXT(" + length + ")";
        };
    }
}
