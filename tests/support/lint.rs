//! An RFC 7946 lint of a GeoJSON text, checking what geojsonhint (geojson.io's validator)
//! checks for the kinds of features `route export` writes, plus the simplestyle properties the
//! map needs.

use serde_json::Value;

/// Most decimals geojsonhint accepts without a precision warning.
pub const MAX_DECIMALS: usize = 6;

/// Decimals of a JSON number as written (`12.5` → 1, `1e-7` → 7).
fn decimals(n: &serde_json::Number) -> usize {
    let s = n.to_string();
    let (mantissa, exp) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (s.as_str(), 0),
    };
    let frac = mantissa.split_once('.').map_or(0, |(_, f)| f.len()) as i64;
    usize::try_from((frac - exp).max(0)).unwrap_or(0)
}

fn position(p: &Value, at: &str, problems: &mut Vec<String>) {
    let Some(a) = p.as_array() else {
        problems.push(format!("{at}: position is not an array"));
        return;
    };
    if !(2..=3).contains(&a.len()) {
        problems.push(format!("{at}: position has {} elements", a.len()));
    }
    for (i, v) in a.iter().enumerate() {
        let Some(n) = v.as_number() else {
            problems.push(format!("{at}: position element {i} is not a number"));
            return;
        };
        if decimals(n) > MAX_DECIMALS {
            problems.push(format!("{at}: {n} has more than {MAX_DECIMALS} decimals"));
        }
    }
    let (lon, lat) = (
        a[0].as_f64().unwrap_or(f64::NAN),
        a[1].as_f64().unwrap_or(f64::NAN),
    );
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        problems.push(format!("{at}: [{lon}, {lat}] is out of range"));
    }
}

fn line(coords: &Value, at: &str, problems: &mut Vec<String>) {
    let Some(ps) = coords.as_array() else {
        problems.push(format!("{at}: coordinates are not an array"));
        return;
    };
    if ps.len() < 2 {
        problems.push(format!(
            "{at}: a LineString needs at least 2 positions, has {}",
            ps.len()
        ));
    }
    for p in ps {
        position(p, at, problems);
    }
}

fn non_empty_string(
    props: &serde_json::Map<String, Value>,
    key: &str,
    at: &str,
    problems: &mut Vec<String>,
) {
    match props.get(key).and_then(Value::as_str) {
        Some(s) if !s.trim().is_empty() => {}
        _ => problems.push(format!("{at}: no `{key}`")),
    }
}

/// Every problem found in a FeatureCollection text (empty when valid).
pub fn problems(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![format!("not JSON: {e}")],
    };
    if let Err(e) = text.parse::<geojson::GeoJson>() {
        problems.push(format!("the geojson crate rejects it: {e}"));
    }
    if root["type"] != "FeatureCollection" {
        problems.push("root is not a FeatureCollection".into());
    }
    if root.get("crs").is_some() {
        problems.push("`crs` is not RFC 7946".into());
    }
    let Some(features) = root["features"].as_array() else {
        problems.push("no `features` array".into());
        return problems;
    };
    for (i, f) in features.iter().enumerate() {
        let props = f.get("properties").and_then(Value::as_object);
        let id = props
            .and_then(|p| p.get("id"))
            .and_then(Value::as_str)
            .unwrap_or("?");
        let at = format!("feature {i} ({id})");
        if f["type"] != "Feature" {
            problems.push(format!("{at}: `type` is not \"Feature\""));
        }
        let Some(props) = props else {
            problems.push(format!("{at}: no `properties` object"));
            continue;
        };
        non_empty_string(props, "title", &at, &mut problems);
        non_empty_string(props, "description", &at, &mut problems);
        let g = &f["geometry"];
        let coords = &g["coordinates"];
        match g["type"].as_str() {
            Some("Point") => position(coords, &at, &mut problems),
            Some(t @ ("LineString" | "MultiLineString")) => {
                if t == "LineString" {
                    line(coords, &at, &mut problems);
                } else {
                    for l in coords.as_array().map(Vec::as_slice).unwrap_or_default() {
                        line(l, &at, &mut problems);
                    }
                }
                non_empty_string(props, "stroke", &at, &mut problems);
            }
            other => problems.push(format!("{at}: geometry type {other:?} is not expected")),
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lint_catches_bad_features() {
        let good = r##"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"a","title":"A","description":"d","stroke":"#000"},
           "geometry":{"type":"LineString","coordinates":[[1.5,2],[3.123456,4]]}},
          {"type":"Feature","properties":{"id":"n","title":"N","description":"d"},
           "geometry":{"type":"Point","coordinates":[1,2]}}]}"##;
        assert_eq!(problems(good), Vec::<String>::new());
        let bad = r##"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"a","title":"A","description":"d"},
           "geometry":{"type":"LineString","coordinates":[[1.5,2]]}},
          {"type":"Feature","properties":{"id":"b","description":"d","stroke":"#000"},
           "geometry":{"type":"LineString","coordinates":[[1.1234567,2],[181,4]]}}]}"##;
        let p = problems(bad);
        for want in [
            "at least 2 positions",
            "no `stroke`",
            "no `title`",
            "more than 6 decimals",
            "out of range",
        ] {
            assert!(p.iter().any(|x| x.contains(want)), "{want} not in {p:?}");
        }
        assert_eq!(decimals(&serde_json::Number::from_f64(1e-7).unwrap()), 7);
    }
}
