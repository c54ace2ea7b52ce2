package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.i18n.Messages;
import cn.basinguard.data.SampleData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code basinguard export} and {@code verify} end to end on the sample. */
class ExportCommandTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @AfterEach
    void resetLanguage() {
        Messages.setLocale(Messages.CHINESE);
    }

    @Test
    void exportsEveryFormatAndVerifiesAgainstTheData() throws Exception {
        Path sample = SampleData.zengduSample();
        assertEquals(Cli.OK, run("export", sample.toString(), "--out", dir.toString()), err.toString(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        long pdf = files.stream().filter(p -> p.toString().endsWith(".pdf")).count();
        long csv = files.stream().filter(p -> p.toString().endsWith(".csv")).count();
        assertEquals(pdf, csv);
        assertTrue(pdf >= 3, files.toString());
        assertEquals(1, files.stream().filter(p -> p.toString().endsWith(".xlsx")).count());
        assertTrue(files.stream().noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().contains("㵐水片区")));

        for (String ext : List.of(".pdf", ".xlsx", ".csv")) {
            Path sheet = files.stream().filter(p -> p.toString().endsWith(ext)).findFirst().orElseThrow();
            assertEquals(Cli.OK, run("verify", sheet.toString(), sample.toString()), out.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("一致"));
        }

        Path changed = Files.copy(sample, dir.resolve("changed.gpkg"));
        Files.write(changed, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        Path sheet = files.stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        assertEquals(Cli.WARNINGS, run("verify", sheet.toString(), changed.toString()));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("不一致") && said.contains("changed.gpkg"), said);
    }

    @Test
    void onlyTheFormatsAskedFor() throws Exception {
        assertEquals(Cli.OK, run("export", SampleData.zengduSample().toString(), "--out", dir.toString(), "--xlsx"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(".xlsx"), s.map(p -> p.toString().substring(p.toString().lastIndexOf('.'))).distinct().toList());
        }
    }

    @Test
    void aMissingFolderIsCreatedWithItsParents() throws Exception {
        Path missing = dir.resolve("no/such/folder");
        assertEquals(Cli.OK, run("export", SampleData.zengduSample().toString(), "--out", missing.toString(), "--csv"),
                err.toString(StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(missing)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().endsWith(".csv")));
        }
    }

    @Test
    void aFileInTheWayOfTheFolderIsOneClearLineAndExit2() throws Exception {
        Path file = Files.writeString(dir.resolve("sheets"), "not a folder");
        for (Path out : List.of(file, file.resolve("2026"))) {
            assertEquals(Cli.BAD_INPUT, run("export", SampleData.zengduSample().toString(), "--out", out.toString()));
            String e = err.toString(StandardCharsets.UTF_8).strip();
            assertEquals(1, e.lines().count(), e);
            assertTrue(e.contains("无法创建输出文件夹") && e.contains(file.toAbsolutePath() + "”是文件而不是文件夹"), e);
        }
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void withoutOutItSaysHowToCallIt() {
        assertEquals(Cli.BAD_INPUT, run("export", "x.gpkg"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--out"));
    }

    @Test
    void verifyRejectsAFileWithoutFingerprint() throws Exception {
        Path csv = Files.writeString(dir.resolve("other.csv"), "a,b\r\n");
        assertEquals(Cli.BAD_INPUT, run("verify", csv.toString(), SampleData.zengduSample().toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("指纹"));
    }
}
