package ipclab.ipc;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;

/**
 * The few numbers of the C library that differ between Linux and macOS: flags, errno values and
 * where {@code msg_qnum} sits in {@code struct msqid_ds}. Everything else in the kit is portable.
 */
record Platform(
                String name,
                int ipcCreat, int ipcExcl, int ipcNowait, int ipcRmid, int ipcStat,
                int enoent, int eintr, int e2big, int eacces, int eexist, int einval, int eagain,
                int enomsg, int eidrm,
                long msqidDsSize, long msgQnumOffset,
                ValueLayout modeT, int defaultMsgMax) {

    // Linux (glibc, 64-bit): <bits/ipc.h>, <bits/msq.h>, <asm-generic/errno.h>.
    // struct msqid_ds: ipc_perm (48 bytes), stime, rtime, ctime, __msg_cbytes, msg_qnum, ...
    private static final Platform LINUX = new Platform("Linux",
            01000, 02000, 04000, 0, 2,
            2, 4, 7, 13, 17, 22, 11, 42, 43,
            120, 48 + 4 * 8,
            ValueLayout.JAVA_INT, 8192);

    // macOS: <sys/ipc.h>, <sys/msg.h> (__msqid_ds_new, packed to 4), <sys/errno.h>.
    // struct msqid_ds: ipc_perm (24 bytes), msg_first, msg_last, msg_cbytes (8), msg_qnum (8), ...
    private static final Platform MACOS = new Platform("macOS",
            01000, 02000, 04000, 0, 2,
            2, 4, 7, 13, 17, 22, 35, 91, 82,
            128, 24 + 4 + 4 + 8,
            ValueLayout.JAVA_SHORT, 2048);

    static final Platform CURRENT = detect();

    private static Platform detect() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("linux")) return LINUX;
        if (os.contains("mac") || os.contains("darwin")) return MACOS;
        throw new IpcException("System V IPC is supported on Linux and macOS, not on " + os);
    }

    MemoryLayout msqidDs() {
        return MemoryLayout.paddingLayout(msqidDsSize);
    }
}
