#!/usr/bin/env bash
# 10,000 concurrent IArchitectureGrain ground-truth queries from the SDK against a local cluster on Azurite (issue 5).
# Starts infra/local-cluster.sh with SILOS CPU silos (default 1; no training, so no GPU silo is needed), runs
# ROUNDS rounds of COUNT queries (round 0 activates the grains, the rest are warm), stops the cluster.
# Usage: bench/arch_queries.sh [COUNT] [ROUNDS] [SILOS]   (needs RDNAS_DATA and `npm ci --prefix infra`)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
rounds=${2:-5}
silos=${3:-1}
: "${RDNAS_DATA:?set RDNAS_DATA to the data folder}"
dotnet build bench/RdNas.Bench -c Release -v q -nologo > /dev/null
dotnet build src/RdNas.Silo -c Release -v q -nologo > /dev/null
infra/local-cluster.sh start --silos "$silos" --gpu-silos 0 --data "$RDNAS_DATA" > /dev/null
trap 'infra/local-cluster.sh stop > /dev/null' EXIT
cluster=$(cat infra/.local-cluster/cluster)
bench/RdNas.Bench/bin/Release/net10.0/RdNas.Bench arch-queries "$cluster" "$count" "$rounds"
