//! Stylised facts the model must reproduce (directions, over several seeds, on `faxe-dialogue`).

use dialoglab_engine::pb::Rule;
use dialoglab_engine::scenario::MeetingFormat;
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

// ---- The deliberation model (issue 4): influence, voice, capture, control, habit, legitimacy ----

const MORE_SEEDS: [u64; 8] = [1, 2, 3, 4, 5, 6, 7, 8];

fn mean_over(seeds: &[u64], f: impl Fn(u64) -> f64) -> f64 {
    seeds.iter().map(|&s| f(s)).sum::<f64>() / seeds.len() as f64
}

#[test]
fn ideal_meetings_give_more_equal_voice_and_less_organised_capture() {
    let measure = |format: MeetingFormat| {
        let gini = mean_over(&MORE_SEEDS, |seed| {
            let mut s = faxe(Strategy::OpenCall, seed);
            s.meeting.format = format;
            run(&s).unwrap().deliberation.voice_gini
        });
        let capture = mean_over(&MORE_SEEDS, |seed| {
            let mut s = faxe(Strategy::OpenCall, seed);
            s.meeting.format = format;
            run(&s).unwrap().influence.organised_capture
        });
        (gini, capture)
    };
    let (g_real, c_real) = measure(MeetingFormat::Realistic);
    let (g_ideal, c_ideal) = measure(MeetingFormat::Ideal);
    assert!(
        g_ideal + 0.2 < g_real,
        "voice Gini ideal {g_ideal}, realistic {g_real}"
    );
    assert!(
        c_ideal + 0.05 < c_real,
        "capture ideal {c_ideal}, realistic {c_real}"
    );
}

#[test]
fn open_call_gives_the_67_plus_more_and_parents_less_than_their_share_of_influence() {
    let old = mean_over(&MORE_SEEDS, |seed| {
        run(&faxe(Strategy::OpenCall, seed))
            .unwrap()
            .influence
            .ratios["age_band"]["67+"]
    });
    let parents = mean_over(&MORE_SEEDS, |seed| {
        run(&faxe(Strategy::OpenCall, seed))
            .unwrap()
            .influence
            .ratios["children"]["yes"]
    });
    assert!(old > 1.0, "67+ influence ratio {old}");
    assert!(parents < 1.0, "parents' influence ratio {parents}");
}

/// Under a proportional rule (Equal Shares) the marginalised's presence at the meeting carries
/// into the outcome; under greedy approval it does not (see docs/MODEL.md, known limits).
fn marginalised_gap(strategy: Strategy, budget: u64) -> f64 {
    mean_over(&MORE_SEEDS, |seed| {
        let mut s = faxe(strategy, seed);
        s.budget = budget;
        s.vote.rule = Rule::Mes;
        run(&s).unwrap().influence.gap["marginalised"]
    })
}

#[test]
fn targeted_outreach_narrows_the_marginalised_influence_gap_under_equal_shares() {
    let open = marginalised_gap(Strategy::OpenCall, 250_000);
    let targeted = marginalised_gap(Strategy::Targeted, 250_000);
    assert!(
        targeted < open - 0.01,
        "open call {open}, targeted {targeted}"
    );
}

/// DESIGN's fact 3 has two parts; the model reproduces the first (attendance) and not reliably the
/// second (the influence gap of the marginalised): see docs/MODEL.md, "Known limits".
#[test]
fn a_larger_budget_under_targeted_outreach_raises_marginalised_attendance() {
    let attendance = |budget: u64| {
        mean_over(&MORE_SEEDS, |seed| {
            let mut s = faxe(Strategy::Targeted, seed);
            s.budget = budget;
            let r = run(&s).unwrap();
            f64::from(r.stages["attendees"].count)
                * r.stages["attendees"].representativeness.ratios["marginalised"]["yes"]
        })
    };
    let (small, large) = (attendance(100_000), attendance(5_000_000));
    assert!(
        large > 2.0 * small,
        "marginalised attendees {small} -> {large}"
    );
}

#[test]
fn more_municipal_control_vetoes_more_and_leaves_proposers_less_efficacious() {
    let measure = |control: f64| {
        let reports: Vec<Report> = MORE_SEEDS[..5]
            .iter()
            .map(|&seed| {
                let mut s = faxe(Strategy::OpenCall, seed);
                s.municipality.control = control;
                s.cycles = 3;
                run(&s).unwrap()
            })
            .collect();
        let veto = reports.iter().map(|r| r.influence.veto_rate).sum::<f64>() / 5.0;
        let efficacy = reports
            .iter()
            .map(|r| r.cycles.last().unwrap().proposer_efficacy_after)
            .sum::<f64>()
            / 5.0;
        (veto, efficacy)
    };
    let (veto_low, eff_low) = measure(0.1);
    let (veto_high, eff_high) = measure(0.9);
    assert!(
        veto_high > veto_low + 0.1,
        "veto rate {veto_low} -> {veto_high}"
    );
    assert!(
        eff_high < eff_low - 0.01,
        "proposer efficacy {eff_low} -> {eff_high}"
    );
}

#[test]
fn over_five_years_of_open_calls_the_share_of_repeat_attendees_grows() {
    for seed in SEEDS {
        let mut s = faxe(Strategy::OpenCall, seed);
        s.cycles = 5;
        let r = run(&s).unwrap();
        let shares: Vec<f64> = r.cycles.iter().map(|c| c.repeat_share).collect();
        assert_eq!(shares.len(), 5);
        assert!(shares[4] > shares[1] + 0.05, "seed {seed}: {shares:?}");
    }
}

#[test]
fn legitimacy_is_one_when_everyone_votes_sincerely_and_falls_as_the_electorate_skews() {
    for seed in SEEDS {
        let mut s = faxe(Strategy::OpenCall, seed);
        s.vote.turnout_intercept = 20.0;
        s.meeting.persuasion = 0.0;
        let r = run(&s).unwrap();
        assert!(
            (r.influence.legitimacy - 1.0).abs() < 1e-12,
            "seed {seed}: {}",
            r.influence.legitimacy
        );
        assert!(r.influence.welfare_loss.abs() < 1e-12);
    }
    let skewed = mean_over(&MORE_SEEDS, |seed| {
        run(&faxe(Strategy::OpenCall, seed))
            .unwrap()
            .influence
            .legitimacy
    });
    assert!(skewed < 0.9, "mean legitimacy with 10% turnout {skewed}");
}
