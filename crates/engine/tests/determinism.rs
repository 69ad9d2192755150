//! Determinism: each preset run twice gives identical JSON, and equals its golden report; a small
//! sweep's summary equals `golden/sweep.jsonl`; the random valid scenarios of `random_scenarios/`
//! match the digests of their report JSON in `golden/random-scenarios.txt`; a scenario seeded from
//! a small `.pb` file matches `golden/real-data.txt`.
//!
//! Golden files live in `tests/golden/`. After a deliberate change of the model, regenerate them
//! with `UPDATE_GOLDEN=1 cargo test -p dialoglab-engine --test determinism` and review the diff.
//! Only the exact value `1` rewrites; any other value (`0`, empty, `true`) compares as usual.
//! The same files are compared in WebAssembly (`tests/wasm_determinism.rs`), so native and browser
//! reports are byte-identical.

mod random_scenarios;

use std::ffi::OsStr;

use dialoglab_engine::{presets, run};

/// Whether `UPDATE_GOLDEN` (given) asks to rewrite the golden files: only the exact value `1`, so
/// that `UPDATE_GOLDEN=0` or a stray empty variable can never bless a changed report.
fn update_requested(value: Option<&OsStr>) -> bool {
    value == Some(OsStr::new("1"))
}

/// Whether this run rewrites the golden files instead of comparing with them.
fn updating() -> bool {
    update_requested(std::env::var_os("UPDATE_GOLDEN").as_deref())
}

#[test]
fn only_update_golden_1_rewrites_the_golden_files() {
    assert!(update_requested(Some(OsStr::new("1"))));
    for value in ["0", "", "true", "yes", " 1", "1 ", "01", "2"] {
        assert!(!update_requested(Some(OsStr::new(value))), "{value:?}");
    }
    assert!(!update_requested(None));
}

fn report_json(name: &str) -> String {
    let scenario = presets::get(name).expect("preset exists");
    let report = run(&scenario).expect("preset runs");
    serde_json::to_string_pretty(&report).expect("report serialises") + "\n"
}

#[test]
fn each_preset_twice_gives_identical_json() {
    for name in presets::names() {
        assert_eq!(report_json(name), report_json(name), "{name}");
    }
}

#[test]
fn presets_match_their_golden_reports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = updating();
    for name in presets::names() {
        let path = dir.join(format!("{name}.json"));
        let actual = report_json(name);
        if update {
            std::fs::write(&path, &actual).expect("write golden");
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
        assert!(
            actual == expected,
            "{name}: report differs from {}; if the change is deliberate, rerun with UPDATE_GOLDEN=1",
            path.display()
        );
    }
}

#[test]
fn a_different_seed_gives_a_different_report() {
    let mut scenario = presets::get("faxe-dialogue").unwrap();
    let a = run(&scenario).unwrap();
    scenario.seed += 1;
    let b = run(&scenario).unwrap();
    assert_ne!(a, b);
}

/// The golden file `tests/golden/{file}`: `None` after writing `actual` to it under
/// `UPDATE_GOLDEN=1`, otherwise its content.
fn golden(file: &str, actual: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file);
    if updating() {
        std::fs::write(&path, actual).expect("write golden");
        return None;
    }
    Some(
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display())),
    )
}

/// The summary of [`random_scenarios::golden_sweep_spec`]'s sweep, as kept in `golden/sweep.jsonl`.
fn golden_sweep_jsonl() -> String {
    let sweep = dialoglab_engine::sweep::Sweep::new(random_scenarios::golden_sweep_spec()).unwrap();
    sweep.to_jsonl(&sweep.run().points)
}

#[test]
fn a_small_sweep_matches_its_golden_summary() {
    let actual = golden_sweep_jsonl();
    let Some(expected) = golden("sweep.jsonl", &actual) else {
        return;
    };
    assert!(
        actual == expected,
        "the sweep summary differs from golden/sweep.jsonl; if the model change is deliberate, rerun with UPDATE_GOLDEN=1"
    );
}

