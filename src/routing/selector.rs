//! What a name given to `--via` or `--avoid` (or used in a corridor rule) refers to, and how it
//! becomes router requirements and restrictions.

use super::atlas::Atlas;
use super::corridors::Corridor;
use super::router::{MAX_REQUIREMENTS, Requirement, Restrictions};
use super::suggest::closest;
use crate::error::{Error, Result};
use crate::network::{Leg, LegIx, Mode, Network, Node, NodeIx, Status, fold};

/// A thing a route can be made to pass or avoid.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A corridor rule (its requirements and avoidances).
    Corridor(Corridor),
    /// A strait or canal, by passage id.
    Passage(String),
    /// A node.
    Node(NodeIx),
    /// A country, ISO 3166-1 alpha-2.
    Country(String),
    /// A mode of transport.
    Mode(Mode),
    /// One leg, by id (`leg:rail-qazvin-rasht`).
    Leg(LegIx),
}

impl Target {
    /// Short words for messages: `passage suez`, `country IR`.
    #[must_use]
    pub fn describe(&self, net: &Network) -> String {
        match self {
            Target::Corridor(c) => format!("corridor {}", c.id),
            Target::Passage(p) => format!("passage {p}"),
            Target::Node(n) => format!("node {}", net.node(*n).id),
            Target::Country(c) => format!("country {c}"),
            Target::Mode(m) => format!("mode {m}"),
            Target::Leg(l) => format!("leg {}", net.leg(*l).id),
        }
    }

    /// The shortest words for a label: `Suez Canal`, `suez`, `Baku`, `IR`.
    #[must_use]
    pub fn short(&self, net: &Network) -> String {
        match self {
            Target::Corridor(c) => c.name.clone(),
            Target::Passage(p) => p.clone(),
            Target::Node(n) => net.node(*n).name.clone(),
            Target::Country(c) => c.clone(),
            Target::Mode(m) => m.to_string(),
            Target::Leg(l) => net.leg(*l).id.clone(),
        }
    }
}

/// English names of the countries a user may type instead of a code (those of the corridor and
/// its competitors).
const COUNTRY_NAMES: [(&str, &str); 30] = [
    ("IN", "India"),
    ("IR", "Iran"),
    ("AZ", "Azerbaijan"),
    ("RU", "Russia"),
    ("TM", "Turkmenistan"),
    ("KZ", "Kazakhstan"),
    ("UZ", "Uzbekistan"),
    ("AF", "Afghanistan"),
    ("AM", "Armenia"),
    ("GE", "Georgia"),
    ("TR", "Turkey"),
    ("EG", "Egypt"),
    ("FI", "Finland"),
    ("NL", "Netherlands"),
    ("DE", "Germany"),
    ("BE", "Belgium"),
    ("FR", "France"),
    ("GB", "United Kingdom"),
    ("DK", "Denmark"),
    ("SE", "Sweden"),
    ("PL", "Poland"),
    ("EE", "Estonia"),
    ("LV", "Latvia"),
    ("LT", "Lithuania"),
    ("PK", "Pakistan"),
    ("OM", "Oman"),
    ("AE", "United Arab Emirates"),
    ("SA", "Saudi Arabia"),
    ("YE", "Yemen"),
    ("ZA", "South Africa"),
];

/// The ISO code for a country code or English name, if the network knows that country.
fn country_code(net: &Network, text: &str) -> Option<String> {
    let known = net.countries();
    let upper = text.trim().to_ascii_uppercase();
    if known.contains(&upper) {
        return Some(upper);
    }
    let f = fold(text);
    COUNTRY_NAMES
        .iter()
        .find(|(code, name)| fold(name) == f && known.iter().any(|k| k == code))
        .map(|(c, _)| (*c).to_string())
}

