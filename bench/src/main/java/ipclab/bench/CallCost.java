package ipclab.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Section;
import ipclab.ipc.MessageQueue;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * What one send and one receive on a System V queue cost when nobody waits: the same thread
 * sends a message and takes it back. Three ways, to tell the costs apart: the kit's
 * {@link MessageQueue}; bare {@code msgsnd}/{@code msgrcv} downcalls on buffers allocated once
 * (the floor: two system calls and the FFM transitions); and bare downcalls that allocate their
 * buffers in a new confined arena per call, as a simple FFM wrapper does.
 */
final class CallCost {
    private static final int IPC_NOWAIT = 04000;  // Linux and macOS alike
    private static final Linker LINKER = Linker.nativeLinker();
    @SuppressWarnings("restricted")  // the descriptors follow <sys/msg.h>; bench/run passes --enable-native-access
    private static final MethodHandle MSGSND = LINKER.downcallHandle(LINKER.defaultLookup().find("msgsnd").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    @SuppressWarnings("restricted")
    private static final MethodHandle MSGRCV = LINKER.downcallHandle(LINKER.defaultLookup().find("msgrcv").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT));

    private CallCost() {
    }

    static List<Result> run(Settings s, Resources resources, Progress progress) throws Exception {
        var results = new ArrayList<Result>();
        int key = resources.freshKeys(1);
        var queue = MessageQueue.createExclusive(key);
        try {
            for (int size : List.of(64, 8192)) {
                if (size > MessageQueue.maxMessageBytes()) continue;
                byte[] payload = Ops.message(Ops.ECHO, size);
                results.add(progress.done(result("kit MessageQueue send + receive", "mq-calls", size,
                        PerOp.measure(() -> {
                            queue.send(1, payload);
                            queue.receive(1);
                        }, 100, s))));
                results.add(progress.done(result("bare FFM msgsnd + msgrcv, buffers reused", "", size,
                        PerOp.measure(new Reused(queue.id(), payload)::call, 100, s))));
                results.add(progress.done(result("bare FFM, new arena per call", "", size,
                        PerOp.measure(() -> arenaPerCall(queue.id(), payload), 100, s))));
            }
        } finally {
            queue.remove();
        }
        return results;
    }

    private static Result result(String what, String pair, int size, Result.Outcome outcome) {
        return new Result(Section.CALL_COST, what, Language.JAVA, pair, size, 1, outcome);
    }

    /** msgsnd and msgrcv on two buffers allocated once. */
    private static final class Reused {
        private final int id;
        private final int size;
        private final MemorySegment out;
        private final MemorySegment in;

        Reused(int id, byte[] payload) {
            this.id = id;
            this.size = payload.length;
            var arena = Arena.ofAuto();
            out = arena.allocate(8 + payload.length, 8);
            in = arena.allocate(8 + MessageQueue.maxMessageBytes(), 8);
            out.set(JAVA_LONG, 0, 1);
            MemorySegment.copy(payload, 0, out, JAVA_BYTE, 8, payload.length);
        }

        void call() {
            msgsnd(id, out, size);
            long n = msgrcv(id, in);
            in.asSlice(8, n).toArray(JAVA_BYTE);
        }
    }

    private static void arenaPerCall(int id, byte[] payload) {
        try (var arena = Arena.ofConfined()) {
            var out = arena.allocate(8 + payload.length, 8);
            out.set(JAVA_LONG, 0, 1);
            MemorySegment.copy(payload, 0, out, JAVA_BYTE, 8, payload.length);
            msgsnd(id, out, payload.length);
        }
        try (var arena = Arena.ofConfined()) {
            var in = arena.allocate(8 + MessageQueue.maxMessageBytes(), 8);
            long n = msgrcv(id, in);
            in.asSlice(8, n).toArray(JAVA_BYTE);
        }
    }

    private static void msgsnd(int id, MemorySegment message, long textBytes) {
        int status;
        try {
            status = (int) MSGSND.invokeExact(id, message, textBytes, IPC_NOWAIT);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (status != 0) throw new IllegalStateException("msgsnd failed");
    }

    /** Takes the message of type 1 that must be there; returns its text bytes. */
    private static long msgrcv(int id, MemorySegment buffer) {
        long n;
        try {
            n = (long) MSGRCV.invokeExact(id, buffer, MessageQueue.maxMessageBytes(), 1L, IPC_NOWAIT);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (n < 0) throw new IllegalStateException("msgrcv failed");
        return n;
    }
}
