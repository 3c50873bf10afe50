// Checks a GeoJSON file the way geojson.io's validator does (@placemarkio/check-geojson) and
// draws it with Leaflet over Natural Earth land in headless Chromium, so that what a user sees
// can be looked at: `npm ci && node view_geojson.mjs IN.geojson OUT.png [WIDTHxHEIGHT]`.
// Lines take their `stroke`, `stroke-width`, `stroke-opacity` and `stroke-dasharray`, points
// their `marker-color` and `marker-size`; the collection's `corridor.legend.routes` becomes
// the legend. Exit 1 when the validator reports an issue, 2 on bad usage.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getIssues } from "@placemarkio/check-geojson";

const here = dirname(fileURLToPath(import.meta.url));
const [input, output, size = "1400x900"] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node view_geojson.mjs IN.geojson OUT.png [WIDTHxHEIGHT]");
  process.exit(2);
}
const text = readFileSync(input, "utf8");
const issues = getIssues(text);
for (const i of issues) {
  console.error(`${input}: ${i.severity ?? "issue"}: ${i.message} (${i.from}–${i.to})`);
}
const land = readFileSync(join(here, "../naturalearth/land-50m.geojson"), "utf8");
const leaflet = resolve(here, "node_modules/leaflet/dist");
const [width, height] = size.split("x").map(Number);
const page = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://${leaflet}/leaflet.css">
<script src="file://${leaflet}/leaflet.js"></script>
<style>html,body,#map{margin:0;height:100%;background:#dfeef7}
.legend{background:#fff;padding:6px 10px;font:13px sans-serif;line-height:1.5}
.legend i{display:inline-block;width:28px;height:5px;margin-right:6px;vertical-align:middle}</style>
</head><body><div id="map"></div><script>
const map = L.map("map", { zoomControl: false, attributionControl: false });
L.geoJSON(${land}, { style: { color: "#b9b9b9", weight: 0.5, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
const data = ${text};
const sizes = { small: 4, medium: 6, large: 9 };
const layer = L.geoJSON(data, {
  style: f => ({
    color: f.properties.stroke || "#555",
    weight: f.properties["stroke-width"] || 3,
    opacity: f.properties["stroke-opacity"] ?? 0.9,
    dashArray: f.properties["stroke-dasharray"] || null,
  }),
  pointToLayer: (f, at) => L.circleMarker(at, {
    radius: sizes[f.properties["marker-size"]] || 5,
    color: "#fff", weight: 1, fillOpacity: 1,
    fillColor: f.properties["marker-color"] || "#333",
  }),
}).addTo(map);
map.fitBounds(layer.getBounds(), { padding: [20, 20] });
const legend = (data.corridor && data.corridor.legend) || null;
if (legend && legend.routes) {
  const box = L.control({ position: "topright" });
  box.onAdd = () => {
    const d = L.DomUtil.create("div", "legend");
    d.innerHTML = legend.routes.map(r => '<i style="background:' + r.stroke + '"></i>' + r.label).join("<br>")
      + (legend.shared_legs ? '<br><i style="background:' + legend.shared_legs.stroke + '"></i>shared by several routes' : "")
      + (legend.modes ? '<br><small>' + legend.modes + '</small>' : "");
    return d;
  };
  box.addTo(map);
}
</script></body></html>`;
const dir = mkdtempSync(join(tmpdir(), "view-geojson-"));
const html = join(dir, "page.html");
writeFileSync(html, page);
execFileSync("chromium", [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
  "--allow-file-access-from-files", `--window-size=${width},${height}`,
  "--virtual-time-budget=4000", `--screenshot=${resolve(output)}`, `file://${html}`,
], { stdio: ["ignore", "ignore", "inherit"] });
console.log(`${input}: ${issues.length} issue(s); drawn to ${output}`);
process.exit(issues.length ? 1 : 0);
