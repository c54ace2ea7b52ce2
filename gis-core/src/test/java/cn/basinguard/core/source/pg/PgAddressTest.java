package cn.basinguard.core.source.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Database addresses as libpq writes them, and what is never accepted in one: a password. */
class PgAddressTest {
    @Test
    void aFullAddressKeepsEveryPart() {
        PgAddress a = PgAddress.parse("postgresql://planner@10.1.2.3:5433/zrzy?schema=sqsx", Map.of());
        assertEquals("planner", a.user());
        assertEquals("10.1.2.3", a.host());
        assertEquals(5433, a.port());
        assertEquals("zrzy", a.database());
        assertEquals("sqsx", a.schema());
        assertEquals("postgresql://planner@10.1.2.3:5433/zrzy?schema=sqsx", a.uri());
        assertEquals("zrzy/sqsx", a.label());
        assertEquals(a, PgAddress.parse(a.uri(), Map.of()), "the shown address reads back as itself");
    }

    @Test
    void whatIsLeftOutComesFromTheEnvironmentAsLibpqTakesIt() {
        PgAddress a = PgAddress.parse("postgres://", Map.of("PGUSER", "gis", "PGHOST", "db.local", "PGPORT", "6432", "PGDATABASE", "bureau"));
        assertEquals("gis", a.user());
        assertEquals("db.local", a.host());
        assertEquals(6432, a.port());
        assertEquals("bureau", a.database());
        assertEquals("public", a.schema());
        PgAddress b = PgAddress.parse("postgresql://gis@/", Map.of());
        assertEquals("localhost", b.host());
        assertEquals(5432, b.port());
        assertEquals("gis", b.database(), "the database defaults to the user's name");
    }

    @Test
    void chineseNamesAndEscapesAndIpv6() {
        PgAddress a = PgAddress.parse("postgresql://%E8%A7%84%E5%88%92@[::1]:5432/%E5%9B%BD%E5%9C%9F?schema=%E4%B8%89%E5%8C%BA%E4%B8%89%E7%BA%BF"
                + "&sslmode=require&connect_timeout=5", Map.of());
        assertEquals("规划", a.user());
        assertEquals("::1", a.host());
        assertEquals("国土", a.database());
        assertEquals("三区三线", a.schema());
        assertEquals("require", a.sslMode());
        assertEquals(5, a.connectTimeoutSeconds());
        assertEquals("postgresql://规划@[::1]:5432/国土?schema=三区三线&sslmode=require&connect_timeout=5", a.uri());
        assertEquals(a, PgAddress.parse(a.uri(), Map.of()));
        assertTrue(PgAddress.isAddress(" POSTGRESQL://x@y/z"));
        assertFalse(PgAddress.isAddress("/data/postgresql/a.gpkg"));
    }

    @Test
    void aPasswordInTheAddressIsRefusedWithoutRepeatingIt() {
        for (String uri : new String[] {"postgresql://planner:S3cret-pw@10.1.2.3/zrzy", "postgresql://planner@10.1.2.3/zrzy?password=S3cret-pw"}) {
            GisException e = assertThrows(GisException.class, () -> PgAddress.parse(uri, Map.of()));
            assertEquals("pg.passwordInAddress", e.key());
            assertFalse(e.getMessage().contains("S3cret"), e.getMessage());
            assertTrue(e.getMessage().contains("PGPASSWORD") && e.getMessage().contains(".pgpass"), e.getMessage());
        }
    }

    @Test
    void badPartsAreNamed() {
        assertEquals("pg.badPort", assertThrows(GisException.class, () -> PgAddress.parse("postgresql://a@h:54x2/d", Map.of())).key());
        assertEquals("pg.badPort", assertThrows(GisException.class, () -> PgAddress.parse("postgresql://a@h:70000/d", Map.of())).key());
        assertEquals("pg.unknownParameter", assertThrows(GisException.class, () -> PgAddress.parse("postgresql://a@h/d?scheme=x", Map.of())).key());
        assertEquals("pg.severalHosts", assertThrows(GisException.class, () -> PgAddress.parse("postgresql://a@h1,h2/d", Map.of())).key());
        assertEquals("pg.socketHost", assertThrows(GisException.class, () -> PgAddress.parse("postgresql://a@%2Fvar%2Frun%2Fpostgresql/d", Map.of())).key());
        assertNull(PgAddress.parse("postgresql://a@h/d", Map.of()).sslMode());
    }
}
