//! The parameter registry: every entry is a settable scenario field holding its default, ranges
//! are consistent, and docs/MODEL.md's parameter table is the one the registry renders.
//!
//! After changing the registry, regenerate the table with
//! `UPDATE_DOCS=1 cargo test -p dialoglab-engine --test registry`.

use dialoglab_engine::registry::{self, Kind};
use dialoglab_engine::{Scenario, ScenarioError};
use serde_json::json;

#[test]
fn every_entry_is_a_settable_field_holding_its_default() {
    let default = Scenario::default();
    let tree = serde_json::to_value(&default).unwrap();
    for p in registry::parameters() {
        let node = p
            .path
            .split('.')
            .try_fold(&tree, |node, part| match part.parse::<usize>() {
                Ok(k) => node.get(k),
                Err(_) => node.get(part),
            })
            .unwrap_or_else(|| panic!("{}: no such scenario field", p.path));
        assert_eq!(
            node.as_f64(),
            Some(p.default),
            "{}: the default scenario holds {node}, the registry says {}",
            p.path,
            p.default
        );
        assert!(
            ((p.get)(&default) - p.default).abs() < 1e-12,
            "{}: getter",
            p.path
        );
        // Setting the value through the dotted path lands in the field the getter reads.
        let mut s = Scenario::default();
        let probe = if p.high > p.default { p.high } else { p.low };
        s.set_path(p.path, json!(probe))
            .unwrap_or_else(|e| panic!("{}: {e}", p.path));
        assert!(((p.get)(&s) - probe).abs() < 1e-12, "{}: set_path", p.path);
        s.validate()
            .unwrap_or_else(|e| panic!("{}: the plausible end {probe} must run: {e}", p.path));
    }
}

#[test]
fn ranges_are_ordered_and_entries_documented() {
    let mut paths: Vec<&str> = registry::parameters().iter().map(|p| p.path).collect();
    for p in registry::parameters() {
        assert!(
            p.min <= p.low && p.low <= p.default && p.default <= p.high && p.high <= p.max,
            "{}: need min ≤ low ≤ default ≤ high ≤ max, got {} ≤ {} ≤ {} ≤ {} ≤ {}",
            p.path,
            p.min,
            p.low,
            p.default,
            p.high,
            p.max
        );
        assert!(p.low < p.high, "{}: an empty plausible range", p.path);
        assert!(!p.unit.is_empty() && !p.meaning.is_empty(), "{}", p.path);
        assert!(!p.source.is_empty(), "{}: no source", p.path);
        if p.kind == Kind::Assumed {
            assert!(
                p.source.contains("assum"),
                "{}: an assumed value must say so in its source",
                p.path
            );
        }
        assert!(registry::parameter(p.path).is_some());
    }
    let n = paths.len();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(paths.len(), n, "duplicate paths");
    assert!(registry::parameter("attendance.nope").is_none());
}

#[test]
fn validation_uses_the_registry_ranges() {
    for p in registry::parameters() {
        let mut s = Scenario::default();
        s.set_path(p.path, json!(p.max + 1.0)).unwrap();
        match s.validate() {
            Err(ScenarioError::OutOfRange { field, .. }) => assert_eq!(field, p.path),
            other => panic!("{}: {other:?}", p.path),
        }
    }
}

#[test]
fn the_model_docs_hold_the_generated_parameter_table() {
    const BEGIN: &str = "<!-- registry table: begin -->\n";
    const END: &str = "<!-- registry table: end -->";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/MODEL.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (start, stop) = (
        text.find(BEGIN)
            .expect("docs/MODEL.md lacks the registry table markers")
            + BEGIN.len(),
        text.find(END)
            .expect("docs/MODEL.md lacks the registry table end marker"),
    );
    let table = registry::markdown_table();
    // Only `UPDATE_DOCS=1` rewrites the table (`=0` or an empty value compares).
    if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1") {
        let updated = format!("{}{table}{}", &text[..start], &text[stop..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert!(
        text[start..stop] == table,
        "docs/MODEL.md's parameter table differs from the registry; regenerate it with \
         `UPDATE_DOCS=1 cargo test -p dialoglab-engine --test registry`"
    );
}
