package ipclab.ipc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The C library functions the kit calls, through {@code java.lang.foreign}. Each call returns the
 * C result and leaves errno in a capture segment that the caller allocated with
 * {@link #newCallState}. Each function is linked the first time it is used (one holder class
 * per function), so a program that never touches a queue never pays for linking {@code msgget}.
 *
 * <p>Linking a C function and reading memory C returned are <em>restricted</em> operations: the
 * JVM cannot check them, and a wrong descriptor could crash it. They are declared here, each
 * with {@code @SuppressWarnings("restricted")} (the descriptors follow the C headers, see
 * {@link Platform}); the permission to run them is the JVM flag
 * {@code --enable-native-access=ALL-UNNAMED}, which every launcher of the kit passes
 * ({@code ./run}, {@link ChildJvm}, the build's test JVMs).
 */
final class Libc {
    private Libc() {
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));

    static MemorySegment newCallState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    /** Links a C function whose handle takes a call state segment first (see {@link #newCallState}). */
    @SuppressWarnings("restricted")
    static MethodHandle link(String name, FunctionDescriptor descriptor, Linker.Option... more) {
        var symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IpcException("the C library has no function " + name));
        var options = new Linker.Option[more.length + 1];
        options[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(more, 0, options, 1, more.length);
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    private static final class Msgget {
        static final MethodHandle H = link("msgget", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    private static final class Msgsnd {
        static final MethodHandle H = link("msgsnd",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    }

    private static final class Msgrcv {
        static final MethodHandle H = link("msgrcv",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT));
    }

    private static final class Msgctl {
        static final MethodHandle H = link("msgctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    }

    private static final class Mkfifo {
        static final MethodHandle H = link("mkfifo",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, Platform.CURRENT.modeT()));
    }

    private static final class Strerror {
        @SuppressWarnings("restricted")
        static final MethodHandle H = LINKER.downcallHandle(
                LINKER.defaultLookup().find("strerror").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    static int msgget(MemorySegment state, int key, int flags) {
        try {
            return (int) Msgget.H.invokeExact(state, key, flags);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int msgsnd(MemorySegment state, int id, MemorySegment message, long textBytes, int flags) {
        try {
            return (int) Msgsnd.H.invokeExact(state, id, message, textBytes, flags);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static long msgrcv(MemorySegment state, int id, MemorySegment buffer, long textCapacity, long type, int flags) {
        try {
            return (long) Msgrcv.H.invokeExact(state, id, buffer, textCapacity, type, flags);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int msgctl(MemorySegment state, int id, int command, MemorySegment msqidDs) {
        try {
            return (int) Msgctl.H.invokeExact(state, id, command, msqidDs);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int mkfifo(MemorySegment state, MemorySegment path, int mode) {
        try {
            if (Platform.CURRENT.modeT() == ValueLayout.JAVA_SHORT) {
                return (int) Mkfifo.H.invokeExact(state, path, (short) mode);
            }
            return (int) Mkfifo.H.invokeExact(state, path, mode);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** The C library's text for an errno value, e.g. "No such file or directory". */
    @SuppressWarnings("restricted")  // strerror returns a C string of unknown length
    static String describe(int errno) {
        try {
            var text = (MemorySegment) Strerror.H.invokeExact(errno);
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }
}
