//! Properties every answer keeps, over random places of the embedded network (proptest,
//! seeded so that a run is repeatable): what is avoided never appears in a route, what is
//! asked for through `via` always does, a route by distance is never longer than the route by
//! time, a comparison's route is never worse on its objective than `find` with the same
//! constraints, and every number is finite and not negative.

use std::sync::LazyLock;

use corridor::model::{CostModel, Objective, Params, RouteReport};
use corridor::network::NodeKind;
use corridor::questions::{compare, find};
use corridor::{Assumptions, Atlas};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

static ATLAS: LazyLock<Atlas> = LazyLock::new(|| Atlas::embedded().unwrap());
static MODEL: LazyLock<CostModel<'static>> = LazyLock::new(|| {
    CostModel::new(
        ATLAS.network(),
        Params::from_assumptions(&Assumptions::embedded().unwrap()).unwrap(),
    )
});

/// The places cargo starts from or goes to, by id.
fn places() -> Vec<String> {
    ATLAS
        .network()
        .nodes()
        .iter()
        .filter(|n| !matches!(n.kind, NodeKind::Junction | NodeKind::Passage))
        .map(|n| n.id.clone())
        .collect()
}

/// What can be avoided, and how to see it in a route.
const AVOIDABLE: &[&str] = &[
    "passage:suez",
    "passage:bab-el-mandeb",
    "passage:hormuz",
    "country:IR",
    "country:AZ",
    "country:KZ",
    "mode:road",
    "mode:rail",
    "node:tehran",
    "node:baku",
];

/// What a `via` can ask for.
const VIAS: &[&str] = &[
    "passage:hormuz",
    "country:KZ",
    "node:baku",
    "mode:rail",
    "country:TM",
];

fn uses(r: &RouteReport, name: &str) -> bool {
    let (kind, id) = name.split_once(':').unwrap();
    match kind {
        "passage" => r.passages.iter().any(|p| p == id),
        "country" => r.countries.iter().any(|c| c == id),
        "mode" => r.legs.iter().any(|l| l.mode.as_str() == id),
        "node" => r.legs.iter().any(|l| l.from == id || l.to == id),
        _ => unreachable!("only the kinds listed above"),
    }
}

fn numbers_sane(r: &RouteReport) -> bool {
    let v = serde_json::to_value(r).unwrap();
    fn walk(v: &serde_json::Value, key: &str) -> bool {
        match v {
            serde_json::Value::Number(n) => {
                let x = n.as_f64().unwrap();
                x.is_finite() && (x >= 0.0 || key == "position" || key == "geometry")
            }
            serde_json::Value::Array(a) => a.iter().all(|x| walk(x, key)),
            serde_json::Value::Object(o) => o.iter().all(|(k, x)| walk(x, k)),
            _ => true,
        }
    }
    walk(&v, "")
}

fn route(
    from: &str,
    to: &str,
    via: &[&str],
    avoid: &[&str],
    objective: Objective,
) -> Option<RouteReport> {
    let q = find::Query {
        from: from.into(),
        to: to.into(),
        via: via.iter().map(|s| (*s).to_string()).collect(),
        avoid: avoid.iter().map(|s| (*s).to_string()).collect(),
        objective,
        include_planned: false,
        ..Default::default()
    };
    let req = q.resolve(&ATLAS).ok()?;
    find::run(&ATLAS, &MODEL, &req).ok()
}

fn config() -> Config {
    Config {
        cases: 64,
        rng_seed: RngSeed::Fixed(20_261_202),
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn avoided_never_appears_and_via_always_does(
        a in 0usize..1000, b in 0usize..1000, x in 0usize..AVOIDABLE.len(), v in 0usize..VIAS.len(),
    ) {
        let p = places();
        let (from, to) = (&p[a % p.len()], &p[b % p.len()]);
        prop_assume!(from != to);
        let avoid = AVOIDABLE[x];
        if let Some(r) = route(from, to, &[], &[avoid], Objective::Time) {
            // An avoided node may still be an end; a passage, country or mode may not appear.
            let end = avoid.strip_prefix("node:").is_some_and(|n| n == from || n == to);
            let country_end = avoid.strip_prefix("country:").is_some_and(|c| {
                let net = ATLAS.network();
                [from, to].iter().any(|id| net.node(net.node_by_id(id).unwrap()).country.as_deref() == Some(c))
            });
            prop_assert!(end || country_end || !uses(&r, avoid), "{from} → {to} avoiding {avoid}: {:?}", r.legs.iter().map(|l| &l.id).collect::<Vec<_>>());
            prop_assert!(numbers_sane(&r));
        }
        let via = VIAS[v];
        if let Some(r) = route(from, to, &[via], &[], Objective::Time) {
            prop_assert!(uses(&r, via), "{from} → {to} via {via}");
            prop_assert!(numbers_sane(&r));
        }
    }

    #[test]
    fn by_distance_is_never_longer_than_by_time(a in 0usize..1000, b in 0usize..1000) {
        let p = places();
        let (from, to) = (&p[a % p.len()], &p[b % p.len()]);
        prop_assume!(from != to);
        if let (Some(d), Some(t)) = (
            route(from, to, &[], &[], Objective::Distance),
            route(from, to, &[], &[], Objective::Time),
        ) {
            prop_assert!(d.distance_km <= t.distance_km * (1.0 + 1e-9), "{from} → {to}: {} > {}", d.distance_km, t.distance_km);
            prop_assert!(t.time_hours <= d.time_hours * (1.0 + 1e-9));
        }
    }

    #[test]
    fn a_comparison_route_is_never_worse_than_find_under_its_corridor(a in 0usize..1000, by in 0usize..4) {
        let p = places();
        let from = &p[a % p.len()];
        prop_assume!(from != "moscow");
        let objective = Objective::ALL[by];
        let q = compare::Query { from: from.clone(), via: vec!["suez".into()], objective, ..Default::default() };
        let Ok(req) = q.resolve(&ATLAS) else { return Ok(()) };
        let Ok(c) = compare::run(&ATLAS, &MODEL, &req) else { return Ok(()) };
        for r in &c.routes {
            let corridor = r.route.corridor.clone().unwrap();
            let f = route(from, "moscow", &[&format!("corridor:{corridor}")], &[], objective).unwrap();
            let key = |x: &RouteReport| objective.pick(&x.metrics());
            prop_assert!(key(&r.route) <= key(&f) * (1.0 + 1e-9), "{from}: {corridor}");
            prop_assert!(numbers_sane(&r.route));
        }
    }
}
