package cn.basinguard.core.gpkg;

import cn.basinguard.core.i18n.Messages;

/**
 * A geometry blob that cannot be decoded. It carries a message key of the core bundle, so what the user reads is the
 * program's own sentence in their language, never a parser's exception text. Public because the PostGIS source
 * decodes the database's WKB through {@link WkbDecoder} and reports what it cannot read.
 */
public final class BlobException extends Exception {
    private final String key;
    private final transient Object[] args;

    BlobException(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = args.clone();
    }

    String key() {
        return key;
    }

    @Override
    public String getMessage() {
        return Messages.get(key, args);
    }
}
