#!/usr/bin/env bash
# GPU check, call B (bench/gpu/README.md): unpack the data (.gpu/data), then train on the GPU: the smoke preset, then
# `medium` SPOS and RD-NAS (FLOPs teacher) side by side, the CPU benchmark's runs on CUDA. (`paper`-size runs do not
# fit: at call A's 0.05 s a step, one paper run's final evaluation alone takes over 13 minutes.) With no working GPU
# build of the CLI (call A not run on this machine, or TorchSharp's bridge not working with its libtorch), the
# PyTorch twin trains the same budgets instead. Usage: device-b.sh BUDGET_SECONDS. Results: $OUT/runs.tgz (run
# folders without checkpoints, and each run's log), $OUT/b.txt.
set -u
start=$SECONDS
budget=${1:-480}
exec > >(tee $OUT/b.txt) 2>&1
source bench/gpu/runs.sh
trap 'pack --exclude=checkpoint' EXIT
draw=bench/runs/medium-s0/subnets.csv # the reported draw (sample seed 0) with its ground truth, for the twin

if gpu_rdnas; then
  timeout 90 $rdnas train --preset smoke --device cuda --out $runs/smoke-cuda --format json > $runs/smoke-cuda.log 2>&1
  echo "smoke on cuda: exit $?"; tail -c 600 $runs/smoke-cuda/result.json
  run() { # NAME ARGS...: one rdnas train on cuda, stopped (and its checkpoint saved) before the budget ends
    local name=$1; shift
    timeout -s INT -k 20 "$(left)" $rdnas train --device cuda --seed 0 --out $runs/$name --format json "$@" > $runs/$name.log 2>&1
    local rc=$? # before $(date) replaces it
    echo "$(date +%T) $name: exit $rc"
  }
  run medium-spos-s0 --preset medium --sampler spos & pids+=($!)
  run medium-rdnas-flops-s0 --preset medium --sampler rdnas --teacher flops & pids+=($!)
else
  echo "no working GPU build of rdnas here: the PyTorch twin trains instead"
  twin() { # NAME ARGS...
    local name=$1; shift
    timeout -k 20 "$(left)" python3 bench/pytorch_spos.py --device cuda --seed 0 --subnets $draw --valid-images 10000 --out $runs/$name "$@" > $runs/$name.log 2>&1
    local rc=$? # before $(date) replaces it
    echo "$(date +%T) $name: exit $rc"
  }
  # The twin's defaults are `medium`'s budget.
  twin twin-medium-spos-s0 --preset medium --sampler spos & pids+=($!)
  twin twin-medium-rdnas-s0 --preset medium --sampler rdnas & pids+=($!)
fi
watch_runs
wait "${pids[@]}" # not a bare wait: it would also wait for the tee of the log
summary
echo "call B: $((SECONDS - start)) s"
