# Sourced by the GPU calls that train (device-b.sh, device-seeds.sh): unpacks the data carried in .gpu/data, sets the
# environment the payload of call A needs, and gives the budget, progress and packing helpers. Expects $start
# ($SECONDS at the call's start), $budget (seconds) and $OUT; runs go to $runs, their logs to $runs/NAME.log.
runs=/tmp/rdnas/runs
mkdir -p /tmp/rdnas/data $runs && tar xJf .gpu/data/data.tar.xz -C /tmp/rdnas/data || exit 1
export RDNAS_DATA=/tmp/rdnas/data RDNAS_CACHE=/tmp/rdnas/cache DOTNET_ROOT=/tmp/rdnas/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1
left() { echo $((budget - (SECONDS - start) - 30)); } # 30 s kept to pack the results
pack() { tar czf $OUT/runs.tgz "$@" -C $runs .; ls -la $OUT; }
pids=()
# One line per run: where its log says it is.
progress() {
  for log in $runs/*.log; do echo "$(date +%T) $(basename $log .log): $(grep -a -o '"phase":"[a-z]*"[^}]*"epoch":[0-9]*\|scored [0-9]*/[0-9]*\|epoch [0-9]*/[0-9]*' $log | tail -1)"; done
}
# How many of the runs started so far are still going.
running() { local n=0 pid; for pid in "${pids[@]}"; do kill -0 "$pid" 2> /dev/null && n=$((n + 1)); done; echo $n; }
watch_runs() { # a progress line per run every 30 s until all have ended
  while [ "$(running)" -gt 0 ]; do sleep 30; progress; done
}
# Sets rdnas to the CLI call A built for a CUDA libtorch, and exports RDNAS_LIBTORCH, if it works with this machine's
# libtorch; fails otherwise.
gpu_rdnas() {
  [ -x /tmp/rdnas/app/rdnas ] && RDNAS_LIBTORCH=$(cat /tmp/rdnas/torch-lib) /tmp/rdnas/app/rdnas device --device cuda || return 1
  export RDNAS_LIBTORCH=$(cat /tmp/rdnas/torch-lib)
  rdnas=/tmp/rdnas/app/rdnas
}
summary() {
  for result in $runs/*/result.json; do
    python3 -c "import json, sys; r = json.load(open(sys.argv[1])); print(sys.argv[1].split('/')[-2], 'tau', round(r['ranking']['kendall_tau'], 4), 'train_s', round(r['train_seconds']), 'eval_s', round(r.get('eval_seconds', 0)))" $result
  done
}
