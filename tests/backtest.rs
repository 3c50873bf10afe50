//! The model against real shipments and published service times it was not fitted to
//! (data/observations.toml), each routed as it ran in the scenarios in force at its date.

use corridor::model::Scenarios;
use corridor::questions::{backtest, observations};
use corridor::{Assumptions, Atlas};

fn run() -> backtest::Backtest {
    let atlas = Atlas::embedded().unwrap();
    let assumptions = Assumptions::embedded().unwrap();
    let scenarios = Scenarios::embedded().unwrap();
    let inputs = backtest::Inputs {
        network: atlas.network(),
        corridors: atlas.corridors(),
        assumptions: &assumptions,
        overrides: &[],
        scenarios: &scenarios,
    };
    backtest::run(&inputs, &observations::embedded().unwrap()).unwrap()
}

/// The bound: the median absolute error over the observations no default or profile
/// was fitted to is under 15 %. The worst cases are printed, so a failure shows what moved.
#[test]
fn median_error_on_independent_observations_is_under_15_percent() {
    let b = run();
    println!("worst misses:");
    for c in b.worst(8) {
        println!(
            "  {} ({}): observed {} d, model {:.1} d, {:+.0} %: {}",
            c.id,
            c.date,
            c.observed_days,
            c.model_days.unwrap_or(f64::NAN),
            c.error.unwrap_or(f64::NAN) * 100.0,
            c.route
        );
    }
    let unrouted: Vec<&str> = b
        .cases
        .iter()
        .filter(|c| c.model_days.is_none())
        .map(|c| c.route.as_str())
        .collect();
    assert!(
        unrouted.is_empty(),
        "observations without a route: {unrouted:#?}"
    );
    // A bound met by dropping observations would be no bound: the file keeps at least 30
    // that nothing was fitted to.
    assert!(
        b.independent >= 30,
        "only {} independent observations",
        b.independent
    );
    let m = b.median_abs_error.unwrap();
    println!(
        "median absolute error {:.1} % over {}",
        m * 100.0,
        b.independent
    );
    assert!(m < 0.15, "median absolute error {:.1} %", m * 100.0);
}

/// Every observation names the scenarios of its date: one from the Red Sea crisis is routed
/// with it, one from 2016 in the normal world, and the routes to Russia keep the Red Sea.
#[test]
fn observations_are_routed_in_the_world_of_their_date() {
    let b = run();
    let case = |id: &str| b.cases.iter().find(|c| c.id == id).unwrap();
    assert!(case("pilot-2016-mumbai-vorsino").scenarios.is_empty());
    let cape = case("transolve-2024-india-rotterdam-cape");
    assert!(
        cape.scenarios.contains(&"red-sea-crisis".to_string()),
        "{cape:?}"
    );
    assert!(cape.route.contains("cape"), "{}", cape.route);
    let fesco = case("fesco-2024-novorossiysk-nhava-sheva-16d");
    assert!(fesco.scenarios.contains(&"red-sea-crisis".to_string()));
    assert!(fesco.route.contains("bab-el-mandeb"), "{}", fesco.route);
}
