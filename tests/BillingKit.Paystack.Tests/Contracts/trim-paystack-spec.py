#!/usr/bin/env python3
"""Trims Paystack's published OpenAPI document to the operations the BillingKit adapter calls.

Usage (from this folder):  python3 trim-paystack-spec.py ../../../../shared/providers/paystack

Reads paystack.yaml, api-errors.json and LICENSE.paystack-openapi from the given folder and writes
paystack.trimmed.json (the selected paths plus every component they reference, verbatim), a copy of
api-errors.json and the licence beside this script. Requires PyYAML. Re-run it when the spec is updated;
the tests read only the files written here, so they pass on a fresh clone without ../shared.
"""
import json
import shutil
import sys
from pathlib import Path

import yaml

# Every path the adapter can request. Add a path here before teaching the adapter to call it.
PATHS = [
    "/transaction/initialize",
    "/transaction/verify/{reference}",
    "/transaction/{id}",
    "/transaction/charge_authorization",
    "/refund",
    "/refund/{id}",
    "/customer/{code}",
    "/dispute",
    "/dispute/{id}",
    "/dispute/{id}/evidence",
    "/dispute/{id}/resolve",
    "/dispute/{id}/upload_url",
    "/dispute/transaction/{id}",
]


def refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.add(value)
            else:
                refs(value, found)
    elif isinstance(node, list):
        for item in node:
            refs(item, found)


def resolve(doc, ref):
    node = doc
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


def main(source):
    source = Path(source)
    doc = yaml.safe_load((source / "paystack.yaml").read_text(encoding="utf-8"))
    out = {
        "openapi": doc["openapi"],
        "info": doc["info"],
        "servers": doc["servers"],
        "x-trimmed-from": "github.com/PaystackOSS/openapi dist/paystack.yaml (MIT, see LICENSE.paystack-openapi); "
        "only the paths the BillingKit Paystack adapter calls and the components they reference",
        "paths": {path: doc["paths"][path] for path in PATHS},
        "components": {},
    }
    pending, done = set(), set()
    refs(out["paths"], pending)
    while pending:
        ref = pending.pop()
        if ref in done:
            continue
        done.add(ref)
        _, _, section, name = ref.split("/")
        node = resolve(doc, ref)
        out["components"].setdefault(section, {})[name] = node
        refs(node, pending)
    # A fixed order (sections reverse-sorted: schemas before responses, as first generated; names sorted), so that
    # a regeneration changes only what the spec or PATHS changed, whatever the set iteration order.
    out["components"] = {key: out["components"][key] for key in sorted(out["components"], reverse=True)}
    for section in out["components"].values():
        for name in sorted(section):
            section[name] = section.pop(name)
    here = Path(__file__).resolve().parent
    (here / "paystack.trimmed.json").write_text(json.dumps(out, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    shutil.copyfile(source / "api-errors.json", here / "api-errors.json")
    shutil.copyfile(source / "LICENSE.paystack-openapi", here / "LICENSE.paystack-openapi")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../../../../shared/providers/paystack")
