#!/usr/bin/env bash
# The RD-NAS head-to-head of issue 4, every run through bench/ranking.sh into bench/runs/h2h/ (needs RDNAS_DATA).
# Sections, run in the order given (default: all of them, in this order):
#   small     small, seeds 0-2: SPOS and RD-NAS (margin pairs, FLOPs teacher, reference loss, sine λ)
#   medium    medium, seed 0: SPOS and RD-NAS with the FLOPs teacher
#   ablation  small, seed 0: the pair-sampler ablation of the paper's Table 4 (random, Hamming; margin is in `small`)
#   best      medium, seed 0: RD-NAS with H2H_TEACHER (default nwot, the best single proxy on the evaluation draws)
#   fairnas   medium, seed 0: FairNAS
#   medium-seeds  medium, seeds 1-2: RD-NAS with the FLOPs teacher, two runs side by side with one libtorch thread
#             each (two cores); SPOS's seeds 1-2 are bench/runs/medium-s1, -s2 (bench/ranking.sh medium 0 1 2)
#   best-seeds  medium, seeds 1-2: RD-NAS with H2H_TEACHER side by side as above (the first run scores and caches the
#             teacher on both cores, the second starts once the cache file is there)
#   ensemble  medium, seeds 0-1: RD-NAS with the best teacher found overall, ensemble:nwot+jacov+synflow (τ 0.761 on
#             the evaluation draws against NWOT's 0.709, RESULTS §4), side by side as best-seeds
#   seedN     medium, seed N (seed3, seed4, ...): SPOS and RD-NAS with the FLOPs teacher side by side (a further paired
#             seed; seed3 was the fourth, seed4 the fifth)
#   short     medium at half its epochs (38, with its own cosine schedule), seeds 0-3: SPOS and RD-NAS with the
#             FLOPs teacher side by side, seed by seed (the test of the histories' peak near epoch 38)
#   random    medium, seeds 0-3: RD-NAS with random pairs (FLOPs teacher, reference loss, sine λ), two seeds side by
#             side at a time (the test of random pairs, best in the `small` ablation, against SPOS's seeds 0-3)
#   swa       medium, seeds 0-4: SPOS evaluated with the mean of the weights of epochs 51-75 (stochastic weight
#             averaging, --average-weights-after 50), two seeds side by side at a time (the test of weight averaging
#             against SPOS's last weights on the same seeds; averaging leaves training itself unchanged)
#   loss      medium, seed 0, FLOPs teacher: the warm-up and constant λ = 1 schedules side by side as above, then the
#             paper's ranking loss (margin 0.1, gradient into both subnets)
#   sandwich  medium, seeds 0-1: the sandwich rule as the reference code has it (the all-3x3 cell, then a 3x3 on
#             the first edge with skips elsewhere and two uniform subnets distilling its predictions) side by side as
#             above, against SPOS's seeds 0-1 (the first form's runs are in bench/runs/sandwich-first-form/)
#   sandwich-seeds  medium, seeds 2-3: the sandwich rule side by side as above, against SPOS's seeds 2-3
#   sandwich-small  small, seeds 0-2: the sandwich rule, one run after another, against SPOS's seeds 0-2
# Then `rdnas compare` over all of them (RDNAS_BIN as in bench/ranking.sh). Usage: bench/headtohead.sh [SECTION...]
set -euo pipefail
cd "$(dirname "$0")/.."
best=${H2H_TEACHER:-nwot}
best_name=$(echo "$best" | tr ':+' '__') # as in the run folder and the teacher cache file
run() { RUN_NAME=h2h/$1 bench/ranking.sh "${@:2}"; }
# Runs side by side on the two cores: each started with one libtorch thread, then all awaited together.
pids=()
beside() { OMP_NUM_THREADS=1 run "$@" & pids+=($!); }
await_beside() { for pid in "${pids[@]}"; do wait "$pid"; done; pids=(); }
sections=("$@")
[ ${#sections[@]} -eq 0 ] && sections=(small medium ablation best fairnas)
for section in "${sections[@]}"; do
  case "$section" in
    small)
      run small-spos small 0 1 2 -- --sampler spos
      run small-rdnas-flops small 0 1 2 -- --sampler rdnas --teacher flops --pair-sampler margin ;;
    medium)
      run medium-spos medium 0 -- --sampler spos
      run medium-rdnas-flops medium 0 -- --sampler rdnas --teacher flops ;;
    ablation)
      run small-rdnas-random small 0 -- --sampler rdnas --teacher flops --pair-sampler random
      run small-rdnas-hamming small 0 -- --sampler rdnas --teacher flops --pair-sampler hamming ;;
    best)
      run "medium-rdnas-$best_name" medium 0 -- --sampler rdnas --teacher "$best" ;;
    fairnas)
      run medium-fairnas medium 0 -- --sampler fairnas ;;
    medium-seeds)
      beside medium-rdnas-flops medium 1 -- --sampler rdnas --teacher flops
      beside medium-rdnas-flops medium 2 -- --sampler rdnas --teacher flops
      await_beside ;;
    ensemble)
      cache=${RDNAS_CACHE:-$HOME/.cache/rdnas}/teachers/nb201-4op-ensemble_nwot_jacov_synflow-seed0.csv
      beside medium-rdnas-ensemble_nwot_jacov_synflow medium 0 -- --sampler rdnas --teacher ensemble:nwot+jacov+synflow
      while [ ! -f "$cache" ] && kill -0 "${pids[0]}" 2> /dev/null; do sleep 10; done
      beside medium-rdnas-ensemble_nwot_jacov_synflow medium 1 -- --sampler rdnas --teacher ensemble:nwot+jacov+synflow
      await_beside ;;
    best-seeds)
      cache=${RDNAS_CACHE:-$HOME/.cache/rdnas}/teachers/nb201-4op-$best_name-seed0.csv
      beside "medium-rdnas-$best_name" medium 1 -- --sampler rdnas --teacher "$best"
      while [ ! -f "$cache" ] && kill -0 "${pids[0]}" 2> /dev/null; do sleep 10; done
      beside "medium-rdnas-$best_name" medium 2 -- --sampler rdnas --teacher "$best"
      await_beside ;;
    seed[0-9]*)
      beside medium-spos medium "${section#seed}" -- --sampler spos
      beside medium-rdnas-flops medium "${section#seed}" -- --sampler rdnas --teacher flops
      await_beside ;;
    short)
      for seed in 0 1 2 3; do
        beside medium38-spos medium "$seed" -- --sampler spos --epochs 38
        beside medium38-rdnas-flops medium "$seed" -- --sampler rdnas --teacher flops --epochs 38
        await_beside
      done ;;
    random)
      for seeds in "0 1" "2 3"; do
        for seed in $seeds; do
          beside medium-rdnas-flops-random medium "$seed" -- --sampler rdnas --teacher flops --pair-sampler random
        done
        await_beside
      done ;;
    swa)
      for seeds in "0 1" "2 3" "4"; do
        for seed in $seeds; do
          beside medium-spos-swa50 medium "$seed" -- --sampler spos --average-weights-after 50
        done
        await_beside
      done ;;
    loss)
      beside medium-rdnas-flops-warmup medium 0 -- --sampler rdnas --teacher flops --lambda warmup
      beside medium-rdnas-flops-const1 medium 0 -- --sampler rdnas --teacher flops --lambda const:1
      await_beside
      run medium-rdnas-flops-paper0.1 medium 0 -- --sampler rdnas --teacher flops --margin 0.1 ;;
    sandwich)
      beside medium-sandwich medium 0 -- --sampler sandwich
      beside medium-sandwich medium 1 -- --sampler sandwich
      await_beside ;;
    sandwich-seeds)
      beside medium-sandwich medium 2 -- --sampler sandwich
      beside medium-sandwich medium 3 -- --sampler sandwich
      await_beside ;;
    sandwich-small)
      run small-sandwich small 0 1 2 -- --sampler sandwich ;;
    *)
      echo "unknown section '$section' (expected small, medium, ablation, best, fairnas, medium-seeds, best-seeds, ensemble, seedN, short, random, swa, loss, sandwich, sandwich-seeds, sandwich-small)" >&2
      exit 2 ;;
  esac
done
# SPOS's medium seeds 1-2 ran as issue 2's runs; compare pairs them with RD-NAS's seeds by configuration.
"${RDNAS_BIN:-src/RdNas.Cli/bin/Release/net10.0/rdnas}" compare bench/runs/h2h/*/ bench/runs/medium-s1/ bench/runs/medium-s2/ --plot bench/runs/h2h/compare.png
