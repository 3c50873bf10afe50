//! Scenarios: reading, includes, periods, spared countries, the embedded file.

use super::*;

#[test]
fn includes_apply_first_and_once_and_cycles_are_named() {
    let s = Scenarios::parse(
        "[a]\nset = { \"x.y\" = 1.0 }\n[b]\nincludes = [\"a\"]\navoid = [\"suez\"]\n[c]\nincludes = [\"a\", \"b\"]\n",
        "s.toml",
    )
    .unwrap();
    let w = s.world(&["c".into()]).unwrap();
    assert_eq!(w.scenarios, ["a", "b", "c"]);
    assert_eq!(
        w.set,
        [("x.y".to_string(), Value::Plain(1.0), "a".to_string())]
    );
    let e = Scenarios::parse(
        "[a]\nincludes = [\"b\"]\n[b]\nincludes = [\"a\"]\n",
        "s.toml",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "scenarios include one another in a cycle: a → b → a"
    );
    let e = Scenarios::parse("[a]\nincludes = [\"nope\"]\n", "s.toml").unwrap_err();
    assert_eq!(
        e.to_string(),
        "s.toml: scenario \"a\": includes unknown scenario \"nope\""
    );
    let e = Scenarios::parse("[a]\nstatus = { l = \"open\" }\n", "s.toml").unwrap_err();
    assert!(e.to_string().contains("unknown status \"open\""), "{e}");
}

#[test]
fn periods_hold_their_dates_and_avoidances_spare_the_named_countries() {
    let s = Scenarios::parse(
        "[war]\navoid = [\"passage:x\"]\nspare_countries = [\"RU\"]\nin_force_from = \"2023-12-15\"\nin_force_until = \"2025-01-01\"\n[whatif]\navoid = [\"node:y\"]\n",
        "s.toml",
    )
    .unwrap();
    let ids = |d: &str| -> Vec<String> { s.in_force(d).iter().map(|x| x.id.clone()).collect() };
    assert!(ids("2023-12-14").is_empty());
    assert_eq!(ids("2023-12-15"), ["war"]);
    assert_eq!(ids("2024"), ["war"]);
    assert!(
        ids("2025-01").is_empty(),
        "the until day is outside the period"
    );
    assert!(
        ids("2023-12").is_empty(),
        "a month is read as its first day"
    );
    let w = s.world(&["war".into(), "whatif".into()]).unwrap();
    let names = |from, to| -> Vec<String> {
        w.avoid_between(from, to)
            .iter()
            .map(|a| a.name.clone())
            .collect()
    };
    assert_eq!(names(Some("IN"), Some("NL")), ["passage:x", "node:y"]);
    assert_eq!(names(Some("IN"), Some("RU")), ["node:y"]);
    assert_eq!(names(Some("RU"), None), ["node:y"]);
    let e = Scenarios::parse("[a]\nin_force_from = \"2024\"\n", "s.toml").unwrap_err();
    assert!(
        e.to_string()
            .contains("`in_force_from` \"2024\" is not a YYYY-MM-DD date"),
        "{e}"
    );
    let e = Scenarios::parse("[a]\nspare_countries = [\"Russia\"]\n", "s.toml").unwrap_err();
    assert!(
        e.to_string().contains("\"Russia\" is not an ISO 3166"),
        "{e}"
    );
}

#[test]
fn the_present_is_every_scenario_in_force_at_its_date() {
    let s = Scenarios::embedded().unwrap();
    let present = s.get("present").unwrap();
    let date = present.as_of.as_deref().unwrap();
    let mut in_force: Vec<&str> = s.in_force(date).iter().map(|x| x.id.as_str()).collect();
    let mut includes: Vec<&str> = present.includes.iter().map(String::as_str).collect();
    in_force.sort_unstable();
    includes.sort_unstable();
    assert_eq!(in_force, includes);
    // Every period of the present is still open.
    assert!(s.in_force(date).iter().all(|x| x.in_force_until.is_none()));
}

#[test]
fn the_embedded_scenarios_read_and_present_is_the_default() {
    let s = Scenarios::embedded().unwrap();
    assert_eq!(s.default_scenario().map(|d| d.id.as_str()), Some("present"));
    for id in [
        "normal",
        "red-sea-crisis",
        "rasht-astara-built",
        "finland-border-closed",
    ] {
        let x = s.get(id).unwrap();
        assert!(!x.sources.is_empty() && !x.rationale.is_empty(), "{id}");
    }
}
