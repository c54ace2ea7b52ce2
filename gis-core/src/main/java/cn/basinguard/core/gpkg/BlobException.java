package cn.basinguard.core.gpkg;

/** A geometry blob that cannot be decoded; the message says why in a few words. */
public final class BlobException extends Exception {
    BlobException(String message) {
        super(message);
    }
}
