#!/usr/bin/env bash
# The profile evidence behind the targets a full run fails (benchmarks/README.md, "What stands in
# the way"): whole processes (wall time from the clock, CPU and peak memory from /usr/bin/time;
# medians of 5 after a warm-up run), the classes each command loads and when, and JMH profiles of
# the in-JVM targets (-prof gc for bytes allocated per operation, -prof jfr for where the time
# goes). Run it on a quiet machine; about 10 minutes; it builds stale jars first, as lab bench does.
# OUT_DIR is taken relative to the repository's root. Not run by CI.
#
#   benchmarks/profile-evidence.sh [OUT_DIR]        (default: lab-out/profile)
#
# JDK 17 and Temurin 25 are taken from /usr/lib/jvm when present (JDK17= and JDK25= override);
# `jfr view` needs a JDK 21 or newer, so the JFR summaries are skipped without a JDK 25.
set -euo pipefail
case "${1:-}" in
  -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  -*) echo "profile-evidence: unknown option $1 (usage: benchmarks/profile-evidence.sh [OUT_DIR])" >&2; exit 2 ;;
esac
(( $# <= 1 )) || { echo "profile-evidence: one folder at most (usage: benchmarks/profile-evidence.sh [OUT_DIR])" >&2; exit 2; }
cd "$(dirname "$0")/.."
out="$(mkdir -p "${1:-lab-out/profile}" && cd "${1:-lab-out/profile}" && pwd)"
work="$out/work"
rm -rf "$work" && mkdir -p "$work"
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
jar=benchmarks/target/benchmarks.jar
[[ -x "$jdk17" ]] || { echo "profile-evidence: no JDK 17 at $jdk17 (JDK17=/path/to/bin/java chooses one)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "profile-evidence: /usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 2; }
command -v openssl >/dev/null || { echo "profile-evidence: openssl is not on the PATH" >&2; exit 2; }
# The jars, by the launcher's one staleness rule (as lab bench builds them), so nothing stale is measured.
./lab --build cli && ./lab --build benchmarks || exit 3

# Bob's certificate and an unencrypted key (as the whole-process side-by-side uses), a 1KB and a
# 10MB statement, each encrypted by openssl cms for Bob.
./lab pki issue bob@fabrikam.example --name Bob --dir "$work/pki" >/dev/null
openssl pkey -in "$work/pki/bob@fabrikam.example.key.pem" -passin pass:envelope-lab -out "$work/bob.key"
cp "$work/pki/bob@fabrikam.example.cert.pem" "$work/bob.pem"
for spec in 1KB:1024 10MB:10485760; do
  size="${spec%%:*}" bytes="${spec##*:}"
  { printf 'From: Alice Adams <alice@contoso-bank.example>\r\nTo: Bob <bob@fabrikam.example>\r\nSubject: statement\r\n'
    printf 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n'
    yes 'The quick brown fox jumps over the lazy dog while the statement balance stays put.' | sed 's/$/\r/'
  } 2>/dev/null | head -c "$bytes" >"$work/$size.eml" || true
  openssl cms -encrypt -binary -aes-256-gcm -in "$work/$size.eml" -out "$work/$size.p7m" -recip "$work/bob.pem" \
    -keyopt rsa_padding_mode:oaep -keyopt rsa_oaep_md:sha256
done

# A command that fails is not timed: the evidence would be of something else. (Inside $(...) an exit
# ends only the subshell, so the failure is also left in a file that the caller checks.)
run() {
  "$@" >/dev/null 2>"$work/stderr" && return
  echo "profile-evidence: '$*' failed: $(head -1 "$work/stderr")" | tee -a "$work/failed" >&2
  exit 3
}

median() { # N COMMAND... -> "wall s, user s, sys s, peak KB": medians over N runs after one warm-up
  local n=$1 column i start; shift
  run "$@"
  for i in $(seq "$n"); do
    # Wall time from the clock in nanoseconds (time's %e rounds to 10 ms, all of openssl at 1KB); CPU and memory from time.
    start=$(date +%s%N)
    run /usr/bin/time -f '%U %S %M' -o "$work/time.$i" "$@"
    echo "$(( ($(date +%s%N) - start) / 1000000 ))" | awk '{ printf "%.3f ", $1 / 1000 }' >"$work/wall.$i"
    paste -d '' "$work/wall.$i" "$work/time.$i" >"$work/run.$i"
  done
  for column in 1 2 3 4; do
    for i in $(seq "$n"); do awk -v c=$column '{ print $c }' "$work/run.$i"; done | sort -g \
      | awk '{ v[NR] = $1 } END { printf "%s ", v[int((NR + 1) / 2)] }'
  done
  echo
}

key=(--key "$work/bob.key" --cert "$work/bob.pem")
at() { grep -m1 -E "$1" "$work/classes.log" | sed -E 's/^\[([0-9.]+)s\].*/\1 s/' || true; }
count() { grep -c -E "$1" "$work/classes.log" || true; }
for jdk in 17 25; do
  java="$jdk17"; [[ $jdk == 25 ]] && java="$jdk25"
  [[ -x "$java" ]] || { echo "profile-evidence: no JDK $jdk at $java; skipped"; continue; }
  export LAB_JAVA="$java"
  file="$out/process-jdk$jdk.txt"
  {
    echo "# $("$java" -version 2>&1 | head -1); medians of 5: wall s, user s, system s, peak KB"
    echo "java -version, C1 and SerialGC as the launcher runs it: $(median 5 "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version)"
    echo "lab --version: $(median 5 ./lab --version)"
    echo "lab validate scenarios/clinic.yaml: $(median 5 ./lab validate scenarios/clinic.yaml)"
    echo "lab smime decrypt 1KB: $(median 5 ./lab smime decrypt "$work/1KB.p7m" "${key[@]}" -o "$work/1KB.out")"
    echo "lab smime decrypt 1KB, no start-up archive (LAB_ARCHIVE=off): $(LAB_ARCHIVE=off median 5 ./lab smime decrypt "$work/1KB.p7m" "${key[@]}" -o "$work/1KB.out")"
    echo "lab smime encrypt 1KB: $(median 5 ./lab smime encrypt "$work/1KB.eml" --to "$work/bob.pem" -o "$work/1KB.lab.p7m")"
    echo "lab smime decrypt 10MB: $(median 5 ./lab smime decrypt "$work/10MB.p7m" "${key[@]}" -o "$work/10MB.out")"
    echo "lab smime decrypt 10MB, C2 on (LAB_JAVA_OPTS=-XX:TieredStopAtLevel=4): $(LAB_JAVA_OPTS=-XX:TieredStopAtLevel=4 median 5 ./lab smime decrypt "$work/10MB.p7m" "${key[@]}" -o "$work/10MB.out")"
    echo "lab smime encrypt 10MB: $(median 5 ./lab smime encrypt "$work/10MB.eml" --to "$work/bob.pem" -o "$work/10MB.lab.p7m")"
    echo "lab smime encrypt 10MB, C2 on: $(LAB_JAVA_OPTS=-XX:TieredStopAtLevel=4 median 5 ./lab smime encrypt "$work/10MB.eml" --to "$work/bob.pem" -o "$work/10MB.lab.p7m")"
    echo "openssl cms -decrypt 1KB: $(median 5 openssl cms -decrypt -binary -inkey "$work/bob.key" -recip "$work/bob.pem" -in "$work/1KB.p7m" -out "$work/1KB.openssl.out")"
    echo "openssl cms -decrypt 10MB: $(median 5 openssl cms -decrypt -binary -inkey "$work/bob.key" -recip "$work/bob.pem" -in "$work/10MB.p7m" -out "$work/10MB.openssl.out")"
    echo "openssl cms -encrypt 10MB: $(median 5 openssl cms -encrypt -binary -aes-256-gcm -in "$work/10MB.eml" -out "$work/10MB.openssl.p7m" -recip "$work/bob.pem" -keyopt rsa_padding_mode:oaep -keyopt rsa_oaep_md:sha256)"
    # The classes each command loads, how many came from the start-up archive, and when (JVM uptime) its phases began.
    for command in "--version" "validate scenarios/clinic.yaml" "smime decrypt $work/1KB.p7m --key $work/bob.key --cert $work/bob.pem -o $work/1KB.out" "run bank-statement"; do
      rm -f "$work/classes.log"
      # shellcheck disable=SC2086
      LAB_JAVA_OPTS="-Xlog:class+load=info:file=$work/classes.log:uptime" run ./lab $command
      echo "classes of lab ${command%% /*}: $(count .) loaded, $(count 'shared objects file') from the archive;" \
        "picocli $(count 'picocli'), Bouncy Castle $(count 'org.bouncycastle'), Jakarta Mail $(count 'jakarta.mail|org.eclipse.angus')," \
        "Camel $(count 'org.apache.camel'), GreenMail $(count 'greenmail');" \
        "uptime at the first lab class $(at 'org.envelopelab'), first picocli $(at 'picocli'), first Bouncy Castle" \
        "$(at 'org.bouncycastle'), first Camel $(at 'org.apache.camel'), last class $(tail -1 "$work/classes.log" | sed -E 's/^\[([0-9.]+)s\].*/\1 s/')"
    done
  } >"$file"
  [[ ! -e "$work/failed" ]] || exit 3
  unset LAB_JAVA
  echo "profile-evidence: $file"
done

# In the JVM (JDK 17, the targets' reference): bytes allocated per operation, and where the time goes.
short=(-f 1 -wi 5 -w 1s -i 5 -r 1s)
jmh() { # NAME ARGS...
  local name=$1; shift
  "$jdk17" -jar "$jar" -foe true "$@" >"$out/jmh-$name.txt" 2>&1 \
    || { echo "profile-evidence: JMH failed; see $out/jmh-$name.txt" >&2; exit 3; }
  echo "profile-evidence: $out/jmh-$name.txt"
}
jmh protect-by-recipients ServiceVersusSmimeBenchmark.serviceProtect -p recipients=1,100 "${short[@]}" -prof gc
jmh 10MB-allocation "ServiceBenchmark.(protect|open)|SmimeContentBenchmark" -p size=10MB -p cipher=AES_256_GCM "${short[@]}" -prof gc
jmh private-key-three-forks PrivateKeyBenchmark -f 3 -wi 5 -w 1s -i 5 -r 1s
for spec in "protect-10MB:ServiceBenchmark.protect:size=10MB" "protect-100-recipients:ServiceVersusSmimeBenchmark.serviceProtect:recipients=100" \
            "decrypt-10MB:SmimeContentBenchmark.decrypt:size=10MB" ; do
  IFS=: read -r name benchmark parameter <<<"$spec"
  jmh "jfr-$name" "$benchmark" -p "$parameter" -p cipher=AES_256_GCM "${short[@]}" -prof "jfr:dir=$work/jfr-$name"
  recording="$(find "$work/jfr-$name" -name '*.jfr' | head -1)"
  if [[ -z "$recording" ]]; then
    echo "profile-evidence: JMH made no JFR recording for $benchmark (see $out/jmh-jfr-$name.txt)" >&2
    exit 3
  elif [[ ! -x "${jdk25%/java}/jfr" ]]; then
    echo "profile-evidence: no JDK 25 jfr to summarise $recording; skipped"
  else
    "${jdk25%/java}/jfr" view --width 140 hot-methods "$recording" >"$out/hot-methods-$name.txt"
    echo "profile-evidence: $out/hot-methods-$name.txt"
  fi
done
echo "profile-evidence: the inputs and the JFR recordings are in $work (git ignores it)"
