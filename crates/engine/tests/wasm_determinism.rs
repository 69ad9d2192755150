//! Cross-target determinism: in headless Chromium (wasm-bindgen-test), every preset's report is
//! byte-identical to the golden file that the native test `determinism.rs` checks, and so are a
//! small sweep's summary, the report of every random valid scenario of `random_scenarios/` and
//! that of a scenario seeded from a small `.pb` file and of a citizens' panel chosen by LEXIMIN
//! (compared through their digests), and a LEXIMIN panel selection.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p dialoglab-engine --target wasm32-unknown-unknown --test wasm_determinism`
#![cfg(target_arch = "wasm32")]

mod random_scenarios;

use dialoglab_engine::{presets, run};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &[(&str, &str)] = &[
    ("faxe-dialogue", include_str!("golden/faxe-dialogue.json")),
    ("faxe-small-pot", include_str!("golden/faxe-small-pot.json")),
    (
        "borgerbudget-small",
        include_str!("golden/borgerbudget-small.json"),
    ),
    (
        "aarhus-tranbjerg",
        include_str!("golden/aarhus-tranbjerg.json"),
    ),
    ("new-york", include_str!("golden/new-york.json")),
    ("porto-alegre", include_str!("golden/porto-alegre.json")),
    ("citizens-panel", include_str!("golden/citizens-panel.json")),
    ("outreach", include_str!("golden/outreach.json")),
];

#[wasm_bindgen_test]
fn every_preset_report_in_wasm_equals_the_native_golden_file() {
    assert_eq!(
        GOLDEN.len(),
        presets::names().len(),
        "add the new preset's golden file here"
    );
    for (name, golden) in GOLDEN {
        let scenario = presets::get(name).expect("preset exists");
        let report = run(&scenario).expect("preset runs");
        let json = serde_json::to_string_pretty(&report).expect("serialises") + "\n";
        assert!(
            json == *golden,
            "{name}: the wasm report differs from the native golden file"
        );
    }
}

/// The small sweep of `determinism.rs` (`golden_sweep_jsonl`): its summary in wasm equals the
/// native golden file, so sweeps in the browser's worker give the CLI's numbers.
#[wasm_bindgen_test]
fn a_small_sweep_in_wasm_equals_the_native_golden_summary() {
    use dialoglab_engine::sweep::{Sweep, SweepSpec};
    let spec = random_scenarios::golden_sweep_spec();
    // The worker receives the specification as JSON.
    let spec: SweepSpec = serde_json::from_str(&serde_json::to_string(&spec).unwrap()).unwrap();
    let sweep = Sweep::new(spec).unwrap();
    let jsonl = sweep.to_jsonl(&sweep.run().points);
    assert!(
        jsonl == include_str!("golden/sweep.jsonl"),
        "the wasm sweep summary differs from the native golden file"
    );
}

#[wasm_bindgen_test]
fn every_random_scenario_report_in_wasm_equals_the_native_golden_digest() {
    let golden = include_str!("golden/random-scenarios.txt");
    assert_eq!(golden.lines().count(), random_scenarios::COUNT as usize);
    for (k, expected) in (0..random_scenarios::COUNT).zip(golden.lines()) {
        let json = random_scenarios::report_json(k);
        let actual = random_scenarios::digest_line(k, &json);
        assert!(
            actual == expected,
            "random scenario {k}: the wasm report ({actual}) differs from the native one ({expected})"
        );
    }
}

#[wasm_bindgen_test]
fn a_seeded_real_data_report_in_wasm_equals_the_native_golden_digest() {
    let json = random_scenarios::real_data_report_json();
    let actual = random_scenarios::digest_line(0, &json) + "\n";
    let expected = include_str!("golden/real-data.txt");
    assert!(
        actual == expected,
        "the seeded scenario: the wasm report ({actual}) differs from the native one ({expected})"
    );
}

/// A citizens' panel chosen by LEXIMIN in the model (`invitation.selection = "leximin"`): the wasm
/// report's digest equals the native golden one.
#[wasm_bindgen_test]
fn a_leximin_model_report_in_wasm_equals_the_native_golden_digest() {
    let json = random_scenarios::leximin_model_report_json();
    let actual = random_scenarios::digest_line(0, &json) + "\n";
    let expected = include_str!("golden/panel-model.txt");
    assert!(
        actual == expected,
        "the LEXIMIN scenario: the wasm report ({actual}) differs from the native one ({expected})"
    );
}

/// LEXIMIN panel selection on the published example (`panel.rs`): the wasm result equals the native
/// golden file, so the browser's selection probabilities and drawn panel are the CLI's.
#[wasm_bindgen_test]
fn a_leximin_panel_selection_in_wasm_equals_the_native_golden_file() {
    use dialoglab_engine::panel::{self, Algorithm, Options};
    let pool = panel::parse(
        include_str!("data/sortition/example_small_20/categories.csv"),
        include_str!("data/sortition/example_small_20/respondents.csv"),
        None,
    )
    .expect("the example parses");
    let options = Options {
        seed: 42,
        ..Options::default()
    };
    let selection = panel::select(&pool, 20, Algorithm::Leximin, &options, &mut |_| true)
        .expect("selection succeeds");
    let json = serde_json::to_string_pretty(&selection).expect("serialises") + "\n";
    assert!(
        json == include_str!("golden/panel-example.json"),
        "the wasm panel selection differs from the native golden file"
    );
}
