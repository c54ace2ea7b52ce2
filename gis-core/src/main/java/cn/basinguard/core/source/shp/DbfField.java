package cn.basinguard.core.source.shp;

/**
 * One column of a .dbf.
 *
 * @param name as decoded with the table's encoding
 * @param type the dBase type letter: C text, N/F number, D date, L logical; Visual FoxPro's binary I, B, Y, T
 *             ({@link #binary()}); others read as text
 * @param length the width in bytes
 * @param decimals digits after the point (numbers)
 * @param offset the column's first byte within a record (the deletion flag is byte 0)
 */
public record DbfField(String name, char type, int length, int decimals, int offset) {
    /**
     * Whether the column holds Visual FoxPro's binary values (an integer, a double, currency, a date-time) rather than
     * text: by its type and its width, since dBase 7 gives B another meaning (a memo's block number, ten characters).
     */
    public boolean binary() {
        return type == 'I' && length == 4 || (type == 'B' || type == 'Y' || type == 'T') && length == 8;
    }

    /** The type as GeoPackage and ogrinfo would name it. */
    public String sqlType() {
        if (binary()) {
            return type == 'I' ? "INTEGER" : type == 'T' ? "DATETIME" : "REAL";
        }
        return switch (type) {
            case 'N', 'F' -> decimals == 0 && length < 19 ? "INTEGER" : "REAL";
            case 'D' -> "DATE";
            case 'L' -> "BOOLEAN";
            default -> "TEXT(" + length + ")";
        };
    }
}
