package cn.basinguard.app.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.basinguard.core.report.Sheet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The printed text of every sample sheet against a checked-in copy, so that a change to what a sheet says is seen in
 * review. The fingerprint (it changes with the sample bytes) is masked. After an intended change, regenerate with
 * {@code mvn -o verify -pl app -am -Dtest=GoldenSheetTextTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbasinguard.golden.update=true} and review the diff.
 */
class GoldenSheetTextTest {
    private static final Path GOLDEN = Path.of("src/test/resources/cn/basinguard/app/sheets/golden");

    static String normalised(Sheet s, String text) {
        String fp = s.fingerprint().shortHash();
        String out = text.replace(fp, "<fingerprint>").replaceAll("[0-9a-f]{64}", "<sha256>").replace("\r\n", "\n");
        return out;
    }

    @Test
    void sheetTextIsStable() throws IOException {
        boolean update = Boolean.getBoolean("basinguard.golden.update");
        List<String> differing = new ArrayList<>();
        List<Sheet> all = SampleSheets.get().all();
        for (int i = 0; i < all.size(); i++) {
            Sheet s = all.get(i);
            String actual = normalised(s, PdfSheetTest.text(PdfSheetTest.pdf(s)));
            org.junit.jupiter.api.Assertions.assertFalse(actual.contains(System.getProperty("user.home")),
                    "a sheet must not depend on where the data sits on this PC");
            Path file = GOLDEN.resolve(String.format("%02d.txt", i));
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                continue;
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                differing.add(file.getFileName() + " (" + s.subject() + ")");
                Files.createDirectories(Path.of("target/golden-actual"));
                Files.writeString(Path.of("target/golden-actual").resolve(file.getFileName()), actual, StandardCharsets.UTF_8);
            }
        }
        assertEquals(List.of(), differing, "sheet text changed; actual text in app/target/golden-actual/");
    }
}
