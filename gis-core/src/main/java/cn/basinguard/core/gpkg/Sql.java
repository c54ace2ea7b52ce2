package cn.basinguard.core.gpkg;

/** Names from a file go into SQL only as quoted identifiers, never as raw text. */
final class Sql {
    private Sql() {
    }

    static String id(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
