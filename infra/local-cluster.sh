#!/usr/bin/env bash
# A local RdNas Orleans cluster on one machine: Azurite (Blob + Table storage emulator) and N CPU silos plus M GPU-role
# silos, all sharing membership, grain state and checkpoints through Azurite, as a cloud deployment does through Azure
# Storage. See infra/README.md.
#
#   infra/local-cluster.sh start [--silos N] [--gpu-silos M] [--data DIR] [--timeout S] [--prometheus]
#   infra/local-cluster.sh status
#   infra/local-cluster.sh stop [--timeout S]
#
# Environment:
#   RDNAS_CLUSTER_STATE  state folder: Azurite data, logs, PIDs, silo scratch (default: infra/.local-cluster)
#   RDNAS_SILO_BIN       the rdnas-silo executable (default: src/RdNas.Silo/bin/Release/net10.0/rdnas-silo, built if missing)
#   RDNAS_DATA           the data folder (CIFAR-10, NB201 table) when --data is not given
#   AZURITE_BLOB_PORT, AZURITE_TABLE_PORT   Azurite's ports (default 10000, 10002)
#   RDNAS_SILO_PORT_BASE, RDNAS_GATEWAY_PORT_BASE   silo i (0-based) listens on BASE+i (default 11111, 30000)
#   RDNAS_METRICS_PORT_BASE  silo i serves Prometheus metrics at http://127.0.0.1:BASE+i/metrics (default 9464)
#   PROMETHEUS_PORT      with --prometheus: Debian's Prometheus (apt-get install prometheus) scrapes every silo and
#                        listens on 127.0.0.1:PROMETHEUS_PORT (default 9090); its config is STATE/prometheus.yml
#   RdNas__...           any other silo setting (e.g. RdNas__WatchdogInterval=00:00:05, or RdNas__Silo__TrainingSlots=2
#                        for two experiments at once on each silo that trains) is passed through to every silo
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
readonly SCRIPT_DIR ROOT
readonly STATE="${RDNAS_CLUSTER_STATE:-$SCRIPT_DIR/.local-cluster}"
readonly PIDS="$STATE/pids"
readonly LOGS="$STATE/logs"
readonly AZURITE_BIN="$SCRIPT_DIR/node_modules/.bin"
readonly BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
readonly TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
readonly SILO_PORT_BASE="${RDNAS_SILO_PORT_BASE:-11111}"
readonly GATEWAY_PORT_BASE="${RDNAS_GATEWAY_PORT_BASE:-30000}"
readonly METRICS_PORT_BASE="${RDNAS_METRICS_PORT_BASE:-9464}"
readonly PROMETHEUS_PORT="${PROMETHEUS_PORT:-9090}"
readonly CLUSTER_ID="rdnas"
readonly SERVICE_ID="rdnas"
# Azurite's well-known development account (public, documented by Microsoft: not a secret).
readonly ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
readonly CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$ACCOUNT_KEY;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
readonly CLUSTER="azure:$CLUSTER_ID@$CONNECTION_STRING"

die() {
    echo "local-cluster: error: $*" >&2
    exit 1
}

say() {
    echo "local-cluster: $*"
}

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

is_count() {
    [[ "$1" =~ ^[0-9]+$ ]]
}

# The start time of a process as ps prints it: with the PID it identifies the process we started (PIDs get reused).
start_time() {
    { ps -o lstart= -p "$1" 2>/dev/null || true; } | sed 's/^ *//;s/ *$//'
}

# pid file format: PID<TAB>START_TIME<TAB>DESCRIPTION
record_pid() { # NAME PID DESCRIPTION
    local started
    started="$(start_time "$2")"
    [[ -n "$started" ]] || fail_start "$1 (pid $2) exited at once; its log ($LOGS/$1.log) ends with:
$(tail -n 20 "$LOGS/$1.log" 2>/dev/null)"
    printf '%s\t%s\t%s\n' "$2" "$started" "$3" > "$PIDS/$1.pid"
}

# Prints the PID recorded for NAME when that very process still runs; nothing otherwise.
live_pid() { # NAME
    local file="$PIDS/$1.pid" pid started description
    [[ -f "$file" ]] || return 0
    IFS=$'\t' read -r pid started description < "$file" || true
    [[ -n "${pid:-}" && -n "${started:-}" && "$(start_time "$pid")" == "$started" ]] && echo "$pid"
    return 0
}

