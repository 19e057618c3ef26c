"""Side-by-side kernel benchmark: gograd against Debian's ipykernel, same client, one run.

Measures, for each kernel: the time from process start to the first kernel_info_reply, and
the round trip of a trivial execute_request (`1+1`) to its reply and to the `idle` that
closes it, as medians and p99 over many cells; and the kernel's resident memory when idle
after its first cell, and again after the 2 x CELLS cells of the round-trip runs.
Prints one line per figure: `name ours peer ratio` (ratio > 1 means gograd is better).

Run: bench/kernel/run.sh   (builds gograd, installs it privately, then runs this)
"""
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

CELLS = int(os.environ.get("BENCH_CELLS", "300"))
STARTS = int(os.environ.get("BENCH_STARTS", "10"))


def start_to_first_info(name):
    """Seconds from starting the kernel process to its first kernel_info_reply."""
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        while True:
            kc.kernel_info()
            try:
                kc.get_shell_msg(timeout=0.01)
                return time.perf_counter() - t0
            except Exception:
                continue
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def round_trips(kc, code):
    """Per-cell seconds to the execute_reply and to the closing idle."""
    to_reply, to_idle = [], []
    for _ in range(CELLS):
        t0 = time.perf_counter()
        msg_id = kc.execute(code)
        while kc.get_shell_msg(timeout=10)["parent_header"].get("msg_id") != msg_id:
            pass
        t1 = time.perf_counter()
        while True:
            m = kc.get_iopub_msg(timeout=10)
            if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                    and m["content"]["execution_state"] == "idle"):
                break
        t2 = time.perf_counter()
        to_reply.append(t1 - t0)
        to_idle.append(t2 - t0)
    return to_reply, to_idle


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def p99(xs):
    return sorted(xs)[max(0, int(len(xs) * 0.99) - 1)]


def measure(name):
    starts = [start_to_first_info(name) for _ in range(STARTS)]
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    try:
        kc.execute_interactive("1+1", timeout=10)
        time.sleep(1)
        idle_mem = rss_mb(km.provisioner.process.pid)
        round_trips(kc, "1+1")  # warm up both the same way
        reply, idle = round_trips(kc, "1+1")
        time.sleep(1)
        busy_mem = rss_mb(km.provisioner.process.pid)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return {
        "start_ms": statistics.median(starts) * 1e3,
        "reply_ms": statistics.median(reply) * 1e3,
        "reply_p99_ms": p99(reply) * 1e3,
        "idle_ms": statistics.median(idle) * 1e3,
        "idle_p99_ms": p99(idle) * 1e3,
        "rss_idle_mb": idle_mem,
        "rss_after_cells_mb": busy_mem,
    }


def main():
    ours_name, peer_name = sys.argv[1], sys.argv[2]
    ours, peer = measure(ours_name), measure(peer_name)
    print("# name ours(%s) peer(%s) ratio(peer/ours)" % (ours_name, peer_name))
    for key in ("reply_ms", "reply_p99_ms", "idle_ms", "idle_p99_ms", "start_ms",
                "rss_idle_mb", "rss_after_cells_mb"):
        o, p = ours[key], peer[key]
        print("kernel_%s %.3f %.3f %.2f" % (key, o, p, p / o if o else float("nan")))


if __name__ == "__main__":
    main()
