#!/usr/bin/env bash
# A paper-size checkpoint (C=16, N=5) brought home from a local cluster on Azurite, as `rdnas experiments fetch` and
# `rdnas train --cluster` bring it (issue 5's platform). Starts infra/local-cluster.sh with one GPU-role silo (it trains
# on the CPU here), trains one step of the `paper` preset and scores 2 subnets (minutes on two cores: the supernet is the
# full-size one, the budget is not), then reads its stored checkpoint ROUNDS times through the experiment grain, and
# fetches it once with the CLI (wall time including the CLI's start and connection). Stops the cluster.
# Usage: bench/checkpoint_fetch.sh [ROUNDS]   (needs RDNAS_DATA and `npm ci --prefix infra`)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
: "${RDNAS_DATA:?set RDNAS_DATA to the data folder}"
dotnet build bench/RdNas.Bench -c Release -v q -nologo > /dev/null
dotnet build src/RdNas.Silo -c Release -v q -nologo > /dev/null
dotnet build src/RdNas.Cli -c Release -v q -nologo > /dev/null
rdnas=src/RdNas.Cli/bin/Release/net10.0/rdnas
infra/local-cluster.sh start --silos 0 --gpu-silos 1 --data "$RDNAS_DATA" > /dev/null
scratch=$(mktemp -d)
trap 'infra/local-cluster.sh stop > /dev/null; rm -rf "$scratch"' EXIT
cluster=$(cat infra/.local-cluster/cluster)
id="fetch-bench-$(date +%s)"
"$rdnas" train --cluster "$cluster" --id "$id" --preset paper --epochs 1 --train-images 64 --subnets 2 --out "$scratch/trained" --format json > /dev/null
echo "trained: $(du -sh "$scratch/trained/checkpoint" | cut -f1) of checkpoint in the folder rdnas train --cluster wrote"
bench/RdNas.Bench/bin/Release/net10.0/RdNas.Bench checkpoint-fetch "$cluster" "$id" "$rounds"
start=$(date +%s.%N)
"$rdnas" experiments fetch "$id" --cluster "$cluster" --out "$scratch/fetched" > /dev/null
echo "rdnas experiments fetch: $(echo "$(date +%s.%N) - $start" | bc) s wall (process start, connection, fetch, unpack)"
diff -r "$scratch/trained/checkpoint" "$scratch/fetched/checkpoint" && echo "fetched checkpoint identical to the one rdnas train --cluster brought"
