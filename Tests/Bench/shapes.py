#!/usr/bin/env python3
"""How build time grows with hostile page shapes: one page (or one section) written to make some part of the
build do more than linear work, built at a size N and at 4 × N.

Usage (from the project's root, after `make build`):
    Tests/Bench/shapes.py [N] [SHAPE…]        default: N = 10000, every shape

A linear part takes about 4 × the time at 4 × N (plus the fixed cost of a build); a quadratic one 16 ×. The
table marks a shape whose time grew more than 8 ×. Output goes to $BENCH_OUT (default: a folder in /dev/shm if
there is one, else in the system's temporary folder); each build has a time limit of 60 s.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("WEGWEISER", ".build/release/wegweiser")
TEMPLATES = os.environ.get("TEMPLATES", "templates")

SITE = """title:
  de: Formen
base_url: https://formen.example/
default_language: de
timezone: Europe/Berlin
languages:
  - code: de
    name: Deutsch
"""


def page(title, body):
    return "---\ntitle: %s\n---\n%s\n" % (title, body)


def one_page(body):
    return {"guides/p.md": page("Seite", body)}


# Each shape: n → {path inside content/de: text}.
SHAPES = {
    "same-headings": lambda n: one_page("".join("## Gleich\n\nText\n\n" for _ in range(n))),
    "same-explicit-ids": lambda n: one_page("".join("## A {#a}\n\n" for _ in range(n))),
    "links-on-one-line": lambda n: one_page(" ".join("[z](#ziel-%d)" % i for i in range(n))),
    "addresses-on-one-line": lambda n: one_page(" ".join("https://a.example/%d" % i for i in range(n))),
    "reference-links": lambda n: one_page(
        "".join("[r%d]: https://a.example/%d\n" % (i, i) for i in range(n))
        + "\n" + " ".join("[x][r%d] https://a.example/%d" % (i, i) for i in range(n))),
    "breaks-in-destinations": lambda n: one_page("[r]: /x\n" + "".join("[a](\n/u%d) " % i for i in range(n))),
    "break-in-destination-per-line": lambda n: one_page("Text\n" + "".join("[a](\n/u%d)\n" % i for i in range(n))),
    "nested-images": lambda n: one_page("[" + "![" * n + "x" + "](u.png)" * n + "](v)"),
    "many-siblings": lambda n: dict(
        [("guides/_index.md", page("Ratgeber", "Text"))]
        + [("guides/p%d.md" % i, page("Seite %d" % i, "[weiter](p%d.md)" % ((i + 1) % n))) for i in range(n)]),
}


def build(content, output):
    start = time.monotonic()
    try:
        subprocess.run(
            [BIN, "build", "--content", content, "--templates", TEMPLATES, "--output", output,
             "--now", "2026-01-01", "--quiet"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    except subprocess.TimeoutExpired:
        return None
    return time.monotonic() - start


def main():
    args = sys.argv[1:]
    n = int(args.pop(0)) if args and args[0].isdigit() else 10000
    shapes = args or list(SHAPES)
    if not os.access(BIN, os.X_OK):
        sys.exit("no %s: run 'make build' first" % BIN)
    base = os.environ.get("BENCH_OUT") or tempfile.mkdtemp(
        prefix="wegweiser-shapes-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    print("%-30s %10s %10s %8s" % ("shape", "N=%d" % n, "N=%d" % (4 * n), "growth"))
    for name in shapes:
        times = []
        for size in (n, 4 * n):
            root = os.path.join(base, name)
            shutil.rmtree(root, ignore_errors=True)
            os.makedirs(os.path.join(root, "content", "de"))
            with open(os.path.join(root, "content", "site.yml"), "w") as f:
                f.write(SITE)
            with open(os.path.join(root, "content", "de", "_index.md"), "w") as f:
                f.write(page("Start", "Hallo"))
            for path, text in SHAPES[name](size).items():
                full = os.path.join(root, "content", "de", path)
                os.makedirs(os.path.dirname(full), exist_ok=True)
                with open(full, "w") as f:
                    f.write(text)
            times.append(build(os.path.join(root, "content"), os.path.join(root, "output")))
            shutil.rmtree(root, ignore_errors=True)
        shown = ["%9.2fs" % t if t is not None else "  > 60 s" for t in times]
        growth = times[1] / times[0] if None not in times else float("inf")
        print("%-30s %10s %10s %7.1f×%s" % (name, shown[0], shown[1], growth, "  <- superlinear" if growth > 8 else ""))
    if not os.environ.get("BENCH_OUT"):
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
