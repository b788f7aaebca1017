#!/usr/bin/env bash
# GPU call C (bench/gpu/README.md): paired seeds of issue 4's head-to-head on a lent GPU, after call A has unpacked
# the payload on this machine. `medium` SPOS and RD-NAS (FLOPs teacher, margin pairs, reference loss, sine λ) on seeds
# FIRST..LAST, PARALLEL runs at once (one process leaves the GPU mostly idle between launches; four together get 3.3
# times one's throughput, RESULTS §8), a seed's two methods started one after the other so pairs finish together. A
# run is started only while at least MIN_LEFT seconds of the budget remain, and one still going when the budget ends
# is stopped with its checkpoint saved (kept in the results, so it can go on elsewhere: rdnas train resumes a folder).
# Use seeds the CPU runs do not (100 and up): rdnas compare pairs runs by configuration and seed.
# Usage: device-seeds.sh BUDGET_SECONDS FIRST LAST [PARALLEL [MIN_LEFT]]   (defaults 4 and 240)
# Results: $OUT/runs.tgz (run folders, checkpoints included: a few MB each at `medium`), $OUT/seeds.txt.
# SEEDS_PRESET, SEEDS_DEVICE and RDNAS_BIN (defaults medium, cuda, call A's build) try it elsewhere, such as the smoke
# preset on a CPU.
set -u
start=$SECONDS
budget=${1:?budget seconds} first=${2:?first seed} last=${3:?last seed} parallel=${4:-4} min_left=${5:-240}
preset=${SEEDS_PRESET:-medium} device=${SEEDS_DEVICE:-cuda}
exec > >(tee $OUT/seeds.txt) 2>&1
source bench/gpu/runs.sh
trap pack EXIT
if [ -n "${RDNAS_BIN:-}" ]; then
  rdnas=$RDNAS_BIN
elif ! gpu_rdnas; then
  echo "no working GPU build of rdnas here (run call A first): nothing trained"
  exit 1
fi

run() { # NAME SEED ARGS...: one rdnas train, stopped (and its checkpoint saved) before the budget ends
  local name=$1 seed=$2; shift 2
  timeout -s INT -k 20 "$(left)" $rdnas train --device $device --preset $preset --seed $seed --out $runs/$name --format json "$@" > $runs/$name.log 2>&1
  local rc=$? # before $(date) replaces it
  echo "$(date +%T) $name: exit $rc"
}
for seed in $(seq $first $last); do
  for method in spos rdnas; do
    while [ "$(running)" -ge "$parallel" ]; do sleep 5; done
    if [ "$(left)" -lt "$min_left" ]; then
      echo "$(date +%T) not started, $(left) s left: seed $seed ($method) and after"
      break 2
    fi
    case $method in
      spos) run $preset-spos-s$seed $seed --sampler spos & pids+=($!) ;;
      rdnas) run $preset-rdnas-flops-s$seed $seed --sampler rdnas --teacher flops & pids+=($!) ;;
    esac
  done
  progress
done
watch_runs
wait "${pids[@]}" # not a bare wait: it would also wait for the tee of the log
summary
echo "call C: $((SECONDS - start)) s"
