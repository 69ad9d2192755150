//! `engine::run` on any scenario that validates. The input is scenario JSON (missing fields take
//! the defaults); the population is capped small here so that each run takes milliseconds. Never a
//! panic; the report must survive a JSON round trip unchanged (so it holds no NaN).
#![no_main]

use dialoglab_engine::{Report, Scenario, Strategy, run};
use libfuzzer_sys::fuzz_target;

/// Most citizens a fuzzed run may have.
const CAP: u32 = 2_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(mut scenario) = serde_json::from_str::<Scenario>(text) else {
        return;
    };
    if scenario.validate().is_err() {
        return;
    }
    let p = &mut scenario.population;
    if p.size > CAP {
        p.size = p.size % CAP + 1;
        let inv = &mut scenario.invitation;
        inv.letters = inv.letters.min(p.size);
        if inv.strategy == Strategy::Stratified {
            inv.panel_size = inv.panel_size.min(inv.letters);
        }
    }
    scenario.cycles = scenario.cycles.min(3);
    scenario.invitation.selection_replicates = scenario.invitation.selection_replicates.min(20);
    let report = run(&scenario).unwrap_or_else(|e| panic!("a capped valid scenario fails: {e}"));
    let json = serde_json::to_string(&report).expect("a report serialises");
    let back: Report = serde_json::from_str(&json).expect("a report reads back");
    assert!(back == report, "the report changed in a JSON round trip (NaN?)\n{json}");
});
