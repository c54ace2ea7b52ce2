package cn.basinguard.core.report;

import cn.basinguard.core.GisException;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.source.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sheet was computed from: the SHA-256 of every input file (for a database, of each table's rows), the program
 * version and the check settings. The
 * short hash printed on paper covers all three, so a sheet can later be matched against the data it claims
 * ({@code basinguard verify}). File names are shown but not hashed: a copied or renamed file still matches.
 *
 * @param files one entry per input file, in the order given
 * @param parameters the check settings as one canonical line (the threshold and any --role choices)
 */
public record Fingerprint(List<FileHash> files, String version, String parameters) {
    /** Marks the trace in PDF metadata and in the XLSX/CSV trace lines. */
    public static final String SCHEME = "BG1";

    public record FileHash(String name, String sha256) {
    }

    public Fingerprint {
        files = List.copyOf(files);
    }

    public static Fingerprint of(List<Path> inputs, String version, CheckParameters parameters, Map<String, String> roles) {
        return of(inputs, List.of(), version, parameters, roles);
    }

    /**
     * As {@link #of(List, String, CheckParameters, Map)}, with what database sources hold (one digest per table, see
     * {@link DataSource#contents()}) after the files: a sheet made from a database matches as long as the tables'
     * rows are the same.
     */
    public static Fingerprint of(List<Path> inputs, List<DataSource.Content> contents, String version, CheckParameters parameters,
                                 Map<String, String> roles) {
        List<FileHash> hashes = new ArrayList<>();
        for (Path p : inputs) {
            hashes.add(new FileHash(p.getFileName().toString(), sha256(p)));
        }
        for (DataSource.Content c : contents) {
            hashes.add(new FileHash(c.name(), c.sha256()));
        }
        return new Fingerprint(hashes, version, parameterLine(parameters, roles));
    }

    static String parameterLine(CheckParameters parameters, Map<String, String> roles) {
        StringBuilder b = new StringBuilder("min_overlap_m2=").append(parameters.minOverlapM2());
        new TreeMap<>(roles).forEach((k, v) -> b.append(";role:").append(k).append('=').append(v));
        return b.toString();
    }

    /** 12 hex digits of the SHA-256 over the canonical text: short enough to read aloud, long enough not to collide. */
    public String shortHash() {
        return full().substring(0, 12);
    }

    /** The full SHA-256 over file hashes, version and parameters. */
    public String full() {
        return hex(digest().digest(canonical().getBytes(StandardCharsets.UTF_8)));
    }

    private String canonical() {
        StringBuilder b = new StringBuilder(SCHEME).append('\n');
        for (FileHash f : files) {
            b.append(f.sha256()).append('\n');
        }
        return b.append(version).append('\n').append(parameters).append('\n').toString();
    }

    private static String sha256(Path file) {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new GisException(e, "io.failed", file.toAbsolutePath(), e.getMessage());
        }
        return hex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
