"""A thin layer over jupyter_client for the end-to-end tests: start the real kernel, run a
cell, collect everything it published until it went idle."""
import queue
import time

import gograd_env
from jupyter_client.manager import start_new_kernel

TIMEOUT = 30


class Kernel:
    """One running gograd kernel and a blocking client connected to it."""

    def __init__(self):
        self.km, self.kc = start_new_kernel(kernel_name=gograd_env.KERNEL_NAME, startup_timeout=60)

    def close(self):
        try:
            self.kc.stop_channels()
        finally:
            self.km.shutdown_kernel(now=True)

    def run(self, code, timeout=TIMEOUT, **kwargs):
        """Executes code and returns (reply, outputs): outputs are the iopub messages between
        busy and idle, execute_input left out."""
        msg_id = self.kc.execute(code, **kwargs)
        return self.collect(msg_id, timeout)

    def collect(self, msg_id, timeout=TIMEOUT):
        reply = self.shell_reply(msg_id, timeout)
        return reply, self.iopub_until_idle(msg_id, timeout)

    def shell_reply(self, msg_id, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def iopub_until_idle(self, msg_id, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                return outputs
            if kind in ("status", "execute_input"):
                continue
            outputs.append(msg)

    def drain_iopub(self, seconds=0.2):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=seconds)
            except queue.Empty:
                return


def stream_text(outputs, name="stdout"):
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and m["content"]["name"] == name)


def result_text(outputs):
    for m in outputs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"].get("text/plain")
    return None
