//! Cross-target determinism: in headless Chromium (wasm-bindgen-test), every preset's report is
//! byte-identical to the golden file that the native test `determinism.rs` checks.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p dialoglab-engine --target wasm32-unknown-unknown --test wasm_determinism`
#![cfg(target_arch = "wasm32")]

use dialoglab_engine::{presets, run};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &[(&str, &str)] = &[
    ("faxe-dialogue", include_str!("golden/faxe-dialogue.json")),
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
