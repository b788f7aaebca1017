#!/usr/bin/env bash
# Proxy scoring speed (issue 3): all 4,096 cells of the 4-op space with the data-free proxies (params, flops,
# synflow) and with nwot, then TorchSharp against its PyTorch twin (bench/pytorch_proxies.py, Debian python3-torch) on
# the same SUBSET cells (a seeded sample), both with 2 workers of one thread each. Needs RDNAS_DATA.
# Usage: bench/proxies.sh [SUBSET]        (default 256)
set -euo pipefail
cd "$(dirname "$0")/.."
subset=${1:-256}
out=bench/runs/proxies/speed
mkdir -p "$out"
dotnet build src/RdNas.Cli -c Release -v q -nologo > /dev/null
rdnas=src/RdNas.Cli/bin/Release/net10.0/rdnas
timed() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); python3 -c "print(f'{$end - $start:.1f}')"; }

echo "all 4096 cells, params+flops+synflow: $(timed "$rdnas" proxies score --proxy params,flops,synflow --archs all --ops 4 --out "$out/all-datafree.csv") s"
echo "all 4096 cells, nwot: $(timed "$rdnas" proxies score --proxy nwot --archs all --ops 4 --out "$out/all-nwot.csv") s"

python3 - "$out/subset.txt" "$subset" <<'PY'
import random, sys
arches = [l.split(",")[0] for l in open(sys.argv[1].rsplit("/", 1)[0] + "/all-nwot.csv").read().splitlines()[1:]]
random.seed(3)
open(sys.argv[1], "w").write("\n".join(random.sample(arches, int(sys.argv[2]))) + "\n")
PY
for proxy in synflow nwot; do
  ts=$(timed "$rdnas" proxies score --proxy "$proxy" --archs "file:$out/subset.txt" --ops 4 --out "$out/subset-ts-$proxy.csv")
  pt=$(/usr/bin/python3 bench/pytorch_proxies.py "$proxy" "$out/subset.txt" "$out/subset-pt-$proxy.csv" 2 "${RDNAS_DATA:-../shared/data}" | sed 's/.*seconds=\([0-9.]*\).*/\1/')
  python3 -c "print(f'$subset cells, $proxy: torchsharp $ts s (whole command), pytorch $pt s (scoring only), ratio {$ts / $pt:.2f}')"
done
