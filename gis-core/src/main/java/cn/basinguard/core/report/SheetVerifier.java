package cn.basinguard.core.report;

import cn.basinguard.core.GisException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the fingerprint a sheet carries (PDF metadata, XLSX or CSV trace lines) and compares it with one recomputed
 * from data files, so a printed sheet can be tied to the data it claims.
 */
public final class SheetVerifier {
    /** What a sheet says it was made from. */
    public record Stored(String shortHash, String trace) {
    }

    /**
     * @param filesChanged names of the given files whose SHA-256 the sheet does not list
     * @param versionDiffers the sheet was made by another program version
     */
    public record Result(boolean match, Stored stored, Fingerprint now, List<String> filesChanged, boolean versionDiffers) {
    }

    private SheetVerifier() {
    }

    public static Result verify(Path sheet, Fingerprint now) {
        Stored s = read(sheet);
        List<String> changed = new ArrayList<>();
        for (Fingerprint.FileHash f : now.files()) {
            if (!s.trace().contains(f.sha256())) {
                changed.add(f.name());
            }
        }
        boolean version = !s.trace().contains(now.version());
        return new Result(s.shortHash().equals(now.shortHash()), s, now, changed, version);
    }

    public static Stored read(Path sheet) {
        String name = sheet.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            Optional<Stored> s = name.endsWith(".pdf") ? pdf(sheet) : name.endsWith(".xlsx") ? xlsx(sheet) : name.endsWith(".csv") ? csv(sheet)
                    : Optional.empty();
            return s.orElseThrow(() -> new GisException("sheet.verify.noTrace", sheet.toAbsolutePath()));
        } catch (IOException e) {
            throw new GisException(e, "sheet.verify.unreadable", sheet.toAbsolutePath(), e.getMessage());
        }
    }

    private static Optional<Stored> pdf(Path p) throws IOException {
        try (PDDocument doc = Loader.loadPDF(p.toFile())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            String hash = info.getCustomMetadataValue(PdfSheetWriter.META_FINGERPRINT);
            String trace = info.getCustomMetadataValue(PdfSheetWriter.META_TRACE);
            return hash == null || trace == null ? Optional.empty() : Optional.of(new Stored(hash, trace));
        }
    }

    private static Optional<Stored> xlsx(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            String hash = null;
            String trace = null;
            try (var rows = wb.getFirstSheet().openStream()) {
                for (Row r : (Iterable<Row>) rows::iterator) {
                    String a = r.getCellAsString(0).orElse("");
                    if (a.equals(CsvSheetWriter.MARKER_FINGERPRINT)) {
                        hash = r.getCellAsString(1).orElse(null);
                    } else if (a.equals(CsvSheetWriter.MARKER_TRACE)) {
                        trace = r.getCellAsString(1).orElse(null);
                    }
                }
            }
            return hash == null || trace == null ? Optional.empty() : Optional.of(new Stored(hash, trace));
        }
    }

    private static Optional<Stored> csv(Path p) throws IOException {
        String hash = null;
        String trace = null;
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(CsvSheetWriter.MARKER_FINGERPRINT + ",")) {
                    hash = unquote(line.substring(CsvSheetWriter.MARKER_FINGERPRINT.length() + 1));
                } else if (line.startsWith(CsvSheetWriter.MARKER_TRACE + ",")) {
                    trace = unquote(line.substring(CsvSheetWriter.MARKER_TRACE.length() + 1));
                }
            }
        }
        return hash == null || trace == null ? Optional.empty() : Optional.of(new Stored(hash, trace));
    }

    private static String unquote(String s) {
        return s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }
}
