#!/usr/bin/env bash
# Which oneDNN kernels a training step of bench/step.sh's network runs, and how long each takes, in TorchSharp
# (libtorch 2.10, oneDNN 3.7) and in its PyTorch twin (Debian python3-torch 1.13, oneDNN 2.6): both run with
# ONEDNN_VERBOSE=1, alternating ROUNDS times, and bench/onednn_kernels.py prints each convolution's implementation and
# milliseconds a step side by side, then the totals by kind. Verbose logging slows the steps themselves; the kernel
# times it prints are the kernels' own.
# Usage: bench/onednn_kernels.sh [ROUNDS] [STEPS]   (RESULTS §1, "Which kernels each side runs")
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-2}
steps=${2:-6}
warmup=2
dotnet build RdNas.Bench -c Release -v q -nologo > /dev/null
bench=RdNas.Bench/bin/Release/net10.0/RdNas.Bench
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
for round in $(seq "$rounds"); do
  ONEDNN_VERBOSE=1 /usr/bin/python3 pytorch_step.py step 16 5 64 "$steps" "$warmup" > "$logs/pytorch.log"
  ONEDNN_VERBOSE=1 "$bench" step 16 5 64 "$steps" "$warmup" > "$logs/torchsharp.log"
  for side in pytorch torchsharp; do
    echo "round $round $side (verbose on) $(grep -o 'median_step_s=[0-9.]*' "$logs/$side.log")"
  done
  grep -h -m1 "oneDNN v" "$logs/pytorch.log" "$logs/torchsharp.log" | sed "s/^/round $round /"
  echo "round $round"
  python3 onednn_kernels.py "$warmup" "$steps" pytorch="$logs/pytorch.log" torchsharp="$logs/torchsharp.log"
done
