#!/usr/bin/env python3
"""Runs axe-core (WCAG 2.0/2.1 A and AA rules) on pages of a built site in headless Chromium.

Usage: axe_check.py OUTPUT_DIR [--widths 390,1280]
Checks the language chooser, the 404 page and every page of every language folder
(capped per language to keep CI short); prints each violation and exits 1 if any.
"""
import glob, json, os, sys, zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def axe_source():
    wheels = glob.glob(os.path.join(os.path.dirname(__file__), ".axe", "axe_playwright_python-*.whl"))
    if not wheels:
        sys.exit("axe wheel missing: run `make check-a11y`, which downloads it")
    with zipfile.ZipFile(wheels[0]) as wheel:
        return wheel.read("axe_playwright_python/axe.min.js").decode("utf-8")


def pages(root):
    """The chooser, the 404 page and, in every language, one page of each kind plus fallback pages."""
    result = [os.path.join(root, "index.html"), os.path.join(root, "404.html")]
    for language in sorted(os.listdir(root)):
        folder = os.path.join(root, language)
        if not os.path.isdir(folder) or language == "assets":
            continue
        found = sorted(glob.glob(os.path.join(folder, "**", "index.html"), recursive=True))
        chosen = []
        def first(prefix, depth):
            for path in found:
                rel = os.path.relpath(path, folder)
                if rel.startswith(prefix) and rel.count("/") == depth and path not in chosen:
                    chosen.append(path)
                    return
        first("index.html", 0)
        for section in ["profiles", "events", "guides", "pages"]:
            first(section + "/index.html", 1)
            first(section + "/", 2)
            first(section + "/", 3)
        fallbacks = [p for p in found if 'role="note"' in open(p, encoding="utf-8").read()]
        for path in fallbacks[:2]:
            if path not in chosen:
                chosen.append(path)
        result += chosen
    return result


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "output")
    widths = [390, 1280]
    if "--widths" in sys.argv:
        widths = [int(w) for w in sys.argv[sys.argv.index("--widths") + 1].split(",")]
    source = axe_source()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    failures = 0
    checked = 0
    try:
        for width in widths:
            driver.set_window_size(width, 900)
            for page in pages(root):
                driver.get("file://" + page)
                driver.execute_script(source)
                result = driver.execute_async_script(
                    "axe.run(document, {runOnly: {type: 'tag', values: "
                    "['wcag2a','wcag2aa','wcag21a','wcag21aa']}}).then(arguments[arguments.length-1])")
                checked += 1
                for violation in result["violations"]:
                    for node in violation["nodes"]:
                        failures += 1
                        print(f"{os.path.relpath(page, root)} @{width}px: {violation['id']} ({violation['impact']}): "
                              f"{violation['help']} — {node['target']}")
    finally:
        driver.quit()
    print(f"axe-core: {checked} page views checked, {failures} violations")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
