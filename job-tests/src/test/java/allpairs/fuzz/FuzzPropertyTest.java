package allpairs.fuzz;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import org.junit.jupiter.api.Test;

/** The fuzz property itself must fail for a parser that misbehaves, or the fuzzers prove nothing. */
class FuzzPropertyTest {
    private static volatile byte[] sink;

    @Test
    void aParserThatOverAllocatesOnEveryRunFails() {
        assertThatThrownBy(() -> FuzzProperty.check(10, () -> sink = new byte[32 << 20]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("allocated");
    }

    @Test
    void aOneOffAllocationOnOneRunDoesNotFail() {
        int[] runs = {0};
        assertThatCode(() -> FuzzProperty.check(10, () -> {
            if (runs[0]++ == 1) {
                sink = new byte[32 << 20]; // only the first measured run
            }
            return null;
        })).doesNotThrowAnyException();
    }

    @Test
    void aUserErrorIsAnAnswerAndAnyOtherExceptionEscapes() {
        assertThatCode(() -> FuzzProperty.check(10, () -> {
            throw new UserError("bad input", "file");
        })).doesNotThrowAnyException();
        assertThatThrownBy(() -> FuzzProperty.check(10, () -> {
            throw new IllegalArgumentException("a parser bug");
        })).isInstanceOf(IllegalArgumentException.class);
    }
}