/// Resolves a name. `kind:name` forces the kind (`corridor:`, `passage:`, `node:`,
/// `country:`, `mode:`, `leg:`); a bare name is tried as a corridor, a passage, a mode, a
/// country and then a place.
///
/// # Errors
/// [`Error::UnknownName`] with close names when nothing matches; the place errors of
/// [`super::places::Gazetteer::resolve`] for `node:` names.
pub fn resolve(atlas: &Atlas, name: &str) -> Result<Target> {
    let (net, corridors) = (atlas.network(), atlas.corridors());
    let unknown = || Error::UnknownName {
        query: name.to_string(),
        suggestions: closest(
            name,
            corridors
                .list()
                .iter()
                .map(|c| c.id.as_str())
                .chain(passage_ids(net).iter().map(String::as_str))
                .chain(net.nodes().iter().map(|n| n.name.as_str()))
                .collect::<Vec<_>>()
                .into_iter(),
        ),
    };
    if let Some((kind, rest)) = name.split_once(':') {
        let rest = rest.trim();
        return match kind.trim().to_ascii_lowercase().as_str() {
            "corridor" => corridors
                .get(rest)
                .cloned()
                .map(Target::Corridor)
                .ok_or_else(unknown),
            "passage" => passage_ids(net)
                .contains(&rest.to_string())
                .then(|| Target::Passage(rest.into()))
                .ok_or_else(unknown),
            "node" | "place" => atlas.place(rest, 0.0).map(|r| Target::Node(r.node)),
            "country" => country_code(net, rest)
                .map(Target::Country)
                .ok_or_else(unknown),
            "mode" => rest.parse().map(Target::Mode).map_err(|_| unknown()),
            "leg" => net.leg_by_id(rest).map(Target::Leg).ok_or_else(unknown),
            _ => Err(unknown()),
        };
    }
    let key = name.trim().to_ascii_lowercase();
    if let Some(c) = corridors.get(&key) {
        return Ok(Target::Corridor(c.clone()));
    }
    let passages = passage_ids(net);
    if let Some(p) = passages.iter().find(|p| fold(p) == fold(name)) {
        return Ok(Target::Passage(p.clone()));
    }
    if let Ok(m) = key.parse::<Mode>() {
        return Ok(Target::Mode(m));
    }
    if let Some(c) = country_code(net, name) {
        return Ok(Target::Country(c));
    }
    match atlas.place(name, 0.0) {
        Ok(r) => Ok(Target::Node(r.node)),
        Err(
            Error::UnknownPlace { .. } | Error::BadCoordinate { .. } | Error::SnapTooFar { .. },
        ) => Err(unknown()),
        Err(e) => Err(e),
    }
}

/// Resolves a name of a corridor rule: as [`resolve`], but a `passage:` or `country:` name the
/// network does not have is `None` (a corridor written for another network: nothing to avoid,
/// and a requirement no route can meet) instead of an error.
///
/// # Errors
/// The errors of [`resolve`] for any other name it cannot resolve.
pub fn resolve_rule(atlas: &Atlas, name: &str) -> Result<Option<Target>> {
    if let Some((kind, rest)) = name.split_once(':') {
        let (kind, rest) = (kind.trim().to_ascii_lowercase(), rest.trim());
        let absent = match kind.as_str() {
            "passage" => !passage_ids(atlas.network()).iter().any(|p| p == rest),
            "country" => {
                rest.len() == 2
                    && rest.bytes().all(|b| b.is_ascii_alphabetic())
                    && country_code(atlas.network(), rest).is_none()
            }
            _ => false,
        };
        if absent {
            return Ok(None);
        }
    }
    resolve(atlas, name).map(Some)
}

fn passage_ids(net: &Network) -> Vec<String> {
    net.passages().into_iter().map(|(id, _)| id).collect()
}

