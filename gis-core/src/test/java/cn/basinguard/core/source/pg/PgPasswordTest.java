package cn.basinguard.core.source.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password is found where psql finds it, by psql's rules. */
class PgPasswordTest {
    @TempDir
    Path home;

    private final PgAddress bureau = PgAddress.parse("postgresql://planner@db.bureau:5432/zrzy?schema=sqsx", Map.of());
    private final List<String> warnings = new ArrayList<>();

    private Path passFile(String text, String mode) throws IOException {
        Path p = home.resolve(".pgpass");
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    @Test
    void pgpasswordComesFirst() throws IOException {
        passFile("*:*:*:*:from-file\n", "rw-------");
        assertEquals("from-env", PgPassword.find(bureau, Map.of("PGPASSWORD", "from-env"), home, false, warnings::add));
        assertEquals("from-file", PgPassword.find(bureau, Map.of(), home, false, warnings::add));
    }

    @Test
    void theFirstMatchingLineWinsWithWildcardsAndEscapes() throws IOException {
        passFile("""
                # a comment
                db.bureau:5433:zrzy:planner:other-port
                otherhost:5432:zrzy:planner:other-host
                db.bureau:5432:*:planner:a\\:b\\\\c:ignored
                *:*:*:*:anything
                """, "rw-------");
        assertEquals("a:b\\c", PgPassword.find(bureau, Map.of(), home, false, warnings::add));
        PgAddress other = PgAddress.parse("postgresql://someone@x:1/y", Map.of());
        assertEquals("anything", PgPassword.find(other, Map.of(), home, false, warnings::add));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void aFileOthersMayReadIsNotUsedAndTheUserIsToldWhy() throws IOException {
        passFile("*:*:*:*:secret\n", "rw-r--r--");
        assertNull(PgPassword.find(bureau, Map.of(), home, false, warnings::add));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("chmod 600"), warnings.get(0));
    }

    @Test
    void pgpassfileNamesTheFileAndNoFileIsNoPassword() throws IOException {
        Path named = home.resolve("elsewhere.conf");
        Files.writeString(named, "db.bureau:5432:zrzy:planner:named\n");
        Files.setPosixFilePermissions(named, PosixFilePermissions.fromString("rw-------"));
        assertEquals("named", PgPassword.find(bureau, Map.of("PGPASSFILE", named.toString()), home, false, warnings::add));
        assertNull(PgPassword.find(bureau, Map.of(), home, false, warnings::add));
        assertEquals(Path.of("C:/Users/a/AppData/Roaming", "postgresql", "pgpass.conf"),
                PgPassword.passFile(Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), home, true));
    }
}
