package cn.basinguard.core.importer;

/**
 * Something in an imported file that could not be read as written, with what the user should fix.
 *
 * @param location the 1-based line (text formats) or record (Shapefile) number; 0 for the file as a whole
 * @param message the localized text: what is wrong and what to do
 */
public record ImportProblem(int location, String message) {
    @Override
    public String toString() {
        return location > 0 ? location + ": " + message : message;
    }
}
