//! Mechanical verification of the embedded dataset (`data/network.geojson`,
//! `data/corridors.toml`, `data/assumptions.toml`): geometry against Natural Earth, declared
//! countries, published lengths, connectivity, every corridor routable, headline distances
//! against published figures, and the validity of `route export`'s GeoJSON.
//!
//! The geometry checks trace each leg through R-trees of Natural Earth boundary edges (see
//! `support/layer.rs` for why crossings rather than point tests); their thresholds are those
//! of `data/tools/check_geometry.py`. Every check lists *all* failing legs in its message.

mod support;

use std::sync::LazyLock;

use corridor::model::{CostModel, Objective, Params, RouteReport};
use corridor::questions::{compare, find, validate};
use corridor::{Assumptions, Atlas};

use support::land::{self, EXEMPT_PASSAGES};
use support::natural_earth;

static ATLAS: LazyLock<Atlas> =
    LazyLock::new(|| Atlas::embedded().expect("the embedded network and corridors load"));

fn atlas() -> &'static Atlas {
    &ATLAS
}

fn params() -> Params {
    Params::from_assumptions(&Assumptions::embedded().expect("embedded assumptions load"))
        .expect("the assumptions hold every parameter")
}

fn report(failures: &[String], what: &str) -> String {
    format!(
        "{} leg(s) {what}:\n  {}",
        failures.len(),
        failures.join("\n  ")
    )
}

// ---------------------------------------------------------------------------------------------
// 1. Land and water

