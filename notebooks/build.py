#!/usr/bin/python3
"""Writes the teaching notebooks (notebooks/*.ipynb) from their readable sources (notebooks/src/*.txt).

A source is a sequence of cells, each introduced by a line "%% md" (Markdown) or "%% go" (a Go
cell). The notebooks are written without outputs, as nbformat 4.5 with the gograd kernelspec and
stable cell ids (derived from the notebook name and the cell's position), so rebuilding an
unchanged source gives a byte-identical file.

Usage: /usr/bin/python3 notebooks/build.py [--check]
  --check  exits 1 when a committed notebook differs from what its source would give.
"""
import hashlib
import os
import re
import sys

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
MARKER = re.compile(r"^%% (md|go)\s*$")


def parse(text):
    """Returns [(kind, source)] for the cells of a notebook source."""
    cells, kind, lines = [], None, []
    for line in text.split("\n"):
        m = MARKER.match(line)
        if m:
            if kind:
                cells.append((kind, "\n".join(lines).strip("\n")))
            kind, lines = m.group(1), []
        elif kind:
            lines.append(line)
        elif line.strip():
            raise ValueError("text before the first cell marker: %r" % line)
    if kind:
        cells.append((kind, "\n".join(lines).strip("\n")))
    return cells


def notebook(name, cells):
    """Returns the nbformat notebook for the parsed cells of the named source."""
    nb = nbformat.v4.new_notebook()
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata = {
        "kernelspec": {"name": "gograd", "display_name": "Go (gograd)", "language": "go"},
        "language_info": {"name": "go", "file_extension": ".go", "mimetype": "text/x-go"},
    }
    for i, (kind, source) in enumerate(cells):
        cid = hashlib.sha1(("%s/%d" % (name, i)).encode()).hexdigest()[:12]
        if kind == "md":
            cell = nbformat.v4.new_markdown_cell(source, id=cid)
        else:
            cell = nbformat.v4.new_code_cell(source, id=cid)
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for fn in sorted(os.listdir(SRC)):
        if not fn.endswith(".txt"):
            continue
        name = fn[: -len(".txt")]
        with open(os.path.join(SRC, fn), encoding="utf-8") as f:
            nb = notebook(name, parse(f.read()))
        text = nbformat.writes(nb) + "\n"
        path = os.path.join(HERE, name + ".ipynb")
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old == text:
            continue
        if check:
            stale.append(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote", os.path.relpath(path))
    if stale:
        print("stale (run notebooks/build.py):", *stale, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
