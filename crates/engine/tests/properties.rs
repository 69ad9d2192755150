//! Property tests: metric ranges, stage inclusion and validation of arbitrary input.
#![cfg(not(target_arch = "wasm32"))]

use dialoglab_engine::{Scenario, Strategy as Invite, population, simulate_full};
use proptest::prelude::*;

fn invite_strategy() -> impl Strategy<Value = Invite> {
    prop::sample::select(Invite::ALL.to_vec())
}

prop_compose! {
    fn small_scenario()(
        seed in any::<u64>(),
        size in 1u32..1_500,
        budget in 0u64..100_000_000,
        districts in 1u8..8,
        strat in invite_strategy(),
        letters_frac in 0.01f64..1.0,
        panel in 1u32..60,
        contacts in 1u8..6,
        marginalised in 0.0f64..0.6,
        childcare in any::<bool>(),
        evening in any::<bool>(),
        interpretation in any::<bool>(),
        payment in any::<bool>(),
        online in any::<bool>(),
        ideal in any::<bool>(),
        control in 0.0f64..1.0,
        mes in any::<bool>(),
        cumulative in any::<bool>(),
        cycles in 1u8..3,
    ) -> Scenario {
        let mut s = Scenario { seed, budget, cycles, ..Scenario::default() };
        s.population.size = size;
        s.population.districts = districts;
        s.population.marginalised_share = marginalised;
        s.invitation.strategy = strat;
        s.invitation.letters = ((f64::from(size) * letters_frac) as u32).max(1);
        s.invitation.panel_size = panel.min(s.invitation.letters);
        s.invitation.contacts = contacts;
        s.invitation.selection_replicates = 5;
        s.invitation.supports.childcare = childcare;
        s.invitation.supports.evening = evening;
        s.invitation.supports.interpretation = interpretation;
        s.invitation.supports.payment = payment;
        s.invitation.supports.online = online;
        if ideal { s.meeting.format = dialoglab_engine::scenario::MeetingFormat::Ideal; }
        s.municipality.control = control;
        if mes { s.vote.rule = dialoglab_engine::pb::Rule::Mes; }
        if cumulative { s.vote.ballot = dialoglab_engine::scenario::BallotKind::Cumulative; }
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn metrics_are_in_range_and_stages_nest(s in small_scenario()) {
        prop_assert!(s.validate().is_ok());
        let pop = population::generate(&s.population, s.seed);
        let out = simulate_full(&pop, &s, false);
        let report = &out.report;
        prop_assert_eq!(report.population.size as usize, pop.len());
        for (name, stage) in &report.stages {
            let r = &stage.representativeness;
            prop_assert!((0.0..=1.0).contains(&r.index), "{} index {}", name, r.index);
            for (attr, d) in &r.tvd {
                prop_assert!((0.0..=1.0).contains(d), "{} tvd {} {}", name, attr, d);
            }
            for ratio in r.ratios.values().flat_map(|m| m.values()) {
                prop_assert!(ratio.is_finite() && *ratio >= 0.0);
            }
        }
        // attendees ⊆ invited ⊆ population
        let invited = report.stages["invited"].count;
        let attendees = report.stages["attendees"].count;
        prop_assert!(attendees <= invited && invited <= report.population.size);
        prop_assert_eq!(attendees as usize, out.first.attendees.len());
        for &i in &out.first.attendees {
            prop_assert!((i as usize) < pop.len());
            prop_assert!(out.first.invitation.invited[i as usize], "attendee {} was not invited", i);
        }
        let mut sorted = out.first.attendees.clone();
        sorted.sort_unstable();
        sorted.dedup();
        prop_assert_eq!(sorted.len(), out.first.attendees.len(), "an attendee is counted twice");
        prop_assert!(report.stages["speakers"].count <= attendees);
        prop_assert!(report.stages["voters"].count <= report.population.size);
        // The allocation stays within the budget, in the vote and in the counterfactual.
        prop_assert!(report.outcome.spent <= s.budget);
        prop_assert!(report.outcome.spent_if_all_voted <= s.budget);
        let inf = &report.influence;
        for x in [inf.legitimacy, inf.organised_capture, inf.veto_rate, report.deliberation.voice_gini] {
            prop_assert!((0.0..=1.0).contains(&x), "{:?}", inf);
        }
        prop_assert!(inf.welfare_loss.is_finite() && inf.welfare_loss <= 1.0);
        for r in inf.ratios.values().flat_map(|m| m.values()) {
            prop_assert!(r.is_finite() && *r >= 0.0);
        }
        for p in report.inclusion.values().flat_map(|m| m.values()) {
            prop_assert!((0.0..=1.0).contains(p), "inclusion {}", p);
        }
        prop_assert_eq!(report.cycles.len(), usize::from(s.cycles));
        if let Some(sel) = &report.selection {
            prop_assert!(sel.panel <= s.invitation.panel_size);
            prop_assert!(sel.probabilities.iter().all(|p| (0.0..=1.0).contains(&p.probability)));
        }
    }

    #[test]
    fn validate_never_panics_on_arbitrary_text(text in ".{0,200}") {
        let _ = Scenario::from_json(&text);
    }

    #[test]
    fn validate_never_panics_on_arbitrary_json(value in arbitrary_json()) {
        let text = value.to_string();
        if let Ok(s) = Scenario::from_json(&text) {
            prop_assert!(s.validate().is_ok());
        }
    }

    #[test]
    fn validate_never_panics_on_mutated_scenarios(
        path in prop::sample::select(vec![
            "budget", "seed", "population.size", "population.districts",
            "population.age_shares.2", "population.marginalised_share",
            "invitation.letters", "invitation.panel_size", "invitation.contacts",
            "invitation.outreach_reach", "attendance.trust", "need.scale_dkk", "decision.channel",
            "costs.letter_dkk", "invitation.supports.online", "invitation.strategy",
        ]),
        value in arbitrary_json(),
    ) {
        let mut s = Scenario::default();
        if s.set_path(path, value).is_ok() {
            let _ = s.validate();
        }
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z_.\\-]{0,12}".prop_map(Value::String),
        prop::sample::select(vec!["open-call", "targeted", "seed", "size"])
            .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        let keys = prop::sample::select(vec![
            "seed",
            "budget",
            "population",
            "invitation",
            "attendance",
            "costs",
            "size",
            "strategy",
            "supports",
            "childcare",
            "letters",
            "age_shares",
            "unknown",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..5).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}
