package cn.basinguard.core.importer;

import cn.basinguard.core.i18n.Messages;

/**
 * Why one site (a placemark, a feature, a record, a plot) cannot be read, in the program's own words: the reader
 * reports it as an {@link ImportProblem} for that site and goes on with the rest of the file.
 */
final class SiteProblem extends Exception {
    SiteProblem(String key, Object... args) {
        // the message is the localized sentence; no stack trace is ever shown, so none is kept
        super(Messages.get(key, args), null, false, false);
    }
}
