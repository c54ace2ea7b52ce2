package cn.basinguard.core.report;

import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.io.AtomicFile;
import cn.basinguard.core.io.OutputFolder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Writes every sheet of a check report into one folder (created when missing), in the formats asked for. Each file is
 * written to a temporary file and moved into place, so an existing sheet is replaced whole or not at all.
 */
public final class SheetExporter {
    public enum Format { PDF, XLSX, CSV }

    private final SheetMapPainter painter;

    public SheetExporter(SheetMapPainter painter) {
        this.painter = painter;
    }

    /**
     * @param progress told (done, total) after each file
     * @return the files written, in order
     */
    public List<Path> export(CheckReport report, Fingerprint fingerprint, LocalDate date, Path dir, Set<Format> formats,
                             BiConsumer<Integer, Integer> progress) {
        return export(report, fingerprint, date, dir, formats, null, progress);
    }

    /**
     * As {@link #export(CheckReport, Fingerprint, LocalDate, Path, Set, BiConsumer)}, for one unit or site only when
     * {@code subject} names it (its PDF and CSV sheet; the workbook always holds the whole district).
     */
    public List<Path> export(CheckReport report, Fingerprint fingerprint, LocalDate date, Path dir, Set<Format> formats,
                             String subject, BiConsumer<Integer, Integer> progress) {
        OutputFolder.create(dir);
        SheetBuilder b = new SheetBuilder(report, date, fingerprint);
        DistrictSummarySheet summary = b.districtSheet();
        List<ComplianceSheet> units = b.unitSheets();
        List<SiteReviewSheet> sites = b.siteSheets();
        List<Sheet> all = new ArrayList<>();
        all.add(summary);
        all.addAll(units);
        all.addAll(sites);
        Set<Format> f = formats.isEmpty() ? EnumSet.allOf(Format.class) : EnumSet.copyOf(formats);
        if (subject != null) {
            all.removeIf(s -> !s.subject().equals(subject) || s == summary);
            f.remove(Format.XLSX);
        }
        int total = (f.contains(Format.PDF) ? all.size() : 0) + (f.contains(Format.CSV) ? all.size() : 0) + (f.contains(Format.XLSX) ? 1 : 0);
        SafeFileNames names = new SafeFileNames();
        List<Path> written = new ArrayList<>();
        PdfSheetWriter pdf = new PdfSheetWriter(painter);
        CsvSheetWriter csv = new CsvSheetWriter();
        for (Sheet s : all) {
            String stem = stem(s);
            if (f.contains(Format.PDF)) {
                written.add(write(dir.resolve(names.next(stem, "pdf")), out -> pdf.write(s, out)));
                progress.accept(written.size(), total);
            }
            if (f.contains(Format.CSV)) {
                written.add(write(dir.resolve(names.next(stem, "csv")), out -> csv.write(s, out)));
                progress.accept(written.size(), total);
            }
        }
        if (f.contains(Format.XLSX)) {
            String sitesName = Messages.get("sheet.xlsx.sites");
            written.add(write(dir.resolve(names.next(Messages.get("sheet.xlsx.file"), "xlsx")),
                    out -> new XlsxSheetWriter().write(summary, units, sites, sitesName, out)));
            progress.accept(written.size(), total);
        }
        return written;
    }

    /**
     * An output folder that cannot be written or created (a file in the way, no permission) is one clear message,
     * said before any work is done; a missing folder is created by {@link #export}, not here.
     */
    public static void checkFolder(Path dir) {
        OutputFolder.check(dir);
    }

    private static Path write(Path target, AtomicFile.Content content) {
        AtomicFile.write(target, content);
        return target;
    }

    static String stem(Sheet s) {
        String kind = s instanceof ComplianceSheet ? "unit" : s instanceof SiteReviewSheet ? "site" : "district";
        return Messages.get("sheet.file." + kind) + "_" + s.subject();
    }
}
