#!/usr/bin/env bash
# Re-measures issue 13's table: the README's main job (the HR CSV feed, bundled sample) against the standalone
# simulator with a remote tenant's round trip, once per mode, and prints per mode the wall time of the main job's JVM
# (its start included), the requests the simulator served and how many were GETs.
#
#   benchmarks/main-job-remote.sh                        # --latency-ms 150, as the issue measured it
#   SIMULATOR_FLAGS="--jitter-ms 30 --rate-limit 25 --burst 5" benchmarks/main-job-remote.sh
#   SKIP_BUILD=1 benchmarks/main-job-remote.sh           # reuse the last build
#   MODES=reconcile benchmarks/main-job-remote.sh        # one mode only
#
# Each mode gets a fresh simulator seeded with the example's "yesterday" and a fresh inbox holding the sample. The
# main job runs as a plain java process (the README's mvn command runs the same class inside Maven, whose build would
# be timed too). Plain http:// to loopback is accepted by the component without allowInsecureHttp.
set -euo pipefail
cd "$(dirname "$0")/.."

latency_ms=${LATENCY_MS:-150}
read -r -a simulator_flags <<< "${SIMULATOR_FLAGS:-}"
work=$(mktemp -d)
simulator_pid=
cleanup() {
  if [ -n "$simulator_pid" ]; then kill "$simulator_pid" 2>/dev/null || true; fi
  [ -n "${KEEP_WORK:-}" ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== Building the simulator and the HR example (offline, quiet)" >&2
  mvn -B -q -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
      -Dmdep.includeScope=runtime -Dmdep.regenerateFile=true \
      -pl lucid-scim-simulator,examples/hr-csv-provisioning -am >&2
fi
simulator_jar=$(ls lucid-scim-simulator/target/lucid-scim-simulator-*-standalone.jar)
classpath="examples/hr-csv-provisioning/target/classes:$(cat examples/hr-csv-provisioning/target/classpath.txt)"
seed=examples/hr-csv-provisioning/src/main/resources/sample/simulator-seed.json
sample=examples/hr-csv-provisioning/src/main/resources/sample/hr-export.csv

# Starts a seeded simulator on a free port; sets simulator_pid, simulator_url, simulator_token.
start_simulator() {
  local log=$1
  java -jar "$simulator_jar" --port 0 --seed "$seed" --latency-ms "$latency_ms" "${simulator_flags[@]}" \
       > "$log" 2>&1 &
  simulator_pid=$!
  for _ in $(seq 1 300); do
    if grep -q '^Bearer token: ' "$log"; then break; fi
    if ! kill -0 "$simulator_pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
    sleep 0.1
  done
  simulator_url=$(sed -n 's/^Lucid SCIM simulator listening at \([^ ]*\) .*/\1/p' "$log")
  # the simulator made the token up and printed it to its own log, which this script keeps to itself
  simulator_token=$(sed -n 's/^Bearer token: //p' "$log")
}

# Stops the simulator, which prints "served N requests: G GET, W writes, R answered 429" to its log as it exits.
stop_simulator() {
  kill -TERM "$simulator_pid"
  wait "$simulator_pid" || true
  simulator_pid=
}

rows=()
for mode in ${MODES:-upsert reconcile}; do
  dir="$work/$mode"
  mkdir -p "$dir/inbox"
  cp "$sample" "$dir/inbox/hr-export.csv"
  start_simulator "$dir/simulator.log"
  echo "== HR_MODE=$mode against $simulator_url (${latency_ms} ms per answer ${SIMULATOR_FLAGS:-})" >&2
  started=$(date +%s%N)
  LUCID_SCIM_URL=$simulator_url LUCID_SCIM_TOKEN=$simulator_token HR_INBOX="$dir/inbox" HR_ERRORS="$dir/errors" \
    HR_MODE=$mode java -cp "$classpath" dev.lucidscim.examples.hr.HrCsvProvisioningApp > "$dir/job.log" 2>&1 \
    || { cat "$dir/job.log" >&2; exit 1; }
  ended=$(date +%s%N)
  grep '^SUMMARY ' "$dir/job.log" >&2
  stop_simulator
  served=$(grep '^served ' "$dir/simulator.log")
  echo "$served" >&2
  # served N requests: G GET, W writes, R answered 429
  read -r requests gets limited < <(sed -E 's/^served ([0-9]+) requests: ([0-9]+) GET, [0-9]+ writes, ([0-9]+) answered 429$/\1 \2 \3/' <<< "$served")
  wall=$(awk -v ns=$((ended - started)) 'BEGIN { printf "%.1f s", ns / 1e9 }')
  label=$([ "$mode" = reconcile ] && echo "default (reconcile)" || echo "\`HR_MODE=upsert\`")
  rows+=("| $label | $wall | $requests | $gets | $limited |")
done

echo
echo "| mode | wall (JVM start included) | requests | of which GET | answered 429 |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
