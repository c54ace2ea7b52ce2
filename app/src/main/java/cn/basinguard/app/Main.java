package cn.basinguard.app;

import cn.basinguard.app.cli.Cli;

/**
 * The one entry point of the product: with no arguments it opens the window, with a subcommand it runs
 * headless and never touches JavaFX (so it works on a server, over SSH, in CI).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean window = args.length == 0 || opensInWindow(args);
        JvmChoice.watchParent();
        var restarted = JvmChoice.restartIfNeeded(args, window);
        if (restarted.isPresent()) {
            System.exit(restarted.get());
        }
        SqliteLibrary.useCachedCopy(cn.basinguard.data.SampleData.cacheDir());
        if (window) {
            // loaded by name so that headless runs never load a JavaFX class
            try {
                Class.forName("cn.basinguard.app.ui.DesktopLauncher").getMethod("launch", String[].class)
                        .invoke(null, (Object) args);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null ? e.getCause() : e;
                System.err.println("basinguard: " + cn.basinguard.core.i18n.Messages.get("app.noWindow", String.valueOf(cause.getMessage())));
                System.exit(2);
            }
            return;
        }
        System.exit(new Cli(System.out, System.err).run(args));
    }

    /**
     * A single existing .gpkg file is what the desktop passes when the user double-clicks one (the installers
     * register the file association), so it opens in the window; everything else is a command.
     */
    static boolean opensInWindow(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            return false;
        }
        String name = args[0].toLowerCase(java.util.Locale.ROOT);
        try {
            return name.endsWith(".gpkg") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
