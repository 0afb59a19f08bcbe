"""The course's Python IPC, measured the same way as the Java kit (see ipclab.bench.Bench).

The Java benchmark writes this file to a temp folder and runs it with the arguments below; it
prints one line per result on stdout, which the Java side parses:

  RESULT section=round_trip pair=pipe mechanism=multiprocessing.Pipe bytes=64 items=1 count=N p50=.. p90=.. p99=.. max=.. medians=a;b;c
  RESULT section=one_way pair=pipe mechanism=multiprocessing.Pipe bytes=64 items=1 rates=a;b;c
  SKIP section=one_way pair=mq mechanism=sysv_ipc.MessageQueue bytes=65536 items=1 why=...
  NOTE free text

Times are in microseconds, rates in messages per second. Every peer is a child process started
by multiprocessing (the course's Process(target=...)) and answers the same ops as the Java peer:
E echo, S sink (count), C answer the count as decimal text, Q quit. Socket files go in --tmp.
"""

import argparse
import math
import multiprocessing as mp
import os
import socket
import struct
import sys
import time
from multiprocessing.connection import Client, Listener

ECHO, SINK, COUNT, QUIT = ord("E"), ord("S"), ord("C"), ord("Q")

try:
    import sysv_ipc
except ImportError:
    sysv_ipc = None


def message(op, size):
    return bytes([op]) + b"x" * (max(1, size) - 1)


def serve(recv, send):
    count = 0
    while True:
        m = recv()
        op = m[0]
        if op == ECHO:
            send(m)
        elif op == SINK:
            count += 1
        elif op == COUNT:
            send(str(count).encode("ascii"))
            count = 0
        elif op == QUIT:
            return


def pipe_peer(conn):
    serve(conn.recv_bytes, conn.send_bytes)


def queue_peer(to_peer, to_bench):
    serve(to_peer.get, to_bench.put)


def sysv_peer(key):
    mq = sysv_ipc.MessageQueue(key, max_message_size=max_message_bytes())
    serve(lambda: mq.receive(type=1)[0], lambda m: mq.send(m, type=2))


class Framed:
    """Lab 3's frame over a stream socket: a 4-byte big-endian length, then the bytes.

    A stream carries bytes, not messages: one recv() may return part of a frame or parts of two,
    so a frame is read to its announced length.
    """

    def __init__(self, sock):
        self.sock = sock

    def send(self, m):
        self.sock.sendall(struct.pack("!i", len(m)) + m)

    def recv(self):
        (n,) = struct.unpack("!i", self.exact(4))
        return self.exact(n)

    def exact(self, n):
        buf = bytearray(n)
        view = memoryview(buf)
        got = 0
        while got < n:
            k = self.sock.recv_into(view[got:])
            if k == 0:
                raise EOFError("the other side closed the socket")
            got += k
        return bytes(buf)


def socket_peer(family, address):
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.connect(address)
        if family == socket.AF_INET:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        framed = Framed(sock)
        serve(framed.recv, framed.send)


def connection_peer(address, authkey):
    with Client(address, authkey=authkey) as conn:
        serve(conn.recv_bytes, conn.send_bytes)


def percentile(ordered, p):
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


class Measure:
    def __init__(self, args):
        self.warmup = args.warmup
        self.run = args.run
        self.runs = args.runs
        self.max = args.max

    def trips(self, send, recv, m, seconds, samples):
        end = time.perf_counter_ns() + int(seconds * 1e9)
        clock = time.perf_counter_ns
        for _ in range(self.max):
            t0 = clock()
            if t0 > end:
                return
            send(m)
            back = recv()
            t1 = clock()
            if len(back) != len(m):
                raise RuntimeError("sent %d bytes, got %d back" % (len(m), len(back)))
            if samples is not None:
                samples.append(t1 - t0)

    def round_trips(self, send, recv, size):
        m = message(ECHO, size)
        self.trips(send, recv, m, self.warmup, None)
        every, medians = [], []
        for _ in range(self.runs):
            samples = []
            self.trips(send, recv, m, self.run, samples)
            samples.sort()
            medians.append(percentile(samples, 50) / 1000)
            every.extend(samples)
        every.sort()
        return dict(count=len(every), p50=percentile(every, 50) / 1000, p90=percentile(every, 90) / 1000,
                    p99=percentile(every, 99) / 1000, max=every[-1] / 1000, medians=medians)

    def flood(self, send, recv, m, seconds):
        clock = time.perf_counter_ns
        start = clock()
        end = start + int(seconds * 1e9)
        sent = 0
        while sent < self.max and clock() < end:
            send(m)
            sent += 1
        send(message(COUNT, 1))
        got = int(recv().decode("ascii"))
        elapsed = clock() - start
        if got != sent:
            raise RuntimeError("sent %d messages, the peer counted %d" % (sent, got))
        return sent * 1e9 / elapsed

    def one_way(self, send, recv, size):
        m = message(SINK, size)
        self.flood(send, recv, m, self.warmup)
        return [self.flood(send, recv, m, self.run) for _ in range(self.runs)]

    def per_op(self, op, batch=1000):
        """Time per call of op(), timed in batches (one call is too short to time alone)."""
        clock = time.perf_counter_ns
        end = clock() + int(self.warmup * 1e9)
        for _ in range(self.max):
            if clock() > end:
                break
            op()
        every, medians = [], []
        for _ in range(self.runs):
            samples = []
            end = clock() + int(self.run * 1e9)
            done = 0
            while clock() < end and done < self.max:
                t0 = clock()
                for _ in range(batch):
                    op()
                samples.append((clock() - t0) / batch)
                done += batch
            samples.sort()
            medians.append(percentile(samples, 50) / 1000)
            every.extend(samples)
        every.sort()
        return dict(count=len(every) * batch, p50=percentile(every, 50) / 1000, p90=percentile(every, 90) / 1000,
                    p99=percentile(every, 99) / 1000, max=every[-1] / 1000, medians=medians)