/// Legs and nodes a target covers: what a route to pass it may use, and what avoiding it
/// removes.
fn cover(atlas: &Atlas, t: &Target) -> Result<(Vec<LegIx>, Vec<NodeIx>)> {
    let net = atlas.network();
    let legs_where = |f: &dyn Fn(&Leg) -> bool| -> Vec<LegIx> {
        net.indexed_legs()
            .filter(|(_, l)| f(l))
            .map(|(i, _)| i)
            .collect()
    };
    let nodes_where = |f: &dyn Fn(&Node) -> bool| -> Vec<NodeIx> {
        net.indexed_nodes()
            .filter(|(_, n)| f(n))
            .map(|(i, _)| i)
            .collect()
    };
    Ok(match t {
        Target::Passage(p) => (
            legs_where(&|l| l.passages.iter().any(|x| x == p)),
            nodes_where(&|n| n.passage.as_deref() == Some(p.as_str())),
        ),
        Target::Node(n) => (Vec::new(), vec![*n]),
        Target::Country(c) => (
            legs_where(&|l| l.countries.iter().any(|x| x == c)),
            nodes_where(&|n| n.country.as_deref() == Some(c.as_str())),
        ),
        Target::Mode(m) => (legs_where(&|l| l.mode == *m), Vec::new()),
        Target::Leg(l) => (vec![*l], Vec::new()),
        Target::Corridor(c) => {
            // Avoiding a corridor avoids everything its rules require.
            let mut legs = Vec::new();
            let mut nodes = Vec::new();
            for alt in c.pass.iter().flatten() {
                if let Some(t) = resolve_rule(atlas, alt)? {
                    let (l, n) = cover(atlas, &t)?;
                    legs.extend(l);
                    nodes.extend(n);
                }
            }
            (legs, nodes)
        }
    })
}

/// Routing constraints built from the names to pass, the names to avoid and the status filter.
#[derive(Debug, Clone, Default)]
pub struct Constraints {
    /// Requirements for the router.
    pub requirements: Vec<Requirement>,
    /// Restrictions for the router.
    pub restrictions: Restrictions,
    /// Words describing the constraints, for messages.
    pub description: Vec<String>,
    /// True when legs that are not operational were left out.
    pub operational_only: bool,
}

/// Builds router constraints.
///
/// `include_planned` makes legs under construction, planned or suspended routable.
///
/// # Errors
/// Resolution errors of corridor rules, and [`Error::TooManyRequirements`] when the request
/// needs more than [`MAX_REQUIREMENTS`] requirements.
pub fn constraints(
    atlas: &Atlas,
    via: &[Target],
    avoid: &[Target],
    include_planned: bool,
) -> Result<Constraints> {
    let net = atlas.network();
    let mut requirements = Vec::new();
    let mut avoided: Vec<Target> = avoid.to_vec();
    let mut description = Vec::new();
    for t in via {
        description.push(format!("via {}", t.describe(net)));
        match t {
            Target::Corridor(c) => {
                for alts in &c.pass {
                    let mut req = Requirement::default();
                    let mut missing = Vec::new();
                    for a in alts {
                        match resolve_rule(atlas, a)? {
                            Some(t) => {
                                let (l, n) = cover(atlas, &t)?;
                                req.legs.extend(l);
                                req.nodes.extend(n);
                            }
                            None => missing.push(a.as_str()),
                        }
                    }
                    if missing.len() == alts.len() {
                        // No route can meet it: say why rather than leave it to the router.
                        if let Some(d) = description.last_mut() {
                            d.push_str(&format!(
                                " (which needs {}, not in this network)",
                                missing.join(" or ")
                            ));
                        }
                    }
                    requirements.push(req);
                }
                for a in &c.avoid {
                    if let Some(t) = resolve_rule(atlas, a)? {
                        avoided.push(t);
                    }
                }
            }
            other => {
                let (legs, nodes) = cover(atlas, other)?;
                requirements.push(Requirement { legs, nodes });
            }
        }
    }
    if requirements.len() > MAX_REQUIREMENTS {
        return Err(Error::TooManyRequirements {
            count: requirements.len(),
            max: MAX_REQUIREMENTS,
        });
    }
    let mut restrictions = Restrictions {
        leg_allowed: net
            .legs()
            .iter()
            .map(|l| include_planned || l.status == Status::Operational)
            .collect(),
        node_allowed: vec![true; net.nodes().len()],
    };
    for t in &avoided {
        description.push(format!("avoiding {}", t.describe(net)));
        let (legs, nodes) = cover(atlas, t)?;
        for l in legs {
            restrictions.leg_allowed[l.ix()] = false;
        }
        for n in nodes {
            restrictions.node_allowed[n.ix()] = false;
        }
    }
    let operational_only =
        !include_planned && net.legs().iter().any(|l| l.status != Status::Operational);
    if operational_only {
        description.push("on operational legs only".into());
    }
    Ok(Constraints {
        requirements,
        restrictions,
        description,
        operational_only,
    })
}
