package cn.basinguard.core.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed WKT element: KEYWORD[arg, arg, ...]. Plain arguments (quoted text, numbers, enumerations) are strings;
 * nested elements are nodes. Enough to read CRS definitions of either WKT version; not a validator.
 */
record WktNode(String keyword, List<Object> args) {

    static Optional<WktNode> parse(String text) {
        try {
            Parser p = new Parser(text);
            return Optional.of(p.node());
        } catch (RuntimeException e) {
            // malformed WKT simply does not match; the caller reports "unknown CRS" with the text
            return Optional.empty();
        }
    }

    /** The first plain argument: the element's name in CRS WKT. */
    String name() {
        return args.stream().filter(String.class::isInstance).map(String.class::cast).findFirst().orElse("");
    }

    String text(int i) {
        int seen = 0;
        for (Object a : args) {
            if (a instanceof String s && seen++ == i) {
                return s;
            }
        }
        return null;
    }

    double number(int i) {
        String s = text(i);
        return s == null ? Double.NaN : Double.parseDouble(s);
    }

    List<WktNode> children(String... keywords) {
        List<WktNode> out = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof WktNode n && n.is(keywords)) {
                out.add(n);
            }
        }
        return out;
    }

    Optional<WktNode> child(String... keywords) {
        return children(keywords).stream().findFirst();
    }

    /** Depth-first search below this node. */
    void collect(List<WktNode> out, String... keywords) {
        for (Object a : args) {
            if (a instanceof WktNode n) {
                if (n.is(keywords)) {
                    out.add(n);
                }
                n.collect(out, keywords);
            }
        }
    }

    Optional<WktNode> find(String... keywords) {
        List<WktNode> out = new ArrayList<>();
        collect(out, keywords);
        return out.stream().findFirst();
    }

    boolean is(String... keywords) {
        for (String k : keywords) {
            if (keyword.equalsIgnoreCase(k)) {
                return true;
            }
        }
        return false;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        WktNode node() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String keyword = s.substring(start, pos).toUpperCase(Locale.ROOT);
            skipSpace();
            List<Object> args = new ArrayList<>();
            char open = s.charAt(pos);
            if (open != '[' && open != '(') {
                throw new IllegalArgumentException("expected [ at " + pos);
            }
            char close = open == '[' ? ']' : ')';
            pos++;
            while (true) {
                skipSpace();
                char c = s.charAt(pos);
                if (c == close) {
                    pos++;
                    return new WktNode(keyword, args);
                } else if (c == ',') {
                    pos++;
                } else if (c == '"') {
                    args.add(quoted());
                } else if (isBareStart(c) && nextBracketAfterWord()) {
                    args.add(node());
                } else {
                    args.add(bare(close));
                }
            }
        }

        private boolean isBareStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private boolean nextBracketAfterWord() {
            int p = pos;
            while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) {
                p++;
            }
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            return p < s.length() && (s.charAt(p) == '[' || s.charAt(p) == '(');
        }

        private String quoted() {
            StringBuilder b = new StringBuilder();
            pos++;
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    if (pos < s.length() && s.charAt(pos) == '"') {
                        b.append('"');
                        pos++;
                    } else {
                        return b.toString();
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private String bare(char close) {
            int start = pos;
            while (s.charAt(pos) != ',' && s.charAt(pos) != close) {
                pos++;
            }
            return s.substring(start, pos).trim();
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
