//! The loader on small hand-written documents: ties, defaults, ranges and problem reports.

use super::*;
use crate::error::{Error, Problem, ProblemKind};

fn fc(features: &str) -> String {
    format!(r#"{{"type":"FeatureCollection","features":[{features}]}}"#)
}

fn point(id: &str, lon: f64, lat: f64) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"id":"{id}","kind":"port"}},"geometry":{{"type":"Point","coordinates":[{lon},{lat}]}}}}"#
    )
}

fn problems(text: &str, options: &LoadOptions) -> Vec<Problem> {
    match parse_network(text, "t.geojson", options) {
        Err(Error::InvalidNetwork { problems, .. }) => problems,
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn legs_without_ends_are_tied_by_coordinates() {
    let text = fc(
        r#"{"type":"Feature","properties":{"mode":"sea"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}},
        {"type":"Feature","properties":{"mode":"sea"},"geometry":{"type":"LineString","coordinates":[[1.0000001,0],[2,0]]}}"#,
    );
    let net = parse_network(&text, "t", &LoadOptions::default()).unwrap();
    assert_eq!(net.nodes().len(), 3);
    assert_eq!(net.legs()[0].to, net.legs()[1].from);
    assert!((net.legs()[0].drawn_km - 111.32).abs() < 0.1);
}

#[test]
fn missing_mode_needs_a_default() {
    let text = fc(
        r#"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}}"#,
    );
    let p = problems(&text, &LoadOptions::default());
    // The library names no flag; the binary adds the hint for its `--default-mode`.
    assert_eq!(p[0].kind, ProblemKind::MissingMode, "{p:?}");
    assert!(p[0].message.contains("has no `mode`"), "{p:?}");
    let opts = LoadOptions {
        default_mode: Some(Mode::Sea),
        ..LoadOptions::default()
    };
    assert_eq!(
        parse_network(&text, "t", &opts).unwrap().legs()[0].mode,
        Mode::Sea
    );
}

#[test]
fn unwrapped_longitudes_are_accepted() {
    let text = fc(
        r#"{"type":"Feature","properties":{"mode":"sea"},"geometry":{"type":"LineString","coordinates":[[179,0],[181,0]]}}"#,
    );
    let net = parse_network(&text, "t", &LoadOptions::default()).unwrap();
    assert!((net.legs()[0].drawn_km - 222.6).abs() < 0.5);
    assert!((net.node(net.legs()[0].to).position.x() - -179.0).abs() < 1e-9);
}

#[test]
fn every_problem_is_reported_with_index_and_id() {
    let text = fc(&[
        point("a", 0.0, 0.0),
        point("a", 1.0, 0.0),
        point("b", 200.0, 95.0),
        r#"{"type":"Feature","properties":{"id":"l1","from":"a","to":"zz","mode":"sea"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}}"#.into(),
        r#"{"type":"Feature","properties":{"id":"l2","from":"a","to":"a","mode":"hovercraft"},"geometry":{"type":"LineString","coordinates":[[0,0],[0.5,0]]}}"#.into(),
        r#"{"type":"Feature","properties":{"id":"l3","mode":"sea"},"geometry":{"type":"LineString","coordinates":[[0,0]]}}"#.into(),
        r#"{"type":"Feature","properties":{"id":"l4","mode":"sea"},"geometry":{"type":"LineString","coordinates":[[0,"x"],[1,1]]}}"#.into(),
    ]
    .join(","));
    let p = problems(&text, &LoadOptions::default());
    let text: Vec<String> = p.iter().map(ToString::to_string).collect();
    let all = text.join("\n");
    assert!(
        all.contains("feature #1 (id \"a\"): duplicate node id"),
        "{all}"
    );
    assert!(
        all.contains("feature #2 (id \"b\"): position [200, 95] is out of range"),
        "{all}"
    );
    assert!(
        all.contains("feature #3 (id \"l1\"): `to` names unknown node \"zz\""),
        "{all}"
    );
    assert!(
        all.contains("feature #4 (id \"l2\"): last position lies 55.66 km"),
        "{all}"
    );
    assert!(all.contains("unknown mode \"hovercraft\""), "{all}");
    assert!(
        all.contains("feature #5 (id \"l3\"): line has 1 position(s)"),
        "{all}"
    );
    assert!(
        all.contains("feature #6 (id \"l4\"): LineString coordinates are malformed"),
        "{all}"
    );
}

#[test]
fn not_a_feature_collection_is_a_parse_error() {
    let e = parse_network(
        r#"{"type":"Feature"}"#,
        "x.geojson",
        &LoadOptions::default(),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("x.geojson: expected a FeatureCollection"),
        "{e}"
    );
    let e = parse_network("{", "x.geojson", &LoadOptions::default()).unwrap_err();
    assert!(e.to_string().contains("not valid JSON"), "{e}");
}

/// RFC 7946 objects are JSON objects. A reader derived by serde would take a struct from an
/// array as well, and such files loaded and routed (issue 13).
#[test]
fn arrays_in_place_of_objects_are_refused() {
    let e = parse_network(
        r#"["FeatureCollection", [{"type":"Feature","properties":{"mode":"sea"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}}]]"#,
        "a.geojson",
        &LoadOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "a.geojson: the document is an array, not a GeoJSON object (expected a FeatureCollection)"
    );
    let line = r#"{"type":"LineString","coordinates":[[0,0],[1,0]]}"#;
    let p = problems(
        &fc(&[
            r#"["Feature", {"mode":"sea"}, {"type":"LineString","coordinates":[[0,0],[1,0]]}]"#.to_string(),
            format!(r#"{{"type":"Feature","properties":["sea"],"geometry":{line}}}"#),
            r#"{"type":"Feature","properties":{"id":"g","mode":"sea"},"geometry":["LineString",[[0,0],[1,0]]]}"#.to_string(),
        ]
        .join(",")),
        &LoadOptions::default(),
    );
    let all: Vec<String> = p.iter().map(ToString::to_string).collect();
    assert_eq!(
        all,
        [
            "feature #0: is an array, not a GeoJSON Feature object",
            "feature #1: has an array as `properties`; RFC 7946 requires an object",
            "feature #2 (id \"g\"): has an array as `geometry`; RFC 7946 requires an object",
        ]
    );
}

#[test]
fn properties_of_the_wrong_type_name_the_key() {
    let p = problems(
        &fc(
            r#"{"type":"Feature","properties":{"id":"x","mode":"rail","gauge_mm":"wide","countries":"IR","one_way":1},"geometry":{"type":"LineString","coordinates":[[50,30],[51,30]]}}"#,
        ),
        &LoadOptions::default(),
    );
    let all: Vec<String> = p.iter().map(ToString::to_string).collect();
    assert_eq!(
        all,
        [
            "feature #0 (id \"x\"): `gauge_mm` is the string \"wide\", not a number",
            "feature #0 (id \"x\"): `one_way` is 1, not true or false",
        ]
    );
}

fn line(coords: &str) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"mode":"sea"}},"geometry":{{"type":"LineString","coordinates":{coords}}}}}"#
    )
}

