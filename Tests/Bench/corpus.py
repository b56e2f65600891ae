#!/usr/bin/env python3
"""Writes a synthetic Wegweiser site for `make bench`: PAGES pages in each of LANGS languages.

Usage: corpus.py OUT PAGES LANGS
Each language has the same tree (profiles, a guide tree of sections and pages, events with dates), so every
page has its translations; bodies are a few kilobytes of Markdown with headings, lists and links between pages.
"""
import os
import random
import shutil
import sys

CODES = ["de", "en", "ar", "fa", "tr", "uk", "ru", "fr", "pl", "es", "ro", "it"]
RTL = {"ar", "fa"}
SYLLABLES = "ber ga ti lo ma nu sa ke ri do wen fal pur sim".split()


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def sentence(rng, n):
    return " ".join(word(rng) for _ in range(n)).capitalize() + "."


def body(rng, links):
    out = []
    for section in range(3):
        out.append(f"## {sentence(rng, 3)[:-1]} {{#s{section}}}\n")
        for _ in range(3):
            text = sentence(rng, 30)
            if links:
                target = rng.choice(links)
                text += f" Mehr in [{sentence(rng, 2)[:-1]}]({target})."
            out.append(text + "\n")
        out.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(4)) + "\n")
    return "\n".join(out)


def main():
    out, pages, langs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    codes = CODES[:langs]
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "site.yml"), "w") as f:
        f.write("title: Benchmark\nbase_url: https://bench.example.org/\ndefault_language: de\nlanguages:\n")
        for code in codes:
            f.write(f"  - code: {code}\n    name: Sprache {code}\n")
            if code in RTL:
                f.write("    dir: rtl\n")
    profiles = max(1, pages // 20)
    events = max(1, pages // 5)
    guides = max(2, pages - profiles - events)
    sections = max(1, guides // 25)
    paths = [f"profiles/p{i}.md" for i in range(profiles)]
    paths += [f"events/e{i}.md" for i in range(events)]
    paths += [f"guides/g{i % sections}/_index.md" if i < sections else f"guides/g{i % sections}/page{i}.md"
              for i in range(guides)]
    for index, code in enumerate(codes):
        rng = random.Random(index)
        for path in paths:
            full = os.path.join(out, code, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            folder = os.path.dirname(path)
            siblings = [os.path.relpath(p, folder) for p in rng.sample(paths, 3)]
            front = f"title: \"{sentence(rng, 4)[:-1]}\"\nsummary: \"{sentence(rng, 10)}\"\n"
            if path.startswith("events/") and code == "de":
                month = 1 + (sum(path.encode()) % 12)  # stable: hash() differs per process
                front += f"start: 2026-{month:02d}-1{index % 9 + 1}T18:00\nend: 2026-{month:02d}-1{index % 9 + 1}T20:00\n"
            if path.startswith("profiles/") and code == "de":
                front += "city: Stadt\ncontact:\n  phone: 0211 12345\n  email: ki@example.org\n"
            with open(full, "w") as f:
                f.write("---\n" + front + "---\n" + body(rng, siblings))


if __name__ == "__main__":
    main()
