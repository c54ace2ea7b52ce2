package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CliTest extends CliHarness {





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
