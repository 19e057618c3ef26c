"""PyTorch peer for bench/nn: the same two training loops, in PyTorch's fastest setting here.

Prints `name seconds-per-step` lines (tiny_torch, mlp784_torch). Run with Debian's python3
(python3-torch). One thread: two threads plus OpenBLAS's own oversubscribe two cores.
"""
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(1)


def run(sizes, act, loss_fn, batch, classes, steps):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes):
            layers.append(act())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    nb = 16
    x = torch.rand(nb * batch, sizes[0]) * 2 - 1
    if classes:
        y = torch.randint(0, classes, (nb * batch,))
    else:
        y = torch.rand(nb * batch, 1) * 2 - 1

    def loop(n):
        for step in range(n):
            i = (step % nb) * batch
            xb, yb = x[i:i + batch], y[i:i + batch]
            loss = loss_fn(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
        return loss.item()

    loop(max(steps // 10, 1))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        loop(steps)
        best = min(best, (time.perf_counter() - start) / steps)
    return best


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    tiny = run([2, 16, 16, 1], torch.nn.Tanh, torch.nn.functional.mse_loss, 32, 0, int(2000 * scale))
    print(f"tiny_torch {tiny:.9f}", flush=True)
    big = run([784, 128, 64, 10], torch.nn.ReLU, torch.nn.functional.cross_entropy, 64, 10, int(300 * scale))
    print(f"mlp784_torch {big:.9f}", flush=True)


if __name__ == "__main__":
    main()
