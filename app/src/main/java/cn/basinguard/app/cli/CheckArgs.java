package cn.basinguard.app.cli;

import cn.basinguard.core.crs.BursaWolf;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.source.shp.DbfEncoding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs shared by {@code check}, {@code export} and {@code verify}: GeoPackage files and {@code --role} choices,
 * plus the options each command declares (with a value, or a bare flag). One parser, so the three commands accept
 * exactly the same inputs.
 */
final class CheckArgs {
    /** The data named on the command line: files, folders and database addresses, as written. */
    final List<String> files = new ArrayList<>();
    final Map<String, String> roles = new LinkedHashMap<>();
    final Map<String, String> values = new LinkedHashMap<>();
    final List<String> flags = new ArrayList<>();
    /** {@code --datum-shift} may be given once per datum. */
    final List<String> datumShifts = new ArrayList<>();

    /** Options every command that reads data accepts: how its sources are opened. */
    private static final Set<String> SOURCE_VALUES = Set.of("--dbf-encoding", "--datum-shift", "--targets");
    private static final Set<String> SOURCE_FLAGS = Set.of("--recursive");

    static CheckArgs parse(List<String> args, Set<String> commandValues, Set<String> commandFlags, String usage) {
        Set<String> valueOptions = new java.util.HashSet<>(commandValues);
        valueOptions.addAll(SOURCE_VALUES);
        Set<String> flagOptions = new java.util.HashSet<>(commandFlags);
        flagOptions.addAll(SOURCE_FLAGS);
        CheckArgs c = new CheckArgs();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int eq = a.indexOf('=');
            String name = a.startsWith("--") && eq > 0 ? a.substring(0, eq) : a;
            boolean inline = !name.equals(a);
            if (name.equals("--role") || valueOptions.contains(name)) {
                String v;
                if (inline) {
                    v = a.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    v = args.get(++i);
                } else {
                    throw new UsageException(usage);
                }
                if (name.equals("--role")) {
                    addRole(c.roles, v);
                } else if (name.equals("--datum-shift")) {
                    c.datumShifts.add(v);
                } else {
                    c.values.put(name, v);
                }
            } else if (flagOptions.contains(a)) {
                c.flags.add(a);
            } else if (a.startsWith("--")) {
                throw new UsageException(CliText.get("cli.unknownOption", a, usage));
            } else {
                c.files.add(a);
            }
        }
        return c;
    }

    /** How the named files and folders are opened: {@code --dbf-encoding NAME}, {@code --recursive}. */
    SourceOptions sourceOptions() {
        String enc = values.get("--dbf-encoding");
        java.nio.charset.Charset charset = null;
        if (enc != null) {
            charset = DbfEncoding.fromCpg(enc);
            if (charset == null) {
                throw new UsageException(CliText.get("cli.badEncoding", enc));
            }
        }
        List<BursaWolf> shifts = new ArrayList<>();
        for (String spec : datumShifts) {
            BursaWolf p = BursaWolf.parse(spec);
            if (shifts.stream().anyMatch(q -> q.datum() == p.datum())) {
                throw new UsageException(CliText.get("cli.twoDatumShifts", spec));
            }
            shifts.add(p);
        }
        return new SourceOptions(charset, flags.contains("--recursive"), shifts);
    }

    Path path(String option) {
        String v = values.get(option);
        return v == null ? null : Path.of(v);
    }

    private static void addRole(Map<String, String> roles, String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new UsageException(CliText.get("check.badRole", spec));
        }
        roles.put(spec.substring(0, eq).trim(), spec.substring(eq + 1));
    }
}
