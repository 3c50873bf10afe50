#!/usr/bin/env python3
"""Check corridor network geometry against Natural Earth land and countries.

Usage:
    python3 data/tools/check_geometry.py data/parts/*.geojson
    python3 data/tools/check_geometry.py data/network.geojson

Reads one or more network GeoJSON files (fragments or the merged network; schema in
data/README.md). Nodes (Points) of all files are pooled, so a fragment of legs can be
checked together with the fragment holding its nodes. For every leg (LineString) it reports:

  * sea/ferry legs: km of the geometry on land (land-10m), ignoring the first and last
    --sea-trim-km (5) km. Legs listing suez, bosphorus, dardanelles,
    volga-caspian-channel or elbe in `passages` are reported but do not fail.
  * rail/road legs: km of the geometry on water (outside land-10m), ignoring the first
    and last --land-trim-km (2) km (--sea-trim-km at an end at a port).
  * the countries the geometry crosses, in order (countries-10m; runs shorter than
    --min-country-km (1) km ignored; areas without an ISO code such as Baikonur or Kosovo
    are transparent and only noted), against the declared `countries`.
  * geodesic length on WGS84 against `length_km` (fails beyond --published-tol, 10 %).
  * `from`/`to` nodes further than --node-tol-km (1) km from the first/last position.

Segments are densified along the geodesic (great circle on WGS84) into pieces of at most
--step-km (0.25 km); each piece is classified by its midpoint. With --interp linear, segments
are taken as straight lines in lon/lat instead (RFC 7946's reading); a warning is given for
segments where the two readings are more than --interp-warn-km (2) km apart.

Exit status: 0 all legs pass, 1 something failed, 2 bad input/usage.
Dependencies: shapely>=2, pyproj (see requirements.txt).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import dataclass, field

import numpy as np
import shapely
import shapely.ops
from pyproj import Geod
from shapely.geometry import shape
from shapely.strtree import STRtree

HERE = os.path.dirname(os.path.abspath(__file__))
NE_DIR = os.path.join(HERE, "..", "naturalearth")
BOX = (-30.0, -45.0, 100.0, 72.0)  # clip box of data/naturalearth

# Legs whose real line (loops, spiral tunnels, a winding road, an unpublished alignment) is not
# traced, each with the bound it is held to instead of --published-tol; the same list as
# ALIGNMENT_NOT_DRAWN in tests/support/mod.rs.
ALIGNMENT_NOT_DRAWN = {
    "rail-bandar-abbas-bafq": 0.18,
    "rail-garmsar-rostamkola": 0.22,
    "rail-rostamkola-amirabad": 0.15,
    "rail-bam-kerman": 0.13,
    "rail-iranshahr-khash": 0.22,
    "road-chabahar-zahedan": 0.26,
    "road-tehran-nowshahr": 0.29,
    "rail-chabahar-iranshahr": 0.32,
    "rail-karshi-termez": 0.16,
    "rail-friendship-bridge-mazar-i-sharif": 0.20,
    "road-herat-delaram": 0.11,
    "road-delaram-kandahar": 0.11,
    "road-torkham-border-kabul": 0.15,
}
EXEMPT_PASSAGES = {"suez", "bosphorus", "dardanelles", "volga-caspian-channel", "elbe"}
SEA_MODES = {"sea", "ferry"}
LAND_MODES = {"rail", "road"}
GEOD = Geod(ellps="WGS84")


# --------------------------------------------------------------------------- data


def load_fc(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("type") == "FeatureCollection":
        return data.get("features") or []
    if data.get("type") == "Feature":
        return [data]
    raise ValueError(f"{path}: not a GeoJSON FeatureCollection")


def load_polygons(path):
    """Polygons of a FeatureCollection, multipolygons split into their parts, prepared.
    Returns (polygons array, owning feature index per polygon, feature properties).
    Not repaired with make_valid (slow on Eurasia): a point-in-polygon test on one
    polygon part is unaffected by the small self-intersections world-atlas has."""
    polys, owner, props = [], [], []
    for i, ft in enumerate(load_fc(path)):
        g = shape(ft["geometry"])
        for part in getattr(g, "geoms", [g]):
            if part.geom_type == "Polygon" and not part.is_empty:
                polys.append(part)
                owner.append(i)
        props.append(ft.get("properties") or {})
    polys = np.array(polys, dtype=object)
    shapely.prepare(polys)
    return polys, np.array(owner, dtype=np.int64), props


@dataclass
class Leg:
    id: str
    props: dict
    coords: np.ndarray  # (n, 2) lon, lat
    file: str
    fails: list = field(default_factory=list)
    warns: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    result: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- geometry


def densify(legs, step_km, interp):
    """Cut every leg into pieces of <= step_km. Returns arrays over all pieces:
    leg index, midpoint lon/lat, piece length (km), distance from leg start of the piece
    midpoint (km); plus per-leg total length and per-leg max gc/linear deviation."""
    seg_leg, ax, ay, bx, by = [], [], [], [], []
    for i, leg in enumerate(legs):
        c = leg.coords
        seg_leg.append(np.full(len(c) - 1, i))
        ax.append(c[:-1, 0]); ay.append(c[:-1, 1]); bx.append(c[1:, 0]); by.append(c[1:, 1])
    seg_leg = np.concatenate(seg_leg); ax = np.concatenate(ax); ay = np.concatenate(ay)
    bx = np.concatenate(bx); by = np.concatenate(by)
    az, _, d = GEOD.inv(ax, ay, bx, by)
    d_km = np.asarray(d) / 1000.0
    n = np.maximum(1, np.ceil(d_km / step_km)).astype(np.int64)
    piece_seg = np.repeat(np.arange(len(d_km)), n)
    first = np.cumsum(n) - n
    k = np.arange(len(piece_seg)) - np.repeat(first, n)
    frac = (k + 0.5) / n[piece_seg]
    if interp == "gc":
        mx, my, _ = GEOD.fwd(ax[piece_seg], ay[piece_seg], np.asarray(az)[piece_seg], d[piece_seg] * frac)
        mx, my = np.asarray(mx), np.asarray(my)
    else:
        mx = ax[piece_seg] + (bx[piece_seg] - ax[piece_seg]) * frac
        my = ay[piece_seg] + (by[piece_seg] - ay[piece_seg]) * frac
    plen = d_km[piece_seg] / n[piece_seg]
    pleg = seg_leg[piece_seg]
    # distance from leg start to each piece midpoint
    leg_len = np.bincount(seg_leg, weights=d_km, minlength=len(legs))
    cum = np.cumsum(plen)
    leg_start_cum = np.zeros(len(legs))
    starts = np.searchsorted(pleg, np.arange(len(legs)))  # pleg is sorted
    leg_start_cum = np.where(starts > 0, cum[np.maximum(starts - 1, 0)], 0.0)
    pos = cum - plen / 2 - leg_start_cum[pleg]
    # deviation between great-circle and lon/lat-linear midpoints of each segment
    gx, gy, _ = GEOD.fwd(ax, ay, az, d / 2)
    _, _, dev = GEOD.inv(gx, gy, (ax + bx) / 2, (ay + by) / 2)
    dev_km = np.asarray(dev) / 1000.0
    seg_idx = np.arange(len(seg_leg)) - np.searchsorted(seg_leg, seg_leg)
    return dict(leg=pleg, x=mx, y=my, len=plen, pos=pos, leg_len=leg_len,
                seg_leg=seg_leg, seg_dev=dev_km, seg_idx=seg_idx, seg_len=d_km)


def classify(tree, polys, owner, x, y):
    """Owning feature index of the first polygon containing each point, -1 if none."""
    hit = np.full(len(x), -1, dtype=np.int64)
    pi, ti = tree.query(shapely.points(x, y))  # bounding-box candidates
    order = np.lexsort((pi, ti))
    pi, ti = pi[order], ti[order]
    cuts = np.flatnonzero(np.r_[True, ti[1:] != ti[:-1]]) if len(ti) else np.zeros(0, np.int64)
    for s, e in zip(cuts, np.r_[cuts[1:], len(ti)]):
        idx = pi[s:e]
        idx = idx[hit[idx] < 0]
        if len(idx):
            inside = shapely.intersects_xy(polys[ti[s]], x[idx], y[idx])  # prepared: fast
            hit[idx[inside]] = owner[ti[s]]
    return hit


def runs(mask, lens, xs, ys):
    """Consecutive True runs of mask: list of (km, (lon, lat) start, (lon, lat) end)."""
    out = []
    if not mask.any():
        return out
    m = np.r_[False, mask, False].astype(np.int8)
    edges = np.flatnonzero(np.diff(m))
    for s, e in zip(edges[::2], edges[1::2]):
        out.append((float(lens[s:e].sum()), (float(xs[s]), float(ys[s])), (float(xs[e - 1]), float(ys[e - 1]))))
    out.sort(key=lambda r: -r[0])
    return out


def country_sequence(cidx, lens, codes, names, min_km):
    """Ordered country codes crossed (runs < min_km dropped, no-code areas transparent)."""
    seq, noted = [], []
    if len(cidx) == 0:
        return seq, noted
    change = np.flatnonzero(np.r_[True, cidx[1:] != cidx[:-1]])
    ends = np.r_[change[1:], len(cidx)]
    runs_ = [(int(cidx[s]), float(lens[s:e].sum())) for s, e in zip(change, ends)]
    for c, km in runs_:
        if c < 0 or km < min_km:
            continue
        code = codes[c]
        if not code:
            if names[c] not in noted:
                noted.append(names[c])
            continue
        if not seq or seq[-1] != code:
            seq.append(code)
    return seq, noted


# --------------------------------------------------------------------------- main


def fmt_pt(p):
    return f"{p[0]:.3f},{p[1]:.3f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", help="network GeoJSON files (fragments or merged)")
    ap.add_argument("--nodes", action="append", default=[],
                    help="extra GeoJSON files whose Points are used only to look up from/to nodes")
    ap.add_argument("--land", default=os.path.join(NE_DIR, "land-10m.geojson"))
    ap.add_argument("--countries", default=os.path.join(NE_DIR, "countries-10m.geojson"))
    ap.add_argument("--step-km", type=float, default=0.25, help="densification step (default 0.25)")
    ap.add_argument("--interp", choices=["gc", "linear"], default="gc",
                    help="segment between two positions: geodesic (gc, default) or straight in lon/lat")
    ap.add_argument("--sea-trim-km", type=float, default=5.0)
    ap.add_argument("--land-trim-km", type=float, default=2.0)
    ap.add_argument("--max-land-km", type=float, default=1.0,
                    help="sea/ferry legs fail above this many km on land (default 1)")
    ap.add_argument("--max-water-km", type=float, default=1.0,
                    help="rail/road legs fail above this many km on water (default 1)")
    ap.add_argument("--min-country-km", type=float, default=1.0)
    ap.add_argument("--published-tol", type=float, default=0.10)
    ap.add_argument("--node-tol-km", type=float, default=1.0)
    ap.add_argument("--node-country-km", type=float, default=5.0,
                    help="warn if a node is further than this from its `country` (default 5)")
    ap.add_argument("--interp-warn-km", type=float, default=2.0)
    ap.add_argument("-q", "--quiet", action="store_true", help="print only legs with failures or warnings")
    ap.add_argument("--json", metavar="FILE", help="also write per-leg results as JSON")
    a = ap.parse_args(argv)

    t0 = time.perf_counter()
    # ---- read network
    nodes, node_props, legs, errors = {}, {}, [], []
    seen_leg = {}
    for path in a.files + a.nodes:
        try:
            feats = load_fc(path)
        except (OSError, ValueError) as e:
            print(f"error: {path}: {e}", file=sys.stderr)
            return 2
        for ft in feats:
            p = ft.get("properties") or {}
            g = ft.get("geometry") or {}
            t = g.get("type")
            fid = p.get("id")
            if t == "Point":
                if fid in nodes and nodes[fid][0] != tuple(g["coordinates"][:2]):
                    errors.append(f"node {fid}: defined twice with different positions ({path})")
                nodes[fid] = (tuple(g["coordinates"][:2]), path)
                node_props[fid] = p
            elif path in a.nodes:
                continue
            elif t == "LineString":
                if not fid:
                    errors.append(f"{path}: leg without id")
                    continue
                if fid in seen_leg:
                    errors.append(f"leg {fid}: duplicate id ({seen_leg[fid]}, {path})")
                    continue
                seen_leg[fid] = path
                c = np.asarray([pt[:2] for pt in g.get("coordinates") or []], dtype=float)
                if len(c) < 2:
                    errors.append(f"leg {fid}: fewer than 2 positions")
                    continue
                legs.append(Leg(fid, p, c, path))
            else:
                errors.append(f"{path}: feature {fid!r} has unsupported geometry {t}")

    # ---- reference data
    land, land_owner, _ = load_polygons(a.land)
    land_tree = STRtree(land)
    cgeoms, c_owner, cprops = load_polygons(a.countries)
    ctree = STRtree(cgeoms)
    codes = [p.get("iso2") or "" for p in cprops]
    names = [p.get("name") or "?" for p in cprops]
    t_load = time.perf_counter() - t0

    # ---- classify all pieces at once
    if legs:
        D = densify(legs, a.step_km, a.interp)
        on_land = classify(land_tree, land, land_owner, D["x"], D["y"]) >= 0
        cidx = classify(ctree, cgeoms, c_owner, D["x"], D["y"])
        in_box = (D["x"] >= BOX[0]) & (D["x"] <= BOX[2]) & (D["y"] >= BOX[1]) & (D["y"] <= BOX[3])
        bounds = np.searchsorted(D["leg"], np.arange(len(legs) + 1))
        sbounds = np.searchsorted(D["seg_leg"], np.arange(len(legs) + 1))

    n_fail = n_warn = 0
    counts = {"land": 0, "water": 0, "countries": 0, "length": 0, "nodes": 0, "props": 0}
    for i, leg in enumerate(legs):
        p = leg.props
        mode = p.get("mode")
        s, e = bounds[i], bounds[i + 1]
        L = float(D["leg_len"][i])
        pos, lens = D["pos"][s:e], D["len"][s:e]
        xs, ys = D["x"][s:e], D["y"][s:e]
        land_i, c_i, box_i = on_land[s:e], cidx[s:e], in_box[s:e]
        leg.result = {"id": leg.id, "file": leg.file, "mode": mode, "km": round(L, 1)}

        if mode not in SEA_MODES | LAND_MODES:
            leg.fails.append(f"mode {mode!r} is not sea/ferry/rail/road")
            counts["props"] += 1
        if not box_i.all():
            out_km = float(lens[~box_i].sum())
            leg.warns.append(f"{out_km:.1f} km outside the Natural Earth clip box (not checked there)")

        # ---- land / water
        passages = set(p.get("passages") or [])
        if mode in SEA_MODES:
            trim = a.sea_trim_km
            core = (pos > trim) & (pos < L - trim) & box_i
            bad = core & land_i
            km = float(lens[bad].sum())
            leg.result["land_km"] = round(km, 2)
            if km > 0:
                rr = runs(bad, lens, xs, ys)
                where = "; ".join(f"{r[0]:.1f} km {fmt_pt(r[1])}→{fmt_pt(r[2])}" for r in rr[:3])
                msg = f"{km:.1f} km on land ({where})"
                exempt = passages & EXEMPT_PASSAGES
                if exempt:
                    leg.notes.append(msg + f" — allowed: passages {sorted(exempt)}")
                elif km > a.max_land_km:
                    leg.fails.append(msg)
                    counts["land"] += 1
                else:
                    leg.warns.append(msg)
        elif mode in LAND_MODES:
            # A line into a port runs to the quay, and 1:10m coastlines lack harbour islands
            # (Mussalo at HaminaKotka): ends at a port get the sea trim, as in tests/dataset.rs.
            at_port = any((node_props.get(p.get(k)) or {}).get("kind") == "port" for k in ("from", "to"))
            trim = a.sea_trim_km if at_port else a.land_trim_km
            core = (pos > trim) & (pos < L - trim) & box_i
            bad = core & ~land_i
            km = float(lens[bad].sum())
            leg.result["water_km"] = round(km, 2)
            if km > 0:
                rr = runs(bad, lens, xs, ys)
                where = "; ".join(f"{r[0]:.1f} km {fmt_pt(r[1])}→{fmt_pt(r[2])}" for r in rr[:3])
                msg = f"{km:.1f} km on water ({where})"
                if km > a.max_water_km:
                    leg.fails.append(msg)
                    counts["water"] += 1
                else:
                    leg.warns.append(msg)
        else:
            core = box_i

        # ---- countries
        if mode in SEA_MODES:
            sel = (pos > a.sea_trim_km) & (pos < L - a.sea_trim_km)
        else:
            sel = np.ones(len(pos), bool)
        seq, noted = country_sequence(c_i[sel], lens[sel], codes, names, a.min_country_km)
        declared = p.get("countries")
        leg.result["countries"] = seq
        if noted:
            leg.notes.append("crosses areas without ISO code: " + ", ".join(noted))
        if not isinstance(declared, list):
            leg.fails.append(f"`countries` missing or not a list (found {seq})")
            counts["props"] += 1
        elif declared != seq:
            leg.fails.append(f"countries declared {declared}, geometry crosses {seq}")
            counts["countries"] += 1

        # ---- length
        # `length_km` is the property; `published_km` the older name the loader still reads.
        pub = p.get("length_km", p.get("published_km"))
        if pub is not None:
            try:
                pub = float(pub)
                dev = (L - pub) / pub
                leg.result["published_km"] = pub
                bound = ALIGNMENT_NOT_DRAWN.get(leg.id, a.published_tol)
                if abs(dev) > bound:
                    leg.fails.append(f"length {L:.0f} km vs published {pub:.0f} km ({dev:+.0%})")
                    counts["length"] += 1
                elif abs(dev) > a.published_tol:
                    leg.warns.append(
                        f"length {L:.0f} km vs published {pub:.0f} km ({dev:+.0%}): "
                        f"alignment not traced, held to {bound:.0%} (tests/support/mod.rs)"
                    )
            except (TypeError, ValueError, ZeroDivisionError):
                leg.fails.append(f"length_km {pub!r} is not a positive number")
                counts["props"] += 1

        # ---- nodes
        for end, pt in (("from", leg.coords[0]), ("to", leg.coords[-1])):
            nid = p.get(end)
            if not nid:
                leg.fails.append(f"no `{end}`")
                counts["props"] += 1
                continue
            if nid not in nodes:
                leg.warns.append(f"{end} node {nid!r} not in the files given (pass it with --nodes)")
                continue
            (nx, ny), _ = nodes[nid]
            _, _, dist = GEOD.inv(nx, ny, float(pt[0]), float(pt[1]))
            if dist / 1000 > a.node_tol_km:
                leg.fails.append(f"{end} node {nid} at {nx},{ny} is {dist / 1000:.1f} km from the leg's "
                                 f"{'first' if end == 'from' else 'last'} position {pt[0]},{pt[1]}")
                counts["nodes"] += 1

        # ---- segment interpretation
        ss, se = sbounds[i], sbounds[i + 1]
        dev = D["seg_dev"][ss:se]
        if len(dev) and dev.max() > a.interp_warn_km:
            j = int(dev.argmax())
            leg.warns.append(f"segment {j} ({D['seg_len'][ss + j]:.0f} km) bends {dev[j]:.1f} km between a "
                             f"geodesic and a lon/lat-straight reading: add vertices")

        n_fail += bool(leg.fails)
        n_warn += bool(leg.warns) and not leg.fails

    # ---- node countries (warnings only): a node's `country` should contain it, or lie
    # within --node-country-km of it (ports stand on the coast, sometimes on the water side
    # of the coarse Natural Earth coastline).
    node_warns = []
    cn = [(nid, xy) for nid, (xy, _) in nodes.items() if node_props[nid].get("country")]
    if cn:
        nx = np.array([xy[0] for _, xy in cn]); ny = np.array([xy[1] for _, xy in cn])
        hits = classify(ctree, cgeoms, c_owner, nx, ny)
        for (nid, (x, y)), h in zip(cn, hits):
            want = node_props[nid]["country"]
            if not (BOX[0] <= x <= BOX[2] and BOX[1] <= y <= BOX[3]):
                continue
            got = codes[h] if h >= 0 else None
            if got == want:
                continue
            parts = [g for g, o in zip(cgeoms, c_owner) if codes[o] == want]
            if not parts:
                node_warns.append(f"node {nid}: country {want!r} not in countries-10m")
                continue
            pt = shapely.Point(x, y)
            near = min(parts, key=lambda g: g.distance(pt))
            q = shapely.ops.nearest_points(near, pt)[0]
            km = GEOD.inv(x, y, q.x, q.y)[2] / 1000
            where = f"in {got}" if got else ("in " + names[h] if h >= 0 else "on water")
            if km > a.node_country_km or got:
                node_warns.append(f"node {nid} at {x},{y}: country {want} but point is {where}, "
                                  f"{km:.1f} km from {want}")

    # ---- report
    for leg in legs:
        status = "FAIL" if leg.fails else ("WARN" if leg.warns else "ok")
        if a.quiet and status == "ok":
            continue
        r = leg.result
        extra = ""
        if "land_km" in r:
            extra = f" land {r['land_km']:.1f} km"
        elif "water_km" in r:
            extra = f" water {r['water_km']:.1f} km"
        pub = f" (published {r['published_km']:.0f})" if "published_km" in r else ""
        print(f"{status:4} {leg.id} [{r['mode']}] {r['km']:.0f} km{pub}{extra} "
              f"countries {leg.props.get('countries')} found {r['countries']}")
        for m in leg.fails:
            print(f"     FAIL {m}")
        for m in leg.warns:
            print(f"     warn {m}")
        for m in leg.notes:
            print(f"     note {m}")
    for w in node_warns:
        print(f"WARN {w}")
    for e in errors:
        print(f"FAIL {e}")

    elapsed = time.perf_counter() - t0
    n_ok = len(legs) - n_fail - n_warn
    summary = (f"\n{len(legs)} legs, {len(nodes)} nodes from {len(a.files)} file(s): "
               f"{n_ok} ok, {n_warn} warn, {n_fail} fail; {len(node_warns)} node warnings")
    if errors:
        summary += f", {len(errors)} input errors"
    if n_fail:
        summary += "; failing checks: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v)
    print(summary)
    print(f"({elapsed:.1f} s, of which {t_load:.1f} s loading Natural Earth; step {a.step_km} km, {a.interp})")

    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump([dict(l.result, fails=l.fails, warns=l.warns, notes=l.notes) for l in legs], f, indent=1)
    return 1 if (n_fail or errors) else 0


if __name__ == "__main__":
    sys.exit(main())
