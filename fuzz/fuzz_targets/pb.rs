//! The pabulib `.pb` reader on arbitrary bytes. It must never panic; whatever it accepts must
//! survive a write/read round trip, the PB rules must run on it without overspending, and a
//! scenario seeded from it must be valid. Every rule runs, also the Add1 and increment
//! completions of MES, which skip the endowment steps that cannot change the outcome (a file with
//! budget 1 and a project of 10^15 once made them step 10^15 times).
#![no_main]

use dialoglab_engine::Scenario;
use dialoglab_engine::pb::{self, Rule, TieBreak, pabulib, seed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((instance, profile)) = pabulib::parse_bytes(data) else {
        return;
    };
    let text = pabulib::write(&instance, &profile);
    let (again, profile_again) = pabulib::parse(&text)
        .unwrap_or_else(|e| panic!("the writer's output does not parse: {e}\n{text}"));
    assert_eq!(again.projects, instance.projects, "projects changed in a round trip");
    assert_eq!(again.budget, instance.budget, "budget changed in a round trip");
    assert_eq!(profile_again.ballots, profile.ballots, "ballots changed in a round trip");
    if let Ok(seeding) = seed::seed_scenario(&instance, &profile, &Scenario::default()) {
        seeding
            .scenario
            .validate()
            .unwrap_or_else(|e| panic!("a seeded scenario is invalid: {e}"));
    }
    for rule in Rule::ALL {
        let out = rule.run(&instance, &profile, &TieBreak::ProjectId);
        assert!(
            out.total_cost <= instance.budget,
            "{}: spends {} of {}",
            rule.name(),
            out.total_cost,
            instance.budget
        );
        let _ = pb::analytics(&instance, &profile, &out);
    }
});
