#!/usr/bin/env python3
"""Copies the parts of Stripe's OpenAPI spec (API 2023-08-16) and fixtures that the contract tests need.

Source: github.com/stripe/openapi at commit efae8501a35d109eafe15445ba8de1f3854094e8 (MIT, see
LICENSE.stripe-openapi): openapi/spec3.json and openapi/fixtures3.json.

Usage: python3 trim_stripe_spec.py [<spec3.json> <fixtures3.json>]   (writes stripe-contract.json beside this script;
defaults to ../shared/providers/stripe next to the repository)

To cover a new operation, add it to OPERATIONS (and a fixture to RESOURCES), rerun, and commit the result.
"""
import json
import os
import sys

OPERATIONS = [
    ("/v1/payment_intents/{intent}", "get"),
    ("/v1/payment_intents", "post"),
    ("/v1/payment_intents/{intent}/confirm", "post"),
    ("/v1/payment_intents/search", "get"),
    ("/v1/charges/{charge}", "get"),
    ("/v1/refunds", "post"),
    ("/v1/customers", "get"),
    ("/v1/customers/{customer}", "get"),
    ("/v1/disputes/{dispute}", "post"),
    ("/v1/disputes/{dispute}/close", "post"),
    ("/v1/subscriptions/{subscription_exposed_id}", "post"),
    ("/v1/subscriptions/{subscription_exposed_id}", "delete"),
    ("/v1/checkout/sessions", "post"),
]
RESOURCES = ["payment_intent", "charge", "refund", "customer", "deleted_customer", "dispute", "subscription", "event", "checkout.session"]
KEEP = ("type", "properties", "additionalProperties", "items", "anyOf", "enum", "required", "format")


def trim(schema):
    if isinstance(schema, dict):
        if "$ref" in schema:
            return {"$ref": schema["$ref"]}
        out = {}
        for k, v in schema.items():
            if k == "properties":
                out[k] = {name: trim(prop) for name, prop in v.items()}
            elif k in KEEP:
                out[k] = trim(v)
        return out
    if isinstance(schema, list):
        return [trim(s) for s in schema]
    return schema


def main(spec_path, fixtures_path):
    spec = json.load(open(spec_path, encoding="utf-8"))
    fixtures = json.load(open(fixtures_path, encoding="utf-8"))["resources"]
    operations = []
    for path, method in OPERATIONS:
        op = spec["paths"][path][method]
        body = op.get("requestBody", {}).get("content", {}).get("application/x-www-form-urlencoded", {}).get("schema", {})
        operations.append({
            "path": path,
            "method": method,
            "operationId": op["operationId"],
            "parameters": [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False), "schema": trim(p.get("schema", {}))}
                for p in op.get("parameters", [])
            ],
            "body": {"required": body.get("required", []), "properties": {n: trim(p) for n, p in body.get("properties", {}).items()}},
        })
    errors = spec["components"]["schemas"]["api_errors"]
    contract = {
        "source": "github.com/stripe/openapi@efae8501a35d109eafe15445ba8de1f3854094e8 openapi/spec3.json + openapi/fixtures3.json (MIT)",
        "apiVersion": spec["info"]["version"],
        "allPaths": sorted(spec["paths"].keys()),
        "operations": operations,
        "errorObject": {"properties": sorted(errors["properties"].keys()), "type": errors["properties"]["type"]["enum"]},
        "fixtures": {name: fixtures[name] for name in RESOURCES},
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stripe-contract.json")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(contract, f, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) >= 3:
        main(sys.argv[1], sys.argv[2])
    else:
        # Default: the shared copy beside the repository (../shared/providers/stripe from the repository root).
        shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "providers", "stripe")
        main(os.path.join(shared, "spec3.json"), os.path.join(shared, "fixtures3.json"))