def emit_latency(section, pair, mechanism, size, items, r):
    emit("RESULT", section=section, pair=pair, mechanism=mechanism, bytes=size, items=items, count=r["count"],
         p50="%.3f" % r["p50"], p90="%.3f" % r["p90"], p99="%.3f" % r["p99"], max="%.3f" % r["max"],
         medians=";".join("%.3f" % v for v in r["medians"]))


def emit_rate(section, pair, mechanism, size, items, rates):
    emit("RESULT", section=section, pair=pair, mechanism=mechanism, bytes=size, items=items,
         rates=";".join("%.3f" % v for v in rates))


def emit_skip(section, pair, mechanism, size, items, why):
    emit("SKIP", section=section, pair=pair, mechanism=mechanism, bytes=size, items=items, why=why)


def emit(kind, **fields):
    print("\t".join([kind] + ["%s=%s" % (k, v) for k, v in fields.items()]), flush=True)


def measure_link(args, measure, pair, mechanism, send, recv, max_bytes):
    """Round trips and one-way throughput for every size and the batched variant, as MechanismSuite does."""
    batch_bytes = args.batch_items * args.batch_item_bytes
    for section in ("round_trip", "one_way"):
        cases = [(size, 1) for size in args.sizes] + [(batch_bytes, args.batch_items)]
        for size, items in cases:
            if size > max_bytes:
                emit_skip(section, pair, mechanism, size, items,
                          "does not fit: one System V message holds at most %d bytes (kernel.msgmax)" % max_bytes)
            elif section == "round_trip":
                emit_latency(section, pair, mechanism, size, items, measure.round_trips(send, recv, size))
            else:
                emit_rate(section, pair, mechanism, size, items, measure.one_way(send, recv, size))


def bench_pipe(args, measure):
    bench_end, peer_end = mp.Pipe()  # duplex: a Unix socket pair
    peer = mp.Process(target=pipe_peer, args=(peer_end,))
    peer.start()
    try:
        measure_link(args, measure, "pipe", "multiprocessing.Pipe", bench_end.send_bytes, bench_end.recv_bytes, math.inf)
        bench_end.send_bytes(message(QUIT, 1))
    finally:
        peer.join(10)
        if peer.is_alive():
            peer.terminate()
            peer.join()


def bench_queue(args, measure):
    to_peer, to_bench = mp.Queue(maxsize=64), mp.Queue(maxsize=64)
    peer = mp.Process(target=queue_peer, args=(to_peer, to_bench))
    peer.start()
    try:
        measure_link(args, measure, "pq", "multiprocessing.Queue", to_peer.put, to_bench.get, math.inf)
        to_peer.put(message(QUIT, 1))
    finally:
        peer.join(10)
        if peer.is_alive():
            peer.terminate()
            peer.join()


def finish(peer):
    """Waits for a peer told to quit; ends it if it does not."""
    peer.join(10)
    if peer.is_alive():
        peer.terminate()
        peer.join()


def bench_socket(args, measure, pair, mechanism, family):
    """Framed messages over a raw stream socket: UNIX (a file in the run's temp folder) or TCP on 127.0.0.1."""
    path = os.path.join(args.tmp, "py-bench.sock")
    server = socket.socket(family, socket.SOCK_STREAM)
    try:
        server.bind(path if family == socket.AF_UNIX else ("127.0.0.1", 0))
        server.listen(1)
        peer = mp.Process(target=socket_peer, args=(family, server.getsockname()))
        peer.start()
        server.settimeout(20)
        sock, _ = server.accept()
    finally:
        server.close()
        if family == socket.AF_UNIX and os.path.exists(path):
            os.unlink(path)
    try:
        sock.setblocking(True)
        if family == socket.AF_INET:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        framed = Framed(sock)
        measure_link(args, measure, pair, mechanism, framed.send, framed.recv, math.inf)
        framed.send(message(QUIT, 1))
    finally:
        finish(peer)
        sock.close()


