"""Runs axe-core (the copy axe-selenium-python ships) on rendered report pages in headless
Chromium and fails on any WCAG 2.0/2.1 A or AA violation.

Usage: python3 .ci/axe_check.py page.html [page.html ...]
Needs: pip install selenium axe-selenium-python; apt-get install chromium chromium-driver.
"""
import json
import os
import sys

import axe_selenium_python
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

AXE = os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")


def main(pages):
    options = Options()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1100,2000"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(120)
    failed = False
    try:
        script = open(AXE, encoding="utf-8").read()
        for page in pages:
            driver.get("file://" + os.path.abspath(page))
            driver.execute_script(script)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})"
                ".then(r => done(r)).catch(e => done({error: String(e)}));")
            if "error" in result:
                print(f"axe: {page}: {result['error']}")
                failed = True
                continue
            violations = result["violations"]
            checked = len(result["passes"])
            version = driver.execute_script("return axe.version")
            print(f"axe-core {version}: {os.path.basename(page)}: "
                  f"{checked} rules passed, {len(violations)} violated")
            for v in violations:
                failed = True
                print(f"  {v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} elements")
                for node in v["nodes"][:3]:
                    print("    " + json.dumps(node["target"]) + " " + node.get("failureSummary", "").replace("\n", " ")[:200])
    finally:
        driver.quit()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
