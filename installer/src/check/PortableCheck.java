import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks the portable zip (run by {@code mvn -Pportable verify}; {@code java PortableCheck.java ZIP WORKDIR}): both
 * launchers with the installer's JVM options, the program and its libraries, JavaFX for each platform with natives
 * built for that platform's CPU (read from the ELF, PE and Mach-O headers, not guessed from names), the sqlite driver's
 * natives for each, no JavaFX outside its platform folders; then unzips it (keeping the launcher executable) and runs
 * the Linux launcher from there: {@code --version}, and {@code check} on the bundled sample with the JSON written. Prints
 * the sizes. Exits 1 with every failed check listed.
 */
public final class PortableCheck {
    /** JavaFX platform folder -> expected natives in its javafx-graphics jar and their CPU. */
    private static final Map<String, Native> JAVAFX = new LinkedHashMap<>();
    /** sqlite-jdbc native path -> its CPU. */
    private static final Map<String, Native> SQLITE = new LinkedHashMap<>();

    static {
        JAVAFX.put("linux", new Native(Format.ELF, "x86_64", List.of("libglass.so", "libglassgtk3.so", "libprism_es2.so", "libprism_sw.so", "libjavafx_font.so", "libjavafx_font_freetype.so")));
        JAVAFX.put("linux-aarch64", new Native(Format.ELF, "aarch64", List.of("libglass.so", "libglassgtk3.so", "libprism_es2.so", "libprism_sw.so", "libjavafx_font.so", "libjavafx_font_freetype.so")));
        JAVAFX.put("win", new Native(Format.PE, "x86_64", List.of("glass.dll", "prism_d3d.dll", "prism_sw.dll", "javafx_font.dll")));
        JAVAFX.put("mac", new Native(Format.MACHO, "x86_64", List.of("libglass.dylib", "libprism_es2.dylib", "libprism_sw.dylib", "libjavafx_font.dylib")));
        JAVAFX.put("mac-aarch64", new Native(Format.MACHO, "aarch64", List.of("libglass.dylib", "libprism_es2.dylib", "libprism_sw.dylib", "libjavafx_font.dylib")));
        SQLITE.put("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", new Native(Format.ELF, "x86_64", List.of()));
        SQLITE.put("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so", new Native(Format.ELF, "aarch64", List.of()));
        SQLITE.put("org/sqlite/native/Windows/x86_64/sqlitejdbc.dll", new Native(Format.PE, "x86_64", List.of()));
        SQLITE.put("org/sqlite/native/Mac/x86_64/libsqlitejdbc.dylib", new Native(Format.MACHO, "x86_64", List.of()));
        SQLITE.put("org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib", new Native(Format.MACHO, "aarch64", List.of()));
    }

    enum Format { ELF, PE, MACHO }

    record Native(Format format, String cpu, List<String> files) {
    }

    private final List<String> failed = new ArrayList<>();
    private int held;

    public static void main(String[] args) throws Exception {
        Path zip = Path.of(args[0]);
        Path work = Path.of(args[1]);
        PortableCheck c = new PortableCheck();
        c.run(zip, work);
        System.out.printf(Locale.ROOT, "PortableCheck: %d checks hold", c.held);
        if (!c.failed.isEmpty()) {
            System.out.println("; " + c.failed.size() + " do not:");
            c.failed.forEach(f -> System.out.println("  FAILED " + f));
            System.exit(1);
        }
        System.out.println(".");
    }

    private void check(boolean ok, String what) {
        if (ok) {
            held++;
        } else {
            failed.add(what);
        }
    }

