#!/usr/bin/env python3
"""Checks an Arkoa ledger export offline (format: docs/ledger-export.md), with the Python standard library only.

    python3 tools/verify-ledger.py arkoa-ledger-<membership>.json

Re-computes every entry's SHA-256 from its canonical form, follows the chain (sequence 1, 2, 3..., each entry naming
the hash of the one before) and adds the entries up per balance type against the exported balances. Exit code 0 and
the head hash when everything holds (keep the head: a later export must contain it at the same sequence), 1 and the
first break otherwise, 2 when the file cannot be read as an export.
"""
import hashlib
import json
import sys
from decimal import Decimal

VERSION = "arkoa-ledger-v1"
GENESIS = "0" * 64


def days(value):
    """A day quantity as the canonical form writes it: no trailing zeros, no exponent."""
    text = format(Decimal(str(value)).normalize(), "f")
    return "0" if text in ("-0", "0") else text


def canonical_form(membership_id, entry):
    fields = [
        VERSION,
        entry["id"],
        membership_id,
        str(entry["sequence"]),
        entry["balanceType"],
        entry["kind"],
        days(entry["change"]),
        entry.get("actorId") or "",
        entry.get("leaveId") or "",
        entry["createdAt"],
        entry["previousHash"],
    ]
    return "\n".join(fields)


def first_break(export):
    membership_id = export["membershipId"]
    previous = GENESIS
    sums = {}
    for expected, entry in enumerate(export["entries"], start=1):
        where = f"entry {entry.get('sequence')} ({entry.get('id')})"
        if entry["sequence"] != expected:
            return f"{where}: sequence gap, expected {expected}"
        if entry["previousHash"] != previous:
            return f"{where}: previous hash does not match the hash of entry {expected - 1}"
        digest = hashlib.sha256(canonical_form(membership_id, entry).encode("utf-8")).hexdigest()
        if digest != entry["hash"]:
            return f"{where}: hash mismatch, its content gives {digest}"
        sums[entry["balanceType"]] = sums.get(entry["balanceType"], Decimal(0)) + Decimal(str(entry["change"]))
        previous = entry["hash"]
    if export["head"] != previous:
        return f"head {export['head']} is not the hash of the last entry ({previous})"
    balances = {b["type"]: Decimal(str(b["remainingDays"])) for b in export["balances"]}
    for balance_type in sorted(set(balances) | set(sums)):
        if balances.get(balance_type, Decimal(0)) != sums.get(balance_type, Decimal(0)):
            return (f"balance {balance_type}: {balances.get(balance_type, Decimal(0))} remaining "
                    f"but its entries add up to {sums.get(balance_type, Decimal(0))}")
    return None


def main(arguments):
    if len(arguments) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(arguments[0], encoding="utf-8") as file:
            export = json.load(file, parse_float=Decimal)
        if export.get("format") != VERSION:
            print(f"Not an {VERSION} export (format: {export.get('format')!r}).", file=sys.stderr)
            return 2
        problem = first_break(export)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        print(f"Cannot read the export: {error!r}", file=sys.stderr)
        return 2
    count = len(export["entries"])
    if problem:
        print(f"BROKEN: membership {export['membershipId']}, {problem}")
        return 1
    print(f"OK: membership {export['membershipId']}, {count} entries, chain and balances hold; head {export['head']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
