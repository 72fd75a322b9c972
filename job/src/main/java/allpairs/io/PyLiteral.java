package allpairs.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literals a {@code .npy} header may hold: dicts, tuples,
 * lists, strings, integers, True/False/None. Nothing is ever evaluated or unpickled.
 * Tuples come back as {@link Tuple}, lists as {@link List}, integers as {@link BigInteger}.
 */
final class PyLiteral {
    /** A Python tuple, kept apart from a list because NumPy requires the shape to be a tuple. */
    record Tuple(List<Object> items) { }

    /** The Python {@code None}. */
    enum None { NONE }

    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    /**
     * Containers nest at most this deep (a shape is one tuple, a structured descr a few levels): the
     * parser recurses once per level, so a header nested thousands deep is refused, not a stack overflow.
     */
    static final int MAX_DEPTH = 32;
    /** Digits of one integer: a shape's dimension has at most 20; BigInteger's cost grows with the length. */
    static final int MAX_DIGITS = 100;

    private final String text;
    private int pos;
    private int depth;

    private PyLiteral(String text) {
        this.text = text;
    }

    static Object parse(String text) throws SyntaxError {
        PyLiteral p = new PyLiteral(text);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value() throws SyntaxError {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
            case '(':
            case '[':
                return container(c);
            case '\'':
            case '"':
                return string();
            default:
                if (c == '-' || c == '+' || isDigit(c)) {
                    return integer();
                }
                return name();
        }
    }

    private Object container(char open) throws SyntaxError {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        Object value = open == '{' ? dict() : open == '(' ? new Tuple(sequence('(', ')')) : sequence('[', ']');
        depth--;
        return value;
    }

    private Map<Object, Object> dict() throws SyntaxError {
        expect('{');
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            Object key = value();
            skipSpace();
            expect(':');
            Object val = value();
            if (map.put(key, val) != null) {
                throw error("duplicate key " + key);
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> sequence(char open, char close) throws SyntaxError {
        expect(open);
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                // "(5)" is just 5 in Python, not a tuple.
                if (open == '(' && items.size() == 1 && !sawComma) {
                    throw error("(x) is not a tuple; write (x,)");
                }
                return Collections.unmodifiableList(items);
            }
            items.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
                sawComma = true;
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string() throws SyntaxError {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case '\\': sb.append('\\'); break;
                    case '\'': sb.append('\''); break;
                    case '"': sb.append('"'); break;
                    default: sb.append('\\').append(e);
                }
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string");
    }

    private BigInteger integer() throws SyntaxError {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == digits) {
            throw error("expected a number");
        }
        if (pos - digits > MAX_DIGITS) {
            throw error("an integer of more than " + MAX_DIGITS + " digits");
        }
        BigInteger value = new BigInteger(text.substring(start, pos));
        // Python 2 wrote long integers as 3L; old .npy files still carry them.
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == '.' || Character.isLetter(text.charAt(pos)))) {
            throw error("not an integer");
        }
        return value;
    }

    private Object name() throws SyntaxError {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return None.NONE;
            default:
                pos = start;
                throw error("unsupported token");
        }
    }

    /** ASCII digits only, as Python's literals (Character.isDigit takes any script's). */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) throws SyntaxError {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private SyntaxError error(String what) {
        return new SyntaxError(what + " at character " + pos);
    }
}
