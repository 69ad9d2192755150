//! `dialoglab panel` end to end on the published example (copied in the engine's test data).

mod common;

use common::dialoglab;

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../engine/tests/data/sortition/example_small_20/"
);

fn panel(algorithm: &str, extra: &[&str]) -> (bool, String, String) {
    let categories = format!("{DATA}categories.csv");
    let respondents = format!("{DATA}respondents.csv");
    let mut args = vec![
        "panel",
        "--categories",
        &categories,
        "--respondents",
        &respondents,
        "--panel-size",
        "20",
        "--algorithm",
        algorithm,
    ];
    args.extend_from_slice(extra);
    dialoglab(&args)
}

#[test]
fn leximin_prints_the_documented_fields() {
    let (ok, stdout, stderr) = panel("leximin", &["--seed", "5"]);
    assert!(ok, "{stderr}");
    let r: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let probs = r["probabilities"].as_array().unwrap();
    assert_eq!(probs.len(), 200);
    assert!(
        probs
            .iter()
            .all(|p| (p.as_f64().unwrap() - 0.1).abs() < 1e-6)
    );
    assert!((r["min"].as_f64().unwrap() - 0.1).abs() < 1e-6);
    assert!(r["gini"].as_f64().unwrap() < 1e-6);
    assert!((r["geometric_mean"].as_f64().unwrap() - 0.1).abs() < 1e-6);
    assert!(r["gap"].as_f64().unwrap() <= 1e-6);
    assert!(!r["panels"].as_array().unwrap().is_empty());
    assert!(r["panels"][0]["weight"].is_f64());
    assert_eq!(r["panel"].as_array().unwrap().len(), 20);
    let (_, again, _) = panel("leximin", &["--seed", "5"]);
    assert_eq!(stdout, again);
}

#[test]
fn legacy_and_errors() {
    let (ok, stdout, stderr) = panel("legacy", &["--draws", "2000", "--compact"]);
    assert!(ok, "{stderr}");
    let r: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(r["min"].as_f64().unwrap() < 0.05);
    assert_eq!(r["draws"], 2000);
    assert!(r["gap"].is_null());
    let (ok, _, stderr) = panel("greedy", &[]);
    assert!(
        !ok && stderr.contains("unknown algorithm »greedy«"),
        "{stderr}"
    );
    let (ok, _, stderr) = dialoglab(&[
        "panel",
        "--categories",
        &format!("{DATA}respondents.csv"),
        "--respondents",
        &format!("{DATA}respondents.csv"),
        "--panel-size",
        "20",
    ]);
    assert!(!ok && stderr.contains("no column »category«"), "{stderr}");
}
