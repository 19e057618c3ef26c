"""Executes every teaching notebook through the installed gograd kernel with nbclient, as a
student running all cells would, and checks what it shows: no cell errors, the pictures each
notebook promises (as decodable PNGs), the live training views left as their final picture,
and the numbers the prose claims, read back from the outputs.

The executed copies are saved to $GOGRAD_NOTEBOOK_OUT (a fresh temporary directory when it is
not set; its path is printed) so a person can open them.
"""
import gograd_env  # first: builds gograd and puts its kernelspec on JUPYTER_PATH

import base64
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import unittest

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = os.path.join(gograd_env.ROOT, "notebooks")
OUT = os.environ.get("GOGRAD_NOTEBOOK_OUT") or tempfile.mkdtemp(prefix="gograd-notebooks-")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

_executed = {}


def execute(name):
    """Returns notebook name executed through the gograd kernel (once per test run)."""
    if name not in _executed:
        nb = nbformat.read(os.path.join(NOTEBOOKS, name), as_version=4)
        client = NotebookClient(
            nb,
            kernel_name=gograd_env.KERNEL_NAME,
            timeout=600,
            startup_timeout=60,
            allow_errors=True,
            resources={"metadata": {"path": NOTEBOOKS}},
        )
        start = time.monotonic()
        client.execute()
        elapsed = time.monotonic() - start
        os.makedirs(OUT, exist_ok=True)
        nbformat.write(nb, os.path.join(OUT, name))
        print("\n%s executed in %.1f s, saved to %s" % (name, elapsed, OUT), file=sys.stderr)
        _executed[name] = nb
    return _executed[name]


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def cell_with(nb, snippet):
    """Returns the one code cell whose source contains snippet."""
    found = [c for c in code_cells(nb) if snippet in c.source]
    if len(found) != 1:
        raise AssertionError("%d code cells contain %r" % (len(found), snippet))
    return found[0]


def text_of(cell):
    """Returns everything a cell printed or showed as plain text, in order."""
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("display_data", "execute_result"):
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def pngs_of(cell):
    """Returns the decoded PNG images a cell shows, in order."""
    images = []
    for out in cell.outputs:
        if out.output_type in ("display_data", "execute_result") and "image/png" in out.get("data", {}):
            images.append(base64.b64decode(out.data["image/png"]))
    return images


def png_size(data):
    """Returns (width, height) of a PNG, checking its signature and header chunk."""
    if data[:8] != PNG_MAGIC or data[12:16] != b"IHDR":
        raise AssertionError("not a PNG")
    return struct.unpack(">II", data[16:24])


def number(text, label):
    """Returns the float printed after label (such as "test accuracy:") in text."""
    m = re.search(re.escape(label) + r"\s*([-+0-9.eE]+|NaN|[-+]?Inf)", text)
    if not m:
        raise AssertionError("no %r in the output:\n%s" % (label, text))
    return float(m.group(1))


class NotebookCase:
    """Checks shared by every notebook; subclasses name the notebook and what it must show."""

    NAME = ""
    # Cells (by a snippet of their source) and how many PNGs each must show.
    PICTURES = {}
    # Snippets of the cells that run a live training view.
    LIVE = []

    @classmethod
    def setUpClass(cls):
        cls.nb = execute(cls.NAME)

    def test_no_cell_errors(self):
        for i, cell in enumerate(code_cells(self.nb)):
            errors = [o for o in cell.outputs if o.output_type == "error"]
            self.assertEqual(errors, [], "code cell %d:\n%s" % (i + 1, cell.source))
            self.assertIsNotNone(cell.execution_count, "code cell %d did not run" % (i + 1))

    def test_pictures(self):
        total = 0
        for snippet, want in self.PICTURES.items():
            images = pngs_of(cell_with(self.nb, snippet))
            self.assertEqual(len(images), want, "PNGs of the cell with %r" % snippet)
            for data in images:
                w, h = png_size(data)
                self.assertGreaterEqual(w, 300, snippet)
                self.assertGreaterEqual(h, 150, snippet)
            total += want
        shown = sum(len(pngs_of(c)) for c in code_cells(self.nb))
        self.assertEqual(shown, total, "PNGs in the whole notebook")

    def test_live_views_end_as_final_picture(self):
        # The progress line and the chart are updated in place (update_display_data); nbclient
        # applies the updates to the saved outputs, so what is left must be Done's final state.
        for snippet in self.LIVE:
            cell = cell_with(self.nb, snippet)
            self.assertEqual(len(pngs_of(cell)), 1, snippet)
            m = re.search(r"done:.*step (\d+)/(\d+)", text_of(cell))
            self.assertIsNotNone(m, "no final progress line in the cell with %r" % snippet)
            self.assertEqual(m.group(1), m.group(2), "the progress line stopped before the end")


