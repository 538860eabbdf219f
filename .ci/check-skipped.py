#!/usr/bin/env python3
"""Checks Surefire/Failsafe XML reports after a run with external tools (SoftHSM2, Node, Prometheus) hidden.

Usage: check-skipped.py REPORT_DIR... -- EXPECTED...

Fails (exit 1) when
  * a report directory holds no TEST-*.xml,
  * any test case failed or errored,
  * an EXPECTED pattern ("fully.qualified.Class#methodRegex") matches no test case, or
  * a test case it matches was not reported as skipped.
The method regex is matched (re.fullmatch) against the test case name as Surefire writes it, e.g.
"openingAnUnknownAliasFailsNamingIt(Function)[2]".
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET


def main(argv):
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    split = argv.index("--")
    directories, expected = argv[:split], argv[split + 1:]
    if not directories or not expected:
        print(__doc__, file=sys.stderr)
        return 2
    problems = []
    cases = []
    for directory in directories:
        reports = sorted(glob.glob(os.path.join(directory, "TEST-*.xml")))
        if not reports:
            problems.append(f"no TEST-*.xml reports in {directory}")
        for report in reports:
            for case in ET.parse(report).getroot().iter("testcase"):
                cases.append(case)
    for case in cases:
        label = f"{case.get('classname')}#{case.get('name')}"
        for outcome in ("failure", "error", "flakyFailure", "flakyError", "rerunFailure", "rerunError"):
            if case.find(outcome) is not None:
                problems.append(f"{label}: {outcome}")
    for pattern in expected:
        if "#" not in pattern:
            problems.append(f"expected pattern {pattern!r} is not Class#methodRegex")
            continue
        classname, method = pattern.split("#", 1)
        matched = [c for c in cases if c.get("classname") == classname and re.fullmatch(method, c.get("name") or "")]
        if not matched:
            problems.append(f"{pattern}: no such test case in the reports")
        for case in matched:
            label = f"{classname}#{case.get('name')}"
            if case.find("skipped") is None:
                problems.append(f"{label}: ran but should have been skipped (its tool hidden)")
            else:
                print(f"skipped as expected: {label}")
    print(f"{len(cases)} test cases in {len(directories)} report directories")
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
