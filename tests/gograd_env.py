"""Builds gograd once per test run and installs its kernelspec into a private Jupyter path.

Every end-to-end test imports this module first, so the tests always run the kernel built
from this checkout, never one a user installed, and never touch the user's Jupyter setup.
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL_NAME = "gograd"

_prefix = os.environ.get("GOGRAD_TEST_PREFIX")
if not _prefix:
    _prefix = tempfile.mkdtemp(prefix="gograd-test-")
    os.environ["GOGRAD_TEST_PREFIX"] = _prefix
    binary = os.path.join(_prefix, "bin", "gograd")
    subprocess.run(["go", "build", "-o", binary, "."], cwd=ROOT, check=True)
    subprocess.run([binary, "install", "--prefix", _prefix], check=True, stdout=subprocess.DEVNULL)

BINARY = os.path.join(_prefix, "bin", "gograd")
DATA_DIR = os.path.join(_prefix, "share", "jupyter")
os.environ["JUPYTER_PATH"] = DATA_DIR + os.pathsep + os.environ.get("JUPYTER_PATH", "")
# Keep the tests' runtime files (connection files) out of the user's home.
os.environ.setdefault("JUPYTER_RUNTIME_DIR", os.path.join(_prefix, "runtime"))

if sys.executable != "/usr/bin/python3" and not os.environ.get("GOGRAD_ANY_PYTHON"):
    print("note: the tests are meant for Debian's /usr/bin/python3", file=sys.stderr)
