package dev.ctx.keyservice.api;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.sun.management.ThreadMXBean;

/**
 * The property every fuzz target of this module checks for one input: the reader either accepts it or throws one of
 * the documented typed rejections; it never throws anything else, finishes within {@link #PER_INPUT} (a hang bound,
 * not a timing), and allocates at most {@link #FIXED_ALLOCATION} plus {@link #ALLOCATION_PER_INPUT_BYTE} per input
 * byte, so a length field cannot make it allocate what the field claims. The input is read once to warm caches and
 * once measured, on a thread of its own (per-thread allocation counter).
 */
final class FuzzProperty {

    static final Duration PER_INPUT = Duration.ofSeconds(10);
    static final long FIXED_ALLOCATION = 4L * 1024 * 1024;
    static final long ALLOCATION_PER_INPUT_BYTE = 64;

    private FuzzProperty() {}

    static void onlyTypedRejections(byte[] input, List<Class<? extends Exception>> typed, Consumer<byte[]> reader) {
        assertTimeoutPreemptively(PER_INPUT, () -> {
            read(input, typed, reader);
            long before = allocatedByThisThread();
            read(input, typed, reader);
            long allocated = allocatedByThisThread() - before;
            long budget = FIXED_ALLOCATION + ALLOCATION_PER_INPUT_BYTE * input.length;
            if (allocated > budget) {
                throw new AssertionError("reading " + input.length + " bytes allocated " + allocated
                        + " bytes, more than the budget of " + budget);
            }
        });
    }

    private static void read(byte[] input, List<Class<? extends Exception>> typed, Consumer<byte[]> reader) {
        try {
            reader.accept(input.clone());
        } catch (RuntimeException e) {
            if (typed.stream().noneMatch(type -> type.isInstance(e))) {
                throw new AssertionError(
                        "untyped rejection " + e.getClass().getName() + " of " + input.length + " bytes", e);
            }
        }
    }

    private static long allocatedByThisThread() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
