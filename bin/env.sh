# Sourced by ./deskforge, ./run-tests and .ci/run: finds a JDK >= 21 and Maven; installs listed packages.
# Why: the machine's default java may be older than the release we target (21).

deskforge_java_major() { # prints the major version of the JDK at $1, or nothing
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')
  fi
  [ -n "$v" ] && echo "$v"
}

deskforge_find_jdk() { # prints a JAVA_HOME of a JDK >= 21, newest first after an explicit JAVA_HOME
  local candidates=() c v best="" bestv=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$c" ] && candidates+=("$c"); done
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(deskforge_java_major "$JAVA_HOME" || true)
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for c in "${candidates[@]}"; do
    v=$(deskforge_java_major "$c" || true)
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ]; then best=$c; bestv=$v; fi
  done
  if [ -z "$best" ]; then
    echo "deskforge: no JDK 21 or newer found (looked at \$JAVA_HOME, javac on PATH, /usr/lib/jvm/*)." >&2
    echo "deskforge: install one (for example Temurin 21+ under /usr/lib/jvm) or set JAVA_HOME to it." >&2
    return 1
  fi
  echo "$best"
}

deskforge_require_maven() { # as root, installs Maven from Debian when it is missing
  command -v mvn >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "deskforge: installing Maven (apt-get install -y maven) ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 && \
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends maven >&2 && return 0
  fi
  echo "deskforge: Maven is needed to build; install it with: sudo apt-get install -y maven" >&2
  return 1
}

deskforge_require_packages() { # the Debian packages listed in the files (one a line, '#' comments); as root, installs the missing
  local p missing=()
  for p in $(sed 's/#.*//' "$@"); do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -qx 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "deskforge: installing ${missing[*]} (listed in $*) ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 && \
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 && return 0
  fi
  echo "deskforge: the tests need these Debian packages (listed in $*): ${missing[*]}" >&2
  echo "deskforge: install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  return 1
}
