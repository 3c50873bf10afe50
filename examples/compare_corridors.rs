//! Uses the `corridor` library the way another program would: load the embedded network and
//! assumptions, compare the INSTC with the Suez route, then ask what a 20 % dearer sea
//! freight would change.
//!
//!     cargo run --example compare_corridors

use corridor::model::{CostModel, Params};
use corridor::questions::compare;
use corridor::{Assumptions, Atlas};

fn main() -> Result<(), corridor::Error> {
    let atlas = Atlas::embedded()?;
    let mut assumptions = Assumptions::embedded()?;
    let query = compare::Query {
        via: vec!["suez".into()],
        ..Default::default()
    };
    let req = query.resolve(&atlas)?;

    for scenario in ["defaults", "sea freight +20 %"] {
        if scenario != "defaults" {
            let rate = assumptions.require("cost.sea.container")?;
            assumptions.set("cost.sea.container", rate * 1.2, "example")?;
        }
        let model = CostModel::new(atlas.network(), Params::from_assumptions(&assumptions)?);
        let c = compare::run(&atlas, &model, &req)?;
        println!("{scenario}: {} → {}", c.from.name, c.to.name);
        for r in &c.routes {
            let x = &r.route;
            println!(
                "  {:<40} {:>7.0} km {:>5.1} days {:>6.0} USD/TEU {:>5.2} t CO2e  ({:+.0}% time vs {})",
                x.label,
                x.distance_km,
                x.time_days,
                x.cost_usd,
                x.co2e_kg / 1000.0,
                r.vs_reference.time_pct,
                c.routes[0].route.label
            );
        }
    }
    Ok(())
}
