# The namespace sandbox's PID 1 (ipclab.grader.sandbox.NamespaceSandbox, which writes the plan).
# It runs as root of a fresh user namespace, in fresh PID, IPC, network and mount namespaces,
# builds the box's file system, and starts the command as an unprivileged user:
#
#   /usr, the JDK, a few files of /etc   read-only binds of the host's (/etc: passwd, group,
#                                        ld.so.cache, localtime, alternatives and the like)
#   /box/<name>                          read-only binds of the folders the grader gives
#   /tmp, /dev/shm                       fresh tmpfs, gone with the box
#   /dev                                 null, zero, full, random, urandom only
#   /proc                                this PID namespace's processes only
#   network                              loopback (127.0.0.1) only, no route out
#
# Nothing else of the host (the kit, its solutions and hidden tests, home folders, other
# students' workspaces) exists in the box. The command runs in a nested user namespace where it
# has no capabilities: it cannot remount, unmount or write anything but /tmp and /dev/shm. This
# shell stays PID 1 (a JVM as PID 1 does not reap orphans); when it exits, the kernel kills every
# process left in the namespace. Few programs are started (each costs time): one mount call
# mounts everything from an fstab the grader wrote.
#
# usage: sh box.sh ROOT DIRS FILES LINKS FSTAB -- COMMAND...
#   DIRS, FILES: newline-separated paths relative to ROOT to create; LINKS: lines "TARGET LINK";
#   FSTAB: fstab(5) lines, targets under ROOT
set -eu
R=$1 DIRS=$2 FILES=$3 LINKS=$4 FSTAB=$5
shift 6
# The network namespace has a loopback interface only, and it is down: bring it up for the labs'
# sockets on 127.0.0.1 (lab 5). There is still no route out of the box.
if command -v ip >/dev/null 2>&1; then ip link set lo up; fi
mount -t tmpfs -o size=4m,mode=0755 box "$R"
cd "$R"
IFS='
'
mkdir -p $DIRS
touch $FILES
printf '%s\n' "$LINKS" | while IFS=' ' read -r target link; do [ -z "$link" ] || ln -s "$target" "$link"; done
unset IFS
printf '%s\n' "$FSTAB" > .fstab
mount --fstab .fstab -a
rm .fstab
pivot_root . .
umount -l .
cd /
mount -o remount,ro /
cd /tmp
unshare --user -- "$@"
