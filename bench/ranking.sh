#!/usr/bin/env bash
# Trains and evaluates one preset for each given seed, sampling the process's resident memory every 5 seconds.
# Usage: bench/ranking.sh PRESET SEED... [-- TRAIN_OPTIONS...] (needs RDNAS_DATA); RUN_NAME=name names the runs
# bench/runs/NAME-sSEED/ (default: the preset), TRAIN_OPTIONS go to `rdnas train` (default: --sampler spos). Each run
# writes result.json, subnets.csv, history.json and rss.csv (its checkpoint/ stays out of git) and prints one line. A
# finished checkpoint there is reused, so re-running after a change of evaluation settings only re-evaluates.
# RDNAS_BIN=path runs that rdnas instead of building the Release CLI (a frozen copy keeps long batches of runs on one
# build while the source tree changes).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=$1
shift
seeds=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do seeds+=("$1"); shift; done
[ $# -gt 0 ] && shift
options=("$@")
[ ${#options[@]} -eq 0 ] && options=(--sampler spos)
: "${RDNAS_DATA:?set RDNAS_DATA to the data folder}"
rdnas=${RDNAS_BIN:-}
if [ -z "$rdnas" ]; then
  dotnet build src/RdNas.Cli -c Release -v q -nologo > /dev/null
  rdnas=src/RdNas.Cli/bin/Release/net10.0/rdnas
fi
for seed in "${seeds[@]}"; do
  out=bench/runs/${RUN_NAME:-$preset}-s$seed
  mkdir -p "$out"
  "$rdnas" train --space nb201 "${options[@]}" --preset "$preset" --seed "$seed" --out "$out" --format json > /dev/null &
  pid=$!
  echo "seconds,rss_mb" > "$out/rss.csv"
  start=$(date +%s)
  while kill -0 "$pid" 2> /dev/null; do
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2> /dev/null || true)
    [ -n "$rss" ] && echo "$(( $(date +%s) - start )),$rss" >> "$out/rss.csv"
    sleep 5
  done
  wait "$pid"
  python3 - "$out" <<'PY'
import csv, json, sys
out = sys.argv[1]
r = json.load(open(f"{out}/result.json"))
rss = [int(row["rss_mb"]) for row in csv.DictReader(open(f"{out}/rss.csv"))]
k = r["ranking"]
print(f"{out}: tau={k['kendall_tau']:.4f} rho={k['spearman_rho']:.4f} r={k['pearson_r']:.4f} cpr={k['cpr']:.4f} "
      f"p@10%={k['precision_at_top10']:.3f} train_s={r['train_seconds']:.0f} eval_s={r['eval_seconds']:.0f} "
      f"rss_peak_mb={max(rss)} rss_at_10%={rss[len(rss) // 10]} rss_at_90%={rss[9 * len(rss) // 10]}")
PY
done