/// A native run splits its independent parts over two threads (`split::Threads`); its report is
/// the one the same scenario gives on one thread, as WebAssembly runs it. Every preset, every
/// random scenario, drawn ballot lengths (whose one stream keeps the vote and the counterfactual
/// in order) and population sizes around the population's blocks and the counterfactual's chunks.
#[test]
fn a_run_on_two_threads_gives_the_report_of_one() {
    use dialoglab_engine::split::Threads;
    use dialoglab_engine::{Scenario, population, simulate};
    let mut scenarios: Vec<(String, Scenario)> = presets::names()
        .iter()
        .map(|name| ((*name).to_string(), presets::get(name).expect("preset")))
        .collect();
    for k in 0..random_scenarios::COUNT {
        scenarios.push((
            format!("random scenario {k}"),
            random_scenarios::scenario(k),
        ));
    }
    let base = presets::get("faxe-dialogue").expect("preset");
    let mut lengths = base.clone();
    lengths.vote.ballot_lengths = Some(vec![40, 30, 20, 10]);
    scenarios.push(("ballot lengths".into(), lengths));
    for size in [150, 1023, 1024, 1025, 2047, 2049, 4097] {
        let mut s = base.clone();
        s.population.size = size;
        s.invitation.letters = s.invitation.letters.min(size);
        scenarios.push((format!("{size} citizens"), s));
    }
    for (name, s) in scenarios {
        let pop = population::generate(&s.population, s.seed);
        assert!(
            population::generate_on(&s.population, s.seed, Threads::Two) == pop,
            "{name}: the population drawn on two threads differs"
        );
        let one = serde_json::to_string(&simulate(&pop, &s)).expect("report serialises");
        let two = serde_json::to_string(&run(&s).expect("runs")).expect("report serialises");
        assert!(
            one == two,
            "{name}: the report of a run on two threads differs"
        );
    }
}

#[test]
fn random_scenarios_are_repeatable_and_match_their_golden_digests() {
    let actual = random_scenarios::digests();
    let Some(expected) = golden("random-scenarios.txt", &actual) else {
        return;
    };
    for (k, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert!(
            a == e,
            "random scenario {k}: report digest {a} differs from {e} in golden/random-scenarios.txt; \
             the scenario:\n{}\nif the change is deliberate, rerun with UPDATE_GOLDEN=1",
            serde_json::to_string(&random_scenarios::scenario(k as u32)).unwrap()
        );
    }
    assert_eq!(
        actual.lines().count(),
        expected.lines().count(),
        "number of random scenarios; rerun with UPDATE_GOLDEN=1"
    );
    // The same scenario twice gives the same bytes (this checks the run, not the hash).
    assert_eq!(
        random_scenarios::report_json(3),
        random_scenarios::report_json(3)
    );
    // The scenarios really differ from each other and cover every strategy.
    let strategies: std::collections::BTreeSet<_> = (0..random_scenarios::COUNT)
        .map(|k| random_scenarios::scenario(k).invitation.strategy.key())
        .collect();
    assert_eq!(
        strategies.len(),
        dialoglab_engine::Strategy::ALL.len(),
        "{strategies:?}"
    );
}

#[test]
fn a_seeded_real_data_scenario_matches_its_golden_digest() {
    let s = random_scenarios::real_data_scenario();
    assert_eq!(s.vote.projects.as_ref().map(Vec::len), Some(8));
    assert_eq!(s.vote.ballot_lengths, Some(vec![3, 4, 1, 1]));
    let json = random_scenarios::real_data_report_json();
    assert_eq!(
        json,
        random_scenarios::real_data_report_json(),
        "repeatable"
    );
    let actual = random_scenarios::digest_line(0, &json) + "\n";
    let Some(expected) = golden("real-data.txt", &actual) else {
        return;
    };
    assert!(
        actual == expected,
        "the seeded scenario's report digest {actual} differs from {expected}; if the change is \
         deliberate, rerun with UPDATE_GOLDEN=1"
    );
}

#[test]
fn a_leximin_model_scenario_matches_its_golden_digest() {
    let json = random_scenarios::leximin_model_report_json();
    assert!(
        json.contains("\"method\": \"leximin\""),
        "the panel came from LEXIMIN"
    );
    let actual = random_scenarios::digest_line(0, &json) + "\n";
    let Some(expected) = golden("panel-model.txt", &actual) else {
        return;
    };
    assert!(
        actual == expected,
        "the LEXIMIN scenario's report digest {actual} differs from {expected}; if the change is \
         deliberate, rerun with UPDATE_GOLDEN=1"
    );
}
