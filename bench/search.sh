#!/usr/bin/env bash
# Searches NB201 cells with `rdnas search` and prints how the benchmark judges each answer: one line per target,
# strategy and search seed. A target is a finished run folder (its supernet scores cells as its evaluation did) or
# proxy:NAME (a zero-cost proxy). Results go to bench/runs/search/NAME-STRATEGY-bBUDGET-sSEED/; a folder that already
# holds the search's score journal resumes from it, so an interrupted batch costs only the cell being scored.
# Usage: bench/search.sh BUDGET "SEED..." "STRATEGY..." TARGET... (needs RDNAS_DATA); RDNAS_BIN=path runs that rdnas
# instead of building the Release CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$1
read -r -a seeds <<< "$2"
read -r -a strategies <<< "$3"
shift 3
: "${RDNAS_DATA:?set RDNAS_DATA to the data folder}"
rdnas=${RDNAS_BIN:-}
if [ -z "$rdnas" ]; then
  dotnet build src/RdNas.Cli -c Release -v q -nologo > /dev/null
  rdnas=src/RdNas.Cli/bin/Release/net10.0/rdnas
fi
for target in "$@"; do
  if [[ $target == proxy:* ]]; then scorer=(--proxy "${target#proxy:}"); name=${target#proxy:}; else scorer=(--run "$target"); name=$(basename "$target"); fi
  for strategy in "${strategies[@]}"; do
    for seed in "${seeds[@]}"; do
      out=bench/runs/search/$name-$strategy-b$budget-s$seed
      "$rdnas" search "${scorer[@]}" --strategy "$strategy" --budget "$budget" --seed "$seed" --out "$out" --format json > /dev/null
      python3 - "$out" "$name" <<'PY'
import json, sys
r = json.load(open(f"{sys.argv[1]}/search.json"))
b, t = r["best"], r["scored_ranking"]
print(f"search {sys.argv[2]} {r['strategy']} seed={r['seed']} budget={r['budget']} rank={r['selection_rank']}/{r['space_size']} "
      f"valid={b['selection_accuracy']:.2f} test={b['test_accuracy']:.2f} regret={r['test_regret']:.2f} "
      f"tau_scored={t['kendall_tau']:.3f} seconds={r['seconds']:.0f} arch={b['arch']}")
PY
    done
  done
done
