#!/usr/bin/env python3
"""Write crates/report/data/countries-110m.tsv, the outlines under the map.

Input: countries-110m.json (TopoJSON) from the npm package world-atlas@2
(Natural Earth 1:110m Admin 0 countries, public domain; world-atlas is ISC):

    npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python3 tools/gen_basemap.py package/countries-110m.json

Output, one country a line: ISO 3166-1 alpha-3 code (matched by name
against crates/lexicon/data/countries.tsv, `-` for the two without one),
Natural Earth's short name, and an SVG path in whole tenths of a degree of
the page's equirectangular projection: x = (lon + 180) * 10,
y = (90 - lat) * 10 (the page scales the group by 960 / 3600). Relative
moves keep the file small (about 50 KB). Standard library only; the same
input gives the same output.
"""

import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COUNTRIES = os.path.join(ROOT, "crates", "lexicon", "data", "countries.tsv")
OUT = os.path.join(ROOT, "crates", "report", "data", "countries-110m.tsv")

# Natural Earth's abbreviated names that no name or alias in countries.tsv
# spells; None is a territory without an ISO code of its own.
OVERRIDES = {
    "W. Sahara": "ESH",
    "Dem. Rep. Congo": "COD",
    "Congo": "COG",
    "Dominican Rep.": "DOM",
    "Falkland Is.": "FLK",
    "Fr. S. Antarctic Lands": "ATF",
    "Central African Rep.": "CAF",
    "Eq. Guinea": "GNQ",
    "Solomon Is.": "SLB",
    "Bosnia and Herz.": "BIH",
    "Macedonia": "MKD",
    "S. Sudan": "SSD",
    "Kosovo": "XKX",
    "N. Cyprus": None,
    "Somaliland": None,
}


def norm(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def lexicon_codes():
    codes = {}
    with open(COUNTRIES, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            row = dict(zip(header, cols))
            names = [row["name"]] + [a for a in row.get("aliases", "").split("|") if a]
            for n in names:
                codes.setdefault(norm(n), row["code"])
    return codes


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(ring, arcs):
    pts = []
    for i in ring:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def grid(lon, lat):
    return round((lon + 180.0) * 10), round((90.0 - lat) * 10)


def unwrap(pts):
    """The ring with longitudes made continuous across the antimeridian.

    Natural Earth's 1:110m rings may jump from 180 to -180 (Fiji, Chukotka,
    Antarctica). A ring that jumps twice becomes one polygon reaching past
    180 (or -180), drawn a second time shifted by 360 degrees so the other
    side shows too (the SVG clips both to the map). A ring that jumps once
    goes round the pole (Antarctica): it is closed along the map's edge.
    """
    out = [pts[0]]
    shift = 0.0
    jumps = []
    for (lon0, lat0), (lon1, lat1) in zip(pts, pts[1:]):
        if lon1 - lon0 > 180:
            shift -= 360.0
            jumps.append(len(out))
        elif lon0 - lon1 > 180:
            shift += 360.0
            jumps.append(len(out))
        out.append((lon1 + shift, lat1))
    if len(jumps) == 1 and shift != 0:
        # Round the pole: undo the shift and close along the bottom edge.
        i = jumps[0]
        lon_end, _ = pts[i - 1]
        lon_start, _ = pts[i]
        pole = -90.0 if sum(lat for _, lat in pts) < 0 else 90.0
        return [pts[:i] + [(lon_end, pole), (lon_start, pole)] + pts[i:]]
    lons = [lon for lon, _ in out]
    rings = [out]
    if max(lons) > 180:
        rings.append([(lon - 360.0, lat) for lon, lat in out])
    elif min(lons) < -180:
        rings.append([(lon + 360.0, lat) for lon, lat in out])
    return rings


def ring_path(pts):
    """One closed subpath in relative moves, or '' if it collapses."""
    cells = []
    for lon, lat in pts:
        c = grid(lon, lat)
        if not cells or cells[-1] != c:
            cells.append(c)
    if len(cells) > 1 and cells[0] == cells[-1]:
        cells.pop()
    if len(cells) < 3:
        return ""
    x, y = cells[0]
    out = [f"M{x} {y}"]
    steps = []
    for cx, cy in cells[1:]:
        if abs(cx - x) > 1800 and not (cy == y and y in (0, 1800)):
            raise SystemExit("a ring still crosses the antimeridian")
        steps.append(f"{cx - x} {cy - y}")
        x, y = cx, cy
    out.append("l" + " ".join(steps))
    out.append("z")
    # Negative numbers carry their own separator.
    return re.sub(r" -", "-", "".join(out))


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: gen_basemap.py countries-110m.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)
    codes = lexicon_codes()
    rows = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        if name in OVERRIDES:
            code = OVERRIDES[name]
        else:
            code = codes.get(norm(name))
            if code is None:
                raise SystemExit(f"{name}: no code in countries.tsv; add it to OVERRIDES")
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        path = "".join(
            ring_path(u) for p in polys for r in p for u in unwrap(ring_points(r, arcs))
        )
        if path:
            rows.append((code or "-", name, path))
    rows.sort(key=lambda r: (r[0], r[1]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by tools/gen_basemap.py from world-atlas@2 countries-110m.json\n")
        f.write("# (Natural Earth 1:110m Admin 0 countries, public domain). Do not edit.\n")
        f.write("# x = (lon + 180) * 10, y = (90 - lat) * 10; relative SVG path moves.\n")
        f.write("code\tname\tpath\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} countries, {os.path.getsize(OUT)} bytes -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