/// Issue 10: a line ending on another line's interior vertex is a T-junction, not a gap.
#[test]
fn a_line_ending_at_another_lines_vertex_splits_it() {
    let text = fc(&[line("[[0,0],[10,0],[20,0]]"), line("[[10,0],[10,10]]")].join(","));
    let net = parse_network(&text, "t", &LoadOptions::default()).unwrap();
    assert_eq!(net.nodes().len(), 4, "{:?}", net.nodes());
    let ids: Vec<&str> = net.legs().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["leg-0#0", "leg-0#1", "leg-1"]);
    let junction = net.legs()[0].to;
    assert_eq!(net.legs()[1].from, junction);
    assert_eq!(net.legs()[2].from, junction);
    // The pieces are measured on their own: half of 20° of the equator each.
    assert!(
        (net.legs()[0].drawn_km - 1113.2).abs() < 0.5,
        "{}",
        net.legs()[0].drawn_km
    );
}

/// Two lines crossing at a vertex both have, neither ending there, meet there.
#[test]
fn lines_sharing_an_interior_vertex_meet_there() {
    let text = fc(&[line("[[0,0],[5,5],[10,10]]"), line("[[0,10],[5,5],[10,0]]")].join(","));
    let net = parse_network(&text, "t", &LoadOptions::default()).unwrap();
    assert_eq!(net.nodes().len(), 5);
    assert_eq!(net.legs().len(), 4);
}

/// Issue 10: ±180° is one meridian, and the tolerance is ground distance at every latitude.
#[test]
fn ends_join_across_the_antimeridian_and_at_high_latitude() {
    let text = fc(&[line("[[170,0],[180,0]]"), line("[[-180,0],[-170,0]]")].join(","));
    let net = parse_network(&text, "t", &LoadOptions::default()).unwrap();
    assert_eq!(net.nodes().len(), 3);
    // 45 m apart at 60°N (0.0008° of longitude there), tolerance 50 m.
    let text = fc(&[line("[[10,60],[11,60]]"), line("[[11.0008,60],[12,60]]")].join(","));
    let net = parse_network(&text, "t", &LoadOptions::default()).unwrap();
    assert_eq!(net.nodes().len(), 3);
    // 60 m apart: two places.
    let text = fc(&[line("[[10,60],[11,60]]"), line("[[11.00108,60],[12,60]]")].join(","));
    let net = parse_network(&text, "t", &LoadOptions::default()).unwrap();
    assert_eq!(net.nodes().len(), 4);
}

/// A named Point on a line's interior vertex becomes a stop of that line.
#[test]
fn a_point_on_an_interior_vertex_splits_the_line() {
    let text = fc(&[point("mid", 10.0, 0.0), line("[[0,0],[10,0],[20,0]]")].join(","));
    let net = parse_network(&text, "t", &LoadOptions::default()).unwrap();
    let mid = net.node_by_id("mid").unwrap();
    assert_eq!(net.legs().len(), 2);
    assert_eq!(net.legs()[0].to, mid);
}
