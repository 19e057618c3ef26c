"""Rich output end to end: what a cell shows arrives as real display messages with valid
images, and updatable displays replace themselves in place."""
import base64
import struct
import unittest

import gograd_env  # noqa: F401
from kernel_client import Kernel


def png_size(b64):
    """Decodes a base64 PNG far enough to return (width, height); fails on anything else."""
    raw = base64.b64decode(b64)
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert raw[12:16] == b"IHDR", "PNG without IHDR first"
    assert raw[-8:-4] == b"IEND", "truncated PNG"
    return struct.unpack(">II", raw[16:24])


class DisplayEndToEnd(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.k = Kernel()

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def test_image_arrives_as_a_valid_png_of_its_size(self):
        reply, outputs = self.k.run(
            'img := image.NewRGBA(image.Rect(0, 0, 40, 30))\n'
            'for x := 0; x < 40; x++ { img.Set(x, x*3/4, color.RGBA{255, 0, 0, 255}) }\n'
            'display.Image(img)')
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        self.assertEqual(len(shown), 1, outputs)
        self.assertEqual(png_size(shown[0]["content"]["data"]["image/png"]), (40, 30))

    def test_a_plot_as_last_value_is_shown_as_png(self):
        reply, outputs = self.k.run(
            'import (\n\t"gonum.org/v1/plot"\n\t"gonum.org/v1/plot/plotter"\n)\n'
            'p := plot.New()\np.Title.Text = "squares"\n'
            'pts := plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}, {X: 2, Y: 4}}\n'
            'line, _ := plotter.NewLine(pts)\np.Add(line)\np')
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1, outputs)
        w, h = png_size(results[0]["content"]["data"]["image/png"])
        self.assertGreater(w, 100)
        self.assertGreater(h, 100)

    def test_handle_updates_in_place_with_one_display_id(self):
        reply, outputs = self.k.run(
            'h := display.NewHandle()\n'
            'for i := 1; i <= 3; i++ { h.Text(fmt.Sprint("step ", i)) }')
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        kinds = [m["msg_type"] for m in outputs]
        self.assertEqual(kinds, ["display_data", "update_display_data", "update_display_data"])
        ids = {m["content"]["transient"]["display_id"] for m in outputs}
        self.assertEqual(len(ids), 1, "every update must name the same display")
        self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "step 3")

    def test_live_training_view_updates_one_chart_and_ends_as_a_png(self):
        # A hand-written loop paced by a sleep, so the run outlasts the view's redraw interval
        # however fast the machine is.
        reply, outputs = self.k.run(
            'model := nn.MLP([]int{2, 16, 1}, "tanh", 1)\n'
            'data := nn.Moons(256, 0.1, 1)\n'
            'opt := nn.NewSGD(model.Parameters(), 0.1, 0.9)\n'
            'rec := nn.NewRecorder(model)\n'
            'live := display.Training()\n'
            'for step := 0; step < 120; step++ {\n'
            '    x, y := data.Batch(step, 32)\n'
            '    loss := nn.MSE(model.Forward(x), y)\n'
            '    opt.ZeroGrad()\n'
            '    loss.Backward()\n'
            '    opt.Step()\n'
            '    rec.Record(loss)\n'
            '    live.Update(rec.History)\n'
            '    time.Sleep(20 * time.Millisecond)\n'
            '}\n'
            'live.Done(rec.History)')
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        first = {}
        for m in outputs:
            if m["msg_type"] in ("display_data", "update_display_data"):
                did = m["content"]["transient"]["display_id"]
                if m["msg_type"] == "display_data":
                    self.assertNotIn(did, first, "a live view added a second output")
                    first[did] = m
                else:
                    self.assertIn(did, first, "an update for a display that was never shown")
        charts = [m for m in outputs if m["msg_type"] == "update_display_data"
                  and "image/png" in m["content"]["data"]]
        self.assertGreaterEqual(len(charts), 1, "the chart was never updated in place")
        w, h = png_size(charts[-1]["content"]["data"]["image/png"])
        self.assertGreater(w, 300)
        self.assertGreater(h, 150)
        self.assertLessEqual(len(first), 2, "progress line and chart: two outputs at most")


if __name__ == "__main__":
    unittest.main()
