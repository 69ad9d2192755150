//! The scenario JSON decoder plus `validate()` on arbitrary bytes. Never a panic; a scenario that
//! is accepted must survive a JSON round trip unchanged and still validate.
#![no_main]

use dialoglab_engine::Scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(scenario) = Scenario::from_json(text) else {
        return;
    };
    let json = serde_json::to_string(&scenario).expect("a valid scenario serialises");
    let again = Scenario::from_json(&json)
        .unwrap_or_else(|e| panic!("a written scenario is refused: {e}\n{json}"));
    assert_eq!(again, scenario, "the scenario changed in a JSON round trip");
});
