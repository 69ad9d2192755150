//! Stylised facts the model must reproduce (directions, over several seeds, on `faxe-dialogue`).

use dialoglab_engine::{Report, Scenario, Strategy, presets, run};

const SEEDS: [u64; 5] = [1, 2, 3, 4, 5];

fn faxe(strategy: Strategy, seed: u64) -> Scenario {
    let mut s = presets::get("faxe-dialogue").unwrap();
    s.invitation.strategy = strategy;
    s.seed = seed;
    s
}

fn ratio(r: &Report, stage: &str, attribute: &str, category: &str) -> f64 {
    r.stages[stage].representativeness.ratios[attribute][category]
}

fn mean_over_seeds(f: impl Fn(u64) -> f64) -> f64 {
    SEEDS.iter().map(|&s| f(s)).sum::<f64>() / SEEDS.len() as f64
}

#[test]
fn open_call_over_represents_the_67_plus_and_under_represents_parents() {
    for seed in SEEDS {
        let r = run(&faxe(Strategy::OpenCall, seed)).unwrap();
        let old = ratio(&r, "attendees", "age_band", "67+");
        let parents = ratio(&r, "attendees", "children", "yes");
        assert!(old > 1.5, "seed {seed}: 67+ ratio {old}");
        assert!(parents < 0.7, "seed {seed}: parents ratio {parents}");
    }
}

#[test]
fn targeted_outreach_with_three_contacts_raises_the_marginalised_ratio_well_above_open_call() {
    let open = mean_over_seeds(|seed| {
        ratio(
            &run(&faxe(Strategy::OpenCall, seed)).unwrap(),
            "attendees",
            "marginalised",
            "yes",
        )
    });
    let targeted = mean_over_seeds(|seed| {
        let mut s = faxe(Strategy::Targeted, seed);
        s.invitation.contacts = 3;
        ratio(&run(&s).unwrap(), "attendees", "marginalised", "yes")
    });
    assert!(
        targeted > open * 3.0 && targeted > open + 0.4,
        "open {open}, targeted {targeted}"
    );
}

#[test]
fn stratified_sortition_gives_more_representative_attendees_than_open_call() {
    for seed in SEEDS {
        let index = |st| {
            run(&faxe(st, seed)).unwrap().stages["attendees"]
                .representativeness
                .index
        };
        let (open, strat) = (index(Strategy::OpenCall), index(Strategy::Stratified));
        assert!(
            strat > open + 0.02,
            "seed {seed}: open {open}, stratified {strat}"
        );
    }
}

#[test]
fn a_larger_budget_raises_marginalised_attendance() {
    for strategy in [Strategy::OpenCall, Strategy::Targeted] {
        let share = |budget: u64| {
            mean_over_seeds(|seed| {
                let mut s = faxe(strategy, seed);
                s.budget = budget;
                let r = run(&s).unwrap();
                f64::from(r.stages["attendees"].count)
                    * r.stages["attendees"].representativeness.ratios["marginalised"]["yes"]
            })
        };
        let (small, large) = (share(100_000), share(5_000_000));
        assert!(large > small * 1.5, "{strategy:?}: {small} -> {large}");
    }
}
