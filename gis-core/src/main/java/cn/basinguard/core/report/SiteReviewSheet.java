package cn.basinguard.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * 项目选址红线核查表: one project site, its overlap with each red line, the units it lies in and the verdict; then what
 * it occupies of the land-use layer (land classes, three big classes, owners, villages — empty without a land-use
 * layer) and the patch table (null for a site not measured).
 */
public record SiteReviewSheet(String title, String subject, List<SheetField> fields, SheetTable overlaps,
                              SheetTable units, SheetTable verdict, List<SheetTable> occupation, SheetTable patches,
                              SheetMap map, Fingerprint fingerprint) implements Sheet {
    public SiteReviewSheet {
        fields = List.copyOf(fields);
        occupation = List.copyOf(occupation);
    }

    @Override
    public List<SheetTable> tables() {
        List<SheetTable> all = new ArrayList<>(List.of(overlaps, units, verdict));
        all.addAll(occupation);
        if (patches != null) {
            all.add(patches);
        }
        return all;
    }

    @Override
    public List<String> notes() {
        return List.of();
    }

    @Override
    public boolean signed() {
        return true;
    }
}
