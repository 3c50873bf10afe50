//! The cost model on the fixture network with round-number assumptions.

use super::pricing::{self, Repricing};
use super::*;
use crate::network::{LoadOptions, parse_network};
use crate::routing::{Atlas, Corridors, Restrictions, Router};

const ASSUMPTIONS: &str = include_str!("../../tests/fixtures/round-assumptions.toml");

fn mini() -> Atlas {
    let net = parse_network(
        include_str!("../../tests/fixtures/mini.geojson"),
        "mini",
        &LoadOptions::default(),
    )
    .unwrap();
    Atlas::new(net, Corridors::default())
}

fn params() -> Params {
    Params::from_assumptions(&Assumptions::parse(ASSUMPTIONS, "round").unwrap()).unwrap()
}

#[test]
fn stops_charge_port_calls_mode_changes_gauge_breaks_and_borders() {
    let atlas = mini();
    let net = atlas.network();
    let model = CostModel::new(net, params());
    let (from, to) = (
        net.node_by_id("alpha").unwrap(),
        net.node_by_id("omega").unwrap(),
    );
    let blocked: Vec<bool> = net.legs().iter().map(|l| l.id != "s2").collect();
    let overland = Restrictions {
        leg_allowed: blocked,
        node_allowed: vec![],
    };
    let mut router = Router::new();
    let path = router
        .shortest(
            atlas.graph(),
            &model.weigher(Objective::Time),
            from,
            to,
            &[],
            &overland,
        )
        .unwrap();
    let r = report::build(&model, &path, "t".into(), None, Objective::Time);
    let ids: Vec<&str> = r.legs.iter().map(|l| l.id.as_str()).collect();
    // The road (2 mode changes, 19 h driving) beats rail at 240 km/day plus a gauge change.
    assert_eq!(ids, ["s1", "r1", "d1", "r4"]);
    let reasons: Vec<(String, Vec<StopReason>)> = r
        .stops
        .iter()
        .map(|s| (s.node.clone(), s.reasons.clone()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("alpha".to_string(), vec![StopReason::PortCall]),
            ("beta".to_string(), vec![StopReason::PortCall]),
            ("gamma".to_string(), vec![StopReason::ModeChange]),
            ("delta".to_string(), vec![StopReason::ModeChange]),
        ]
    );
    // Borders are the land borders cleared at a border stop: IN → IR is a voyage, and the
    // fixture draws IR → AZ and AZ → RU inside legs d1 and r4 with no border node to stop at.
    assert_eq!(r.borders, 0);
    assert_eq!(
        r.borders,
        r.stops
            .iter()
            .filter(|s| s.reasons.contains(&StopReason::Border))
            .count()
    );
    assert_eq!(r.transfers, 3);
    assert_eq!(r.countries, ["IN", "IR", "AZ", "RU"]);
    // Totals equal what the router minimised and the sum of legs and stops.
    assert!((r.time_hours - path.weight).abs() < 1e-9);
    let repriced = price_path(
        &Repricing {
            params: model.params(),
            network: net,
        },
        net,
        &path,
        |_| {},
    );
    assert!((repriced.hours - r.time_hours).abs() < 1e-9);
    let legs: f64 = r.legs.iter().map(|l| l.time_hours).sum();
    assert!((legs + r.stop_hours - r.time_hours).abs() < 1e-9);

    // Without the road the rail line under construction is used: a break of gauge at delta.
    let mut allowed = vec![true; net.legs().len()];
    allowed[net.leg_by_id("d1").unwrap().ix()] = false;
    allowed[net.leg_by_id("s2").unwrap().ix()] = false;
    let path = router
        .shortest(
            atlas.graph(),
            &model.weigher(Objective::Time),
            from,
            to,
            &[],
            &Restrictions {
                leg_allowed: allowed,
                node_allowed: vec![],
            },
        )
        .unwrap();
    let r = report::build(&model, &path, "t".into(), None, Objective::Time);
    let delta = r.stops.iter().find(|s| s.node == "delta").unwrap();
    assert_eq!(delta.reasons, [StopReason::GaugeChange]);
    assert!(!r.stops.iter().any(|s| s.node == "gamma"));
}