# Names of the recorded processes: silos first (they leave the membership table while Azurite still runs), then Azurite.
recorded_names() {
    local file name
    [[ -d "$PIDS" ]] || return 0
    for file in "$PIDS"/*.pid; do
        [[ -e "$file" ]] || continue
        name="$(basename "$file" .pid)"
        [[ "$name" == azurite-* ]] || echo "$name"
    done
    for name in azurite-blob azurite-table; do
        [[ -f "$PIDS/$name.pid" ]] && echo "$name"
    done
    return 0
}

# Runs a command detached from this terminal's session (Ctrl+C here does not reach it), keeping its PID.
detached() {
    if command -v setsid > /dev/null; then
        exec setsid nohup "$@"
    fi
    exec nohup "$@"
}

port_in_use() { # PORT
    if command -v ss > /dev/null; then
        [[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]]
    else
        (exec 3<> "/dev/tcp/127.0.0.1/$1") 2>/dev/null
    fi
}

port_answers() { # PORT
    (exec 3<> "/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Stops the given recorded processes: TERM (INT for Azurite, which saves its database only on SIGINT and loses up to
# its last 5 s of acknowledged writes on SIGTERM), then KILL whatever still runs after TIMEOUT seconds; removes their
# pid files.
stop_names() { # TIMEOUT NAME...
    local timeout="$1" name pid waited=0
    shift
    local -a running=()
    for name in "$@"; do
        pid="$(live_pid "$name")"
        if [[ -n "$pid" ]]; then
            say "stopping $name (pid $pid)"
            if [[ "$name" == azurite-* ]]; then kill -INT "$pid" 2>/dev/null || true; else kill -TERM "$pid" 2>/dev/null || true; fi
            running+=("$name:$pid")
        else
            rm -f "$PIDS/$name.pid"
        fi
    done
    while ((${#running[@]} > 0)); do
        local -a still=()
        local entry
        for entry in "${running[@]}"; do
            name="${entry%%:*}"
            # Azurite closes (and saves) on SIGINT but its node process lingers afterwards: end it once it says so.
            if [[ "$name" == azurite-* ]] && grep -q "successfully closed" "$LOGS/$name.log" 2>/dev/null; then
                kill -TERM "${entry#*:}" 2>/dev/null || true
            fi
            if [[ -n "$(live_pid "$name")" ]]; then
                still+=("$entry")
            else
                rm -f "$PIDS/$name.pid"
            fi
        done
        running=("${still[@]+"${still[@]}"}")
        ((${#running[@]} > 0)) || break
        if ((waited >= timeout)); then
            for entry in "${running[@]}"; do
                say "${entry%%:*} (pid ${entry#*:}) did not stop in ${timeout}s: killing it"
                kill -KILL "${entry#*:}" 2>/dev/null || true
                rm -f "$PIDS/${entry%%:*}.pid"
            done
            break
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

stop_all() { # TIMEOUT
    local -a silos=() azurite=()
    local name
    while IFS= read -r name; do
        if [[ "$name" == azurite-* ]]; then azurite+=("$name"); else silos+=("$name"); fi
    done < <(recorded_names)
    ((${#silos[@]} > 0)) && stop_names "$1" "${silos[@]}"
    ((${#azurite[@]} > 0)) && stop_names "$1" "${azurite[@]}"
    rm -f "$STATE/cluster"
    return 0
}

# Waits until the recorded process NAME answers on PORT; a failed start if it exits first or TIMEOUT seconds pass.
wait_for_port() { # NAME PORT TIMEOUT
    local name="$1" port="$2" waited=0
    until port_answers "$port"; do
        [[ -n "$(live_pid "$name")" ]] || fail_start "$name exited; its log ($LOGS/$name.log) ends with:
$(tail -n 20 "$LOGS/$name.log")"
        ((waited < $3)) || fail_start "$name did not open port $port in ${3}s; see $LOGS/$name.log"
        sleep 1
        waited=$((waited + 1))
    done
}

# start: a failed start stops what it launched (an EXIT trap, so unexpected errors clean up too).
START_DONE=0
fail_start() {
    echo "local-cluster: error: $*" >&2
    exit 1
}

on_start_exit() {
    if ((START_DONE == 0)); then
        trap - INT TERM
        say "start failed: stopping what it started (logs stay in $LOGS)" >&2
        stop_all 20 >&2
    fi
}

silo_binary() {
    if [[ -n "${RDNAS_SILO_BIN:-}" ]]; then
        [[ -x "$RDNAS_SILO_BIN" ]] || die "RDNAS_SILO_BIN=$RDNAS_SILO_BIN is not an executable file"
        echo "$RDNAS_SILO_BIN"
        return
    fi
    local bin="$ROOT/src/RdNas.Silo/bin/Release/net10.0/rdnas-silo"
    if [[ ! -x "$bin" ]]; then
        command -v dotnet > /dev/null || die "$bin is missing and dotnet is not installed to build it (or set RDNAS_SILO_BIN)"
        say "building the silo: dotnet build src/RdNas.Silo -c Release" >&2
        (cd "$ROOT" && dotnet build src/RdNas.Silo -c Release) >&2 || die "the silo build failed"
        [[ -x "$bin" ]] || die "the build did not produce $bin"
    fi
    echo "$bin"
}

start_azurite() { # KIND(blob|table) PORT
    local kind="$1" port="$2" name="azurite-$1"
    (detached "$AZURITE_BIN/azurite-$kind" \
        "--${kind}Host" 127.0.0.1 "--${kind}Port" "$port" \
        --location "$STATE/azurite" \
        --skipApiVersionCheck --disableTelemetry --silent \
        > "$LOGS/$name.log" 2>&1 < /dev/null) &
    record_pid "$name" "$!" "azurite $kind 127.0.0.1:$port"
}

start_silo() { # BINARY NAME ROLE INDEX DATA ALLOW_CPU_TRAINING
    local bin="$1" name="$2" role="$3" index="$4" data="$5" allow_cpu="$6"
    local silo_port=$((SILO_PORT_BASE + index)) gateway_port=$((GATEWAY_PORT_BASE + index)) metrics_port=$((METRICS_PORT_BASE + index))
    mkdir -p "$STATE/work/$name"
    (
        cd "$ROOT"
        export RdNas__Silo__Name="$name"
        export RdNas__Silo__Role="$role"
        export RdNas__Silo__Clustering=azure-table
        export RdNas__Silo__StorageConnectionString="$CONNECTION_STRING"
        export RdNas__Silo__ClusterId="$CLUSTER_ID"
        export RdNas__Silo__ServiceId="$SERVICE_ID"
        export RdNas__Silo__Address=127.0.0.1
        export RdNas__Silo__SiloPort="$silo_port"
        export RdNas__Silo__GatewayPort="$gateway_port"
        export RdNas__Silo__MetricsPort="$metrics_port"
        export RdNas__WorkDirectory="$STATE/work/$name"
        export RdNas__AllowCpuTraining="${RdNas__AllowCpuTraining:-$allow_cpu}"
        if [[ -n "$data" ]]; then
            # shellcheck disable=SC2030 # the silo's environment only
            export RDNAS_DATA="$data"
        fi
        detached "$bin" > "$LOGS/$name.log" 2>&1 < /dev/null
    ) &
    record_pid "$name" "$!" "$role silo, silo port $silo_port, gateway port $gateway_port, metrics http://127.0.0.1:$metrics_port/metrics"
}

# Debian's Prometheus, scraping every silo's metrics endpoint (SILO_COUNT of them) every 5 s.
start_prometheus() { # SILO_COUNT
    local i targets=""
    for ((i = 0; i < $1; i++)); do
        targets+="${targets:+, }'127.0.0.1:$((METRICS_PORT_BASE + i))'"
    done
    cat > "$STATE/prometheus.yml" << EOF
# Written by infra/local-cluster.sh start --prometheus: the local cluster's silos.
global:
  scrape_interval: 5s
rule_files:
  - '$ROOT/infra/prometheus-rules.yml'
scrape_configs:
  - job_name: rdnas-silo
    static_configs:
      - targets: [$targets]
EOF
    mkdir -p "$STATE/prometheus"
    (detached prometheus --config.file="$STATE/prometheus.yml" --storage.tsdb.path="$STATE/prometheus" \
        --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" > "$LOGS/prometheus.log" 2>&1 < /dev/null) &
    record_pid prometheus "$!" "prometheus http://127.0.0.1:$PROMETHEUS_PORT, config $STATE/prometheus.yml"
}

cmd_start() {
    # shellcheck disable=SC2031 # start_silo sets RDNAS_DATA in its subshell only, for the silo
    local cpu=1 gpu=1 data="${RDNAS_DATA:-}" timeout=180 prometheus=0
    while (($# > 0)); do
        case "$1" in
            --silos) [[ $# -ge 2 ]] || die "--silos needs a count"; cpu="$2"; shift 2 ;;
            --gpu-silos) [[ $# -ge 2 ]] || die "--gpu-silos needs a count"; gpu="$2"; shift 2 ;;
            --data) [[ $# -ge 2 ]] || die "--data needs a folder"; data="$2"; shift 2 ;;
            --timeout) [[ $# -ge 2 ]] || die "--timeout needs seconds"; timeout="$2"; shift 2 ;;
            --prometheus) prometheus=1; shift ;;
            -h | --help) usage; exit 0 ;;
            *) die "start: unknown option '$1' (see: $0 help)" ;;
        esac
    done
    is_count "$cpu" || die "--silos: '$cpu' is not a count"
    is_count "$gpu" || die "--gpu-silos: '$gpu' is not a count"
    is_count "$timeout" || die "--timeout: '$timeout' is not a number of seconds"
    ((cpu + gpu > 0)) || die "no silos to start (--silos 0 --gpu-silos 0)"

    # Already started?
    local name pid
    while IFS= read -r name; do
        pid="$(live_pid "$name")"
        [[ -z "$pid" ]] || die "already started ($name runs as pid $pid): run '$0 stop' first, or '$0 status'"
        rm -f "$PIDS/$name.pid" # left by a run that ended without stop
    done < <(recorded_names)

    # Prerequisites.
    command -v node > /dev/null || die "node is not installed (Azurite needs Node.js 20 or later)"
    ((prometheus == 0)) || command -v prometheus > /dev/null \
        || die "--prometheus: prometheus is not installed (Debian: apt-get install --no-install-recommends prometheus)"
    [[ -x "$AZURITE_BIN/azurite-blob" && -x "$AZURITE_BIN/azurite-table" ]] \
        || die "Azurite is not installed: run 'npm ci --prefix infra' in the repository root"
    if [[ -n "$data" ]]; then
        [[ -d "$data" ]] || die "data folder '$data' does not exist"
        data="$(cd "$data" && pwd)"
    else
        say "warning: no data folder (--data DIR or RDNAS_DATA): silos start, but training will fail" >&2
    fi

    local total=$((cpu + gpu)) port i
    local -a ports=("$BLOB_PORT" "$TABLE_PORT")
    for ((i = 0; i < total; i++)); do
        ports+=("$((SILO_PORT_BASE + i))" "$((GATEWAY_PORT_BASE + i))" "$((METRICS_PORT_BASE + i))")
    done
    ((prometheus == 0)) || ports+=("$PROMETHEUS_PORT")
    for port in "${ports[@]}"; do
        ! port_in_use "$port" || die "port $port is in use (see: ss -ltnp 'sport = :$port'); stop what holds it, or move the ports with AZURITE_BLOB_PORT, AZURITE_TABLE_PORT, RDNAS_SILO_PORT_BASE, RDNAS_GATEWAY_PORT_BASE, RDNAS_METRICS_PORT_BASE, PROMETHEUS_PORT"
    done

    local bin
    bin="$(silo_binary)"

    mkdir -p "$PIDS" "$LOGS" "$STATE/azurite" "$STATE/work"
    trap on_start_exit EXIT
    trap 'fail_start "interrupted"' INT TERM

    # Azurite.
    start_azurite blob "$BLOB_PORT"
    start_azurite table "$TABLE_PORT"
    wait_for_port azurite-blob "$BLOB_PORT" 60
    wait_for_port azurite-table "$TABLE_PORT" 60
    say "azurite: blob 127.0.0.1:$BLOB_PORT, table 127.0.0.1:$TABLE_PORT, data in $STATE/azurite"

    # Silos. A gpu-role silo declares an accelerator, so training is placed on it; without CUDA it trains on the CPU.
    local allow_cpu=false
    ((gpu > 0)) || allow_cpu=true
    local -a silos=()
    for ((i = 1; i <= cpu; i++)); do
        start_silo "$bin" "cpu-$i" cpu "${#silos[@]}" "$data" "$allow_cpu"
        silos+=("cpu-$i")
    done
    for ((i = 1; i <= gpu; i++)); do
        start_silo "$bin" "gpu-$i" gpu "${#silos[@]}" "$data" "$allow_cpu"
        silos+=("gpu-$i")
    done

    # Up when the host says it started (after the silo joined the cluster and opened its gateway).
    local waited=0
    local -a pending=("${silos[@]}")
    while ((${#pending[@]} > 0)); do
        local -a still=()
        for name in "${pending[@]}"; do
            if grep -q "Application started" "$LOGS/$name.log" 2>/dev/null; then
                say "$name is up ($(cut -f3 "$PIDS/$name.pid"), log $LOGS/$name.log)"
            elif [[ -z "$(live_pid "$name")" ]]; then
                fail_start "silo $name exited; its log ($LOGS/$name.log) ends with:
$(tail -n 30 "$LOGS/$name.log")"
            else
                still+=("$name")
            fi
        done
        pending=("${still[@]+"${still[@]}"}")
        ((${#pending[@]} > 0)) || break
        ((waited < timeout)) || fail_start "silo(s) ${pending[*]} not up in ${timeout}s (--timeout S); see $LOGS/"
        sleep 1
        waited=$((waited + 1))
    done

    if ((prometheus == 1)); then
        start_prometheus "$total"
        wait_for_port prometheus "$PROMETHEUS_PORT" 60
        say "prometheus: http://127.0.0.1:$PROMETHEUS_PORT scrapes $total silo(s) (config $STATE/prometheus.yml)"
    fi

    START_DONE=1
    trap - INT TERM EXIT
    printf '%s\n' "$CLUSTER" > "$STATE/cluster"
    cat << EOF

The cluster runs: $cpu CPU silo(s), $gpu GPU-role silo(s), cluster id '$CLUSTER_ID'.
Connect clients with (also in $STATE/cluster):

  --cluster '$CLUSTER'

For example (rdnas is the CLI: src/RdNas.Cli/bin/<Config>/net10.0/rdnas, or 'dotnet run --project src/RdNas.Cli --'):

  CLUSTER="\$(cat ${STATE#"$ROOT/"}/cluster)"
  rdnas train --cluster "\$CLUSTER" --preset smoke --out runs/x
  rdnas experiments list --cluster "\$CLUSTER"

Each silo serves its metrics at http://127.0.0.1:<port>/metrics ('$0 status' lists the ports); Grafana dashboards
for them are in grafana/dashboards (see grafana/README.md).

'$0 status' lists the processes; '$0 stop' stops them (Azurite's data stays in $STATE/azurite).
EOF
}

cmd_status() {
    [[ $# -eq 0 ]] || die "status takes no options"
    local name pid started description any=0 dead=0
    while IFS= read -r name; do
        IFS=$'\t' read -r pid started description < "$PIDS/$name.pid" || true
        any=1
        if [[ -n "$(live_pid "$name")" ]]; then
            printf '  %-14s running  pid %-8s %s\n' "$name" "$pid" "$description"
        else
            printf '  %-14s EXITED   pid %-8s %s (log: %s)\n' "$name" "$pid" "$description" "$LOGS/$name.log"
            dead=1
        fi
    done < <(recorded_names)
    if ((any == 0)); then
        say "not running (state folder: $STATE)"
        return 3
    fi
    [[ -f "$STATE/cluster" ]] && echo "  --cluster '$(cat "$STATE/cluster")'"
    ((dead == 0)) || { say "some processes have exited: '$0 stop' cleans up"; return 1; }
}

cmd_stop() {
    local timeout=30
    while (($# > 0)); do
        case "$1" in
            --timeout) [[ $# -ge 2 ]] || die "--timeout needs seconds"; timeout="$2"; shift 2 ;;
            *) die "stop: unknown option '$1'" ;;
        esac
    done
    is_count "$timeout" || die "--timeout: '$timeout' is not a number of seconds"
    if [[ -z "$(recorded_names)" ]]; then
        say "nothing to stop (state folder: $STATE)"
        return 0
    fi
    stop_all "$timeout"
    say "stopped; Azurite's data stays in $STATE/azurite (delete the folder for a fresh cluster)"
}

main() {
    local command="${1:-help}"
    (($# == 0)) || shift
    case "$command" in
        start) cmd_start "$@" ;;
        stop) cmd_stop "$@" ;;
        status) cmd_status "$@" ;;
        help | -h | --help) usage ;;
        *) usage >&2; die "unknown command '$command'" ;;
    esac
}

main "$@"
