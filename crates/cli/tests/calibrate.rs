//! `dialoglab calibrate` end to end: the fit and the plausible set on targets the report has
//! today, the same bytes whatever the thread count, and missing report keys and bad arguments
//! named.

mod common;

use common::dialoglab;

const SMALL: [&str; 6] = [
    "--set",
    "population.size=2000",
    "--set",
    "invitation.letters=400",
    "--quiet",
    "--first-seed=2",
];

/// Turnout (a target with no source in the data; here only to test the machinery) and the share
/// of retirees at a daytime open call, which the report has today.
const TARGETS: &str = r#"{"description":"test targets","targets":[
 {"name":"turnout","key":"outcome.turnout","relation":"equal","value":0.1,"tolerance":0.02,
  "source":"a test of the machinery, not an observation"},
 {"name":"faxe-retirees-daytime","key":"stages.attendees.representativeness.ratios.occupation.retired",
  "times":"population.shares.occupation.retired","relation":"at-least","value":0.5,"tolerance":0.1,
  "set":[{"path":"invitation.supports.evening","value":false}],"source":"seed deck, Faxe"}]}"#;

fn targets_file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!(
        "dialoglab-calibrate-{name}-{}.json",
        std::process::id()
    ));
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn calibrate(extra: &[&str]) -> (bool, String, String) {
    let mut args = vec!["calibrate"];
    args.extend(SMALL);
    args.extend(extra);
    dialoglab(&args)
}

#[test]
fn the_fit_and_the_plausible_models() {
    let file = targets_file("ok", TARGETS);
    let extra = [
        "--targets",
        &file,
        "--param",
        "vote.turnout_intercept=-4..-1",
        "--param",
        "attendance.daytime_penalty=0.5..2",
        "--samples",
        "10",
        "--seeds",
        "2",
    ];
    let (ok, out, err) = calibrate(&[&extra[..], &["--threads", "2"]].concat());
    assert!(ok, "{err}");
    let (_, again, _) = calibrate(&[&extra[..], &["--threads", "1"]].concat());
    assert_eq!(out, again);
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["targets"].as_array().unwrap().len(), 2);
    assert_eq!(r["targets"][1]["source"], "seed deck, Faxe");
    let plausible = r["plausible"].as_array().unwrap();
    assert_eq!(r["accepted"].as_u64().unwrap() as usize, plausible.len());
    let fitted = &r["fitted"];
    let d = |f: &serde_json::Value| f["distance"].as_f64().unwrap();
    for f in plausible {
        assert!(f["max_error"].as_f64().unwrap() <= 1.0);
        assert!(d(fitted) <= d(f));
        let v = f["values"]["vote.turnout_intercept"].as_f64().unwrap();
        assert!((-4.0..=-1.0).contains(&v));
    }
    if let Some(best) = plausible.first() {
        assert_eq!(best, fitted);
    }
}

#[test]
fn missing_keys_and_bad_arguments_are_named() {
    // The built-in table reads the vote channels' report, which every run has …
    let (ok, _, err) = calibrate(&["--samples", "2", "--seeds", "1"]);
    assert!(ok, "{err}");
    // … and a target whose key no report has is refused with the key's name.
    let missing = targets_file(
        "missing",
        r#"{"description":"d","targets":[{"name":"t","key":"channels.carrier-pigeon.count","relation":"equal","value":1,"tolerance":1,"source":"s"}]}"#,
    );
    let (ok, _, err) = calibrate(&["--targets", &missing, "--samples", "2", "--seeds", "1"]);
    assert!(
        !ok && err.contains("channels.carrier-pigeon.count"),
        "{err}"
    );
    let bad = targets_file("bad", r#"{"targets":[]}"#);
    let empty = targets_file("empty", r#"{"description":"none","targets":[]}"#);
    let zero = targets_file(
        "zero",
        r#"{"description":"d","targets":[{"name":"t","key":"outcome.turnout","relation":"equal","value":0.1,"tolerance":0,"source":"s"}]}"#,
    );
    for (extra, needle) in [
        (vec!["--targets", "/nonexistent/t.json"], "cannot read"),
        (vec!["--targets", bad.as_str()], "not a targets table"),
        (vec!["--targets", empty.as_str()], "no calibration targets"),
        (vec!["--targets", zero.as_str()], "tolerance above 0"),
        (vec!["--param", "vote.nope=0..1"], "vote.nope"),
        (vec!["--param", "vote.turnout_intercept"], "--param"),
        (vec!["--samples", "0"], "samples"),
        (vec!["--seeds", "0"], "seeds"),
    ] {
        let (ok, _, err) = calibrate(&extra);
        assert!(
            !ok && err.contains(needle) && !err.contains("panicked"),
            "{extra:?}: {err}"
        );
    }
}
