#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image: it finds or installs a JDK 25,
# then builds the grader and the kit's jars, so that grading needs no network afterwards, and
# prepares every lab once (see the last step).
# The root is $AUTOGRADER_ROOT (default /autograder); the zip is unpacked in $ROOT/source.
set -euo pipefail
ROOT=${AUTOGRADER_ROOT:-/autograder}
KIT=$ROOT/source/ipc-labs
. "$KIT/.mvn/jdk25.sh"
jdk=$(find_jdk25)
if [ -z "$jdk" ]; then
  # Gradescope's default image is Ubuntu: Temurin 25 from the Adoptium apt repository.
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q wget gpg apt-transport-https ca-certificates
  wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public | gpg --dearmor > /usr/share/keyrings/adoptium.gpg
  echo "deb [signed-by=/usr/share/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb $(. /etc/os-release; echo "$VERSION_CODENAME") main" \
    > /etc/apt/sources.list.d/adoptium.list
  apt-get update -q
  apt-get install -y -q temurin-25-jdk
  jdk=$(find_jdk25)
fi
if [ -z "$jdk" ]; then
  echo "error: no JDK 25 after installing one" >&2
  exit 1
fi
echo "JDK 25: $jdk"
chmod +x "$KIT/grade" "$KIT/mvnw" "$ROOT/source/run_autograder"
[ -f "$ROOT/run_autograder" ] && chmod +x "$ROOT/run_autograder"
cd "$KIT"
JAVA_HOME="$jdk" ./grade --help > /dev/null
echo "the grader is built: $KIT/grader/target"
# Each lab's tests built, its reference solution timed and the programs' AOT cache made, all kept
# in the image (.grader/cache, grader/target/aot): a submission then runs only its own tests.
JAVA_HOME="$jdk" ./grade gradescope --prepare
