#!/usr/bin/env python3
"""PyTorch twin of `RdNas.Bench step`: the NB201 supernet on the all-conv3x3 cell, synthetic batch, SGD step.

Run with Debian's python3-torch (/usr/bin/python3). Prints the same fields as the C# benchmark so the two lines
can be compared side by side. `matmul` prints the GFLOP/s of a large matrix product (the practical ceiling).
"""
import resource
import sys
import time

import torch
import torch.nn as nn

# The supernet's building blocks: the step benchmark's network is that supernet with every edge nor_conv_3x3.
from pytorch_spos import Reduction, ReluConvBn


class Cell(nn.Module):
    """All six edges are nor_conv_3x3, as in the cost NB201 reports."""

    def __init__(self, c):
        super().__init__()
        self.edges = nn.ModuleList([ReluConvBn(c, c, 3, 1, 1, False) for _ in range(6)])

    def forward(self, x):
        n1 = self.edges[0](x)
        n2 = self.edges[1](x) + self.edges[2](n1)
        return self.edges[3](x) + self.edges[4](n1) + self.edges[5](n2)


class Net(nn.Module):
    def __init__(self, c, n):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, c, 3, padding=1, bias=False), nn.BatchNorm2d(c))
        layers = []
        for stage in range(3):
            if stage > 0:
                layers.append(Reduction(c << (stage - 1), c << stage))
            layers += [Cell(c << stage) for _ in range(n)]
        self.layers = nn.Sequential(*layers)
        self.lastact = nn.Sequential(nn.BatchNorm2d(4 * c), nn.ReLU())
        self.classifier = nn.Linear(4 * c, 10)

    def forward(self, x):
        x = self.lastact(self.layers(self.stem(x)))
        return self.classifier(torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1))


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def step(c, n, batch, steps, warmup, device="cpu"):
    torch.manual_seed(0)
    model = Net(c, n).train().to(device)
    opt = torch.optim.SGD(model.parameters(), 0.025, momentum=0.9, weight_decay=5e-4)
    # Channels-last batches, as the C# batcher builds them.
    x = torch.randn(batch, 32, 32, 3).permute(0, 3, 1, 2).to(device)
    y = torch.randint(0, 10, (batch,)).to(device)
    # On a GPU a step's kernels run after the call returns: wait for them, or the timer measures only their launch.
    wait = torch.cuda.synchronize if device != "cpu" else (lambda: None)
    times, rss = [], []
    # Per phase (clearing gradients, forward with the loss, backward, optimiser): where a gap to TorchSharp lies.
    # On a GPU the phases time only the launches; the step's total waits for the kernels.
    phases = {"zero_grad_s": [], "forward_s": [], "backward_s": [], "optimizer_s": []}
    for i in range(warmup + steps):
        start = time.perf_counter()
        opt.zero_grad()
        zeroed = time.perf_counter()
        loss = nn.functional.cross_entropy(model(x), y)
        forwarded = time.perf_counter()
        loss.backward()
        backwarded = time.perf_counter()
        opt.step()
        stepped = time.perf_counter()
        wait()
        if i >= warmup:
            times.append(time.perf_counter() - start)
            rss.append(rss_mb())
            for name, seconds in zip(phases, (zeroed - start, forwarded - zeroed, backwarded - forwarded, stepped - backwarded)):
                phases[name].append(seconds)
    times.sort()
    print(f"pytorch C={c} N={n} batch={batch} threads={torch.get_num_threads()} device={device} median_step_s={times[len(times) // 2]:.4f} "
          f"min_step_s={times[0]:.4f} {' '.join(f'{name}={sorted(v)[len(v) // 2]:.4f}' for name, v in phases.items())} rss_first_mb={rss[0]:.0f} rss_last_mb={rss[-1]:.0f} rss_max_mb={max(rss):.0f}")


def matmul(size, repeats):
    a, b = torch.randn(size, size), torch.randn(size, size)
    a @ b
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - start)
    times.sort()
    median = times[len(times) // 2]
    print(f"pytorch matmul n={size} threads={torch.get_num_threads()} median_s={median:.4f} gflops={2 * size**3 / median / 1e9:.1f}")


if __name__ == "__main__":
    # Debian's build starts with one OpenMP thread here; the comparison is at 2 threads, as libtorch in TorchSharp runs.
    torch.set_num_threads(2)
    args = sys.argv[1:]
    command = args[0] if args else "step"
    # An optional last word names the device (cpu, cuda, cuda:N), as `RdNas.Bench step ... DEVICE` takes it.
    device = args.pop() if len(args) > 1 and not args[-1].isdigit() else "cpu"
    nums = [int(a) for a in args[1:]]
    if command == "step":
        step(*(nums + [16, 5, 64, 20, 3][len(nums):]), device=device)
    elif command == "matmul":
        matmul(*(nums + [2048, 10][len(nums):]))
    else:
        sys.exit(f"unknown benchmark '{command}' (expected step, matmul)")
