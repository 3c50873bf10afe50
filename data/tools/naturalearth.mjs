// Regenerates data/naturalearth/*.geojson from Natural Earth, as packaged by the
// `world-atlas` npm package (TopoJSON), clipped to the corridor study box.
//
//   cd data/tools && npm install && node naturalearth.mjs
//
// Outputs (RFC 7946: [lon, lat], exterior rings counter-clockwise, holes clockwise,
// positions rounded to 5 decimals, one feature per line):
//   ../naturalearth/land-10m.geojson       one Polygon feature per land polygon (1:10m)
//   ../naturalearth/land-50m.geojson       same at 1:50m
//   ../naturalearth/countries-10m.geojson  one (Multi)Polygon feature per country,
//                                          properties {iso2, name, iso_n3}
// Only dependencies: world-atlas (data) and topojson-client (TopoJSON -> GeoJSON).
// The clip to the box is done here (exact rectangle clip, no polygon library needed).

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as topojson from "topojson-client";

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, "..", "naturalearth");

// Study box: lon -30…100, lat -45…72.
export const BOX = { xmin: -30, ymin: -45, xmax: 100, ymax: 72 };
const DECIMALS = 5;

// ISO 3166-1 numeric (world-atlas feature id) -> alpha-2, for every id present in
// world-atlas 2.x countries-10m (from Debian iso-codes' iso_3166-1.json). Features
// without an id (N. Cyprus, Somaliland, Kosovo, Siachen Glacier, Baikonur, Akrotiri,
// Dhekelia, Cyprus U.N. Buffer Zone, …) get iso2 "".
const ISO_N3_TO_A2 = {
  "004":"AF", "008":"AL", "010":"AQ", "012":"DZ", "016":"AS", "020":"AD", "024":"AO", "028":"AG", "031":"AZ", "032":"AR",
  "036":"AU", "040":"AT", "044":"BS", "048":"BH", "050":"BD", "051":"AM", "052":"BB", "056":"BE", "060":"BM", "064":"BT",
  "068":"BO", "070":"BA", "072":"BW", "076":"BR", "084":"BZ", "086":"IO", "090":"SB", "092":"VG", "096":"BN", "100":"BG",
  "104":"MM", "108":"BI", "112":"BY", "116":"KH", "120":"CM", "124":"CA", "132":"CV", "136":"KY", "140":"CF", "144":"LK",
  "148":"TD", "152":"CL", "156":"CN", "158":"TW", "170":"CO", "174":"KM", "178":"CG", "180":"CD", "184":"CK", "188":"CR",
  "191":"HR", "192":"CU", "196":"CY", "203":"CZ", "204":"BJ", "208":"DK", "212":"DM", "214":"DO", "218":"EC", "222":"SV",
  "226":"GQ", "231":"ET", "232":"ER", "233":"EE", "234":"FO", "238":"FK", "239":"GS", "242":"FJ", "246":"FI", "248":"AX",
  "250":"FR", "258":"PF", "260":"TF", "262":"DJ", "266":"GA", "268":"GE", "270":"GM", "275":"PS", "276":"DE", "288":"GH",
  "292":"GI", "296":"KI", "300":"GR", "304":"GL", "308":"GD", "316":"GU", "320":"GT", "324":"GN", "328":"GY", "332":"HT",
  "334":"HM", "336":"VA", "340":"HN", "344":"HK", "348":"HU", "352":"IS", "356":"IN", "360":"ID", "364":"IR", "368":"IQ",
  "372":"IE", "376":"IL", "380":"IT", "384":"CI", "388":"JM", "392":"JP", "398":"KZ", "400":"JO", "404":"KE", "408":"KP",
  "410":"KR", "414":"KW", "417":"KG", "418":"LA", "422":"LB", "426":"LS", "428":"LV", "430":"LR", "434":"LY", "438":"LI",
  "440":"LT", "442":"LU", "446":"MO", "450":"MG", "454":"MW", "458":"MY", "462":"MV", "466":"ML", "470":"MT", "478":"MR",
  "480":"MU", "484":"MX", "492":"MC", "496":"MN", "498":"MD", "499":"ME", "500":"MS", "504":"MA", "508":"MZ", "512":"OM",
  "516":"NA", "520":"NR", "524":"NP", "528":"NL", "531":"CW", "533":"AW", "534":"SX", "540":"NC", "548":"VU", "554":"NZ",
  "558":"NI", "562":"NE", "566":"NG", "570":"NU", "574":"NF", "578":"NO", "580":"MP", "581":"UM", "583":"FM", "584":"MH",
  "585":"PW", "586":"PK", "591":"PA", "598":"PG", "600":"PY", "604":"PE", "608":"PH", "612":"PN", "616":"PL", "620":"PT",
  "624":"GW", "626":"TL", "630":"PR", "634":"QA", "642":"RO", "643":"RU", "646":"RW", "652":"BL", "654":"SH", "659":"KN",
  "660":"AI", "662":"LC", "663":"MF", "666":"PM", "670":"VC", "674":"SM", "678":"ST", "682":"SA", "686":"SN", "688":"RS",
  "690":"SC", "694":"SL", "702":"SG", "703":"SK", "704":"VN", "705":"SI", "706":"SO", "710":"ZA", "716":"ZW", "724":"ES",
  "728":"SS", "729":"SD", "732":"EH", "740":"SR", "748":"SZ", "752":"SE", "756":"CH", "760":"SY", "762":"TJ", "764":"TH",
  "768":"TG", "776":"TO", "780":"TT", "784":"AE", "788":"TN", "792":"TR", "795":"TM", "796":"TC", "798":"TV", "800":"UG",
  "804":"UA", "807":"MK", "818":"EG", "826":"GB", "831":"GG", "832":"JE", "833":"IM", "834":"TZ", "840":"US", "850":"VI",
  "854":"BF", "858":"UY", "860":"UZ", "862":"VE", "876":"WF", "882":"WS", "887":"YE", "894":"ZM",
};

