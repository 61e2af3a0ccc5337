"""Reads REDbot's HAR output on standard input and prints its notes for one path.

Exits 1 when any note is WARN or BAD, so that .ci/redbot-check fails; GOOD notes are not
printed, INFO notes are, for the record.
"""
import json
import sys

path = sys.argv[1]
failing = 0
for entry in json.load(sys.stdin)["log"]["entries"]:
    for note in entry["_red_messages"]:
        level = note["level"]
        if level in ("WARN", "BAD"):
            failing += 1
        if level != "GOOD":
            print("redbot %s: %s %s: %s" % (path, level, note["note_id"], note["summary"]))
sys.exit(1 if failing else 0)
