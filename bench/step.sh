#!/usr/bin/env bash
# Side-by-side speed and memory of one NB201 supernet training step (all cells nor_conv_3x3, C=16, N=5, batch 64,
# 2 threads): TorchSharp (RdNas.Bench) against its PyTorch twin (bench/pytorch_step.py, Debian python3-torch),
# alternating ROUNDS times so both see the same machine load; then the GFLOP/s of a 2048² matrix product in each.
# TorchSharp runs as the CLI does (glibc heap retaining freed memory, GlibcHeap) and, for comparison, with glibc's
# defaults (torchsharp-glibc-default). Each line also gives the median of each phase of a step (clearing gradients,
# forward with the loss, backward, optimiser), which says where a gap lies.
# Usage: bench/step.sh [ROUNDS] [STEPS]
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-3}
steps=${2:-30}
dotnet build RdNas.Bench -c Release -v q -nologo > /dev/null
bench=RdNas.Bench/bin/Release/net10.0/RdNas.Bench
log=$(mktemp)
for _ in $(seq "$rounds"); do
  /usr/bin/python3 pytorch_step.py step 16 5 64 "$steps" 3 | tee -a "$log"
  "$bench" step 16 5 64 "$steps" 3 | tee -a "$log"
  RDNAS_GLIBC_HEAP=default "$bench" step 16 5 64 "$steps" 3 | sed 's/^torchsharp/torchsharp-glibc-default/' | tee -a "$log"
done
/usr/bin/python3 pytorch_step.py matmul 2048 10 | tee -a "$log"
"$bench" matmul 2048 10 | tee -a "$log"
python3 - "$log" <<'PY'
import re, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
def field(line, name):
    return float(re.search(rf"{name}=([0-9.]+)", line).group(1))
step = {k: [field(l, "median_step_s") for l in lines if l.startswith(k + " ") and "median_step_s" in l] for k in ("pytorch", "torchsharp", "torchsharp-glibc-default")}
gflops = {k: [field(l, "gflops") for l in lines if l.startswith(k) and "gflops" in l][0] for k in ("pytorch", "torchsharp")}
# All-conv3x3 NB201 network, C=16, N=5, 32x32: 0.44 GFLOP forward per image; a training step is ~3x forward.
step_gflop = 0.44 * 64 * 3
ts, pt = statistics.median(step["torchsharp"]), statistics.median(step["pytorch"])
dflt = statistics.median(step["torchsharp-glibc-default"])
# Where the gap lies: each phase's median over the rounds' medians.
phases = ("zero_grad_s", "forward_s", "backward_s", "optimizer_s")
for k in ("pytorch", "torchsharp"):
    rows = [l for l in lines if l.startswith(k + " ") and "backward_s" in l]
    print(f"summary: {k} phases " + " ".join(f"{p}={statistics.median(field(l, p) for l in rows):.3f}" for p in phases))
print(f"summary: torchsharp with glibc defaults {dflt:.3f} s/step (ratio to pytorch {dflt / pt:.2f})")
print(f"summary: torchsharp median {ts:.3f} s/step, pytorch median {pt:.3f} s/step, ratio torchsharp/pytorch {ts / pt:.2f}; "
      f"torchsharp {step_gflop / ts:.0f} GFLOP/s = {100 * step_gflop / ts / gflops['torchsharp']:.0f}% of its matmul {gflops['torchsharp']:.0f} GFLOP/s "
      f"(pytorch matmul {gflops['pytorch']:.0f} GFLOP/s: Debian's build uses a reference BLAS)")
PY
rm -f "$log"
