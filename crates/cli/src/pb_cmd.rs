//! The `dialoglab pb` subcommand: runs PB rules on a pabulib `.pb` file and prints JSON.
//!
//! Money (`budget`, `total_cost`) is printed in the file's own units: a JSON integer when every
//! amount in the file is integral (`scale = 1`), otherwise an exact decimal string such as
//! `"1234.50"` → `"1234.5"` (no floating point).

use std::path::PathBuf;

use dialoglab_engine::pb::{self, Instance, Profile, Rule, TieBreak};
use serde_json::{Value, json};

/// Arguments of `dialoglab pb`.
#[derive(clap::Args, Debug)]
pub struct PbArgs {
    /// A pabulib `.pb` file.
    pub file: PathBuf,
    /// A rule name (greedy, greedy-no-skip, greedy-per-cost, mes, mes-cardinality, mes-greedy,
    /// mes-add1, mes-add1-greedy, mes-increment, phragmen) or `all`.
    #[arg(long, default_value = "greedy")]
    pub rule: String,
    /// Tie-breaking order: project-id, most-votes, lowest-cost, highest-cost.
    #[arg(long, default_value = "project-id")]
    pub tie_break: String,
}

fn money(instance: &Instance, amount: u64) -> Value {
    if instance.scale <= 1 {
        json!(amount)
    } else {
        json!(instance.format_money(amount))
    }
}

fn one_rule(instance: &Instance, profile: &Profile, rule: Rule, tie_break: TieBreak) -> Value {
    let out = rule.run(instance, profile, &tie_break);
    let analytics = pb::analytics(instance, profile, &out);
    let has_official = instance.projects.iter().any(|p| p.selected.is_some());
    let official: Vec<String> = instance
        .projects
        .iter()
        .filter(|p| p.selected == Some(1))
        .map(|p| p.id.clone())
        .collect();
    let matches_official = has_official && {
        let mut a = out.winners.clone();
        let mut b = official.clone();
        a.sort();
        b.sort();
        a == b
    };
    json!({
        "rule": rule.name(),
        "tie_break": tie_break.name(),
        "winners": out.winners,
        "total_cost": money(instance, out.total_cost),
        "budget": money(instance, instance.budget),
        "analytics": analytics,
        "official": if has_official { json!(official) } else { Value::Null },
        "matches_official": matches_official,
    })
}

/// Runs the command; returns pretty JSON or a message for the user.
pub fn run(args: &PbArgs) -> Result<String, String> {
    let cannot_read = |e: std::io::Error| format!("cannot read {}: {e}", args.file.display());
    // A file over the limit is refused by its size, before it is read into memory.
    let size = std::fs::metadata(&args.file).map_err(cannot_read)?.len();
    if size > pb::pabulib::MAX_BYTES as u64 {
        return Err(format!(
            "{}: {}",
            args.file.display(),
            pb::PbError::TooLarge {
                bytes: size,
                limit: pb::pabulib::MAX_BYTES as u64,
            }
        ));
    }
    let bytes = std::fs::read(&args.file).map_err(cannot_read)?;
    let (instance, profile) =
        pb::pabulib::parse_bytes(&bytes).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let tie_break: TieBreak = args.tie_break.parse()?;
    let value = if args.rule == "all" {
        let results: Vec<Value> = Rule::ALL
            .iter()
            .map(|&r| one_rule(&instance, &profile, r, tie_break))
            .collect();
        json!({
            "file": args.file.display().to_string(),
            "budget": money(&instance, instance.budget),
            "results": results,
        })
    } else {
        let rule: Rule = args.rule.parse()?;
        one_rule(&instance, &profile, rule, tie_break)
    };
    // The process ends right after printing: a file near the 50 MB limit holds millions of
    // small allocations (voter ids, ballots) that the operating system reclaims at once, while
    // freeing them one by one takes a noticeable share of the run.
    std::mem::forget((instance, profile));
    serde_json::to_string_pretty(&value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../engine/tests/data/pabulib")
            .join(name)
    }

    #[test]
    fn greedy_on_mlynow_matches_official() {
        let args = PbArgs {
            file: data("Poland_Warszawa_2017_Mlynow.pb"),
            rule: "greedy".into(),
            tie_break: "project-id".into(),
        };
        let v: Value = serde_json::from_str(&run(&args).unwrap()).unwrap();
        assert_eq!(v["rule"], "greedy");
        assert_eq!(v["matches_official"], true);
        assert_eq!(v["budget"], 1_330_900);
    }

    #[test]
    fn all_rules_in_order_and_errors_are_messages() {
        let args = PbArgs {
            file: data("Poland_Czestochowa_2020_Grabowka.pb"),
            rule: "all".into(),
            tie_break: "lowest-cost".into(),
        };
        let v: Value = serde_json::from_str(&run(&args).unwrap()).unwrap();
        let names: Vec<&str> = v["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["rule"].as_str().unwrap())
            .collect();
        let expected: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        assert_eq!(names, expected);
        assert_eq!(v["results"][0]["official"], Value::Null);
        let bad = PbArgs {
            rule: "nope".into(),
            ..args
        };
        assert!(run(&bad).unwrap_err().contains("unknown rule"));
    }
}
