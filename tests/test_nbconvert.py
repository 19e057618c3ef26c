"""A notebook executed the way a user (and run-notebooks) does it: `jupyter nbconvert
--execute` against the installed kernelspec, then rendered to HTML with its images inline."""
import json
import os
import subprocess
import tempfile
import unittest

import gograd_env

NOTEBOOK = os.path.join(gograd_env.ROOT, "notebooks", "01-chain-rule.ipynb")


class NbconvertExecute(unittest.TestCase):
    def test_execute_and_render_with_nbconvert(self):
        out = tempfile.mkdtemp(prefix="gograd-nbconvert-")
        subprocess.run(
            ["jupyter", "nbconvert", "--to", "notebook", "--execute",
             "--ExecutePreprocessor.kernel_name=" + gograd_env.KERNEL_NAME,
             "--ExecutePreprocessor.timeout=300", "--output-dir", out, NOTEBOOK],
            check=True, capture_output=True)
        executed = os.path.join(out, os.path.basename(NOTEBOOK))
        with open(executed) as f:
            nb = json.load(f)
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        self.assertTrue(code)
        for c in code:
            self.assertIsNotNone(c["execution_count"], "a cell did not run")
            for o in c["outputs"]:
                self.assertNotEqual(o["output_type"], "error", o)
        pngs = sum(1 for c in code for o in c["outputs"] if "image/png" in o.get("data", {}))
        self.assertGreater(pngs, 0, "the notebook shows no picture")

        subprocess.run(["jupyter", "nbconvert", "--to", "html", "--output-dir", out, executed],
                       check=True, capture_output=True)
        with open(executed[:-len(".ipynb")] + ".html") as f:
            html = f.read()
        self.assertGreaterEqual(html.count("data:image/png;base64,"), pngs)


if __name__ == "__main__":
    unittest.main()
