package cn.basinguard.app.ui;

import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.ForwardingSource;

/**
 * The connected database lent to one reader (the map, a check, an export, a pack): everything is the database's, but
 * closing it leaves the connection open, so the window's readers can all close what {@link OpenedData#open()} gives
 * them, file or database, the same way. The connection is closed by the window when other data is opened or it goes.
 */
final class LentSource extends ForwardingSource {
    LentSource(DataSource connection) {
        super(connection);
    }

    /** Leaves the connection open: it is the window's, not the reader's. */
    @Override
    public void close() {
    }
}
