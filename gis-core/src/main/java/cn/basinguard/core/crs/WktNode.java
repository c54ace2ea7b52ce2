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

    /** No CRS definition nests deeper than 8 (a bound CRS around a projected CRS around its datum's ellipsoid's id). */
    static final int MAX_DEPTH = 32;
    /** A CRS definition is a few kilobytes; the longest EPSG WKT2 texts stay under 10,000 characters. */
    static final int MAX_LENGTH = 100_000;

    /** The parsed text; empty when it is not well-formed WKT, nested too deep or too long to be a CRS definition. */
    static Optional<WktNode> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            Parser p = new Parser(text);
            WktNode root = p.node(0);
            return Optional.of(root);
        } catch (Malformed e) {
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

    /** The i-th plain argument as a number; NaN when it is missing or not a number. */
    double number(int i) {
        String s = text(i);
        if (s == null || s.isEmpty() || s.length() > 40) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
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

    /** Thrown inside the parser only: the text is not WKT this class can read. */
    private static final class Malformed extends Exception {
        Malformed() {
            super(null, null, false, false);
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        /** An element and its arguments; depth-limited, so a hostile text cannot exhaust the stack. */
        WktNode node(int depth) throws Malformed {
            if (depth > MAX_DEPTH) {
                throw new Malformed();
            }
            skipSpace();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String keyword = s.substring(start, pos).toUpperCase(Locale.ROOT);
            skipSpace();
            List<Object> args = new ArrayList<>();
            char open = at();
            if (keyword.isEmpty() || open != '[' && open != '(') {
                throw new Malformed();
            }
            char close = open == '[' ? ']' : ')';
            pos++;
            while (true) {
                skipSpace();
                char c = at();
                if (c == close) {
                    pos++;
                    return new WktNode(keyword, args);
                } else if (c == ',') {
                    pos++;
                } else if (c == '"') {
                    args.add(quoted());
                } else if (isBareStart(c) && nextBracketAfterWord()) {
                    args.add(node(depth + 1));
                } else {
                    args.add(bare(close));
                }
            }
        }

        /** The character at the cursor; the text ending inside an element is malformed. */
        private char at() throws Malformed {
            if (pos >= s.length()) {
                throw new Malformed();
            }
            return s.charAt(pos);
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

        private String quoted() throws Malformed {
            StringBuilder b = new StringBuilder();
            pos++;
            while (true) {
                char c = at();
                pos++;
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

        /** A plain value up to the next comma or the element's end; an opening bracket there is malformed. */
        private String bare(char close) throws Malformed {
            int start = pos;
            while (at() != ',' && s.charAt(pos) != close) {
                char c = s.charAt(pos);
                if (c == '[' || c == '(' || c == '"') {
                    throw new Malformed();
                }
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
