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
 * Lets a thread wait for a message inside the kernel — a blocking {@code msgrcv} or
 * {@code msgsnd}, which the kernel ends the moment a message (or room) arrives — and still end
 * the wait at a deadline or when the thread is interrupted. A watchdog thread sends the waiting
 * thread a signal at that moment; the signal has a handler that does nothing, so its only effect
 * is that the system call returns {@code EINTR} (System V calls are never restarted after a
 * handler). The signal is the one the JDK's own NIO uses to interrupt blocked I/O, with the
 * handler NIO installs ({@code SIGRTMAX-2} on Linux).
 *
 * <pre>{@code
 * if (KernelWait.AVAILABLE) {
 *     try (var wait = KernelWait.until(deadline)) {
 *         while (msgrcv(..., flags 0) fails with EINTR) {
 *             if (wait.interrupted() || wait.expired()) ... stop waiting
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Used only on Linux, after checking that the handler really is installed; elsewhere, or
 * with {@code -Dipclab.ipc.poll=true}, {@link #AVAILABLE} is false and the kit waits by polling
 * ({@link Backoff}).
 */
final class KernelWait implements AutoCloseable {
    private static final int SIGNAL = 64 - 2;                     // __SIGRTMAX - 2, as sun.nio.ch.NativeThread
    private static final long CHECK_INTERRUPTS_NANOS = 20_000_000; // how soon an interrupt is noticed
    private static final long RESEND_NANOS = 1_000_000;            // a signal sent just before the call blocks is lost: resend

    static final boolean AVAILABLE = !Boolean.getBoolean("ipclab.ipc.poll")
            && Platform.CURRENT.name().equals("Linux") && Signals.handlerInstalled();

    private static final Set<KernelWait> WAITING = ConcurrentHashMap.newKeySet();
    private static volatile long watchdogWakesAt = Long.MAX_VALUE;
    private static final Thread WATCHDOG = AVAILABLE
            ? Thread.ofPlatform().daemon().name("ipclab-kernel-wait").unstarted(KernelWait::watch) : null;

    private final Thread thread = Thread.currentThread();
    private final long pthread = Signals.pthreadSelf();
    private final long deadline;
    private boolean done;

    private KernelWait(long deadline) {
        this.deadline = deadline;
    }

    /** Registers the current thread as about to wait in the kernel until the deadline ({@link System#nanoTime()}). */
    static KernelWait until(long deadlineNanos) {
        var wait = new KernelWait(deadlineNanos);
        WAITING.add(wait);
        synchronized (KernelWait.class) {
            if (WATCHDOG.getState() == Thread.State.NEW) WATCHDOG.start();
        }
        if (deadlineNanos - watchdogWakesAt < 0) LockSupport.unpark(WATCHDOG);
        return wait;
    }

    boolean expired() {
        return System.nanoTime() - deadline >= 0;
    }

    boolean interrupted() {
        return thread.isInterrupted();
    }

    private synchronized void wake() {
        if (!done) Signals.kill(pthread, SIGNAL);
    }

    /** Ends the wait: after this returns, the watchdog sends this thread nothing more. */
    @Override
    public void close() {
        synchronized (this) {
            done = true;
        }
        WAITING.remove(this);
    }

    private static void watch() {
        while (true) {
            long now = System.nanoTime();
            long next = now + CHECK_INTERRUPTS_NANOS;
            for (var wait : WAITING) {
                if (now - wait.deadline >= 0 || wait.interrupted()) {
                    wait.wake();
                    next = Math.min(next, now + RESEND_NANOS);
                } else if (wait.deadline - next < 0) {
                    next = wait.deadline;
                }
            }
            watchdogWakesAt = next;
            LockSupport.parkNanos(next - now);
        }
    }

    /** The few pthread and signal calls, linked once. */
    private static final class Signals {
        private static final Linker LINKER = Linker.nativeLinker();
        private static final MethodHandle PTHREAD_SELF = link("pthread_self", FunctionDescriptor.of(JAVA_LONG));
        private static final MethodHandle PTHREAD_KILL = link("pthread_kill", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT));
        private static final MethodHandle SIGACTION = link("sigaction", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));

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
