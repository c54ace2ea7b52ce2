package cn.basinguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFileNamesTest {
    @TempDir
    Path dir;

    @Test
    void separatorsAndParentReferencesCannotLeaveTheFolder() throws Exception {
        SafeFileNames n = new SafeFileNames();
        for (String raw : new String[] {"../../etc/passwd", "a/b\\c", "..", "..\\..\\x", "/abs", "C:\\win", "a\u0000b\u0007c\nd"}) {
            String name = n.next(raw, "pdf");
            assertFalse(name.contains("/") || name.contains("\\") || name.contains(".."), name);
            assertTrue(name.chars().noneMatch(Character::isISOControl), name);
            Path p = dir.resolve(name).normalize();
            assertEquals(dir, p.getParent(), raw);
            Files.writeString(p, "x");
        }
    }

    @Test
    void longNamesAreCutAndNamesStayUnique() {
        SafeFileNames n = new SafeFileNames();
        String longName = "㵐".repeat(200);
        String a = n.next(longName, "pdf");
        String b = n.next(longName, "pdf");
        assertEquals(SafeFileNames.MAX_STEM + ".pdf".length(), a.codePointCount(0, a.length()));
        assertNotEquals(a, b);
        assertEquals(n.next("Site", "csv"), "Site.csv");
        assertEquals("site-2.csv", n.next("site", "csv"), "unique ignoring case, as on Windows");
        assertEquals("Site.pdf", n.next("Site", "pdf"), "another extension is another file");
    }

    @Test
    void reservedAndEmptyNames() {
        SafeFileNames n = new SafeFileNames();
        assertEquals("_CON.pdf", n.next("CON", "pdf"));
        assertEquals("sheet.pdf", n.next("  ", "pdf"));
        assertEquals("sheet-2.pdf", n.next("///", "pdf"));
        assertEquals("a.pdf", n.next(" a. ", "pdf"));
    }
}
