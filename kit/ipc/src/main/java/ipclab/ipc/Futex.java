package ipclab.ipc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Sleeping on a word of shared memory until another process changes it: Linux's futex ("fast
 * userspace mutex"), the system call under every lock and condition variable of the C library.
 * A process that waits for a value in a {@link SharedSegment} first spins a little (the answer
 * often comes within microseconds), then calls {@link #await}: the kernel puts it to sleep
 * <em>only if the word still holds the value it saw</em>, so a change between its last look
 * and the call is never missed. The process that changes the word calls {@link #wake}, and the
 * kernel wakes the sleepers at once — no polling, no lost core.
 *
 * <pre>{@code
 * // waiter (any process)                       // writer (any other process)
 * int seen = word.get(JAVA_INT, 0);             word.set(JAVA_INT, 0, seen + 1);  // a volatile/release write
 * while (word.get(JAVA_INT, 0) == seen)         Futex.wake(word, Integer.MAX_VALUE);
 *     Futex.await(word, seen, timeoutNanos);
 * }</pre>
 *
 * <p>A futex word is 32 bits, 4-byte aligned, in memory every process maps (here: a
 * {@code SharedSegment}); the kernel finds the sleepers by the physical page, so the processes
 * may map it at different addresses. The calls are the shared (not {@code FUTEX_PRIVATE}) kind,
 * as the waiters are in other processes. {@code await} may return early (a signal, a spurious
 * wake-up): always check the word again. To save the writer a system call per change, waiters
 * can announce themselves in another word, which the writer checks after its write (see the
 * bench's {@code ShmRing}).
 *
 * <p>Linux only ({@link #AVAILABLE}); elsewhere a waiter has to poll.
 */
public final class Futex {
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;

    /** Whether futexes exist here (Linux on x86-64 or AArch64). */
    public static final boolean AVAILABLE = Platform.CURRENT.name().equals("Linux") && Call.SYS_FUTEX > 0;

    private Futex() {
    }

    /**
     * Sleeps while the 32-bit word at the start of {@code word} holds {@code expected}: until
     * {@link #wake} is called on it, the time runs out, or a signal comes; returns at once if it
     * holds another value. The caller checks the word again in every case.
     *
     * @return false if the time ran out, true otherwise
     */
    public static boolean await(MemorySegment word, int expected, long timeoutNanos) {
        var timeout = Call.TIMESPEC.get();
        timeout.set(JAVA_LONG, 0, Math.max(0, timeoutNanos) / 1_000_000_000);
        timeout.set(JAVA_LONG, 8, Math.max(0, timeoutNanos) % 1_000_000_000);
        long result = Call.futex(address(word), FUTEX_WAIT, expected, timeout.address());
        return result == 0 || Libc.errno(Call.STATE.get()) != Call.ETIMEDOUT;
    }

    /** Wakes up to {@code count} processes (or threads) sleeping on the word; returns how many it woke. */
    public static int wake(MemorySegment word, int count) {
        long woken = Call.futex(address(word), FUTEX_WAKE, count, 0);
        if (woken < 0) throw new IpcException("futex wake failed: " + Libc.describe(Libc.errno(Call.STATE.get())));
        return (int) woken;
    }

    /**
     * The raw address: passing the segment itself would keep its arena from being closed while
     * a process sleeps. A word unmapped during a wait makes the call fail, never the JVM crash.
     */
    private static long address(MemorySegment word) {
        if (word.byteSize() < Integer.BYTES || word.address() % Integer.BYTES != 0) {
            throw new IllegalArgumentException("a futex word is 4 bytes, 4-byte aligned: " + word);
        }
        if (!AVAILABLE) throw new UnsupportedOperationException("futexes exist only on Linux");
        return word.address();
    }

    /** {@code syscall(SYS_futex, uaddr, op, val, timeout, NULL, 0)}, linked once; errno in the thread's {@link #STATE}. */
    private static final class Call {
        static final int SYS_FUTEX = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 202;
            case "aarch64" -> 98;
            default -> -1;
        };
        static final int ETIMEDOUT = 110;
        private static final StructLayout TIMESPEC_LAYOUT = MemoryLayout.structLayout(
                JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec"));
        static final ThreadLocal<MemorySegment> STATE = ThreadLocal.withInitial(() -> Libc.newCallState(Arena.ofAuto()));
        static final ThreadLocal<MemorySegment> TIMESPEC = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(TIMESPEC_LAYOUT));
        // long syscall(long number, ...): every argument after the number passed as a long.
        private static final MethodHandle SYSCALL = Libc.link("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1));

        static long futex(long address, int op, int value, long timespec) {
            try {
                return (long) SYSCALL.invokeExact(STATE.get(), (long) SYS_FUTEX, address, (long) op, (long) value, timespec, 0L, 0L);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        }
    }
}
