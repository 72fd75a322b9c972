package allpairs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The one number syntax of the options: decimal integers ({@code -12}) and decimal numbers with an
 * optional exponent ({@code 1.5}, {@code .5}, {@code 2e-3}). Java's extras ({@code 1d}, {@code 0x1p3},
 * {@code Infinity}, octal or hex integers) are refused, and so is a value its type cannot hold:
 * never silently rounded to 0 or infinity.
 */
public final class NumberSyntax {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    /** Longer texts are refused before BigDecimal works on them (its cost grows with the length). */
    private static final int MAX_LENGTH = 400;

    private NumberSyntax() {
    }

    /** Why {@code text} is not a valid number of the option's type. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason);
        }
    }

    /** A decimal integer that fits an int. */
    public static int parseInt(String text) {
        return (int) parseLong(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
    }

    /** A decimal integer that fits a long. */
    public static long parseLong(String text) {
        return parseLong(text, Long.MIN_VALUE, Long.MAX_VALUE, "a long");
    }

    private static long parseLong(String text, long min, long max, String type) {
        if (text.length() > MAX_LENGTH || !INTEGER.matcher(text).matches()) {
            throw new Invalid("not an integer");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new Invalid("out of " + type + "'s range " + min + ".." + max);
        }
        return value.longValue();
    }

    /** A finite decimal number that a double holds without overflowing or underflowing to a subnormal. */
    public static double parseDouble(String text) {
        if (text.length() > MAX_LENGTH || !DECIMAL.matcher(text).matches()) {
            throw new Invalid("not a finite number");
        }
        BigDecimal exact;
        try {
            exact = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Invalid("not a finite number"); // an exponent beyond an int
        }
        if (exact.signum() != 0 && exact.abs().compareTo(BigDecimal.valueOf(Double.MAX_VALUE)) > 0) {
            throw new Invalid("too large for a double (largest " + Double.MAX_VALUE + ")");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new Invalid("too large for a double (largest " + Double.MAX_VALUE + ")");
        }
        if (exact.signum() != 0 && Math.abs(value) < Double.MIN_NORMAL) {
            throw new Invalid("too close to 0 for a double (smallest " + Double.MIN_NORMAL + " apart from 0)");
        }
        return value;
    }
}
