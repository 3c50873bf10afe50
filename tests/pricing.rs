//! One pricing path: a route's reported totals are the sum of its legs and stops, equal what
//! the router minimised, and equal what Monte Carlo's re-pricing gives at the central values,
//! under every objective, between random places of the embedded network.

use std::sync::LazyLock;

use corridor::model::pricing::{Repricing, price_path};
use corridor::model::{CostModel, Objective, Params, report};
use corridor::network::NodeIx;
use corridor::routing::{Restrictions, Router};
use corridor::{Assumptions, Atlas};
use proptest::prelude::*;

static ATLAS: LazyLock<Atlas> = LazyLock::new(|| Atlas::embedded().unwrap());
static PARAMS: LazyLock<Params> =
    LazyLock::new(|| Params::from_assumptions(&Assumptions::embedded().unwrap()).unwrap());

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn totals_are_the_sum_of_legs_and_stops(a in 0u32..1000, b in 0u32..1000, by in 0usize..4) {
        let atlas = &*ATLAS;
        let n = u32::try_from(atlas.network().nodes().len()).unwrap();
        let (from, to) = (NodeIx(a % n), NodeIx(b % n));
        let objective = Objective::ALL[by];
        let model = CostModel::new(atlas.network(), PARAMS.clone());
        let Some(path) = Router::new().shortest(
            atlas.graph(),
            &model.weigher(objective),
            from,
            to,
            &[],
            &Restrictions::default(),
        ) else {
            return Ok(());
        };
        let r = report::build(&model, &path, String::new(), None, objective);
        let legs = |f: &dyn Fn(&corridor::model::report::LegReport) -> f64| r.legs.iter().map(f).sum::<f64>();
        let stops = |f: &dyn Fn(&corridor::model::report::StopReport) -> f64| r.stops.iter().map(f).sum::<f64>();
        prop_assert!(close(r.distance_km, legs(&|l| l.distance_km)));
        prop_assert!(close(r.time_hours, legs(&|l| l.time_hours) + stops(&|s| s.time_hours)));
        prop_assert!(close(r.cost_usd, legs(&|l| l.cost_usd) + stops(&|s| s.cost_usd)));
        prop_assert!(close(r.co2e_kg, legs(&|l| l.co2e_kg) + stops(&|s| s.co2e_kg)));
        prop_assert!(close(r.stop_hours, stops(&|s| s.time_hours)));
        // The router minimised exactly the reported figure (stops are free by distance).
        prop_assert!(close(path.weight, objective.pick(&r.metrics())));
        // Monte Carlo's re-pricing at the central values gives the same totals.
        let net = atlas.network();
        let again = price_path(&Repricing { params: &PARAMS, network: net }, net, &path, |_| {});
        prop_assert!(close(again.hours, r.time_hours) && close(again.usd, r.cost_usd));
        prop_assert!(close(again.km, r.distance_km) && close(again.co2e_kg, r.co2e_kg));
    }
}
