#!/usr/bin/env bash
# The RD-NAS head-to-head of issue 4, every run through bench/ranking.sh into bench/runs/h2h/ (needs RDNAS_DATA):
#   small, seeds 0-2: SPOS and RD-NAS (margin pairs, FLOPs teacher, reference loss, sine λ);
#   small, seed 0: the pair-sampler ablation (random, Hamming; margin is the run above);
#   medium, seed 0: SPOS, FairNAS, RD-NAS with FLOPs, RD-NAS with TEACHER (default ensemble:nwot+jacov+synflow).
# Then `rdnas compare` over all of them (RDNAS_BIN as in bench/ranking.sh). Usage: bench/headtohead.sh [small|ablation|medium|all] [TEACHER]
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
best=${2:-ensemble:nwot+jacov+synflow}
run() { RUN_NAME=h2h/$1 bench/ranking.sh "${@:2}"; }
if [ "$what" = small ] || [ "$what" = all ]; then
  run small-spos small 0 1 2 -- --sampler spos
  run small-rdnas-flops small 0 1 2 -- --sampler rdnas --teacher flops --pair-sampler margin
fi
if [ "$what" = ablation ] || [ "$what" = all ]; then
  run small-rdnas-random small 0 -- --sampler rdnas --teacher flops --pair-sampler random
  run small-rdnas-hamming small 0 -- --sampler rdnas --teacher flops --pair-sampler hamming
fi
if [ "$what" = medium ] || [ "$what" = all ]; then
  run medium-spos medium 0 -- --sampler spos
  run medium-fairnas medium 0 -- --sampler fairnas
  run medium-rdnas-flops medium 0 -- --sampler rdnas --teacher flops
  run medium-rdnas-best medium 0 -- --sampler rdnas --teacher "$best"
fi
"${RDNAS_BIN:-src/RdNas.Cli/bin/Release/net10.0/rdnas}" compare bench/runs/h2h/*/ --plot bench/runs/h2h/compare.png
