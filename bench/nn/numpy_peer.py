"""numpy peer for bench/nn: the same two training loops as plain float32 numpy backprop.

Prints `name seconds-per-step` lines (tiny_numpy, mlp784_numpy). Run with Debian's python3
and OPENBLAS_NUM_THREADS=1 (its fastest setting on two shared cores).
"""
import sys
import time

import numpy as np


def init(sizes, rng, he):
    params = []
    for i in range(len(sizes) - 1):
        fan_in, fan_out = sizes[i], sizes[i + 1]
        if he:
            w = rng.standard_normal((fan_in, fan_out)) * np.sqrt(2 / fan_in)
        else:
            a = np.sqrt(6 / (fan_in + fan_out))
            w = rng.uniform(-a, a, (fan_in, fan_out))
        params.append([w.astype(np.float32), np.zeros(fan_out, np.float32)])
    return params


def step_tiny(params, x, y, lr):
    (w1, b1), (w2, b2), (w3, b3) = params
    h1 = np.tanh(x @ w1 + b1)
    h2 = np.tanh(h1 @ w2 + b2)
    out = h2 @ w3 + b3
    diff = out - y
    loss = float(np.mean(diff * diff))
    g = (2.0 / diff.size) * diff
    gw3, gb3 = h2.T @ g, g.sum(0)
    g = (g @ w3.T) * (1 - h2 * h2)
    gw2, gb2 = h1.T @ g, g.sum(0)
    g = (g @ w2.T) * (1 - h1 * h1)
    gw1, gb1 = x.T @ g, g.sum(0)
    for (w, b), gw, gb in zip(params, (gw1, gw2, gw3), (gb1, gb2, gb3)):
        w -= lr * gw
        b -= lr * gb
    return loss


def step_big(params, x, y, lr):
    (w1, b1), (w2, b2), (w3, b3) = params
    h1 = np.maximum(x @ w1 + b1, 0)
    h2 = np.maximum(h1 @ w2 + b2, 0)
    z = h2 @ w3 + b3
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    p = e / e.sum(1, keepdims=True)
    n = x.shape[0]
    loss = float(-np.mean(np.log(p[np.arange(n), y])))
    g = p
    g[np.arange(n), y] -= 1
    g /= n
    gw3, gb3 = h2.T @ g, g.sum(0)
    g = (g @ w3.T) * (h2 > 0)
    gw2, gb2 = h1.T @ g, g.sum(0)
    g = (g @ w2.T) * (h1 > 0)
    gw1, gb1 = x.T @ g, g.sum(0)
    for (w, b), gw, gb in zip(params, (gw1, gw2, gw3), (gb1, gb2, gb3)):
        w -= lr * gw
        b -= lr * gb
    return loss


def run(sizes, step, batch, classes, steps):
    rng = np.random.default_rng(1)
    params = init(sizes, rng, classes > 0)
    nb = 16
    x = (rng.random((nb * batch, sizes[0])) * 2 - 1).astype(np.float32)
    if classes:
        y = rng.integers(0, classes, nb * batch)
    else:
        y = (rng.random((nb * batch, 1)) * 2 - 1).astype(np.float32)

    def loop(n):
        for s in range(n):
            i = (s % nb) * batch
            loss = step(params, x[i:i + batch], y[i:i + batch], np.float32(0.01))
        return loss

    loop(max(steps // 10, 1))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        loop(steps)
        best = min(best, (time.perf_counter() - start) / steps)
    return best


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    print(f"tiny_numpy {run([2, 16, 16, 1], step_tiny, 32, 0, int(5000 * scale)):.9f}", flush=True)
    print(f"mlp784_numpy {run([784, 128, 64, 10], step_big, 64, 10, int(500 * scale)):.9f}", flush=True)


if __name__ == "__main__":
    main()