#[test]
fn leg_time_is_distance_over_speed_plus_inner_borders() {
    let atlas = mini();
    let net = atlas.network();
    let p = params();
    let leg = |id: &str| net.leg(net.leg_by_id(id).unwrap());
    // Round numbers from the fixture: sea 10 kn, rail 480 km/day (IR 240), road 50 km/h for
    // 10 h a day, border 10 h (road) / 5 h (rail).
    let s1 = leg("s1");
    assert!((pricing::leg(&p, s1).hours - s1.length_km() / (10.0 * KM_PER_NM)).abs() < 1e-9);
    let r1 = leg("r1");
    assert!((pricing::leg(&p, r1).hours - r1.length_km() / 240.0 * 24.0).abs() < 1e-9);
    let d1 = leg("d1");
    assert!(
        (pricing::leg(&p, d1).hours - (d1.length_km() / 50.0 * 24.0 / 10.0 + 10.0)).abs() < 1e-9
    );
    let r4 = leg("r4");
    assert!((pricing::leg(&p, r4).hours - (r4.length_km() / 480.0 * 24.0 + 5.0)).abs() < 1e-9);
    // Cost: rate × km (+ border fee inside land legs). The toll and dwell of the passage s3
    // runs through are charged where a route enters it, not on the leg.
    assert!((pricing::leg(&p, r1).usd - r1.length_km() * 0.5).abs() < 1e-9);
    let s3 = leg("s3");
    assert!((pricing::leg(&p, s3).usd - s3.length_km() * 0.1).abs() < 1e-9);
    assert!((pricing::leg(&p, s3).hours - s3.length_km() / (10.0 * KM_PER_NM)).abs() < 1e-9);
    // Emissions: km × factor × t/TEU.
    assert!((pricing::leg(&p, r4).co2e_kg - r4.length_km() * 0.01 * 10.0).abs() < 1e-9);
    assert!((pricing::leg(&p, r1).co2e_kg - r1.length_km() * 0.03 * 10.0).abs() < 1e-9);
}

/// A passage listed by consecutive legs (a strait between two lanes, a sea of many legs) is
/// charged once where a route enters it: with `hormuz` on both legs of the strait, the
/// embedded network's INSTC paid the present's Hormuz wait twice.
#[test]
fn a_passage_is_charged_once_per_transit() {
    let atlas = mini();
    let net = atlas.network();
    let p = params();
    let canal = net.leg_by_id("s3").unwrap();
    // Twins of the canal leg: one inside the same passage, one outside any.
    let (nodes, mut legs) = net.clone().into_parts();
    let mut inside = net.leg(canal).clone();
    inside.id = "s3-inside".into();
    let mut outside = net.leg(canal).clone();
    outside.id = "s3-outside".into();
    outside.passages.clear();
    legs.push(inside);
    legs.push(outside);
    let net = crate::network::Network::from_parts(nodes, legs);
    let model = CostModel::new(&net, p);
    let arc = |id: &str| crate::routing::ArcIx(2 * net.leg_by_id(id).unwrap().0);
    // Entering the canal from the origin costs the fixture's toll (USD 1,000) and dwell (24 h)
    // on top of what the same start outside the canal costs.
    let (with, reasons) = model.stop(None, Some(arc("s3")));
    let (without, _) = model.stop(None, Some(arc("s3-outside")));
    assert!(reasons.contains(StopReason::Passage));
    assert!(
        (with.usd - without.usd - 1000.0).abs() < 1e-9,
        "{with:?} {without:?}"
    );
    assert!(
        (with.hours - without.hours - 24.0).abs() < 1e-9,
        "{with:?} {without:?}"
    );
    // A second leg in the same passage charges nothing more …
    let (m, reasons) = model.stop(Some(arc("s3")), Some(arc("s3-inside")));
    assert!(!reasons.contains(StopReason::Passage), "{reasons:?}");
    assert_eq!((m.usd, m.hours), (0.0, 0.0));
    // … nor does leaving it for a leg outside it.
    let (m, reasons) = model.stop(Some(arc("s3")), Some(arc("s3-outside")));
    assert!(!reasons.contains(StopReason::Passage), "{reasons:?}");
    assert_eq!((m.usd, m.hours), (0.0, 0.0));
    // Entering it from outside charges it again.
    let (m, reasons) = model.stop(Some(arc("s3-outside")), Some(arc("s3")));
    assert!(reasons.contains(StopReason::Passage), "{reasons:?}");
    assert!(
        (m.usd - 1000.0).abs() < 1e-9 && (m.hours - 24.0).abs() < 1e-9,
        "{m:?}"
    );
}
