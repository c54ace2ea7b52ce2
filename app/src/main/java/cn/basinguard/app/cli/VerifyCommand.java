package cn.basinguard.app.cli;

import cn.basinguard.app.Version;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.report.Fingerprint;
import cn.basinguard.core.report.SheetVerifier;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code basinguard verify SHEET.pdf|.xlsx|.csv FILE.gpkg... [--role ROLE=LAYER]...}: recomputes the fingerprint from
 * the data files and says whether the sheet was made from them. Exit 0 on a match, 1 when it does not match.
 */
final class VerifyCommand {
    private final PrintStream out;

    VerifyCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        String usage = CliText.get("verify.usage");
        CheckArgs in = CheckArgs.parse(args, Set.of(), Set.of(), usage);
        if (in.files.size() < 2) {
            throw new UsageException(usage);
        }
        Path sheet = Path.of(in.files.get(0));
        List<String> data = in.files.subList(1, in.files.size());
        CheckArgs dataArgs = CheckArgs.parse(new java.util.ArrayList<>(data), Set.of(), Set.of(), usage);
        dataArgs.values.putAll(in.values);
        dataArgs.flags.addAll(in.flags);
        Fingerprint now;
        try (Inputs inputs = Inputs.open(dataArgs, null)) {
            now = Fingerprint.of(inputs.files(), inputs.contents(), Version.get(), CheckParameters.DEFAULT, in.roles);
        }
        SheetVerifier.Result r = SheetVerifier.verify(sheet, now);
        if (r.match()) {
            out.println(CliText.get("verify.match", sheet.getFileName(), now.shortHash()));
            return Cli.OK;
        }
        out.println(CliText.get("verify.noMatch", sheet.getFileName(), r.stored().shortHash(), now.shortHash()));
        for (String f : r.filesChanged()) {
            out.println("  " + CliText.get("verify.fileDiffers", f));
        }
        if (r.versionDiffers()) {
            out.println("  " + CliText.get("verify.versionDiffers", Version.get()));
        }
        if (r.filesChanged().isEmpty() && !r.versionDiffers()) {
            out.println("  " + CliText.get("verify.otherDiffers"));
        }
        return Cli.WARNINGS;
    }
}
