"""Adds up the JUnit reports of every suite that ops/test.sh ran and prints one closing line."""

import sys
import xml.etree.ElementTree as ET  # noqa: S405 - our own pytest reports
from pathlib import Path

totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
for report in sorted(Path(sys.argv[1]).glob("*.xml")):
    for suite in ET.parse(report).getroot().iter("testsuite"):  # noqa: S314
        counts = {key: int(suite.get(key, 0)) for key in totals}
        print(
            f"  {report.stem}: {counts['tests']} tests, {counts['failures']} failures, "
            f"{counts['errors']} errors, {counts['skipped']} skipped"
        )
        for key in totals:
            totals[key] += counts[key]
failed = totals["failures"] + totals["errors"]
passed = totals["tests"] - failed - totals["skipped"]
print(f"total: {passed} passed, {failed} failed, {totals['skipped']} skipped")
