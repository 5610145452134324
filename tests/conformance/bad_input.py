#!/usr/bin/env python3
"""Generates the manifest's bad-input scenarios from its operation declarations: for every
operation whose path takes a reference or an id, and for every such argument, one scenario per
bad value (empty, too long, non-ASCII, a control character, `.`, `..`, `../x`, `/`, `?`, `#`,
`%2F`, a space). Each must be refused before anything is sent: an `invalid_request` error with
the argument's code, no attempt, and not even a token exchange (so no request to any path).

The other arguments come from an existing scenario of the operation (its first whose call is
not itself refused), so a new operation is covered as soon as it has one scenario.

    python3 tests/conformance/bad_input.py          # rewrite the generated scenarios
    python3 tests/conformance/bad_input.py --check  # fail when they are not what this gives

The generated scenarios are the manifest's last, one per line, ids starting `bad-input-`.
"""

import json
import os
import re
import sys

MANIFEST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "manifest.json")
PREFIX = "bad-input-"
# A stand-in for a setup result the base scenario would have used: nothing is sent anyway.
PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000"

# (case, value, what the core reports): the too-long value exceeds both the 50 characters of
# a reference and the 100 of an id.
CASES = [
    ("empty", "", "IS_REQUIRED"),
    ("too-long", "X" * 101, "LENGTH_OUT_OF_RANGE"),
    ("non-ascii", "ORDÉR-1", "CONTAINS_INVALID_CHARACTERS"),
    ("control-character", "A\u0007B", "CONTAINS_INVALID_CHARACTERS"),
    ("dot", ".", "CONTAINS_INVALID_CHARACTERS"),
    ("dot-dot", "..", "CONTAINS_INVALID_CHARACTERS"),
    ("traversal", "../x", "CONTAINS_INVALID_CHARACTERS"),
    ("slash", "a/b", "CONTAINS_INVALID_CHARACTERS"),
    ("question-mark", "a?b", "CONTAINS_INVALID_CHARACTERS"),
    ("hash", "a#b", "CONTAINS_INVALID_CHARACTERS"),
    ("encoded-slash", "a%2Fb", "CONTAINS_INVALID_CHARACTERS"),
    ("space", "a b", "CONTAINS_INVALID_CHARACTERS"),
]


def refused_before_sending(scenario):
    error = scenario.get("expect", {}).get("error") or {}
    return error.get("kind") in ("invalid_request", "configuration")


def without_setup_refs(value):
    if isinstance(value, dict):
        return {k: without_setup_refs(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_setup_refs(v) for v in value]
    if isinstance(value, str) and value.startswith("$setup."):
        return PLACEHOLDER_ID
    return value


def generate(manifest):
    hand_written = [s for s in manifest["scenarios"] if not s["id"].startswith(PREFIX)]
    scenarios = []
    for operation, spec in manifest["operations"].items():
        params = re.findall(r"\{(\w+)\}", spec["path"])
        if not params:
            continue
        bases = [s for s in hand_written if s["call"]["operation"] == operation and not refused_before_sending(s)]
        if not bases:
            raise SystemExit("%s: no scenario to take valid arguments from; add one" % operation)
        base = bases[0]
        args = without_setup_refs(base["call"].get("args", {}))
        for param in params:
            for case, value, suffix in CASES:
                code = "%s_%s" % (param.upper(), suffix)
                scenario = {
                    "id": "%s%s-%s-%s" % (PREFIX, operation.replace("_", "-"), param.replace("_", "-"), case),
                    "category": "bad-input",
                    "description": "%s with %s %s is refused before anything is sent: %s." % (
                        operation, param, case.replace("-", " "), code),
                }
                if base.get("client"):
                    scenario["client"] = base["client"]
                scenario.update({
                    "setup": [],
                    "faults": [],
                    "call": {"operation": operation, "args": dict(args, **{param: value})},
                    "expect": {
                        "outcome": "error",
                        "error": {"kind": "invalid_request", "status": None, "code": code, "retry_after_ms": None,
                                  "attempts": 0},
                        "attempts": 0,
                        "server": {"requests": 0, "identity_requests": 0, "faults_unused": 0},
                    },
                })
                scenarios.append(scenario)
    return scenarios


def render(text, scenarios):
    """The manifest text with the generated scenarios replaced: every other line as it was."""
    lines = [l for l in text.split("\n") if not l.startswith('    {"id": "%s' % PREFIX)]
    body = "\n".join(lines).rstrip()
    closing = "\n  ]\n}"
    if not body.endswith(closing):
        raise SystemExit("manifest.json does not end with the scenarios list")
    head = body[: -len(closing)].rstrip().rstrip(",")
    generated = [json.dumps(s, ensure_ascii=False, separators=(", ", ": ")) for s in scenarios]
    return head + ",\n" + ",\n".join("    " + g for g in generated) + closing + "\n"


def main(argv):
    with open(MANIFEST, encoding="utf-8") as f:
        text = f.read()
    manifest = json.loads(text)
    wanted = render(text, generate(manifest))
    json.loads(wanted)
    if "--check" in argv:
        if wanted != text:
            sys.stderr.write("tests/conformance/manifest.json: the bad-input scenarios are not what the operations "
                             "give; run python3 tests/conformance/bad_input.py\n")
            return 1
        print("bad-input scenarios: up to date")
        return 0
    with open(MANIFEST, "w", encoding="utf-8") as f:
        f.write(wanted)
    print("bad-input scenarios: %d written" % len(generate(json.loads(wanted))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