class ChainRule(NotebookCase, unittest.TestCase):
    NAME = "01-chain-rule.ipynb"
    PICTURES = {
        'loss.Label = "loss"': 1,  # the graph after the forward pass, gradients still 0
        "display.LossValues": 1,
    }

    def test_pictures(self):
        graphs = [c for c in code_cells(self.nb) if c.source.strip().endswith("loss")]
        self.assertEqual(len(graphs), 2)  # after the forward pass, and after Backward
        shown = []
        for c in graphs + [cell_with(self.nb, "display.LossValues")]:
            images = pngs_of(c)
            self.assertEqual(len(images), 1, c.source)
            shown.append(images[0])
        for graph in shown[:2]:
            w, h = png_size(graph)
            self.assertGreater(w, 3 * h)  # the whole graph, laid out left to right
        self.assertNotEqual(shown[0], shown[1])  # the second one has the gradients filled in
        self.assertEqual(sum(len(pngs_of(c)) for c in code_cells(self.nb)), 3)

    def test_backward_matches_hand_and_finite_differences(self):
        hand = text_of(cell_with(self.nb, "by hand: dL/dw1"))
        auto = text_of(cell_with(self.nb, "Backward: dL/dw1"))
        for name in ("dL/dw1 =", "dL/dw2 =", "dL/db ="):
            self.assertAlmostEqual(number(hand, name), number(auto, name), places=4)
        check = text_of(cell_with(self.nb, "largest difference"))
        self.assertLess(number(check, "largest difference:"), 1e-6)

    def test_loss_goes_down(self):
        out = text_of(cell_with(self.nb, "loss before the step"))
        before, after = number(out, "loss before the step:"), number(out, "loss after the step:")
        self.assertLess(after, before)
        final = number(text_of(cell_with(self.nb, "loss after 30 steps")), "loss after 30 steps:")
        self.assertLess(final, after / 10)


class TrainingLoop(NotebookCase, unittest.TestCase):
    NAME = "02-training-loop.ipynb"
    PICTURES = {
        "before := display.DecisionBoundaryXY": 1,
        "live := display.Training()": 1,
        "display.Grid(2, before, after)": 1,
        "small := trainWith": 1,
    }
    LIVE = ["live := display.Training()"]

    def test_training_learns_the_moons(self):
        before = number(text_of(cell_with(self.nb, "accuracy before training")), "accuracy before training:")
        out = text_of(cell_with(self.nb, "live := display.Training()"))
        after = number(out, "accuracy after training:")
        self.assertGreaterEqual(after, 0.97)
        self.assertLess(before, after)
        self.assertLess(number(out, "final loss:"), 0.1)

    def test_learning_rates(self):
        out = text_of(cell_with(self.nb, "small := trainWith"))
        label = "mean loss over the last 50 steps"
        small, right, large = [float(v) for v in re.findall(label + r" ([0-9.eE+-]+|NaN)", out)]
        self.assertLess(right, 0.05)
        self.assertGreater(small, 5 * right)
        self.assertGreater(large, small)


