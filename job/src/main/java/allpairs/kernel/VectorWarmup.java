package allpairs.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Looks every lane-wise operator up once per element type, before any kernel runs, so that the Vector
 * API's operator caches are full (issue 25: nw/sw lanes allocating after levenshtein's lanes).
 *
 * <p>Why: JDK 17 finds each operation's fallback in a cache per element type
 * ({@code VectorOperators.ImplCache.find}); a miss calls a supplier through one call site shared by all
 * element types. When C2 compiles {@code find} while that site has seen one type's supplier (levenshtein's
 * longs), the first miss of another type (sw's shorts) deoptimises it with a class_check trap, recorded in
 * find's profile. Every later compile that inlines {@code find} (a lane loop does about 50 times) adds those
 * traps up; past {@code -XX:PerMethodTrapLimit} (100) C2 stops trusting type profiles for the rest of that
 * compile, the vectors lose their exact class, the store intrinsics fail, and each store runs Java fallback
 * code that allocates (docs/performance.md). With every operator cached here, in the interpreter, no miss
 * ever reaches compiled code.
 */
final class VectorWarmup {
    private VectorWarmup() {
    }

    static void run() {
        List<Object> operators = operators();
        // The element types our kernels use (a plug-in kernel on ints or floats is not covered: each type
        // costs about 0.1 s of start-up, most of it spinning the operators' fallback lambdas).
        for (VectorSpecies<?> s : List.of(ByteVector.SPECIES_PREFERRED, ShortVector.SPECIES_PREFERRED,
                LongVector.SPECIES_PREFERRED, DoubleVector.SPECIES_PREFERRED)) {
            for (Object op : operators) {
                lookUp(s, op);
            }
        }
    }

    /** Every operator constant of {@link VectorOperators}. */
    static List<Object> operators() {
        List<Object> ops = new ArrayList<>();
        for (Field f : VectorOperators.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && VectorOperators.Operator.class.isAssignableFrom(f.getType())) {
                try {
                    ops.add(f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e); // public fields of a public class
                }
            }
        }
        return ops;
    }

    /** One call of each form that looks {@code op} up (an operator the type lacks throws: skipped). */
    private static <E> void lookUp(VectorSpecies<E> s, Object op) {
        Vector<E> one = s.broadcast(1);
        if (op instanceof VectorOperators.Unary u) {
            quietly(() -> one.lanewise(u));
        }
        if (op instanceof VectorOperators.Binary b) {
            quietly(() -> one.lanewise(b, one));
            quietly(() -> one.lanewise(b, 1)); // shifts by a scalar: a cache of their own
        }
        if (op instanceof VectorOperators.Ternary t) {
            quietly(() -> one.lanewise(t, one, one));
        }
        if (op instanceof VectorOperators.Associative a) {
            quietly(() -> one.reduceLanesToLong(a));
        }
    }

    private static void quietly(Runnable lookUp) {
        try {
            lookUp.run();
        } catch (UnsupportedOperationException | IllegalArgumentException | ArithmeticException e) {
            // not defined for this element type: no kernel looks it up either
        }
    }
}
