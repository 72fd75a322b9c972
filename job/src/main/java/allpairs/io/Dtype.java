package allpairs.io;

import allpairs.UserError;
import java.nio.ByteOrder;

/**
 * A plain numeric NumPy dtype from a {@code .npy} header: byte order, kind (i, u, f) and size.
 * Only i1 u1 i2 u2 i4 u4 i8 u8 f4 f8 (either byte order) are accepted; anything else (bool,
 * float16, complex, strings, objects, structured) is refused by its descr, whatever the values.
 */
record Dtype(ByteOrder order, char kind, int size, String descr) {
    static final String SUPPORTED = "i1 u1 i2 u2 i4 u4 i8 u8 f4 f8";

    static Dtype parse(String descr, String where) {
        String d = descr;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN; // '<', '|' (not applicable) and '=' (native here)
        if (!d.isEmpty() && "<>|=".indexOf(d.charAt(0)) >= 0) {
            order = d.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            d = d.substring(1);
        }
        // NumPy's one-letter codes for the byte types.
        if (d.equals("b")) {
            d = "i1";
        } else if (d.equals("B")) {
            d = "u1";
        }
        if (d.length() == 2 && "iuf".indexOf(d.charAt(0)) >= 0 && Character.isDigit(d.charAt(1))) {
            char kind = d.charAt(0);
            int size = d.charAt(1) - '0';
            boolean ok = kind == 'f' ? (size == 4 || size == 8) : (size == 1 || size == 2 || size == 4 || size == 8);
            if (ok) {
                return new Dtype(order, kind, size, descr);
            }
        }
        throw new UserError("dtype '" + descr + "' is not supported (supported: " + SUPPORTED + ")", where);
    }

    boolean isFloat() {
        return kind == 'f';
    }
}