    private void run(Path zip, Path work) throws Exception {
        check(Files.isRegularFile(zip), "the zip exists: " + zip);
        if (!Files.isRegularFile(zip)) {
            return;
        }
        System.out.printf(Locale.ROOT, "PortableCheck: %s is %.1f MB (%d bytes)%n", zip.getFileName(), Files.size(zip) / 1e6, Files.size(zip));
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"))) {
            Path root;
            try (var top = Files.list(fs.getPath("/"))) {
                List<Path> dirs = top.toList();
                check(dirs.size() == 1, "one top folder: " + dirs);
                root = dirs.get(0);
            }
            Map<String, Long> sizes = new TreeMap<>();
            try (var all = Files.walk(root)) {
                for (Path p : all.filter(Files::isRegularFile).toList()) {
                    String rel = root.relativize(p).toString();
                    String group = rel.startsWith("lib/javafx/") ? "lib/javafx/" + rel.split("/")[2] : rel.startsWith("lib/") ? "lib (program and libraries)" : rel;
                    sizes.merge(group, Files.size(p), Long::sum);
                }
            }
            sizes.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-32s %7.1f MB%n", k, v / 1e6));
            launchers(root);
            program(root);
            for (Map.Entry<String, Native> e : JAVAFX.entrySet()) {
                javafx(root, e.getKey(), e.getValue());
            }
            sqlite(root);
            noJavaFxOutsideItsFolders(root);
            unzip(root, work);
        }
        runFromUnzipped(work);
    }

    private void launchers(Path root) throws IOException {
        Path sh = root.resolve("basinguard");
        Path bat = root.resolve("basinguard.bat");
        check(Files.isRegularFile(sh), "basinguard (Linux, macOS) is there");
        check(Files.isRegularFile(bat), "basinguard.bat (Windows) is there");
        check(Files.isRegularFile(root.resolve("README.txt")), "README.txt is there");
        check(Files.isRegularFile(root.resolve("zengdu-sample.gpkg")), "the sample is there as a file");
        if (Files.isRegularFile(sh)) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(sh);
            check(perms.contains(PosixFilePermission.OWNER_EXECUTE) && perms.contains(PosixFilePermission.OTHERS_EXECUTE),
                    "basinguard is executable in the zip: " + perms);
            String text = Files.readString(sh, StandardCharsets.UTF_8);
            check(text.startsWith("#!/bin/sh\n") && !text.contains("\r"), "basinguard is a POSIX shell script with LF line ends");
            check(text.contains("\"$java\" -Dfile.encoding=UTF-8 -cp") && !text.contains("-Xmn"), "basinguard passes UTF-8 and leaves the JVM options to the program");
            check(text.contains("lib/javafx/$fx/*") && text.contains("cn.basinguard.app.Main"), "basinguard puts its platform's JavaFX on the class path");
        }
        if (Files.isRegularFile(bat)) {
            byte[] bytes = Files.readAllBytes(bat);
            String text = new String(bytes, Charset.forName("GBK"));
            check(text.contains("\r\n") && !text.replace("\r\n", "").contains("\n"), "basinguard.bat has CRLF line ends");
            check(text.contains("请安装 Java 17"), "basinguard.bat speaks Chinese in the console's code page (GBK)");
            check(text.contains("\"%JAVA%\" -Dfile.encoding=UTF-8 -cp") && !text.contains("-Xmn"), "basinguard.bat passes UTF-8 and leaves the JVM options to the program");
            check(text.contains("lib\\javafx\\win\\*") && text.contains("cn.basinguard.app.Main"), "basinguard.bat puts Windows JavaFX on the class path");
        }
    }

    private void program(Path root) throws IOException {
        for (String stem : List.of("app-", "gis-core-", "data-", "sqlite-jdbc-", "jts-core-", "pdfbox-", "proj4j-epsg-")) {
            try (var lib = Files.list(root.resolve("lib"))) {
                check(lib.anyMatch(p -> p.getFileName().toString().startsWith(stem) && p.toString().endsWith(".jar")), "lib/" + stem + "*.jar is there");
            }
        }
    }

    private void javafx(Path root, String platform, Native expected) throws IOException {
        Path dir = root.resolve("lib/javafx/" + platform);
        for (String module : List.of("base", "graphics", "controls")) {
            check(Files.isRegularFile(dir.resolve("javafx-" + module + "-" + version(root) + "-" + platform + ".jar")),
                    "JavaFX " + module + " for " + platform);
        }
        Path graphics = dir.resolve("javafx-graphics-" + version(root) + "-" + platform + ".jar");
        if (!Files.isRegularFile(graphics)) {
            return;
        }
        Map<String, byte[]> heads = heads(graphics, name -> expected.files().contains(name));
        for (String file : expected.files()) {
            byte[] head = heads.get(file);
            check(head != null, platform + ": " + file + " is in javafx-graphics");
            if (head != null) {
                String cpu = cpu(expected.format(), head);
                check(expected.cpu().equals(cpu), platform + ": " + file + " is built for " + expected.cpu() + " (" + expected.format() + "), found " + cpu);
            }
        }
    }

    private void sqlite(Path root) throws IOException {
        Path jar;
        try (var lib = Files.list(root.resolve("lib"))) {
            jar = lib.filter(p -> p.getFileName().toString().startsWith("sqlite-jdbc-")).findFirst().orElse(null);
        }
        if (jar == null) {
            return;
        }
        Map<String, byte[]> heads = heads(jar, SQLITE::containsKey);
        for (Map.Entry<String, Native> e : SQLITE.entrySet()) {
            byte[] head = heads.get(e.getKey());
            check(head != null, "sqlite native " + e.getKey());
            if (head != null) {
                check(e.getValue().cpu().equals(cpu(e.getValue().format(), head)), e.getKey() + " is built for " + e.getValue().cpu());
            }
        }
    }

    private void noJavaFxOutsideItsFolders(Path root) throws IOException {
        try (var lib = Files.list(root.resolve("lib"))) {
            for (Path jar : lib.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Map<String, byte[]> fx = heads(jar, name -> name.startsWith("javafx/") || name.startsWith("com/sun/glass/"));
                check(fx.isEmpty(), jar.getFileName() + " holds no JavaFX (it comes per platform from lib/javafx)");
            }
        }
    }

    /** The first bytes of the entries of a jar inside the zip whose names pass {@code wanted}. */
    private static Map<String, byte[]> heads(Path jar, java.util.function.Predicate<String> wanted) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory() && wanted.test(e.getName())) {
                    out.put(e.getName(), in.readNBytes(4096));
                }
            }
        }
        return out;
    }

    /** The CPU a native library was built for, from its file header. */
    static String cpu(Format format, byte[] h) {
        switch (format) {
            case ELF: {
                if (h.length < 20 || h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F') {
                    return "not ELF";
                }
                int machine = (h[18] & 0xff) | (h[19] & 0xff) << 8;
                return machine == 62 ? "x86_64" : machine == 183 ? "aarch64" : "ELF machine " + machine;
            }
            case PE: {
                if (h.length < 64 || h[0] != 'M' || h[1] != 'Z') {
                    return "not PE";
                }
                int pe = (h[60] & 0xff) | (h[61] & 0xff) << 8 | (h[62] & 0xff) << 16 | (h[63] & 0xff) << 24;
                if (pe + 6 > h.length || h[pe] != 'P' || h[pe + 1] != 'E') {
                    return "not PE";
                }
                int machine = (h[pe + 4] & 0xff) | (h[pe + 5] & 0xff) << 8;
                return machine == 0x8664 ? "x86_64" : machine == 0xAA64 ? "aarch64" : "PE machine " + Integer.toHexString(machine);
            }
            default: {
                if (h.length < 8) {
                    return "not Mach-O";
                }
                long magic = (h[0] & 0xffL) | (h[1] & 0xffL) << 8 | (h[2] & 0xffL) << 16 | (h[3] & 0xffL) << 24;
                if (magic != 0xFEEDFACFL) {
                    return "not a 64-bit Mach-O (magic " + Long.toHexString(magic) + ")";
                }
                int cpu = (h[4] & 0xff) | (h[5] & 0xff) << 8 | (h[6] & 0xff) << 16 | (h[7] & 0xff) << 24;
                return cpu == 0x01000007 ? "x86_64" : cpu == 0x0100000C ? "aarch64" : "Mach-O cpu " + Integer.toHexString(cpu);
            }
        }
    }

    private static String version(Path root) throws IOException {
        try (var dirs = Files.list(root.resolve("lib/javafx/linux"))) {
            String name = dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("javafx-base-")).findFirst().orElse("javafx-base-?-linux.jar");
            return name.substring("javafx-base-".length(), name.length() - "-linux.jar".length());
        }
    }

    /** Unzips as a user would, keeping the zip's permissions (the launcher stays executable). */
    private void unzip(Path root, Path work) throws IOException {
        if (Files.exists(work)) {
            try (var old = Files.walk(work)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work);
        try (var all = Files.walk(root)) {
            for (Path p : all.toList()) {
                Path to = work.resolve(root.getParent().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                    Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(p));
                }
            }
        }
    }

    /** The Linux launcher from the unzipped folder, with only a Java runtime: its version, and a check of the sample. */
    private void runFromUnzipped(Path work) throws Exception {
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            System.out.println("PortableCheck: not on Linux, the launcher is not run");
            return;
        }
        Path dir;
        try (var top = Files.list(work)) {
            dir = top.findFirst().orElseThrow();
        }
        Path json = work.resolve("check.json");
        Result version = launch(dir, List.of("./basinguard", "--version"));
        check(version.exit == 0 && version.out.startsWith("basinguard "), "./basinguard --version: exit " + version.exit + ", " + version.out.strip());
        Result run = launch(dir, List.of("./basinguard", "check", "zengdu-sample.gpkg", "--json", json.toString()));
        check(run.exit == 0, "./basinguard check zengdu-sample.gpkg: exit " + run.exit + "\n" + run.out);
        String report = Files.exists(json) ? Files.readString(json) : "";
        check(report.contains("\"schema\"") && report.contains("\"basinguard-check/"), "the check wrote its JSON report");
        check(report.contains("㵐水片区") && report.contains("涢水片区"), "both units of the sample are in the report");
        System.out.println("PortableCheck: " + version.out.strip() + "; check on the sample: " + run.out.lines().findFirst().orElse(""));
    }

    record Result(int exit, String out) {
    }

    /** Runs a launcher as a user with only Java would: JAVA_HOME set, nothing else of the build's environment. */
    private static Result launch(Path dir, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", dir.getParent().resolve("home").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LANG", "C.UTF-8");
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timed out)");
        }
        return new Result(p.exitValue(), out);
    }
}
