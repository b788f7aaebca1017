#!/usr/bin/env python3
"""PyTorch twin of `rdnas proxies score` for the speed comparison: synflow and nwot on the NB201 benchmark network
(C=16, N=5, every cell the same genotype), seeded per cell, scored by WORKERS processes of one intra-op thread each
(the scheme the C# scorer uses). Run with Debian's python3-torch (/usr/bin/python3).

Usage: pytorch_proxies.py PROXY CELLS_FILE OUT_CSV [WORKERS] [DATA_DIR]
Prints `pytorch proxy=P cells=N workers=W seconds=S per_cell_ms=M`.
"""
import multiprocessing as mp
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
MEAN = np.array([0.4914, 0.4822, 0.4465], dtype=np.float32)
STD = np.array([0.2470, 0.2435, 0.2616], dtype=np.float32)


def parse(arch):
    nodes = arch.strip("|").split("|+|")
    return [tok.split("~")[0] for node in nodes for tok in node.strip("|").split("|")]


def norm(c, affine, bn):
    return nn.BatchNorm2d(c, affine=affine) if bn else nn.Identity()


class ReluConvBn(nn.Sequential):
    def __init__(self, cin, cout, k, stride, pad, bn):
        super().__init__(nn.ReLU(), nn.Conv2d(cin, cout, k, stride, pad, bias=False), norm(cout, True, bn))


def make_op(op, c, bn):
    return {"skip_connect": nn.Identity, "nor_conv_1x1": lambda: ReluConvBn(c, c, 1, 1, 0, bn),
            "nor_conv_3x3": lambda: ReluConvBn(c, c, 3, 1, 1, bn),
            "avg_pool_3x3": lambda: nn.AvgPool2d(3, 1, 1, count_include_pad=False)}[op]()


class Cell(nn.Module):
    EDGES = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]

    def __init__(self, genotype, c, bn):
        super().__init__()
        self.genotype = genotype
        self.ops = nn.ModuleDict({str(e): make_op(op, c, bn) for e, op in enumerate(genotype) if op != "none"})

    def forward(self, x):
        nodes = [x, None, None, None]
        for e, (to, frm) in enumerate(self.EDGES):
            if self.genotype[e] == "none" or nodes[frm] is None:
                continue
            term = self.ops[str(e)](nodes[frm])
            nodes[to] = term if nodes[to] is None else nodes[to] + term
        return nodes[3] if nodes[3] is not None else torch.zeros_like(x)


class Reduction(nn.Module):
    def __init__(self, cin, cout, bn):
        super().__init__()
        self.conv_a = ReluConvBn(cin, cout, 3, 2, 1, bn)
        self.conv_b = ReluConvBn(cout, cout, 3, 1, 1, bn)
        self.downsample = nn.Sequential(nn.AvgPool2d(2, 2, 0), nn.Conv2d(cin, cout, 1, bias=False))

    def forward(self, x):
        return self.downsample(x) + self.conv_b(self.conv_a(x))


class Net(nn.Module):
    def __init__(self, genotype, bn, c=16, n=5):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, c, 3, padding=1, bias=False), norm(c, True, bn))
        layers = []
        for stage in range(3):
            if stage > 0:
                layers.append(Reduction(c << (stage - 1), c << stage, bn))
            layers += [Cell(genotype, c << stage, bn) for _ in range(n)]
        self.layers = nn.Sequential(*layers)
        self.lastact = nn.Sequential(norm(4 * c, True, bn), nn.ReLU())
        self.classifier = nn.Linear(4 * c, 10)

    def forward(self, x):
        x = self.lastact(self.layers(self.stem(x)))
        return self.classifier(torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1))


def synflow(genotype, _images):
    torch.manual_seed(0)
    net = Net(genotype, bn=False).double()
    with torch.no_grad():
        for p in net.parameters():
            p.abs_()
    net.train()
    net(torch.ones(1, 3, 32, 32, dtype=torch.float64)).sum().backward()
    return sum((m.weight * m.weight.grad).abs().sum().item() for m in net.modules()
               if isinstance(m, (nn.Conv2d, nn.Linear)) and m.weight.grad is not None)


def nwot(genotype, images):
    torch.manual_seed(0)
    net = Net(genotype, bn=True)
    net.train()
    n = images.shape[0]
    kernel = torch.zeros(n, n, dtype=torch.float64)

    def hook(_module, inputs):
        codes = (inputs[0].reshape(n, -1) > 0).float()
        agree = (codes @ codes.t()).double()
        ones = codes.sum(1, keepdim=True).double()
        kernel.add_(2 * agree - ones - ones.t() + codes.shape[1])

    for m in net.modules():
        if isinstance(m, nn.ReLU):
            m.register_forward_pre_hook(hook)
    with torch.no_grad():
        net(images)
    return torch.linalg.slogdet(kernel)[1].item()


def load_images(data_dir, count=64):
    raw = np.fromfile(os.path.join(data_dir, "cifar10", "data_batch_1.bin"), dtype=np.uint8, count=count * 3073)
    pixels = raw.reshape(count, 3073)[:, 1:].reshape(count, 3, 32, 32).astype(np.float32) / 255
    return torch.from_numpy((pixels - MEAN[None, :, None, None]) / STD[None, :, None, None])


def work(args):
    proxy, archs, data_dir = args
    torch.set_num_threads(1)
    images = load_images(data_dir) if proxy == "nwot" else None
    fn = {"synflow": synflow, "nwot": nwot}[proxy]
    return [(arch, fn(parse(arch), images)) for arch in archs]


def main():
    proxy, cells_file, out = sys.argv[1], sys.argv[2], sys.argv[3]
    workers = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    data_dir = sys.argv[5] if len(sys.argv) > 5 else os.environ.get("RDNAS_DATA", "../shared/data")
    archs = [l.strip() for l in open(cells_file) if l.strip() and not l.startswith("#")]
    chunks = [archs[i::workers] for i in range(workers)]
    start = time.perf_counter()
    with mp.get_context("fork").Pool(workers) as pool:
        results = dict(pair for chunk in pool.map(work, [(proxy, c, data_dir) for c in chunks]) for pair in chunk)
    seconds = time.perf_counter() - start
    with open(out, "w") as f:
        f.write(f"arch,{proxy}\n" + "".join(f"{a},{results[a]!r}\n" for a in archs))
    print(f"pytorch proxy={proxy} cells={len(archs)} workers={workers} seconds={seconds:.1f} per_cell_ms={1000 * seconds / len(archs):.1f}")


if __name__ == "__main__":
    main()
