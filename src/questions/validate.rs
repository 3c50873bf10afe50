//! Checks beyond loading: corridors that name things the network lacks, connectivity, isolated
//! nodes and legs whose length disagrees with a published figure.

use std::fmt;

use crate::routing::{Atlas, selector};

/// Result of [`run`]: errors make `route validate` fail, warnings are informative.
#[derive(Debug, Clone, Default)]
pub struct Validation {
    /// Nodes in the network.
    pub nodes: usize,
    /// Legs in the network.
    pub legs: usize,
    /// Junction nodes the loader made where lines without `from`/`to` meet.
    pub junctions: usize,
    /// Connected components (legs taken both ways).
    pub components: usize,
    /// Problems that make the data unusable.
    pub errors: Vec<String>,
    /// Things worth a look.
    pub warnings: Vec<String>,
}

impl Validation {
    /// True when there are no errors.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

impl fmt::Display for Validation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "network: {} nodes ({} made where lines meet), {} legs, {} connected component(s)",
            self.nodes, self.junctions, self.legs, self.components
        )?;
        for e in &self.errors {
            writeln!(f, "error: {e}")?;
        }
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        write!(f, "{}", if self.is_ok() { "ok" } else { "FAILED" })
    }
}

/// Largest gap between a leg's drawn (geodesic) length and its published `length_km` that
/// passes without a warning, as a fraction. The published length governs routing, so a wider
/// gap is informational: the drawing misses the line's bends.
pub const PUBLISHED_TOLERANCE: f64 = 0.10;

/// Checks a loaded atlas (the loader has already checked every feature).
#[must_use]
pub fn run(atlas: &Atlas) -> Validation {
    let net = atlas.network();
    let mut r = Validation {
        nodes: net.nodes().len(),
        legs: net.legs().len(),
        junctions: net.junctions_made(),
        ..Validation::default()
    };
    for c in atlas.corridors().list() {
        for (name, pass) in c
            .pass
            .iter()
            .flatten()
            .map(|n| (n, true))
            .chain(c.avoid.iter().map(|n| (n, false)))
        {
            match selector::resolve_rule(atlas, name) {
                Err(e) => r.errors.push(format!("corridor {}: {e}", c.id)),
                // A corridor written for another network (the embedded corridors on yours).
                Ok(None) if pass => r.warnings.push(format!(
                    "corridor {} needs {name}, which this network lacks: it routes only where another entry of the same rule is met",
                    c.id
                )),
                Ok(None) => r.warnings.push(format!(
                    "corridor {} avoids {name}, which this network lacks: nothing to avoid",
                    c.id
                )),
                Ok(Some(_)) => {}
            }
        }
    }
    // Components over undirected adjacency.
    let mut comp = vec![usize::MAX; net.nodes().len()];
    let mut adj = vec![Vec::new(); net.nodes().len()];
    for l in net.legs() {
        adj[l.from.ix()].push(l.to.ix());
        adj[l.to.ix()].push(l.from.ix());
    }
    for start in 0..net.nodes().len() {
        if comp[start] != usize::MAX {
            continue;
        }
        if adj[start].is_empty() {
            r.warnings
                .push(format!("node {} has no legs", net.nodes()[start].id));
            comp[start] = r.components;
            continue;
        }
        let id = r.components;
        r.components += 1;
        let mut stack = vec![start];
        comp[start] = id;
        while let Some(n) = stack.pop() {
            for &m in &adj[n] {
                if comp[m] == usize::MAX {
                    comp[m] = id;
                    stack.push(m);
                }
            }
        }
    }
    if r.components > 1 {
        r.warnings.push(format!(
            "the legs form {} separate networks; routes cannot cross between them",
            r.components
        ));
    }
    for l in net.legs() {
        if let Some(p) = l.published_km {
            let gap = (l.drawn_km - p) / p;
            if gap.abs() > PUBLISHED_TOLERANCE {
                r.warnings.push(format!(
                    "leg {}: the drawing ({:.0} km) is {:+.0}% off the published {p:.0} km, which routes use",
                    l.id,
                    l.drawn_km,
                    gap * 100.0
                ));
            }
        }
        if l.drawn_km <= 0.0 {
            r.warnings.push(format!("leg {} has zero length", l.id));
        }
        // A land leg that crosses a border along the way: the route stops at nodes only, so
        // no border is charged or counted there (right for a sealed transit, a data gap for a
        // crossing whose post is a node a little way back).
        if !l.mode.is_water() && l.countries.windows(2).any(|w| w[0] != w[1]) {
            r.warnings.push(format!(
                "leg {} crosses {} along the way: no border stop is charged or counted there",
                l.id,
                l.countries.join(" → ")
            ));
        }
    }
    r
}
