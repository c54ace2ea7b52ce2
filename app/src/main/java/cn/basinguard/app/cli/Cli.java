package cn.basinguard.app.cli;

import cn.basinguard.app.Version;
import cn.basinguard.core.GisException;
import cn.basinguard.core.i18n.Messages;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The headless {@code basinguard} command. Each subcommand prints its result to {@code out}; any problem the
 * user can fix is one line on {@code err} and a non-zero exit, never a stack trace. A defect of the program (any
 * other Throwable, errors included) is exit 3 with one line naming the log file that holds the stack trace.
 */
public final class Cli {
    /** Exit code when the command ran. */
    public static final int OK = 0;
    /** Exit code when the command ran but found problems in the data that it said on stderr (e.g. an unknown CRS). */
    public static final int WARNINGS = 1;
    /** Exit code when the input could not be used (bad file, bad option): the message says what to fix. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a defect in the program itself. */
    public static final int INTERNAL = 3;

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... rawArgs) {
        List<String> args = new ArrayList<>(Arrays.asList(rawArgs));
        try {
            takeLanguage(args);
            if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
                out.println(CliText.get("cli.usage"));
                return OK;
            }
            String command = args.remove(0);
            switch (command) {
                case "--version":
                case "-V":
                case "version":
                    out.println("basinguard " + Version.get());
                    return OK;
                case "info":
                    return new InfoCommand(out, err).run(args);
                case "print":
                    return new PrintCommand(out, err).run(args);
                case "check":
                    return new CheckCommand(out, err).run(args);
                case "export":
                    return new ExportCommand(out, err).run(args);
                case "pack":
                    return new PackCommand(out, err).run(args);
                case "verify":
                    return new VerifyCommand(out).run(args);
                default:
                    throw new UsageException(CliText.get("cli.unknownCommand", command));
            }
        } catch (UsageException e) {
            err.println("basinguard: " + e.getMessage());
            return BAD_INPUT;
        } catch (GisException e) {
            err.println("basinguard: " + e.getMessage());
            return BAD_INPUT;
        } catch (Throwable e) {
            // a defect (StackOverflowError and OutOfMemoryError included): one line and the log with the stack trace
            return defect(e, rawArgs);
        }
    }

    private int defect(Throwable e, String[] rawArgs) {
        java.nio.file.Path log = CrashLog.write(e, rawArgs);
        String what = e.getClass().getSimpleName();
        err.println("basinguard: " + (log == null ? CliText.get("cli.defectNoLog", what) : CliText.get("cli.defect", what, log)));
        return INTERNAL;
    }

    /** {@code --lang en|zh} may stand anywhere; it sets the language of everything printed after it. */
    private static void takeLanguage(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            if (a.equals("--lang") && i + 1 < args.size()) {
                value = args.get(i + 1);
                args.remove(i + 1);
                args.remove(i);
            } else if (a.startsWith("--lang=")) {
                value = a.substring("--lang=".length());
                args.remove(i);
            }
            if (value != null) {
                if (!value.equals("en") && !value.equals("zh") && !value.equals("zh_CN")) {
                    throw new UsageException(CliText.get("cli.badLang", value));
                }
                Messages.setLocale(value.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
                return;
            }
        }
    }
}
