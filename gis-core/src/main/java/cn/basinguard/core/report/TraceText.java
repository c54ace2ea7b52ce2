package cn.basinguard.core.report;

import cn.basinguard.core.i18n.Messages;

/** The fingerprint spelled out for a sheet's footer, metadata and trace lines: short hash, version, parameters, files. */
final class TraceText {
    private TraceText() {
    }

    static String of(Fingerprint f) {
        String files = String.join("；", f.files().stream().map(h -> h.name() + " " + h.sha256()).toList());
        return Messages.get("sheet.trace", f.shortHash(), f.version(), f.parameters(), files);
    }
}
