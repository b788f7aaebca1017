#!/usr/bin/env bash
# Where the last few per cent of bench/step.sh's gap lie: the training step of TorchSharp (RdNas.Bench) and its
# PyTorch twin (Debian python3-torch) at one and at two threads, and TorchSharp's under OpenMP wait and binding
# settings (libtorch's own libgomp reads them), alternating ROUNDS times so all see the same machine load.
# Usage: bench/step_threads.sh [ROUNDS] [STEPS]   (RESULTS §1, "One thread against two")
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-2}
steps=${2:-15}
dotnet build RdNas.Bench -c Release -v q -nologo > /dev/null
bench=RdNas.Bench/bin/Release/net10.0/RdNas.Bench
field() { grep -o "threads=[0-9]* device=cpu median_step_s=[0-9.]*"; }
pytorch() { /usr/bin/python3 pytorch_step.py step 16 5 64 "$steps" 3 | field; }
pytorch_one() {
  OMP_NUM_THREADS=1 /usr/bin/python3 -c "import sys; sys.path.insert(0, '.'); import torch; torch.set_num_threads(1)
import pytorch_step; pytorch_step.step(16, 5, 64, $steps, 3)" | field
}
torchsharp() { "$bench" step 16 5 64 "$steps" 3 | field; }
for round in $(seq "$rounds"); do
  echo "round $round pytorch $(pytorch)"
  echo "round $round torchsharp $(torchsharp)"
  echo "round $round pytorch-1thread $(pytorch_one)"
  echo "round $round torchsharp-1thread $(OMP_NUM_THREADS=1 torchsharp)"
  echo "round $round torchsharp-wait-active $(OMP_WAIT_POLICY=ACTIVE torchsharp)"
  echo "round $round torchsharp-wait-passive $(OMP_WAIT_POLICY=PASSIVE torchsharp)"
  echo "round $round torchsharp-bind-close $(OMP_PROC_BIND=close OMP_PLACES=cores torchsharp)"
done