// ---------------------------------------------------------------------------
// Rectangle clipping of polygons (ring chains joined along the box boundary).

// The clip box is nudged outward by a hair so that no input vertex lies exactly on
// an edge; rounding to 5 decimals puts the cut points back on the box.
const EPS = 1.37e-9;
const CB = { xmin: BOX.xmin - EPS, ymin: BOX.ymin - EPS, xmax: BOX.xmax + EPS, ymax: BOX.ymax + EPS };
const W = CB.xmax - CB.xmin, H = CB.ymax - CB.ymin, PERIM = 2 * (W + H);

const inside = ([x, y]) => x > CB.xmin && x < CB.xmax && y > CB.ymin && y < CB.ymax;

// Position of a boundary point along the box perimeter, counter-clockwise from the
// south-west corner.
function perim([x, y]) {
  const d = [Math.abs(y - CB.ymin), Math.abs(x - CB.xmax), Math.abs(y - CB.ymax), Math.abs(x - CB.xmin)];
  const e = d.indexOf(Math.min(...d));
  if (e === 0) return x - CB.xmin;
  if (e === 1) return W + (y - CB.ymin);
  if (e === 2) return W + H + (CB.xmax - x);
  return 2 * W + H + (CB.ymax - y);
}
const CORNERS = [ // [perimeter position, point] of the corners, CCW
  [W, [CB.xmax, CB.ymin]], [W + H, [CB.xmax, CB.ymax]],
  [2 * W + H, [CB.xmin, CB.ymax]], [PERIM, [CB.xmin, CB.ymin]],
];

// Liang–Barsky: parameter interval [t0, t1] of segment a->b inside the box, or null.
function clipSeg(a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  let t0 = 0, t1 = 1;
  const p = [-dx, dx, -dy, dy];
  const q = [a[0] - CB.xmin, CB.xmax - a[0], a[1] - CB.ymin, CB.ymax - a[1]];
  for (let i = 0; i < 4; i++) {
    if (p[i] === 0) { if (q[i] < 0) return null; continue; }
    const r = q[i] / p[i];
    if (p[i] < 0) { if (r > t1) return null; if (r > t0) t0 = r; }
    else { if (r < t0) return null; if (r < t1) t1 = r; }
  }
  return t0 < t1 ? [t0, t1] : null;
}
const lerp = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
// Snap a computed cut point exactly onto the box edge it lies on.
function snap([x, y]) {
  const tol = 1e-7;
  if (Math.abs(x - CB.xmin) < tol) x = CB.xmin; else if (Math.abs(x - CB.xmax) < tol) x = CB.xmax;
  if (Math.abs(y - CB.ymin) < tol) y = CB.ymin; else if (Math.abs(y - CB.ymax) < tol) y = CB.ymax;
  return [x, y];
}

