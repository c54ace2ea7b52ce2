package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.postgis.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database's password (a distinctive one) appears in nothing the program writes or prints when it works from the
 * database: the check's JSON, the sheets (PDF text and metadata, XLSX, CSV), the atlas, the offline pack, info, and
 * everything said on stdout and stderr — the program's and the JVM's own (a driver's log would go there).
 */
class PasswordNowhereTest extends CliHarness {
    @TempDir
    Path dir;

    @Test
    void thePasswordIsInNothingWritten() throws Exception {
        String db = TestDatabase.address(TestDatabase.sampleSchema());
        String password = TestDatabase.PASSWORD;
        ByteArrayOutputStream jvmErr = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        List<String> said = new ArrayList<>();
        System.setErr(new PrintStream(jvmErr, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run("check", db, "--unit", "涢水片区", "--json", dir.resolve("check.json").toString()), err());
            said.add(out() + err());
            Path sheets = Files.createDirectories(dir.resolve("sheets"));
            assertEquals(0, run("export", db, "--unit", "涢水片区", "--out", sheets.toString()), err());
            said.add(out() + err());
            assertEquals(0, run("pack", db, "--unit", "㵐水片区", "--out", dir.resolve("pack.gpkg").toString()), err());
            said.add(out() + err());
            assertEquals(0, run("info", db, "--json"), err());
            said.add(out() + err());
            assertEquals(2, run("check", db.replace("@", ":" + password + "@")));
            said.add(out() + err());
        } finally {
            System.setErr(saved);
        }
        said.add(jvmErr.toString(StandardCharsets.UTF_8));
        for (String s : said) {
            assertFalse(s.contains(password), s);
        }
        int files = 0;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files++;
                assertFalse(contains(Files.readAllBytes(p), password), p + " holds the password");
                String name = p.getFileName().toString();
                if (name.endsWith(".pdf")) {
                    try (PDDocument doc = Loader.loadPDF(p.toFile())) {
                        String text = new PDFTextStripper().getText(doc) + doc.getDocumentInformation().getCOSObject();
                        assertTrue(text.contains("basinguard_test"), "the sheet names the database it was made from");
                        assertFalse(text.contains(password), p.toString());
                    }
                } else if (name.endsWith(".xlsx")) {
                    try (ZipFile zip = new ZipFile(p.toFile())) {
                        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                            try (InputStream in = zip.getInputStream(e)) {
                                assertFalse(contains(in.readAllBytes(), password), p + "!" + e.getName());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(files >= 6, "check JSON, sheets and the pack were written: " + files);
    }

    private static boolean contains(byte[] bytes, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + t.length <= bytes.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (bytes[i + j] != t[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
