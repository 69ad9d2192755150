//! The whole chain end to end: the exported vote re-runs to the same winners, the meeting trace
//! matches the report, and cycles carry their feedback.

use dialoglab_engine::pb::{self, pabulib};
use dialoglab_engine::scenario::{BallotKind, MeetingFormat};
use dialoglab_engine::{presets, run, run_traced, simulated_vote};

#[test]
fn the_exported_vote_reruns_to_the_reported_winners() {
    for (preset, ballot) in [
        ("faxe-dialogue", BallotKind::Approval),
        ("aarhus-tranbjerg", BallotKind::Cumulative),
    ] {
        let mut s = presets::get(preset).unwrap();
        s.vote.ballot = ballot;
        let report = run(&s).unwrap();
        let (instance, profile) = simulated_vote(&s).unwrap();
        let text = pabulib::write(&instance, &profile);
        let (instance2, profile2) = pabulib::parse(&text).expect("our own .pb parses");
        assert_eq!(profile2.ballots.len() as u32, report.stages["voters"].count);
        assert_eq!(profile2.voters.len(), profile2.ballots.len());
        assert!(
            profile2
                .voters
                .iter()
                .all(|v| v.sex.is_some() && v.id.starts_with('v'))
        );
        let allocation = s.vote.rule.run(&instance2, &profile2, &s.vote.tie_break);
        assert_eq!(
            allocation.winners.len(),
            report.outcome.funded.len(),
            "{preset}"
        );
        let mut winners = allocation.winners.clone();
        winners.sort();
        assert_eq!(winners, report.outcome.funded, "{preset}");
        assert_eq!(allocation.total_cost, report.outcome.spent);
        let selected: Vec<&str> = instance2
            .projects
            .iter()
            .filter(|p| p.selected == Some(1))
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(
            selected,
            report
                .outcome
                .funded
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_trace_matches_the_report_and_costs_nothing_when_not_asked_for() {
    let s = presets::get("faxe-dialogue").unwrap();
    let (report, trace) = run_traced(&s).unwrap();
    assert_eq!(
        report,
        run(&s).unwrap(),
        "asking for a trace must not change the run"
    );
    assert_eq!(trace.format, MeetingFormat::Realistic);
    assert!(!trace.tables.is_empty());
    for table in &trace.tables {
        assert!(table.members.len() >= 2);
        assert_eq!(table.rounds.len(), usize::from(s.meeting.rounds));
        for round in &table.rounds {
            assert_eq!(round.turns.len(), table.members.len());
            assert_eq!(round.prefs_after.len(), table.members.len());
            assert!(
                round
                    .turns
                    .iter()
                    .all(|&(k, d)| usize::from(k) < table.members.len() && d > 0.0)
            );
        }
    }
    // Ideal and realistic meetings seat the same attendees at the same tables.
    let mut ideal = s.clone();
    ideal.meeting.format = MeetingFormat::Ideal;
    let (_, trace_ideal) = run_traced(&ideal).unwrap();
    let members = |t: &dialoglab_engine::MeetingTrace| -> Vec<Vec<u32>> {
        t.tables
            .iter()
            .map(|tb| tb.members.iter().map(|m| m.citizen).collect())
            .collect()
    };
    assert_eq!(members(&trace), members(&trace_ideal));
}

#[test]
fn every_proposal_is_accounted_for_and_money_adds_up() {
    for name in presets::names() {
        let s = presets::get(name).unwrap();
        let r = run(&s).unwrap();
        let o = &r.outcome;
        let on_ballot = o.projects.iter().filter(|p| p.on_ballot).count();
        assert!(on_ballot <= usize::from(s.vote.max_projects), "{name}");
        assert!(
            o.projects
                .iter()
                .filter(|p| p.vetoed)
                .all(|p| !p.on_ballot && !p.funded)
        );
        assert_eq!(
            o.spent,
            o.projects
                .iter()
                .filter(|p| p.funded)
                .map(|p| p.cost)
                .sum::<u64>()
        );
        assert!(
            o.spent <= s.budget && o.spent_if_all_voted <= s.budget,
            "{name}"
        );
        assert!(
            (r.influence.money_per_capita - o.spent as f64 / f64::from(r.population.size)).abs()
                < 1e-9
        );
        let municipal_vetoed = o.projects.iter().any(|p| p.municipal && p.vetoed);
        assert!(
            !municipal_vetoed,
            "{name}: the municipality vetoed its own proposal"
        );
    }
}

#[test]
fn the_rule_acts_last_on_the_same_ballot_and_greedy_is_exhaustive() {
    let mut s = presets::get("faxe-dialogue").unwrap();
    let greedy = run(&s).unwrap();
    s.vote.rule = pb::Rule::Mes;
    let mes = run(&s).unwrap();
    // Same population, meeting and ballot: the rule acts last.
    let ballot = |r: &dialoglab_engine::Report| -> Vec<(String, u64)> {
        r.outcome
            .projects
            .iter()
            .filter(|p| p.on_ballot)
            .map(|p| (p.id.clone(), p.cost))
            .collect()
    };
    assert_eq!(ballot(&greedy), ballot(&mes));
    let left = s.budget - greedy.outcome.spent;
    let fits = greedy
        .outcome
        .projects
        .iter()
        .any(|p| p.on_ballot && !p.funded && p.cost <= left);
    assert!(!fits, "greedy left a project that fits in {left} DKK");
    assert!(mes.outcome.spent <= s.budget);
}

/// A run at [`Detail::Headline`] (what sweeps, Morris, ensembles and the Monte-Carlo jobs use)
/// gives every metric bit for bit as the full run does, and its report differs from the full one
/// only in [`Detail::OMITTED`]: the informed counterfactual and the benefit shares.
#[test]
fn a_headline_run_differs_from_the_full_one_only_in_what_it_leaves_out() {
    use dialoglab_engine::metric::Metric;
    use dialoglab_engine::{Detail, population, simulate, simulate_with};
    let mut cases: Vec<_> = [
        "faxe-dialogue",
        "citizens-panel",
        "aarhus-tranbjerg",
        "outreach",
    ]
    .into_iter()
    .map(|p| presets::get(p).unwrap())
    .collect();
    let mut years = presets::get("borgerbudget-small").unwrap();
    years.cycles = 3;
    cases.push(years);
    for s in &cases {
        let pop = population::generate(&s.population, s.seed);
        let (full, lean) = (simulate(&pop, s), simulate_with(&pop, s, Detail::Headline));
        for m in Metric::ALL {
            let (a, b) = (m.of(&full), m.of(&lean));
            assert_eq!(
                a.map(f64::to_bits),
                b.map(f64::to_bits),
                "{}: {}",
                s.population.size,
                m.name()
            );
        }
        let mut full = serde_json::to_value(&full).unwrap();
        let lean = serde_json::to_value(&lean).unwrap();
        assert_ne!(full, lean, "the headline run leaves something out");
        for key in Detail::OMITTED {
            let node = dialoglab_engine::path::get_mut(&mut full, key).unwrap();
            *node = if node.is_object() {
                serde_json::json!({})
            } else {
                serde_json::json!(0.0)
            };
        }
        assert_eq!(full, lean);
    }
}

/// Which readers need the full report: a key in or under [`Detail::OMITTED`], nothing else.
#[test]
fn only_keys_of_what_a_headline_run_leaves_out_need_the_full_run() {
    use dialoglab_engine::Detail;
    for key in [
        "outcome.benefit_shares",
        "outcome.benefit_shares.age_band.67+",
        "influence.legitimacy_informed",
        "deliberation.moved_toward_informed",
    ] {
        assert_eq!(Detail::for_key(key), Detail::Full, "{key}");
    }
    for key in [
        "legitimacy",
        "influence.legitimacy",
        "outcome.benefit_shares_x",
        "stages.attendees.representativeness.ratios.age_band.67+",
        "channels.online.shares.gender.woman",
    ] {
        assert_eq!(Detail::for_key(key), Detail::Headline, "{key}");
    }
    assert_eq!(Detail::Headline.and(Detail::Full), Detail::Full);
    assert_eq!(Detail::Headline.and(Detail::Headline), Detail::Headline);
}
