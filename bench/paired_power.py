#!/usr/bin/env python3
"""Power of a paired t-test at p < 0.05 (two-sided) to detect a gain equal to the observed mean of paired differences,
with their observed spread, for n paired seeds: the share of simulated experiments (normal differences) whose t
exceeds the critical value. Standard library only.

Usage: bench/paired_power.py DIFF... [--draws N] [--seed S]
e.g.   bench/paired_power.py -0.016 0.110 -0.017 0.036 0.232   # medium RD-NAS - SPOS, seeds 0-4 (RESULTS §5)
"""
import argparse
import math
import random
import statistics

# Two-sided 5 % critical values of Student's t by degrees of freedom (standard tables).
T975 = {4: 2.776, 9: 2.262, 14: 2.145, 19: 2.093, 20: 2.086, 21: 2.080, 22: 2.074, 24: 2.064, 29: 2.045, 39: 2.023}


def power(mean, sd, n, draws, rng):
    critical = T975[n - 1]
    hits = 0
    for _ in range(draws):
        sample = [rng.gauss(mean, sd) for _ in range(n)]
        t = statistics.mean(sample) / (statistics.stdev(sample) / math.sqrt(n))
        hits += abs(t) > critical
    return hits / draws


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("differences", nargs="+", type=float)
    parser.add_argument("--draws", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    mean, sd = statistics.mean(args.differences), statistics.stdev(args.differences)
    rng = random.Random(args.seed)
    normal = ((1.959964 + 0.841621) * sd / mean) ** 2
    print(f"observed mean {mean:+.4f}, sd {sd:.4f}; normal approximation for 80 % power: n = {normal:.1f}")
    for n in sorted(df + 1 for df in T975 if df >= 9):
        print(f"n = {n:2d}: power {power(mean, sd, n, args.draws, rng):.3f}")


if __name__ == "__main__":
    main()