class Gradients(NotebookCase, unittest.TestCase):
    NAME = "03-gradients.ipynb"
    PICTURES = {
        'display.Histograms(sigmoidNet, "grads")': 1,
        "p := plot.New()\np.Title.Text = \"gradient norm": 1,
        "display.Grid(2, logGradHist": 1,
        "live := display.Training()": 1,
        "display.Grid(2, sigmoidGrads, reluGrads)": 1,
        "display.DecisionBoundary(he, data)": 1,
    }
    LIVE = ["live := display.Training()"]

    def norms(self):
        out = text_of(cell_with(self.nb, 'printNorms("relu, He", heNorms)'))
        rows = {}
        for line in out.splitlines():
            m = re.match(r"(\S.*?)\s{2,}((?:\s*[0-9.]+e[-+][0-9]+){9})\s+first/last: (\S+)", line)
            if m:
                rows[m.group(1)] = [float(v) for v in m.group(2).split()]
        self.assertEqual(sorted(rows), sorted(["sigmoid", "relu, x0.5", "relu, He", "relu, x1.5"]), out)
        return rows

    def test_sigmoid_gradients_vanish(self):
        sig = self.norms()["sigmoid"]
        self.assertLess(sig[0] / sig[-1], 1e-3)  # the prose: "about a hundred thousand times"
        for below, above in zip(sig, sig[1:]):  # the prose: "a factor of about four at every layer"
            self.assertTrue(2 < above / below < 8, sig)

    def test_he_init_keeps_gradients_even(self):
        rows = self.norms()
        he = rows["relu, He"]
        self.assertLess(max(he) / min(he), 10)
        self.assertLess(max(rows["relu, x0.5"]), min(he) / 5)
        self.assertGreater(min(rows["relu, x1.5"]), 5 * max(he))

    def test_only_relu_learns(self):
        out = text_of(cell_with(self.nb, "live := display.Training()"))
        self.assertGreaterEqual(number(out, "deep ReLU accuracy:"), 0.9)
        self.assertLess(number(out, "deep sigmoid accuracy:"), 0.5)


class Digits(NotebookCase, unittest.TestCase):
    NAME = "04-digits.ipynb"
    PICTURES = {
        "first := []*plot.Plot{}": 1,
        "live := display.Training()": 1,
        "display.ConfusionMatrix(confusion, test.Classes)": 1,
        "wrong := []*plot.Plot{}": 1,
    }
    LIVE = ["live := display.Training()"]

    def test_test_accuracy(self):
        out = text_of(cell_with(self.nb, "test accuracy:"))
        acc = number(out, "test accuracy:")
        self.assertGreater(acc, 0.9)
        self.assertGreaterEqual(number(out, "train accuracy:"), acc - 0.01)
        wrong = text_of(cell_with(self.nb, "wrong := []*plot.Plot{}"))
        m = re.search(r"(\d+) of (\d+) test digits misclassified", wrong)
        self.assertIsNotNone(m, wrong)
        self.assertEqual(int(m.group(2)), 359)  # 20% of 1,797
        self.assertEqual(int(m.group(1)), round((1 - acc) * 359))


class CommittedNotebooks(unittest.TestCase):
    """The committed notebooks are what notebooks/build.py makes of their sources: no
    outputs, the gograd kernelspec, a stable id on every cell."""

    def test_fresh_from_sources(self):
        subprocess.run([sys.executable, os.path.join(NOTEBOOKS, "build.py"), "--check"], check=True)

    def test_no_outputs_and_kernelspec(self):
        names = sorted(n for n in os.listdir(NOTEBOOKS) if n.endswith(".ipynb"))
        self.assertEqual(names, ["01-chain-rule.ipynb", "02-training-loop.ipynb",
                                 "03-gradients.ipynb", "04-digits.ipynb"])
        for name in names:
            with open(os.path.join(NOTEBOOKS, name), encoding="utf-8") as f:
                raw = json.load(f)
            self.assertEqual((raw["nbformat"], raw["nbformat_minor"]), (4, 5), name)
            self.assertEqual(raw["metadata"]["kernelspec"]["name"], "gograd", name)
            self.assertEqual(raw["metadata"]["kernelspec"]["display_name"], "Go (gograd)", name)
            self.assertEqual(raw["metadata"]["language_info"]["name"], "go", name)
            ids = [c["id"] for c in raw["cells"]]
            self.assertEqual(len(set(ids)), len(ids), name)
            for c in raw["cells"]:
                if c["cell_type"] == "code":
                    self.assertEqual(c["outputs"], [], name)
                    self.assertIsNone(c["execution_count"], name)


if __name__ == "__main__":
    unittest.main()
