package cn.basinguard.core.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rows of a tab-separated table shipped with the program (blank lines and # comments skipped). */
public final class TsvResource {
    /** One row: its line number in the file (for messages) and its columns. */
    public record Row(int line, String[] cols) {
    }

    private TsvResource() {
    }

    /** The rows of {@code resource}, found beside {@code owner}; a missing resource is a broken build, said as such. */
    public static List<Row> rows(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> out = new ArrayList<>();
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(new Row(n, line.split("\t")));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
