#!/usr/bin/env python3
"""PyTorch twin of `rdnas proxies score --space resnet48`: builds each Track 1 architecture's network from its 52-digit
code as the competition's model code does (written here independently of the C# network), scores it with Synflow and
Zen at the given input side, and compares with the project's CSV: its parameter count against the cost model, its
scores' rank agreement with the project's (the two frameworks draw different initial weights, so scores agree in
order, not in value), and each implementation's τ against the stand-alone accuracies when the data folder has them.
Run with Debian's python3-torch (/usr/bin/python3), one intra-op thread.

Usage: pytorch_resnet48_proxies.py PROJECT_CSV SIDE [DATA_DIR]
PROJECT_CSV: the output of `rdnas proxies score --space resnet48 --proxy params,synflow,zen ...` (name,arch,... columns).
"""
import csv
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

RATIOS = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7]
BASE = [64, 128, 256, 512]
MAX_DEPTH = [5, 5, 8, 5]
STRIDES = [1, 2, 2, 2]


def channels(stage, code):
    exact = BASE[stage] * RATIOS[code - 1]
    rounded = max(8, int(exact + 4) // 8 * 8)
    return rounded + 8 if rounded < 0.9 * exact else rounded


def blocks_of(code):
    """(stage, conv1 width, output width, stride) per used block, and the stem's width."""
    digits = [int(ch) for ch in code]
    stem = channels(0, digits[5])
    position, blocks = 6, []
    for stage in range(4):
        output = channels(stage, digits[position + 1])
        for block in range(digits[1 + stage]):
            blocks.append((channels(stage, digits[position + 2 * block]), output, STRIDES[stage] if block == 0 else 1))
        position += 2 * MAX_DEPTH[stage]
    return stem, blocks


def norm(c, bn):
    return nn.BatchNorm2d(c) if bn else nn.Identity()


class Block(nn.Module):
    def __init__(self, cin, mid, cout, stride, bn):
        super().__init__()
        self.branch = nn.Sequential(nn.Conv2d(cin, mid, 3, stride, 1, bias=False), norm(mid, bn), nn.ReLU(),
                                    nn.Conv2d(mid, cout, 3, 1, 1, bias=False), norm(cout, bn))
        self.shortcut = (nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), norm(cout, bn))
                         if stride != 1 or cin != cout else nn.Identity())

    def forward(self, x):
        return torch.relu(self.shortcut(x) + self.branch(x))


class Net(nn.Module):
    def __init__(self, code, bn):
        super().__init__()
        stem, blocks = blocks_of(code)
        layers, c = [nn.Conv2d(3, stem, 7, 2, 3, bias=False), norm(stem, bn), nn.ReLU(), nn.MaxPool2d(3, 2, 1)], stem
        for mid, out, stride in blocks:
            layers.append(Block(c, mid, out, stride, bn))
            c = out
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(c, 1000)

    def forward(self, x):
        return self.classifier(self.features(x).mean((2, 3)))


def synflow(code, side):
    torch.manual_seed(0)
    net = Net(code, bn=False).double()
    with torch.no_grad():
        for p in net.parameters():
            p.abs_()
    net(torch.ones(1, 3, side, side, dtype=torch.float64)).sum().backward()
    return sum((m.weight * m.weight.grad).abs().sum().item() for m in net.modules() if isinstance(m, (nn.Conv2d, nn.Linear)))


def zen(code, side):
    torch.manual_seed(0)
    net = Net(code, bn=True).train()
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.normal_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
        x = torch.randn(64, 3, side, side)
        mixup = x + 0.01 * torch.randn(64, 3, side, side)
        delta = (net.features(x) - net.features(mixup)).abs().sum((1, 2, 3)).mean().item()
        bn = sum(0.5 * math.log(m.running_var.mean().item()) for m in net.modules() if isinstance(m, nn.BatchNorm2d))
    return math.log(delta) + bn


def ranks(values):
    order = np.argsort(values, kind="stable")
    result = np.empty(len(values))
    result[order] = np.arange(len(values))
    return result


def spearman(a, b):
    return float(np.corrcoef(ranks(np.array(a)), ranks(np.array(b)))[0, 1])


def kendall(a, b):
    """Kendall τ-b (ties in either list shrink the denominator), as the project's KendallTau."""
    n, s, untied_a, untied_b = len(a), 0, 0, 0
    for i in range(n):
        for j in range(i + 1, n):
            da, db = np.sign(a[i] - a[j]), np.sign(b[i] - b[j])
            s += da * db
            untied_a += da != 0
            untied_b += db != 0
    return s / math.sqrt(untied_a * untied_b)


def main():
    torch.set_num_threads(1)
    project_csv, side = sys.argv[1], int(sys.argv[2])
    data = sys.argv[3] if len(sys.argv) > 3 else os.environ.get("RDNAS_DATA", "")
    rows = list(csv.DictReader(open(project_csv)))
    missing = [c for c in ("params", "synflow", "zen") if c not in rows[0]]
    if missing:
        sys.exit(f"{project_csv}: needs columns params, synflow and zen (missing {', '.join(missing)})")
    started = time.time()
    twin = {"synflow": [], "zen": []}
    for row in rows:
        net = Net(row["arch"], bn=True)
        count = sum(p.numel() for p in net.parameters())
        if abs(count - float(row["params"]) * 1e6) > 0.5:
            sys.exit(f"{row['name']}: {count} parameters here, {row['params']} M in the project's cost model")
        twin["synflow"].append(synflow(row["arch"], side))
        twin["zen"].append(zen(row["arch"], side))
    print(f"pytorch resnet48 archs={len(rows)} side={side} seconds={time.time() - started:.1f} parameters=equal")
    standalone_path = os.path.join(data, "cvpr2022_track1", "gt_arch30_standalone.json")
    standalone = json.load(open(standalone_path)) if data and os.path.exists(standalone_path) else {}
    accuracy = {entry["arch"]: entry["acc"] for entry in standalone.values()}
    for proxy in ("synflow", "zen"):
        ours = [float(row[proxy]) for row in rows]
        line = f"{proxy}: Spearman twin vs project {spearman(twin[proxy], ours):.4f}"
        known = [i for i, row in enumerate(rows) if row["arch"] in accuracy]
        if len(known) >= 3:
            acc = [accuracy[rows[i]["arch"]] for i in known]
            line += (f"; τ vs stand-alone ({len(known)}): twin {kendall([twin[proxy][i] for i in known], acc):.3f},"
                     f" project {kendall([ours[i] for i in known], acc):.3f}")
        print(line)


if __name__ == "__main__":
    main()
