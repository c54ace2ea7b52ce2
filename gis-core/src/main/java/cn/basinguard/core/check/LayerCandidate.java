package cn.basinguard.core.check;

/**
 * A layer offered to role recognition.
 *
 * @param file the file it is in, as the user named it, or the database address (without password)
 * @param table the table name in the file
 * @param identifier the human name the file gives it (gpkg_contents.identifier), may equal the table name or be null
 * @param spatial true for feature layers, false for attribute-only tables
 */
public record LayerCandidate(String file, String table, String identifier, boolean spatial) {
    public String label() {
        return fileName() + " / " + table;
    }

    /** The file's name without its folder; for a database, its name and schema ("zrzy/sqsx"). */
    public String fileName() {
        if (cn.basinguard.core.source.pg.PgAddress.isAddress(file)) {
            return cn.basinguard.core.source.pg.PgAddress.parse(file).label();
        }
        String f = file.replace('\\', '/');
        return f.substring(f.lastIndexOf('/') + 1);
    }
}
