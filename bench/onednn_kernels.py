#!/usr/bin/env python3
"""Per-kernel comparison of two oneDNN verbose logs of the same training step (bench/onednn_kernels.sh).

Each log holds ONEDNN_VERBOSE=1 lines of WARMUP + STEPS steps. Every execution line names the primitive, the
implementation oneDNN dispatched to, the propagation kind, the problem and the time in ms. A step's kernels repeat in
the same order, so the first WARMUP/(WARMUP+STEPS) of each problem's executions are the warm-up steps (first calls
carry JIT compilation and cache misses) and are dropped; per problem the median time of the rest, times the calls a
step makes, is that problem's milliseconds a step. oneDNN 2.6 (PyTorch 1.13) writes `exec,cpu,...`, 3.x (libtorch
2.10) `v1,primitive,exec,cpu,...`: both are read.

Usage: onednn_kernels.py WARMUP STEPS NAME=LOG NAME=LOG
"""
import collections
import statistics
import sys


def executions(path):
    """(primitive, prop_kind, problem) -> (implementations seen, [ms per call in order])."""
    found = collections.defaultdict(lambda: (set(), []))
    try:
        log = open(path)
    except OSError as error:
        sys.exit(f"cannot read the oneDNN log '{path}': {error.strerror}")
    with log:
        for line in log:
            fields = line.rstrip("\n").split(",")
            if fields[0] != "onednn_verbose" or "exec" not in fields:
                continue
            at = fields.index("exec")
            primitive, implementation, prop_kind = fields[at + 2], fields[at + 3], fields[at + 4]
            key = (primitive, prop_kind, fields[-2])
            found[key][0].add(implementation)
            found[key][1].append(float(fields[-1]))
    return found


def per_step(found, warmup, steps):
    """(primitive, prop_kind, problem) -> (implementation, ms a step)."""
    result = {}
    for key, (implementations, times) in found.items():
        calls = len(times) // (warmup + steps)
        if calls == 0:
            continue
        timed = times[calls * warmup:]
        result[key] = ("+".join(sorted(implementations)), statistics.median(timed) * calls)
    return result


def main():
    usage = "usage: onednn_kernels.py WARMUP STEPS NAME=LOG NAME=LOG"
    if len(sys.argv) < 4 or not sys.argv[1].isdigit() or not sys.argv[2].isdigit() or int(sys.argv[2]) == 0:
        sys.exit(f"{usage} (WARMUP a whole number, STEPS a positive one; given: {' '.join(sys.argv[1:])})")
    warmup, steps = int(sys.argv[1]), int(sys.argv[2])
    for argument in sys.argv[3:]:
        if "=" not in argument:
            sys.exit(f"{usage} ('{argument}' is not NAME=LOG)")
    names, paths = zip(*(argument.split("=", 1) for argument in sys.argv[3:]))
    tables = [per_step(executions(path), warmup, steps) for path in paths]
    # Each problem's largest milliseconds a step on either side: the rows' order and which rows are listed.
    largest = {key: max(t.get(key, ("", 0))[1] for t in tables) for key in set().union(*tables)}
    print(f"{'primitive':12} {'prop_kind':17} {'problem':48} " + " ".join(f"{n + ' ms/step':>18} {n + ' impl':26}" for n in names))
    for key in sorted(largest, key=lambda k: -largest[k]):
        if largest[key] < 1.0:
            continue  # reorders and small layers: listed in the totals only
        cells = " ".join(f"{ms:18.1f} {implementation:26}" for implementation, ms in (t.get(key, ("-", 0)) for t in tables))
        print(f"{key[0]:12} {key[1]:17} {key[2][:48]:48} {cells}")
    groups = collections.defaultdict(lambda: [0.0] * len(tables))
    for i, table in enumerate(tables):
        for (primitive, prop_kind, _), (_, ms) in table.items():
            groups[f"{primitive} {prop_kind}"][i] += ms
            groups["all oneDNN"][i] += ms
    for group, totals in sorted(groups.items(), key=lambda g: -g[1][0]):
        print(f"total: {group:40} " + " ".join(f"{n}={ms:.1f}" for n, ms in zip(names, totals)) + " ms/step")


if __name__ == "__main__":
    main()
