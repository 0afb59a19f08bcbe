package ipclab.ipc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Lets a thread block inside the kernel — in a {@code msgrcv} or {@code msgsnd} without
 * {@code IPC_NOWAIT}, which the kernel ends the moment a message (or room) arrives, exactly as
 * {@code sysv_ipc} waits — and still end the wait at a deadline or when the thread is
 * interrupted. A watchdog thread sends the waiting thread a signal at that moment; the signal has
 * a handler that does nothing, so its only effect is that the system call returns {@code EINTR}
 * (System V calls are never restarted after a handler). The signal is the one the JDK's own NIO
 * uses to interrupt blocked I/O, with the handler NIO installs ({@code SIGRTMAX-2} on Linux).
 *
 * <pre>{@code
 * if (KernelWait.usable()) {
 *     try (var wait = KernelWait.until(deadline)) {     // no system call: two field writes
 *         while (true) {
 *             if (wait.interrupted()) throw ...;
 *             n = msgrcv(..., flags 0);                    // blocks in the kernel
 *             if (n >= 0 || errno != EINTR) break;
 *             if (wait.expired()) ... stop waiting
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>What a wait costs: nothing but the blocking call. Each thread has one {@code KernelWait},
 * made on its first wait and reused; starting and ending a wait only sets its fields. The
 * watchdog looks at the waiting threads when the earliest deadline comes, and every
 * {@value #CHECK_INTERRUPTS_MILLIS} ms for interrupts while anyone waits; when nobody waits it
 * sleeps until someone does.
 *
 * <p>Used only on Linux, by platform threads, after checking that the handler really is
 * installed; elsewhere (a virtual thread moves between OS threads), or with
 * {@code -Dipclab.ipc.poll=true}, {@link #usable()} is false and the kit waits by polling
 * ({@link Backoff}).
 */
final class KernelWait implements AutoCloseable {
    private static final int SIGNAL = 64 - 2;                // __SIGRTMAX - 2, as sun.nio.ch.NativeThread
    static final long CHECK_INTERRUPTS_MILLIS = 20;          // how soon an interrupt is noticed
    private static final long RESEND_NANOS = 1_000_000;      // a signal sent just before the call blocks is lost: resend
    private static final long NEVER = Long.MAX_VALUE / 2;    // "no deadline", still safe to add to System.nanoTime()

    private static final boolean AVAILABLE = !Boolean.getBoolean("ipclab.ipc.poll")
            && Platform.CURRENT.name().equals("Linux") && Signals.handlerInstalled();

    private static final ThreadLocal<KernelWait> OF_THREAD = ThreadLocal.withInitial(KernelWait::new);
    private static final Set<KernelWait> THREADS = ConcurrentHashMap.newKeySet();  // every thread that ever waited, until it ends
    /** When the watchdog looks at the waiting threads next ({@link System#nanoTime()}), and whether it is looking now. */
    private static volatile long watchdogLooksAt = System.nanoTime() + NEVER;
    private static volatile boolean watchdogScanning;
    private static final Thread WATCHDOG = AVAILABLE
            ? Thread.ofPlatform().daemon().name("ipclab-kernel-wait").start(KernelWait::watch) : null;

    private final Thread thread = Thread.currentThread();
    private final long pthread = Signals.pthreadSelf();
    private volatile long deadline;
    private volatile boolean waiting;   // written under this object's lock, so no signal comes after close()

    private KernelWait() {
        THREADS.add(this);
    }

    /** Whether the current thread can wait in the kernel (else: poll with {@link Backoff}). */
    static boolean usable() {
        return AVAILABLE && !Thread.currentThread().isVirtual();
    }

    /** Starts a wait of the current thread in the kernel, until the deadline ({@link System#nanoTime()}); only if {@link #usable()}. */
    static KernelWait until(long deadlineNanos) {
        var wait = OF_THREAD.get();
        wait.deadline = deadlineNanos;
        synchronized (wait) {
            wait.waiting = true;
        }
        // A wait that began after the watchdog looked at this thread, with a deadline before it looks again, wakes it.
        if (watchdogScanning || deadlineNanos - watchdogLooksAt < 0) LockSupport.unpark(WATCHDOG);
        return wait;
    }

    /** A wait with no deadline: it ends when the call returns or the thread is interrupted. */
    static KernelWait untilInterrupted() {
        return until(System.nanoTime() + NEVER / 2);
    }

    boolean expired() {
        return System.nanoTime() - deadline >= 0;
    }

    boolean interrupted() {
        return thread.isInterrupted();
    }

    /** Ends the wait: after this returns, the watchdog sends this thread nothing more. */
    @Override
    public synchronized void close() {
        waiting = false;
    }

    private synchronized void wakeIfWaiting() {
        if (waiting) Signals.kill(pthread, SIGNAL);
    }

    private static void watch() {
        while (true) {
            watchdogScanning = true;
            long now = System.nanoTime();
            long next = now + NEVER;
            for (var wait : THREADS) {
                if (!wait.waiting) {
                    if (!wait.thread.isAlive()) THREADS.remove(wait);
                    continue;
                }
                long deadline = wait.deadline;
                if (now - deadline >= 0 || wait.interrupted()) {
                    wait.wakeIfWaiting();
                    deadline = now + RESEND_NANOS;
                }
                next = earliest(next, earliest(deadline, now + CHECK_INTERRUPTS_MILLIS * 1_000_000));
            }
            watchdogLooksAt = next;
            watchdogScanning = false;
            LockSupport.parkNanos(next - now);
        }
    }

    private static long earliest(long a, long b) {
        return a - b < 0 ? a : b;
    }

    /** The few pthread and signal calls, linked once. */
    private static final class Signals {
        private static final Linker LINKER = Linker.nativeLinker();
        private static final MethodHandle PTHREAD_SELF = link("pthread_self", FunctionDescriptor.of(JAVA_LONG));
        private static final MethodHandle PTHREAD_KILL = link("pthread_kill", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT));
        private static final MethodHandle SIGACTION = link("sigaction", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));

        @SuppressWarnings("restricted")  // see Libc
        private static MethodHandle link(String name, FunctionDescriptor descriptor) {
            return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor);
        }

        /** Makes sure NIO installed its handler, then checks that the signal has a handler (not default, not ignored). */
        static boolean handlerInstalled() {
            try {
                Class.forName("sun.nio.ch.NativeThread", true, null);
                try (var arena = Arena.ofConfined()) {
                    var old = arena.allocate(256, 8);  // struct sigaction: the handler is its first field
                    if ((int) SIGACTION.invokeExact(SIGNAL, MemorySegment.NULL, old) != 0) return false;
                    long handler = old.get(JAVA_LONG, 0);
                    return handler != 0 && handler != 1;  // SIG_DFL would end the process, SIG_IGN would not interrupt
                }
            } catch (Throwable e) {
                return false;
            }
        }

        static long pthreadSelf() {
            try {
                return (long) PTHREAD_SELF.invokeExact();
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        }

        static void kill(long pthread, int signal) {
            try {
                int ignored = (int) PTHREAD_KILL.invokeExact(pthread, signal);
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        }
    }
}