/// Sea and ferry legs stay on water, rail and road legs on land (land-10m), to within 1 km
/// beyond the first/last 5 km (sea, and land legs at a port) or 2 km (other land legs). Legs
/// through the passages in [`EXEMPT_PASSAGES`] are exempt by name (1:10m land fills those
/// channels in).
#[test]
fn legs_stay_on_their_side_of_the_coast() {
    let ne = natural_earth();
    let net = atlas().network();
    let at_port = |l: &corridor::network::Leg| {
        [l.from, l.to]
            .iter()
            .any(|&n| net.node(n).kind == corridor::network::NodeKind::Port)
    };
    let failures: Vec<String> = net
        .legs()
        .iter()
        .filter_map(|l| land::side_failure(ne, l, at_port(l)))
        .collect();
    for l in atlas().network().legs() {
        let ex = land::exempt_passages(l);
        if l.mode.is_water() && !ex.is_empty() {
            let side = land::wrong_side(&ne.land, &l.geometry, true, land::SEA_TRIM_KM);
            println!(
                "exempt ({}): {} has {:.1} km on Natural Earth land",
                ex.join(", "),
                l.id,
                side.wrong_km
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{}",
        report(&failures, "on the wrong side of the coast")
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Countries

/// Every leg's `countries` is the sequence of countries its geometry crosses (countries-10m,
/// runs under 1 km ignored, no-code areas transparent); sea and ferry legs declare none except
/// those through [`EXEMPT_PASSAGES`], which declare the land they cross.
#[test]
fn legs_declare_the_countries_they_cross() {
    let ne = natural_earth();
    let failures: Vec<String> = atlas()
        .network()
        .legs()
        .iter()
        .filter_map(|l| land::countries_failure(ne, l))
        .collect();
    assert!(
        failures.is_empty(),
        "{}",
        report(&failures, "with wrong `countries`")
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Published lengths

/// Every leg with a `published_km` has a geodesic length within
/// [`validate::PUBLISHED_TOLERANCE`] (10 %) of it, except the legs named in
/// [`support::ALIGNMENT_NOT_DRAWN`], which are held to their own, documented bound.
#[test]
fn leg_lengths_match_published_figures() {
    let failures: Vec<String> = atlas()
        .network()
        .legs()
        .iter()
        .filter_map(support::length_failure)
        .collect();
    for (id, bound, why) in support::ALIGNMENT_NOT_DRAWN {
        let leg = atlas().network().legs().iter().find(|l| l.id == id);
        let leg = leg
            .unwrap_or_else(|| panic!("ALIGNMENT_NOT_DRAWN names {id}, which the network lacks"));
        let p = leg
            .published_km
            .expect("a named leg has a published length");
        println!(
            "{id}: {:.0} km drawn vs {p} km published ({:+.1} %, bound {:.0} %): {why}",
            leg.drawn_km,
            (leg.drawn_km - p) / p * 100.0,
            bound * 100.0
        );
    }
    assert!(
        failures.is_empty(),
        "{}",
        report(&failures, "off their published length by more than 10 %")
    );
}

/// Whole railway lines, rail only and by distance, within 10 % of the railway's own chainage.
/// This checks the stations' positions together, where a leg's own published figure may come
/// from km posts that do not add up (the Bafq–Mashhad km posts sum to 812 km against RAI's
/// 777 km), and it bounds what the legs in [`support::ALIGNMENT_NOT_DRAWN`] lose.
///
/// Source of every figure: RAI chainage, differences of the km column of fa.wikipedia's list of
/// Iranian railway stations (فهرست ایستگاه‌های راه‌آهن ایران), as cited in the legs' `source`.
#[test]
fn whole_lines_match_the_railways_chainage() {
    const LINES: [(&str, &str, f64); 4] = [
        ("tehran", "mashhad", 923.0),
        ("bafq", "mashhad", 777.0),
        ("kerman", "zahedan", 539.2),
        ("garmsar", "incheh-borun", 457.9),
    ];
    let mut failures = Vec::new();
    for (from, to, published) in LINES {
        let km =
            shortest_between(from, to, &[], &["mode:road", "mode:sea", "mode:ferry"]).distance_km;
        println!(
            "{from} → {to} by rail: {km:.0} km (RAI chainage {published} km, {:+.1} %)",
            (km - published) / published * 100.0
        );
        if !within(km, published, 0.10) {
            failures.push(format!("{from} → {to}: {km:.0} km vs {published} km"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} line(s) off the chainage by more than 10 %:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Connectivity, `route validate`, every corridor routable

/// `route validate`'s checks pass: the assumptions hold every parameter, the corridors name
/// only things the network has, and the legs form one connected network that reaches every
/// node (`validate::check` counts a node without legs as a warning, not a component).
#[test]
fn the_network_validates_and_is_connected() {
    let _ = params();
    let r = validate::run(atlas());
    assert!(r.is_ok(), "route validate fails:\n{r}");
    assert_eq!(r.components, 1, "the network falls apart:\n{r}");
    assert!(r.legs > 0 && r.nodes > 0, "{r}");
    let net = atlas().network();
    let mut has_leg = vec![false; net.nodes().len()];
    for l in net.legs() {
        has_leg[l.from.ix()] = true;
        has_leg[l.to.ix()] = true;
    }
    let isolated: Vec<&str> = net
        .nodes()
        .iter()
        .zip(&has_leg)
        .filter(|(_, has)| !**has)
        .map(|(n, _)| n.id.as_str())
        .collect();
    assert!(
        isolated.is_empty(),
        "{} node(s) without legs: {}",
        isolated.len(),
        isolated.join(", ")
    );
}

/// Corridors allowed to yield no route from Nhava Sheva to Moscow under the embedded
/// assumptions, each with the reason. Empty: every corridor must route.
const NO_ROUTE_ALLOWED: &[(&str, &str)] = &[];

/// `route compare` with defaults (Nhava Sheva → Moscow, by time, operational legs only) routes
/// every corridor of data/corridors.toml.
#[test]
fn every_corridor_routes_from_nhava_sheva_to_moscow() {
    let a = atlas();
    let model = CostModel::new(a.network(), params());
    let req = compare::Query::default()
        .resolve(a)
        .expect("places resolve");
    let c = compare::run(a, &model, &req)
        .unwrap_or_else(|e| panic!("the reference corridor yields no route: {e}"));
    let mut problems = Vec::new();
    for corridor in a.corridors().list() {
        let routed = c
            .routes
            .iter()
            .any(|r| r.route.corridor.as_deref() == Some(corridor.id.as_str()));
        let allowed = NO_ROUTE_ALLOWED.iter().any(|(id, _)| *id == corridor.id);
        if routed && allowed {
            problems.push(format!(
                "{} routes now: drop it from NO_ROUTE_ALLOWED",
                corridor.id
            ));
        }
        if !routed && !allowed {
            let reason = c
                .unavailable
                .iter()
                .find(|u| u.label == corridor.name)
                .map_or("not in the comparison", |u| u.reason.as_str());
            problems.push(format!("{}: {reason}", corridor.id));
        }
    }
    assert!(
        problems.is_empty(),
        "{} corridor(s) without a route from nhava-sheva to moscow:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Headline distances

/// Shortest route by distance from Nhava Sheva to St Petersburg, through `via`, avoiding
/// `avoid`.
fn shortest(via: &[&str], avoid: &[&str]) -> RouteReport {
    shortest_between("nhava-sheva", "st-petersburg", via, avoid)
}

/// Shortest route by distance from `from` to `to`, through `via`, avoiding `avoid`.
fn shortest_between(from: &str, to: &str, via: &[&str], avoid: &[&str]) -> RouteReport {
    let a = atlas();
    let model = CostModel::new(a.network(), params());
    let query = find::Query {
        from: from.into(),
        to: to.into(),
        via: via.iter().map(|s| (*s).to_string()).collect(),
        avoid: avoid.iter().map(|s| (*s).to_string()).collect(),
        objective: Objective::Distance,
        ..find::Query::default()
    };
    query
        .resolve(a)
        .and_then(|req| find::run(a, &model, &req))
        .unwrap_or_else(|e| panic!("no route {from} → {to} via {via:?} avoiding {avoid:?}: {e}"))
}

fn within(ours: f64, published: f64, tolerance: f64) -> bool {
    ((ours - published) / published).abs() <= tolerance
}

/// The INSTC from Nhava Sheva to St Petersburg, by distance, is within 10 % of 7,200 km.
///
/// Source: Deputy Prime Minister Overchuk, "7,200 km from St Petersburg to Mumbai" (TASS/RIA
/// Novosti, 26 Oct 2025), https://ria.ru/20251026/overchuk-2050686670.html
#[test]
fn headline_instc_nhava_sheva_st_petersburg_7200_km() {
    let r = shortest(&["instc"], &[]);
    println!(
        "INSTC Nhava Sheva → St Petersburg: {:.0} km (published 7,200 km)",
        r.distance_km
    );
    assert!(
        within(r.distance_km, 7200.0, 0.10),
        "INSTC Nhava Sheva → St Petersburg is {:.0} km, not within 10 % of 7,200 km",
        r.distance_km
    );
}

/// All the way by sea through Suez, Nhava Sheva to St Petersburg, by distance, beside the
/// 8,675 nm quoted by India's Shipping Ministry. Rail and road are avoided: the figure is for
/// the all-sea route (by distance the router would otherwise land at a Black Sea port and take
/// the train).
///
/// Our lanes measure about 10 % less (7,781 nm when this was written). The gap is explained in
/// data/README.md ("The Suez distance"): the ministry does not say how it measured the figure;
/// most likely it is a voyage as sailed (with calls on the way, as services to St Petersburg
/// make), while ours is the direct lane. Calls can only lengthen a voyage, so the test holds
/// the published figure as an upper bound and allows our direct lane to be up to 15 %
/// shorter; it fails if the geometry grows past the published voyage or shrinks implausibly.
///
/// Source: India's Ministry of Ports, Shipping and Waterways, Mumbai–St Petersburg 8,675 nm
/// (as quoted by https://mfame.guru/the-chennai-vladivostok-sea-route-will-cover-a-distance-of-about-5600-nautical-miles).
#[test]
fn headline_suez_nhava_sheva_st_petersburg_8675_nm() {
    let r = shortest(&["suez"], &["mode:rail", "mode:road"]);
    let gap = (r.sea_nm - 8675.0) / 8675.0;
    println!(
        "Suez, by sea, Nhava Sheva → St Petersburg: {:.0} nm ({:.0} km; published 8,675 nm, {:+.1} %)",
        r.sea_nm,
        r.distance_km,
        gap * 100.0
    );
    assert!(
        (-0.15..=0.0).contains(&gap),
        "Suez by sea Nhava Sheva → St Petersburg is {:.0} nm ({:+.1} % of 8,675 nm); expected the \
         direct lane at most 15 % below the published voyage and never above it",
        r.sea_nm,
        gap * 100.0
    );
}

/// Around the Cape of Good Hope instead of through Suez adds 4,000–6,000 nm, Nhava Sheva to
/// St Petersburg, both all by sea, by distance.
///
/// Source: Engineering Export Promotion Council of India (EEPC): diverting via the Cape adds
/// 4,000–6,000 nautical miles, https://knnindia.co.in/news/newsdetails/sectors/exportimports/export-freight-cost-doubles-amid-red-sea-attacks-eepc
#[test]
fn headline_cape_adds_4000_to_6000_nm_over_suez() {
    let sea_only = ["mode:rail", "mode:road"];
    let suez = shortest(&["suez"], &sea_only);
    let cape = shortest(&["cape"], &sea_only);
    let extra = cape.sea_nm - suez.sea_nm;
    println!(
        "Cape {:.0} nm − Suez {:.0} nm = {extra:.0} nm (published 4,000–6,000 nm)",
        cape.sea_nm, suez.sea_nm
    );
    assert!(
        (4000.0..=6000.0).contains(&extra),
        "the Cape adds {extra:.0} nm over Suez (Cape {:.0} nm, Suez {:.0} nm), not 4,000–6,000 nm",
        cape.sea_nm,
        suez.sea_nm
    );
}

// ---------------------------------------------------------------------------------------------
// 6. `route export`

/// `route export`'s GeoJSON of the embedded network is valid RFC 7946 as geojsonhint sees it,
/// with a title and description on every feature and a stroke on every line.
#[test]
fn exported_network_geojson_is_valid() {
    let mut out = Vec::new();
    corridor::render::geojson::network(
        atlas().network(),
        &corridor::provenance::Provenance::new("export".into()),
        &mut out,
    )
    .expect("writes");
    let text = String::from_utf8(out).expect("UTF-8");
    let problems = support::lint::problems(&text);
    assert!(
        problems.is_empty(),
        "{} problem(s) in the exported GeoJSON:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let n = v["features"].as_array().map_or(0, Vec::len);
    assert_eq!(
        n,
        atlas().network().nodes().len() + atlas().network().legs().len()
    );
}

/// The exemption list is the one `check_geometry.py` and data/naturalearth/README.md name: read
/// from both documents, not restated here.
#[test]
fn exempt_passages_are_the_documented_ones() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(root.join("data/tools/check_geometry.py")).unwrap();
    let line = script
        .lines()
        .find(|l| l.starts_with("EXEMPT_PASSAGES = {"))
        .expect("check_geometry.py defines EXEMPT_PASSAGES");
    let mut in_script: Vec<&str> = line
        .split(['{', '}', ','])
        .skip(1)
        .map(|s| s.trim().trim_matches('"'))
        .filter(|s| !s.is_empty())
        .collect();
    let readme = std::fs::read_to_string(root.join("data/naturalearth/README.md")).unwrap();
    let sentence = readme
        .split("does not fail legs that list")
        .nth(1)
        .and_then(|rest| rest.split("in `passages`").next())
        .expect("data/naturalearth/README.md names the exempt passages");
    let mut in_readme: Vec<&str> = sentence.split('`').skip(1).step_by(2).collect();
    let mut ours = EXEMPT_PASSAGES.to_vec();
    ours.sort_unstable();
    in_script.sort_unstable();
    in_readme.sort_unstable();
    assert_eq!(
        ours, in_script,
        "tests/support/land.rs against check_geometry.py"
    );
    assert_eq!(
        ours, in_readme,
        "tests/support/land.rs against data/naturalearth/README.md"
    );
}

/// check_geometry.py holds the same legs to the same bounds as [`support::ALIGNMENT_NOT_DRAWN`]
/// (read from the script, not restated here).
#[test]
fn the_python_checker_knows_the_same_undrawn_alignments() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(root.join("data/tools/check_geometry.py")).unwrap();
    let body = script
        .split("ALIGNMENT_NOT_DRAWN = {")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .expect("check_geometry.py defines ALIGNMENT_NOT_DRAWN");
    let mut in_script: Vec<(String, f64)> = body
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            Some((
                k.trim().trim_matches('"').to_string(),
                v.trim().trim_end_matches(',').parse().ok()?,
            ))
        })
        .collect();
    let mut ours: Vec<(String, f64)> = support::ALIGNMENT_NOT_DRAWN
        .iter()
        .map(|(id, bound, _)| ((*id).to_string(), *bound))
        .collect();
    in_script.sort_by(|a, b| a.0.cmp(&b.0));
    ours.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(ours, in_script);
}
