# Finds a JDK 25 or newer, for the kit's scripts (./run, ./grade, ./submit, bench/run): source
# this file, then `jdk=$(find_jdk25)`; empty when there is none. It looks where the build's
# toolchain selection looks: JAVA_HOME, the java on PATH, Maven's toolchains, the usual install
# folders. `find_jdk25_where` prints the JDK's home, a tab, and where it was found. POSIX sh.

is_jdk25() {  # is $1 the home of a JDK (java and javac) of version 25 or newer? (read from its release file)
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ] || return 1
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
  [ -n "$v" ] && [ "$v" -ge 25 ]
}

find_jdk25() {
  find_jdk25_where | cut -f1
}

find_jdk25_where() {
  tab=$(printf '\t')
  if [ -n "${JAVA_HOME:-}" ] && is_jdk25 "$JAVA_HOME"; then echo "$JAVA_HOME${tab}JAVA_HOME"; return; fi
  if command -v java >/dev/null 2>&1; then
    j=$(command -v java)
    j=$(readlink -f "$j" 2>/dev/null || echo "$j")
    d=$(dirname "$(dirname "$j")")
    if is_jdk25 "$d"; then echo "$d${tab}the java on PATH ($j)"; return; fi
  fi
  for f in "$HOME/.m2/toolchains.xml" "$HOME/.m2/discovered-jdk-toolchains-cache.xml"; do
    [ -f "$f" ] || continue
    for d in $(sed -n 's:.*<jdkHome>\(.*\)</jdkHome>.*:\1:p' "$f"); do
      if is_jdk25 "$d"; then echo "$d${tab}Maven's toolchains ($f)"; return; fi
    done
  done
  for d in /usr/lib/jvm/* /usr/lib64/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.m2/jdks/* "$HOME"/.gradle/jdks/*; do
    if is_jdk25 "$d"; then echo "$d${tab}the usual install folders"; return; fi
  done
}
