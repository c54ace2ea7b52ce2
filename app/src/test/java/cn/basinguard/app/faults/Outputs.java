package cn.basinguard.app.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** What an output folder holds after a fault, and whether each file is complete. */
final class Outputs {
    private Outputs() {
    }

    /** The files under their final names (not hidden), by name. */
    static Map<String, Path> finals(Path dir) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(p -> out.put(p.getFileName().toString(), p));
        }
        return out;
    }

    /** The hidden temporary files (.NAME.PID.….part / .tmp / -journal) in a folder. */
    static List<Path> temporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF as a reader sees it: its pages and text (the creation time and file id differ from run to run). */
    record Pdf(int pages, String text) {
        static Pdf of(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            String tail = new String(bytes, Math.max(0, bytes.length - 32), Math.min(32, bytes.length), StandardCharsets.ISO_8859_1).strip();
            // PDFBox repairs a cut file silently: the end-of-file marker must be there first
            assertTrue(tail.endsWith("%%EOF"), file + " is cut short: it does not end with %%EOF");
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                return new Pdf(doc.getNumberOfPages(), new PDFTextStripper().getText(doc));
            }
        }
    }

    /** An XLSX workbook's sheet names and row counts; reading fails on a cut file (its zip directory is at the end). */
    static Map<String, Integer> xlsx(Path file) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            for (var sheet : wb.getSheets().toList()) {
                out.put(sheet.getName(), sheet.read().size());
            }
        }
        return out;
    }

    /**
     * Checks a GeoPackage the way a reader meets it: SQLite's integrity check passes, it is a GeoPackage, and holds
     * exactly {@code layers} (name → feature count) with each layer's R-tree indexing every feature; no journal or WAL
     * lies beside it.
     */
    static void assertGeoPackage(Path file, Map<String, Integer> layers) throws SQLException {
        assertTrue(!Files.exists(Path.of(file + "-journal")) && !Files.exists(Path.of(file + "-wal")), "a journal beside " + file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toUri().getRawPath() + "?mode=ro&immutable=1",
                config.toProperties()); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1), file.toString());
            }
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                rs.next();
                assertEquals(0x47504B47, rs.getInt(1), "GPKG application id");
            }
            Map<String, Integer> found = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")) {
                while (rs.next()) {
                    found.put(rs.getString(1), -1);
                }
            }
            for (String table : found.keySet()) {
                try (Statement q = c.createStatement();
                     ResultSet rs = q.executeQuery("SELECT (SELECT count(*) FROM \"" + table + "\"), (SELECT count(*) FROM \"rtree_" + table + "_geom\")")) {
                    rs.next();
                    assertEquals(rs.getInt(1), rs.getInt(2), "R-tree of " + table + " indexes every feature");
                    found.put(table, rs.getInt(1));
                }
            }
            assertEquals(new TreeMap<>(layers), found, file.toString());
        }
    }
}
