"""End-to-end behaviour of the kernel that jupyter_kernel_test does not cover: interrupts,
errors that must not kill the kernel, stdin, shutdown, a forged message."""
import hashlib
import hmac
import json
import os
import queue
import signal
import time
import unittest
import uuid

import zmq

import gograd_env  # noqa: F401
from kernel_client import Kernel, result_text, stream_text


class KernelBehaviour(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel()

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def assert_alive_with(self, name, want):
        """The kernel still answers and the variable `name` still holds want."""
        reply, outputs = self.k.run(name)
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        self.assertEqual(result_text(outputs), want)

    def interrupt_during(self, code, how):
        msg_id = self.k.kc.execute(code)
        time.sleep(0.5)  # let the cell start
        start = time.monotonic()
        how()
        reply = self.k.shell_reply(msg_id, timeout=10)
        elapsed = time.monotonic() - start
        outputs = self.k.iopub_until_idle(msg_id)
        return reply, outputs, elapsed

    def test_interrupt_stops_loops_waits_and_sleeps(self):
        self.k.run("survivor := 41 + 1")
        cells = {
            "busy loop": "for {}",
            "channel receive": "ch := make(chan int)\n<-ch",
            "select": "select {}",
            "sleep": "time.Sleep(time.Hour)",
        }
        for name, code in cells.items():
            with self.subTest(name):
                reply, outputs, elapsed = self.interrupt_during(code, self.k.km.interrupt_kernel)
                self.assertEqual(reply["content"]["status"], "error")
                self.assertLess(elapsed, 5.0, "the interrupt took too long to land")
                self.assert_alive_with("survivor", "42")

    def test_sigint_to_the_process_interrupts_instead_of_killing(self):
        self.k.run("keep := \"still here\"")
        pid = self.k.km.provisioner.process.pid
        reply, _, _ = self.interrupt_during("for {}", lambda: os.kill(pid, signal.SIGINT))
        self.assertEqual(reply["content"]["status"], "error")
        self.assertTrue(self.k.km.is_alive())
        reply, outputs = self.k.run("keep")
        self.assertIn("still here", result_text(outputs))

    def test_panic_and_os_exit_are_errors_not_deaths(self):
        self.k.run("kept := 7")
        for code in ['panic("boom")', "os.Exit(3)", "var m map[string]int\nm[\"a\"] = 1"]:
            with self.subTest(code):
                reply, outputs = self.k.run(code)
                self.assertEqual(reply["content"]["status"], "error")
                errors = [m for m in outputs if m["msg_type"] == "error"]
                self.assertEqual(len(errors), 1, outputs)
                self.assert_alive_with("kept", "7")

    def test_panic_in_a_goroutine_is_reported_and_the_kernel_lives(self):
        self.k.run("alive := 1")
        reply, outputs = self.k.run('go func() { panic("in a goroutine") }()\ntime.Sleep(300 * time.Millisecond)')
        shown = json.dumps([m["content"] for m in outputs])
        self.assertIn("in a goroutine", shown)
        self.assertTrue(self.k.km.is_alive())
        self.assert_alive_with("alive", "1")

    def test_stop_on_error_aborts_queued_cells(self):
        first = self.k.kc.execute('time.Sleep(300 * time.Millisecond)\npanic("first fails")')
        second = self.k.kc.execute('fmt.Println("must not run")')
        third = self.k.kc.execute('fmt.Println("nor this")')
        replies = [self.k.shell_reply(m) for m in (first, second, third)]
        self.assertEqual([r["content"]["status"] for r in replies], ["error", "aborted", "aborted"])
        self.k.drain_iopub()
        reply, outputs = self.k.run('fmt.Println("runs again")')
        self.assertEqual(stream_text(outputs), "runs again\n")

    def test_execution_count_follows_store_history(self):
        r1, _ = self.k.run("1")
        r2, _ = self.k.run("2", store_history=False)
        r3, _ = self.k.run("3")
        n = r1["content"]["execution_count"]
        self.assertEqual(r3["content"]["execution_count"], n + 1)
        self.assertEqual(r2["content"]["status"], "ok")

    def test_error_names_the_cells_line(self):
        reply, outputs = self.k.run("a := 1\nb := lera + a")
        count = reply["content"]["execution_count"]
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("cell[%d]:2:" % count, reply["content"]["evalue"])
        self.assertIn("undefined: lera", reply["content"]["evalue"])

    def test_panic_names_the_failing_line_after_the_cells_output(self):
        code = 'var m map[string]int\nfmt.Println("a")\nfmt.Println(m["x"])\nm["a"] = 1\nfmt.Println("b")'
        reply, outputs = self.k.run(code)
        count = reply["content"]["execution_count"]
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(stream_text(outputs), "a\n0\n")
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, outputs)
        self.assertEqual(errors[0]["traceback"], [
            "panic: assignment to entry in nil map",
            "    at cell[%d]:4:1" % count,
            '        m["a"] = 1',
            "        ^",
        ])
        kinds = [m["msg_type"] for m in outputs]
        self.assertLess(kinds.index("stream"), kinds.index("error"), "the output comes first")

    def test_output_streams_while_the_cell_runs(self):
        msg_id = self.k.kc.execute(
            'fmt.Println("first")\ntime.Sleep(1500 * time.Millisecond)\nfmt.Println("second")')
        first_seen = None
        while first_seen is None:
            msg = self.k.kc.get_iopub_msg(timeout=10)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                first_seen = msg["content"]["text"]
        # The first line arrived while the cell was still sleeping: no reply yet.
        self.assertEqual(first_seen, "first\n")
        with self.assertRaises(queue.Empty, msg="the reply came before the cell finished"):
            self.k.kc.get_shell_msg(timeout=0)
        reply = self.k.shell_reply(msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        self.k.drain_iopub()

    def test_stdin_round_trip(self):
        msg_id = self.k.kc.execute(
            'var name string\nfmt.Scanln(&name)\nfmt.Println("hello,", name)', allow_stdin=True)
        req = self.k.kc.get_stdin_msg(timeout=10)
        self.assertEqual(req["msg_type"], "input_request")
        self.k.kc.input("gopher")
        reply, outputs = self.k.collect(msg_id)
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        self.assertIn("hello, gopher", stream_text(outputs))

    def test_stdin_not_allowed_is_an_error_not_a_hang(self):
        reply, outputs = self.k.run('var s string\nfmt.Scanln(&s)', allow_stdin=False, timeout=10)
        self.assertEqual(reply["content"]["status"], "error")

    def test_forged_message_is_dropped_and_the_kernel_lives(self):
        info = self.k.km.get_connection_info()
        ctx = zmq.Context.instance()
        sock = ctx.socket(zmq.DEALER)
        sock.connect("tcp://%s:%d" % (info["ip"], info["shell_port"]))
        try:
            header = json.dumps({"msg_id": uuid.uuid4().hex, "session": "x", "username": "x",
                                 "date": "2026-01-01T00:00:00.000000Z",
                                 "msg_type": "execute_request", "version": "5.3"}).encode()
            content = json.dumps({"code": 'fmt.Println("forged")', "silent": False}).encode()
            frames = [header, b"{}", b"{}", content]
            wrong = hmac.new(b"not the key", digestmod=hashlib.sha256)
            for f in frames:
                wrong.update(f)
            sock.send_multipart([b"<IDS|MSG>", wrong.hexdigest().encode()] + frames)
            sock.send_multipart([b"garbage without a delimiter"])
            self.assertEqual(sock.poll(1000), 0, "the kernel answered a forged message")
        finally:
            sock.close(linger=0)
        reply, outputs = self.k.run('fmt.Println("genuine")')
        self.assertEqual(stream_text(outputs), "genuine\n")


class ShutdownAndRestart(unittest.TestCase):
    def test_shutdown_with_restart_replies_then_exits(self):
        k = Kernel()
        try:
            msg_id = k.kc.shutdown(restart=True)
            reply = k.kc.get_control_msg(timeout=10)
            self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
            self.assertEqual(reply["msg_type"], "shutdown_reply")
            self.assertTrue(reply["content"]["restart"])
            deadline = time.monotonic() + 10
            while k.km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertFalse(k.km.is_alive(), "the kernel did not exit after shutdown")
        finally:
            k.close()

    def test_restart_from_the_manager_gives_a_fresh_session(self):
        k = Kernel()
        try:
            k.run("before := 1")
            k.km.restart_kernel(now=False)
            k.kc.wait_for_ready(timeout=60)
            reply, _ = k.run("before")
            self.assertEqual(reply["content"]["status"], "error")
            reply, outputs = k.run("1 + 1")
            self.assertEqual(result_text(outputs), "2")
        finally:
            k.close()


if __name__ == "__main__":
    unittest.main()
