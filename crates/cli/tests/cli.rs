//! The `dialoglab` binary end to end: report fields, --set, errors that name the problem, export.

mod common;

use common::dialoglab;

#[test]
fn run_prints_a_report_with_the_documented_fields() {
    let (ok, stdout, stderr) = dialoglab(&["run", "--preset", "faxe-dialogue", "--seed", "3"]);
    assert!(ok, "{stderr}");
    let r: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(r["seed"], 3);
    assert_eq!(r["population"]["size"], 29_500);
    for stage in ["invited", "attendees", "speakers", "voters"] {
        assert!(r["stages"][stage]["count"].is_u64(), "{stage}");
        let index = r["stages"][stage]["representativeness"]["index"]
            .as_f64()
            .unwrap();
        assert!((0.0..=1.0).contains(&index));
        assert!(r["stages"][stage]["representativeness"]["tvd"]["age_band"].is_f64());
        assert!(r["stages"][stage]["representativeness"]["ratios"]["age_band"]["67+"].is_f64());
    }
    assert!(r["cost"]["dkk"].is_u64());
    assert!(r["deliberation"]["voice_gini"].is_f64());
    assert!(r["outcome"]["funded"].is_array() && r["outcome"]["vetoed"].is_array());
    assert!(r["influence"]["gap"]["marginalised"].is_f64());
    assert!(r["influence"]["legitimacy"].is_f64());
    assert!(r["inclusion"]["age_band"]["67+"].is_f64());
    assert_eq!(r["cycles"].as_array().unwrap().len(), 1);
}

#[test]
fn set_changes_fields_and_the_same_scenario_gives_the_same_report() {
    let args = [
        "run",
        "--compact",
        "--set",
        "invitation.strategy=targeted",
        "--set",
        "invitation.contacts=3",
        "--set",
        "budget=5000000",
        "--set",
        "invitation.supports.childcare=true",
        "--set",
        "population.size=5000",
    ];
    let (ok, a, stderr) = dialoglab(&args);
    assert!(ok, "{stderr}");
    let (_, b, _) = dialoglab(&args);
    assert_eq!(a, b);
    let r: serde_json::Value = serde_json::from_str(&a).unwrap();
    assert_eq!(r["strategy"], "targeted");
    assert_eq!(r["budget"], 5_000_000);
    assert!(r["cost"]["contacts"].as_u64().unwrap() > 0);
}

#[test]
fn bad_input_is_an_error_that_names_the_problem() {
    let (ok, _, stderr) = dialoglab(&["run", "--set", "invitation.nonsense=1"]);
    assert!(!ok && stderr.contains("invitation.nonsense"), "{stderr}");
    let (ok, _, stderr) = dialoglab(&["run", "--set", "population.size=10000000"]);
    assert!(
        !ok && stderr.contains("population.size") && stderr.contains("1000000"),
        "{stderr}"
    );
    let (ok, _, stderr) = dialoglab(&["run", "--preset", "atlantis"]);
    assert!(!ok && stderr.contains("faxe-dialogue"), "{stderr}");
    let dir = std::env::temp_dir().join(format!("dialoglab-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"budget": 1000, "colour": "blue"}"#).unwrap();
    let (ok, _, stderr) = dialoglab(&["run", "--scenario", bad.to_str().unwrap()]);
    assert!(!ok && stderr.contains("colour"), "{stderr}");
}

#[test]
fn presets_are_listed_and_scenarios_round_trip_through_files() {
    let (ok, stdout, _) = dialoglab(&["presets"]);
    assert!(ok);
    let names: Vec<&str> = stdout.lines().collect();
    for name in [
        "faxe-dialogue",
        "borgerbudget-small",
        "aarhus-tranbjerg",
        "new-york",
        "porto-alegre",
        "citizens-panel",
        "outreach",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    // With --sources, each preset's title and the sources of its numbers.
    let (ok, listed, _) = dialoglab(&["presets", "--sources"]);
    assert!(ok);
    assert_eq!(
        listed.lines().filter(|l| !l.starts_with("  - ")).count(),
        names.len(),
        "{listed}"
    );
    assert!(listed.contains("faxe-dialogue: Faxe: a citizen dialogue meeting"));
    assert!(listed.contains("  - Faxe Kommune has about 37,000 inhabitants"));
    assert!(listed.contains("Baiocchi"));
    let dir = std::env::temp_dir().join(format!("dialoglab-cli-rt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (_, scenario, _) = dialoglab(&[
        "scenario",
        "--preset",
        "borgerbudget-small",
        "--set",
        "seed=9",
    ]);
    let file = dir.join("s.json");
    std::fs::write(&file, &scenario).unwrap();
    let (_, from_file, _) = dialoglab(&["run", "--compact", "--scenario", file.to_str().unwrap()]);
    let (_, direct, _) = dialoglab(&[
        "run",
        "--compact",
        "--preset",
        "borgerbudget-small",
        "--seed",
        "9",
    ]);
    assert_eq!(from_file, direct);
}

#[test]
fn export_pb_writes_a_pabulib_file_of_the_vote() {
    let dir = std::env::temp_dir().join(format!("dialoglab-cli-pb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("vote.pb");
    let (ok, stdout, stderr) = dialoglab(&[
        "run",
        "--preset",
        "aarhus-tranbjerg",
        "--export-pb",
        file.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    let r: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let (instance, profile) = dialoglab_engine::pb::pabulib::parse(&text).expect("parses");
    assert_eq!(instance.budget, 320_000);
    assert_eq!(
        profile.ballots.len() as u64,
        r["stages"]["voters"]["count"].as_u64().unwrap()
    );
}
