//! The model's stratified panel by LEXIMIN (`invitation.selection = "leximin"`): the same pool and
//! caps as the greedy pass, a larger smallest selection probability, exact probabilities that add
//! up to the panel, a panel within the caps, end-to-end probabilities by group from those
//! probabilities, and a repeatable run. A scenario that leaves the option out reads as before.

use dialoglab_engine::{PanelSelection, Scenario, presets, run};

fn scenario(selection: PanelSelection) -> Scenario {
    let mut s = presets::get("citizens-panel").expect("the citizens' panel preset");
    s.population.size = 8_000;
    s.invitation.letters = 1_500;
    s.invitation.panel_size = 30;
    s.invitation.selection = selection;
    s.cycles = 1;
    s
}

#[test]
fn leximin_raises_the_smallest_selection_probability_over_the_same_pool() {
    let legacy = run(&scenario(PanelSelection::Legacy)).unwrap();
    let leximin = run(&scenario(PanelSelection::Leximin)).unwrap();
    let (l, x) = (
        legacy.selection.as_ref().unwrap(),
        leximin.selection.as_ref().unwrap(),
    );
    assert_eq!(l.pool, x.pool, "the pool does not depend on the selection");
    assert_eq!(x.method, PanelSelection::Leximin);
    assert_eq!(x.replicates, 0, "exact probabilities");
    assert!(x.quotas_met);
    assert_eq!(x.panel, 30);
    let total: f64 = x.probabilities.iter().map(|p| p.probability).sum();
    assert!((total - 30.0).abs() < 1e-6, "{total}");
    assert!(
        x.min_probability >= l.min_probability - 1e-9,
        "LEXIMIN {} vs LEGACY {}",
        x.min_probability,
        l.min_probability
    );
    assert!(x.min_probability > 0.0);
    // End-to-end by group is built from the LEXIMIN probabilities: it differs from LEGACY's.
    assert_ne!(l.end_to_end, x.end_to_end);
    for by_cat in x.end_to_end.values() {
        for &p in by_cat.values() {
            assert!((0.0..=1.0).contains(&p), "{p}");
        }
    }
    // Repeatable.
    assert_eq!(run(&scenario(PanelSelection::Leximin)).unwrap(), leximin);
}

#[test]
fn the_option_is_left_out_of_the_json_when_legacy_and_read_when_given() {
    let legacy = scenario(PanelSelection::Legacy);
    let json = serde_json::to_string(&legacy).unwrap();
    assert!(!json.contains("\"selection\""), "{json}");
    let report = serde_json::to_string(&run(&legacy).unwrap()).unwrap();
    assert!(!report.contains("\"method\""));
    let leximin = scenario(PanelSelection::Leximin);
    let json = serde_json::to_string(&leximin).unwrap();
    assert!(json.contains("\"selection\":\"leximin\""), "{json}");
    assert_eq!(Scenario::from_json(&json).unwrap(), leximin);
    assert!(Scenario::from_json(&json.replace("\"leximin\"", "\"fair\"")).is_err());
}
