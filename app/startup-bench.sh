#!/usr/bin/env bash
# Start-up benchmark: launches the workbench N times, each stopped once it has drawn its first samples
# (--exit-after), and prints a table of when each launch painted its first frame and drew its first samples
# (milliseconds from the JVM's start, from the -Dgw.app.trace=true timeline), with the CPU its FX thread and the
# whole process had used by the first frame (these depend far less on other load than the wall times do).
#
#   app/startup-bench.sh [-n N] [--scenario TEXT] -- LAUNCHER...
#   app/startup-bench.sh -n 5 -- /usr/bin/guidance-workbench                  # the installed app
#   app/startup-bench.sh -n 5 -- java -cp "app/target/classes:$(cat /tmp/appcp.txt)" gw.app.Launcher
#
# Without a display it runs each launch under xvfb-run. Say the machine's load (uptime) beside the numbers.
set -euo pipefail
n=5
scenario="learned: moons"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n="$2"; shift 2 ;;
    --scenario) scenario="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: $0 [-n N] [--scenario TEXT] -- LAUNCHER..." >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-n N] [--scenario TEXT] -- LAUNCHER..." >&2; exit 2; }
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "-n must be a positive whole number, got '$n'" >&2; exit 2; }
wrap=()
[ -n "${DISPLAY:-}" ] || wrap=(xvfb-run -a -s "-screen 0 1600x1000x24")

log=$(mktemp)
trap 'rm -f "$log"' EXIT
frames=()
samples=()
echo "| launch | first frame (ms) | FX thread CPU (ms) | process CPU (ms) | first samples (ms) |"
echo "| --- | --- | --- | --- | --- |"
for i in $(seq "$n"); do
  # a launcher that ignores --exit-after (an older build) would never exit: 120 s is ample for one launch
  JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Dgw.app.trace=true" timeout 120 "${wrap[@]}" "$@" --scenario "$scenario" \
    --exit-after first-samples >"$log" 2>&1 || { echo "launch $i failed or timed out:" >&2; tail -20 "$log" >&2; exit 1; }
  # "[trace]  2468 ms first frame painted; CPU so far: FX thread 1162 ms, whole process 5090 ms"
  read -r frame fx proc < <(awk '/first frame painted/ {print $2, $12, $16}' "$log")
  first=$(awk '/first samples drawn/ {print $2}' "$log")
  [ -n "$frame" ] && [ -n "$first" ] || { echo "launch $i printed no start-up trace:" >&2; tail -20 "$log" >&2; exit 1; }
  frames+=("$frame")
  samples+=("$first")
  echo "| $i | $frame | $fx | $proc | $first |"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "| median | $(median "${frames[@]}") | | | $(median "${samples[@]}") |"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
