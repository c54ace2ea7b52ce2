package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.postgis.TestDatabase;
import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.source.pg.PostGisSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The window's connected database, lent to a check, reads as the database itself does: the same rows fetched, the
 * same figures. Lent before without the filtered read by area, it fetched every land class of the land-use layer to
 * keep its 耕地 here — twice the rows of a county check (1,633,628 against 794,674), 1.9 times a unit's.
 */
class LentSourceTest {
    static String schema;

    @BeforeAll
    static void server() {
        schema = TestDatabase.sampleSchema();
    }

    @Test
    void aCheckThroughTheLentDatabaseFetchesWhatTheDatabaseFetches() {
        try (PostGisSource pg = PostGisSource.open(TestDatabase.address(schema), SourceOptions.DEFAULT)) {
            // the unit's direct check comes after the lent source of the district's was closed: the connection stays open
            for (String unit : new String[] {null, "㵐水片区"}) {
                long before = pg.rowsFetched();
                CheckReport direct = check(pg, unit);
                long directRows = pg.rowsFetched() - before;
                before = pg.rowsFetched();
                CheckReport lent;
                try (DataSource l = new LentSource(pg)) {
                    lent = check(l, unit);
                }
                long lentRows = pg.rowsFetched() - before;
                assertTrue(directRows > 0);
                assertEquals(directRows, lentRows, "rows fetched for " + (unit == null ? "the district" : unit));
                assertEquals(direct.units(), lent.units());
                assertEquals(direct.conflictTotal(), lent.conflictTotal());
            }
        }
    }

    private static CheckReport check(DataSource source, String unit) {
        DatasetLoader.Loaded loaded = DatasetLoader.fromSources(List.of(source), Map.of(), unit);
        return new CheckEngine(CheckParameters.DEFAULT).run(loaded.input(), Progress.NONE);
    }
}
