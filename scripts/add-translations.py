#!/usr/bin/env python3
"""Adds translated UI texts to the Shell resources of every language.

Usage: python3 scripts/add-translations.py file.json [file.json ...]

Each JSON file maps an English key to its translations:
  {"Overdue plans": {"es": "...", "bn": "...", "hi": "...", ...}}
  {"Severity.Major": {"en": "Major", "es": "...", ...}}
Every language of the product must be present (the completeness spec fails otherwise). Keys that exist
already are left as they are, so running a file twice changes nothing; keeping translations in JSON
files lets parallel branches merge without conflicts in the resource files.
"""
import json, os, re, sys
from xml.sax.saxutils import escape

LANGS = ["am", "bn", "es", "hi", "id", "km", "my", "si", "ta", "tr", "ur", "vi", "zh-Hans"]
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "CommonThread.Web", "Platform", "Localization")

def attr(s): return escape(s, {'"': "&quot;"})

def existing(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    names = set(m.group(1) for m in re.finditer(r'<data name="([^"]*)"', text))
    return text, {n.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for n in names}

def add(path, entries):
    text, names = existing(path)
    lines = [f'  <data name="{attr(k)}" xml:space="preserve"><value>{escape(v)}</value></data>\n'
             for k, v in entries if k not in names]
    if not lines: return 0
    text = text.replace("</root>", "".join(lines) + "</root>")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return len(lines)

def main():
    keys = {}
    for file in sys.argv[1:]:
        with open(file, encoding="utf-8") as f:
            keys.update(json.load(f))
    missing = [(k, l) for k, t in keys.items() for l in LANGS if not t.get(l)]
    if missing:
        sys.exit("missing translations: " + ", ".join(f"{k!r} [{l}]" for k, l in missing[:20]))
    # The English text is the key itself, unless given as "en" (an enum label's key is "Type.Value").
    added = add(os.path.join(here, "Shell.resx"), [(k, t.get("en", k)) for k, t in keys.items()])
    for l in LANGS:
        add(os.path.join(here, f"Shell.{l}.resx"), [(k, t[l]) for k, t in keys.items()])
    print(f"{added} new keys in {len(LANGS) + 1} resource files")

main()