function signedArea(ring) {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}
function pointInRing([x, y], ring) {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}
function closeRing(r) {
  const a = r[0], b = r[r.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) r.push([a[0], a[1]]);
  return r;
}

// Split one closed ring into the chains that lie inside the box. Returns
// {whole: true} if the ring is entirely inside, else {chains: [[pts…], …]}.
function ringChains(ring) {
  const n = ring.length - 1; // closed ring: ring[n] == ring[0]
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  if (x1 <= CB.xmin || x0 >= CB.xmax || y1 <= CB.ymin || y0 >= CB.ymax) return { chains: [] }; // wholly outside
  let start = -1;
  for (let i = 0; i < n; i++) if (!inside(ring[i])) { start = i; break; }
  if (start < 0) return { whole: true };
  const chains = [];
  let cur = null;
  for (let k = 0; k < n; k++) {
    const a = ring[(start + k) % n], b = ring[(start + k + 1) % n];
    const ai = cur !== null; // a is inside iff a chain is open (we start outside)
    const iv = clipSeg(a, b);
    if (!iv) { if (ai) throw new Error("clip: inside point with no segment"); continue; }
    if (!ai) cur = [snap(lerp(a, b, iv[0]))];
    if (inside(b)) cur.push(b);
    else { cur.push(snap(lerp(a, b, iv[1]))); chains.push(cur); cur = null; }
  }
  if (cur) throw new Error("clip: unterminated chain");
  return { chains };
}

// topojson-client's rings cross the antimeridian with ±360° jumps (Eurasia reaches
// Chukotka). Make longitudes continuous, then shift the ring by a multiple of 360° so
// that its westernmost point lies in [-180, 180): Eurasia becomes -10…190, whose
// straight lon/lat edges no longer cut across the study box.
function unwrap(ring) {
  const out = [[ring[0][0], ring[0][1]]];
  let off = 0;
  for (let i = 1; i < ring.length; i++) {
    const dx = ring[i][0] - ring[i - 1][0];
    if (dx > 180) off -= 360; else if (dx < -180) off += 360;
    out.push([ring[i][0] + off, ring[i][1]]);
  }
  if (off !== 0) return null; // winds round a pole (Antarctica): never in the box
  const xmin = Math.min(...out.map((p) => p[0]));
  const shift = -360 * Math.floor((xmin + 180) / 360);
  return shift ? out.map(([x, y]) => [x + shift, y]) : out;
}

// Clip a GeoJSON polygon (array of rings, first the exterior) to the box.
// Returns an array of polygons (each an array of rings).
function clipPolygon(rings) {
  const ys = rings[0].map((p) => p[1]);
  if (Math.max(...ys) <= CB.ymin || Math.min(...ys) >= CB.ymax) return [];
  rings = rings.map(unwrap);
  if (!rings[0]) return [];
  rings = rings.filter(Boolean).map((r) => closeRing(r)).filter((r) => r.length >= 4);
  if (!rings.length) return [];
  // Normalise orientation: exterior CCW, holes CW (planar lon/lat).
  rings = rings.map((r, i) => ((signedArea(r) > 0) === (i === 0) ? r : r.slice().reverse()));
  const exteriors = [], holes = [], chains = [];
  rings.forEach((r, i) => {
    const res = ringChains(r);
    if (res.whole) (i === 0 ? exteriors : holes).push(r);
    else if (res.chains.length) chains.push(...res.chains);
    else if (i === 0 && pointInRing([BOX.xmin, BOX.ymin], r) && pointInRing([BOX.xmax, BOX.ymax], r)) {
      // The exterior surrounds the whole box.
      exteriors.push([[CB.xmin, CB.ymin], [CB.xmax, CB.ymin], [CB.xmax, CB.ymax], [CB.xmin, CB.ymax], [CB.xmin, CB.ymin]]);
    }
  });
  // Join chains: from a chain's exit walk CCW along the boundary to the nearest entry.
  const info = chains.map((c) => ({ pts: c, tin: perim(c[0]), tout: perim(c[c.length - 1]), used: false }));
  for (const first of info) {
    if (first.used) continue;
    const out = [];
    let c = first;
    for (let guard = 0; guard <= info.length; guard++) {
      c.used = true;
      out.push(...c.pts);
      let best = null, bestD = Infinity;
      for (const d of info) {
        if (d.used && d !== first) continue;
        let dt = d.tin - c.tout;
        if (dt < 0) dt += PERIM;
        if (dt < bestD) { bestD = dt; best = d; }
      }
      // Box corners passed between c's exit and best's entry.
      const t0 = c.tout;
      const cs = [];
      for (const [tc, pt] of CORNERS) {
        for (const tt of [tc, tc + PERIM, tc - PERIM]) {
          let dt = tt - t0;
          if (dt > 1e-12 && dt < bestD - 1e-12) cs.push([dt, pt]);
        }
      }
      cs.sort((u, v) => u[0] - v[0]);
      for (const [, pt] of cs) out.push(pt);
      if (best === first) break;
      c = best;
    }
    exteriors.push(closeRing(out));
  }
  // Holes wholly inside the box go to the exterior that contains them.
  const polys = exteriors.map((e) => [e]);
  for (const h of holes) {
    const p = polys.find((poly) => pointInRing(h[0], poly[0]));
    if (p) p.push(h);
  }
  return polys;
}

