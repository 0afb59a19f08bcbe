package ipclab.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ipclab.ipc.MessageQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a box sees and what it leaves, checked with a shell inside it (on machines where the
 * namespace sandbox runs; elsewhere these tests are skipped, as the grader falls back).
 */
@Timeout(120)
class NamespaceSandboxTest {
    static final Limits LIMITS = Limits.defaults();
    static NamespaceSandbox sandbox;

    @TempDir
    Path temp;

    @BeforeAll
    static void onlyWhereNamespacesWork() {
        assumeTrue(NamespaceSandbox.unavailableReason(LIMITS) == null, "no namespace sandbox on this machine");
        sandbox = new NamespaceSandbox(LIMITS);
    }

    record Ran(int status, String stdout) {
    }

    Ran run(String script, Map<String, Path> readOnly) throws IOException, InterruptedException {
        Path mount = Files.createDirectories(temp.resolve("root"));
        Path scratch = Files.createDirectories(temp.resolve("scratch"));
        try (var box = sandbox.start(List.of("sh", "-c", script), readOnly, mount, scratch, Map.of())) {
            box.stdin().close();
            String out = new String(box.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(box.waitFor(Duration.ofSeconds(60))).isTrue();
            return new Ran(box.exitValue(), out);
        }
    }

    @Test
    void aBoxSeesOnlyTheSystemAndWhatItIsGivenReadOnly() throws Exception {
        Path given = Files.createDirectories(temp.resolve("given"));
        Files.writeString(given.resolve("classes.txt"), "the student's classes");
        Path secret = Files.writeString(temp.resolve("secret.txt"), "the reference solution");
        var ran = run("ls /; cat /box/work/classes.txt; echo; cat " + secret + " 2>/dev/null || echo no-secret;"
                + " echo x > /box/work/new 2>/dev/null || echo read-only; echo x > /usr/new 2>/dev/null || echo usr-read-only;"
                + " echo x > /tmp/new && echo tmp-writable; ls /home /root /work 2>/dev/null | wc -l; id -u", Map.of("work", given));
        assertThat(ran.stdout()).contains("the student's classes", "no-secret", "read-only", "usr-read-only", "tmp-writable")
                .doesNotContain("the reference solution");
        assertThat(ran.stdout().lines().toList()).containsSubsequence("box", "dev", "etc", "proc", "tmp", "usr");
        assertThat(ran.stdout().lines().toList()).doesNotContain("home", "root", "work");
        assertThat(ran.stdout().strip()).endsWith("65534");
        assertThat(Files.exists(given.resolve("new"))).isFalse();
    }

    @Test
    void devShmHoldsDockersDefault64MibAndTmpMore() throws Exception {
        var ran = run("df -k /dev/shm /tmp | tail -n 2 | awk '{print $2}'", Map.of());
        assertThat(ran.stdout().lines().map(String::strip).toList()).containsExactly("65536",
                Integer.toString(LIMITS.tmpMegabytes() * 1024));
    }

    @Test
    void theCommandHasNoCapabilitiesAndCannotUndoTheMounts() throws Exception {
        var ran = run("grep CapEff /proc/self/status; umount /box/work 2>/dev/null || echo cannot-umount;"
                + " mount -o remount,rw /usr 2>/dev/null || echo cannot-remount", Map.of("work", temp));
        assertThat(ran.stdout()).contains("CapEff:\t0000000000000000", "cannot-umount", "cannot-remount");
    }

    @Test
    void aBoxSeesOnlyItsOwnProcessesAndNoNetwork() throws Exception {
        var ran = run("ls /proc | grep -c '^[0-9]'; cat /proc/net/dev | grep -c ':'", Map.of());
        var counts = ran.stdout().lines().map(String::strip).toList();
        assertThat(Integer.parseInt(counts.get(0))).as("processes in the box").isLessThan(10);
        assertThat(counts.get(1)).as("network interfaces: loopback only").isEqualTo("1");
    }

    @Test
    void loopbackIsUpAndNothingElseIsReachable() throws Exception {
        var ran = run("ip -o link show lo | grep -q 'state UNKNOWN\\|UP' && echo lo-up;"
                + " ip route get 1.1.1.1 >/dev/null 2>&1 || echo no-route-out;"
                + " ip route get 127.0.0.1 >/dev/null 2>&1 && echo loopback-route", Map.of());
        assertThat(ran.stdout()).as("lab 5's servers listen on 127.0.0.1 in the box; nothing leaves it")
                .contains("lo-up", "no-route-out", "loopback-route");
    }

    @Test
    void queuesFilesAndProcessesDieWithTheBox() throws Exception {
        var ran = run("ipcmk -Q >/dev/null && ipcs -q | awk '/^0x/ {print \"key=\" $1}'; echo left > /dev/shm/ipclab-box-test;"
                + " setsid sh -c 'while :; do read x < /dev/zero; done' >/dev/null 2>&1 & echo started", Map.of());
        assertThat(ran.stdout()).contains("started");
        String key = ran.stdout().lines().filter(l -> l.startsWith("key=0x")).findFirst().orElseThrow().substring(6);
        assertThat(MessageQueue.exists((int) Long.parseLong(key, 16))).as("the box's queue, from outside").isFalse();
        assertThat(Files.exists(Path.of("/dev/shm/ipclab-box-test"))).isFalse();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse("")))
                .noneMatch(c -> c.contains("read x < /dev/zero"));
    }
}