def bench_connection(args, measure, pair, mechanism, authkey):
    """multiprocessing.connection's Listener and Client over a UNIX socket, as the course uses them."""
    address = os.path.join(args.tmp, "py-conn.sock")
    listener = Listener(address, family="AF_UNIX", authkey=authkey)
    try:
        peer = mp.Process(target=connection_peer, args=(address, authkey))
        peer.start()
        conn = listener.accept()
    finally:
        listener.close()  # removes the socket file; the accepted connection stays open
    try:
        measure_link(args, measure, pair, mechanism, conn.send_bytes, conn.recv_bytes, math.inf)
        conn.send_bytes(message(QUIT, 1))
    finally:
        finish(peer)
        conn.close()


def max_message_bytes():
    try:
        with open("/proc/sys/kernel/msgmax") as f:
            return int(f.read())
    except (OSError, ValueError):
        return 8192


def bench_sysv(args, measure):
    mq = sysv_ipc.MessageQueue(args.key, sysv_ipc.IPC_CREX, mode=0o600, max_message_size=max_message_bytes())
    peer = mp.Process(target=sysv_peer, args=(args.key,))
    peer.start()
    try:
        measure_link(args, measure, "mq", "sysv_ipc.MessageQueue", lambda m: mq.send(m, type=1),
                     lambda: mq.receive(type=2)[0], max_message_bytes())
        mq.send(message(QUIT, 1), type=1)
        peer.join(10)
    finally:
        if peer.is_alive():
            peer.terminate()
            peer.join()
        mq.remove()


def bench_calls(args, measure):
    """One send and one receive on one queue in one process: the cost of the calls, no waiting."""
    mq = sysv_ipc.MessageQueue(args.key + 1, sysv_ipc.IPC_CREX, mode=0o600, max_message_size=max_message_bytes())
    try:
        for size in (64, 8192):
            m = message(ECHO, size)

            def call():
                mq.send(m, type=1)
                mq.receive(type=1)

            emit_latency("call_cost", "mq-calls", "sysv_ipc send + receive", size, 1, measure.per_op(call, 100))
    finally:
        mq.remove()


def bench_state(args, measure):
    value = mp.Value("q", 0)

    def locked_add():
        with value.get_lock():
            value.value += 1

    emit_latency("state", "locked", "multiprocessing.Value += 1 (its lock)", 0, 1, measure.per_op(locked_add))
    with mp.Manager() as manager:
        shared = manager.Value("q", 0)

        def manager_add():
            shared.value += 1

        emit_latency("state", "manager", "Manager().Value += 1", 0, 1, measure.per_op(manager_add, 10))


def nothing():
    pass


def bench_startup(args):
    """Start to exit of a child that does nothing, as the course starts one: Process(target=...)."""
    for method, label in (("fork", "multiprocessing.Process, fork"), ("spawn", "multiprocessing.Process, spawn")):
        if method not in mp.get_all_start_methods():
            continue
        context = mp.get_context(method)
        samples = []
        for i in range(args.startup_runs + 1):
            t0 = time.perf_counter_ns()
            child = context.Process(target=nothing)
            child.start()
            child.join()
            if i > 0:  # the first one warms the caches
                samples.append(time.perf_counter_ns() - t0)
        samples.sort()
        emit_latency("startup", "", label, 0, 1, dict(count=len(samples), p50=percentile(samples, 50) / 1000,
                                                     p90=percentile(samples, 90) / 1000, p99=percentile(samples, 99) / 1000,
                                                     max=samples[-1] / 1000, medians=[]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--warmup", type=float, required=True)
    parser.add_argument("--run", type=float, required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--max", type=int, required=True)
    parser.add_argument("--sizes", required=True)
    parser.add_argument("--batch-items", type=int, required=True)
    parser.add_argument("--batch-item-bytes", type=int, required=True)
    parser.add_argument("--key", type=int, required=True)
    parser.add_argument("--suites", required=True)
    parser.add_argument("--startup-runs", type=int, required=True)
    parser.add_argument("--tmp", required=True)
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",")]
    suites = args.suites.split(",")
    measure = Measure(args)
    print("NOTE Python %s (%s)" % (sys.version.split()[0], sys.executable), flush=True)
    if "pipe" in suites:
        bench_pipe(args, measure)
    if "pq" in suites:
        bench_queue(args, measure)
    if "unix" in suites:
        bench_socket(args, measure, "unix", "socket AF_UNIX, framed", socket.AF_UNIX)
    if "tcp" in suites:
        bench_socket(args, measure, "tcp", "socket AF_INET, framed", socket.AF_INET)
    if "conn" in suites:
        bench_connection(args, measure, "conn", "mp.connection, no key", None)
    if "conn-auth" in suites:
        bench_connection(args, measure, "conn-auth", "mp.connection, authkey", os.urandom(32))
    if sysv_ipc is None:
        print("NOTE sysv_ipc is not installed for %s: the System V queue comparison is skipped "
              "(Debian/Ubuntu: apt-get install python3-sysv-ipc)" % sys.executable, flush=True)
    else:
        if "mq" in suites:
            bench_sysv(args, measure)
            bench_calls(args, measure)
    if "state" in suites:
        bench_state(args, measure)
    if "startup" in suites:
        bench_startup(args)


if __name__ == "__main__":
    main()