// ---------------------------------------------------------------------------
// Rounding, cleanup, output.

const F = 10 ** DECIMALS;
const rnd = (v) => Math.round(v * F) / F + 0; // +0: no "-0"

function roundRing(r) {
  const out = [];
  for (const [x, y] of r) {
    const p = [rnd(x), rnd(y)];
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  closeRing(out);
  // Drop collinear back-and-forth spikes that rounding may leave (A B A).
  return out.length >= 4 && Math.abs(signedArea(out)) > 0 ? out : null;
}
function roundPolygon(poly) {
  const ext = roundRing(poly[0]);
  if (!ext) return null;
  return [ext, ...poly.slice(1).map(roundRing).filter(Boolean)];
}

function clipGeometry(g) {
  if (!g) return [];
  const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  return polys.flatMap(clipPolygon).map(roundPolygon).filter(Boolean);
}

function writeFC(path, features) {
  const lines = features.map((f) => JSON.stringify(f));
  const text = `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`;
  writeFileSync(path, text);
  console.log(`${path}: ${features.length} features, ${(text.length / 1e6).toFixed(2)} MB`);
}

function load(name) {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), "utf8"));
}

function landFile(res) {
  const topo = load(`land-${res}.json`);
  const fc = topojson.feature(topo, topo.objects.land);
  const feats = (fc.type === "FeatureCollection" ? fc.features : [fc]);
  const polys = feats.flatMap((f) => clipGeometry(f.geometry));
  writeFC(join(OUT, `land-${res}.geojson`), polys.map((coordinates) => ({
    type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates },
  })));
}

function countriesFile() {
  const topo = load("countries-10m.json");
  const fc = topojson.feature(topo, topo.objects.countries);
  const out = [];
  for (const f of fc.features) {
    const polys = clipGeometry(f.geometry);
    if (!polys.length) continue;
    const n3 = f.id === undefined || f.id === null ? "" : String(f.id);
    const iso2 = n3 ? ISO_N3_TO_A2[n3] : "";
    if (iso2 === undefined) throw new Error(`no alpha-2 for ISO numeric ${n3} (${f.properties.name})`);
    out.push({
      type: "Feature",
      properties: { iso2, name: f.properties.name, iso_n3: n3 },
      geometry: polys.length === 1 ? { type: "Polygon", coordinates: polys[0] } : { type: "MultiPolygon", coordinates: polys },
    });
  }
  out.sort((a, b) => (a.properties.iso2 || "~").localeCompare(b.properties.iso2 || "~") || a.properties.name.localeCompare(b.properties.name));
  writeFC(join(OUT, "countries-10m.geojson"), out);
}

mkdirSync(OUT, { recursive: true });
const version = JSON.parse(readFileSync(require.resolve("world-atlas/package.json"), "utf8")).version;
console.log(`world-atlas ${version}; clip box lon ${BOX.xmin}…${BOX.xmax}, lat ${BOX.ymin}…${BOX.ymax}`);
landFile("10m");
landFile("50m");
countriesFile();
