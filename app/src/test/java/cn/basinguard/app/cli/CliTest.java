package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @AfterEach
    void resetLanguage() {
        Messages.setLocale(Messages.CHINESE);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertEquals(Cli.OK, run("--version"));
        assertTrue(out().matches("basinguard \\d+\\.\\d+\\.\\d+.*\\R"), out());
        assertFalse(out().contains("unknown"));
    }

    @Test
    void unknownCommandIsOneLineAndNonZero() {
        assertEquals(Cli.BAD_INPUT, run("frobnicate"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("frobnicate"));
        assertTrue(err().contains("未知命令"));
    }

    @Test
    void englishOnRequest() {
        assertEquals(Cli.BAD_INPUT, run("--lang", "en", "frobnicate"));
        assertTrue(err().contains("Unknown command"), err());
    }

    @Test
    void badLanguageIsRefused() {
        assertEquals(Cli.BAD_INPUT, run("--lang", "fr", "--version"));
        assertTrue(err().contains("fr"));
    }
}
