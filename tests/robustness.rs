//! Whatever the input, loading and routing return a value or an error, never a panic.

use corridor::model::{CostModel, Objective, Params, report};
use corridor::network::{LoadOptions, Mode, parse_network};
use corridor::routing::{Corridors, Restrictions, Router};
use corridor::{Assumptions, Atlas};
use proptest::prelude::*;

fn feature(lon: f64, lat: f64, lon2: f64, lat2: f64, kind: u8, mode: &str) -> String {
    match kind % 4 {
        0 => format!(
            r#"{{"type":"Feature","properties":{{"mode":"{mode}"}},"geometry":{{"type":"LineString","coordinates":[[{lon},{lat}],[{lon2},{lat2}]]}}}}"#
        ),
        1 => format!(
            r#"{{"type":"Feature","properties":{{"id":"p{kind}"}},"geometry":{{"type":"Point","coordinates":[{lon},{lat}]}}}}"#
        ),
        2 => format!(
            r#"{{"type":"Feature","properties":{{"from":"p{kind}","to":"x","mode":"{mode}"}},"geometry":{{"type":"LineString","coordinates":[[{lon},{lat}]]}}}}"#
        ),
        _ => format!(
            r#"{{"type":"Feature","properties":{{"mode":{lon}}},"geometry":{{"type":"Polygon","coordinates":[]}}}}"#
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics(s in ".{0,200}") {
        let _ = parse_network(&s, "fuzz", &LoadOptions::default());
    }

    #[test]
    fn arbitrary_features_never_panic(
        parts in prop::collection::vec((-600.0f64..600.0, -100.0f64..100.0, -600.0f64..600.0, -100.0f64..100.0, any::<u8>(), prop::sample::select(vec!["sea", "rail", "road", "ferry", "hovercraft", ""])), 0..12)
    ) {
        let body: Vec<String> = parts.iter().map(|(a, b, c, d, k, m)| feature(*a, *b, *c, *d, *k, m)).collect();
        let text = format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, body.join(","));
        let _ = parse_network(&text, "fuzz", &LoadOptions { default_mode: Some(Mode::Sea), ..LoadOptions::default() });
    }

    #[test]
    fn routing_on_random_valid_networks_never_panics(
        lines in prop::collection::vec((-180.0f64..180.0, -80.0f64..80.0, -180.0f64..180.0, -80.0f64..80.0), 1..20),
        by in 0u8..4,
    ) {
        let body: Vec<String> = lines.iter().map(|(a, b, c, d)| feature(*a, *b, *c, *d, 0, "rail")).collect();
        let text = format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, body.join(","));
        let net = parse_network(&text, "fuzz", &LoadOptions::default()).unwrap();
        let atlas = Atlas::new(net, Corridors::default());
        let params = Params::from_assumptions(&Assumptions::embedded().unwrap()).unwrap();
        let model = CostModel::new(atlas.network(), params);
        let objective = [Objective::Time, Objective::Distance, Objective::Cost, Objective::Co2e][by as usize];
        let mut router = Router::new();
        let n = u32::try_from(atlas.network().nodes().len()).unwrap();
        for a in 0..n.min(5) {
            for b in 0..n.min(5) {
                let from = corridor::network::NodeIx(a);
                let to = corridor::network::NodeIx(b);
                if let Some(p) = router.shortest(atlas.graph(), &model.weigher(objective), from, to, &[], &Restrictions::default()) {
                    let r = report::build(&model, &p, String::new(), None, objective);
                    prop_assert!((objective.pick(&r.metrics()) - p.weight).abs() < 1e-6 * p.weight.max(1.0));
                }
            }
        }
    }
}
