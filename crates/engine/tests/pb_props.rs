//! Property tests of the PB rules and the `.pb` reader on random small instances.

use dialoglab_engine::pb::{
    self, Ballot, Instance, MesUtility, Profile, Project, Ratio, Rule, TieBreak, pabulib,
};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// `cases` random cases; a failing case is saved next to this file, in
/// `pb_props.proptest-regressions`, which is committed so that every later run replays it first.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

fn instance_strategy() -> impl Strategy<Value = (Instance, Vec<Vec<u32>>)> {
    (1u32..8, 0u64..200).prop_flat_map(|(m, budget)| {
        let costs = proptest::collection::vec(0u64..80, m as usize);
        let ballots =
            proptest::collection::vec(proptest::collection::btree_set(0..m, 0..=m as usize), 0..14);
        (costs, ballots).prop_map(move |(costs, ballots)| {
            let projects = costs
                .iter()
                .enumerate()
                .map(|(i, &c)| Project::new(format!("p{i}"), c))
                .collect();
            let ballots = ballots
                .into_iter()
                .map(|s| s.into_iter().collect())
                .collect();
            (Instance::new(projects, budget), ballots)
        })
    })
}

fn tie_break() -> impl Strategy<Value = TieBreak> {
    proptest::sample::select(TieBreak::ALL.to_vec())
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn every_rule_stays_within_budget((inst, ballots) in instance_strategy(), tb in tie_break()) {
        let profile = Profile::approval(ballots);
        for rule in Rule::ALL {
            let out = rule.run(&inst, &profile, &tb);
            prop_assert!(out.total_cost <= inst.budget, "{rule}: {} > {}", out.total_cost, inst.budget);
            let mut ids = out.winners.clone();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), out.winners.len(), "{} funds a project twice", rule);
        }
    }

    #[test]
    fn outcomes_do_not_depend_on_ballot_order(
        (inst, ballots) in instance_strategy(), tb in tie_break(), rot in 0usize..14
    ) {
        let profile = Profile::approval(ballots.clone());
        let mut reordered = ballots;
        reordered.reverse();
        if !reordered.is_empty() {
            let k = rot % reordered.len();
            reordered.rotate_left(k);
        }
        let profile2 = Profile::approval(reordered);
        for rule in Rule::ALL {
            prop_assert_eq!(rule.run(&inst, &profile, &tb), rule.run(&inst, &profile2, &tb), "{}", rule);
        }
    }

    #[test]
    fn greedy_is_exhaustive((inst, ballots) in instance_strategy(), tb in tie_break()) {
        let profile = Profile::approval(ballots);
        for rule in [Rule::Greedy, Rule::GreedyPerCost, Rule::MesGreedy, Rule::MesAdd1Greedy] {
            let out = rule.run(&inst, &profile, &tb);
            prop_assert!(pb::analytics(&inst, &profile, &out).exhaustive, "{}", rule);
        }
    }

    #[test]
    fn mes_payments_respect_endowments((inst, ballots) in instance_strategy(), tb in tie_break()) {
        let profile = Profile::approval(ballots);
        for utility in [MesUtility::Cost, MesUtility::Cardinality] {
            let trace = pb::mes_trace(&inst, &profile, &tb, utility);
            for spent in &trace.spent {
                prop_assert!(*spent <= trace.endowment);
            }
            for pay in &trace.payments {
                let cost = inst.projects[pay.project as usize].cost;
                prop_assert_eq!(&pay.total, &Ratio::from_int(u128::from(cost)));
            }
            let total: Ratio = trace.spent.iter().fold(Ratio::zero(), |a, s| a.add(s));
            let cost: u64 = trace.winners.iter().map(|&p| inst.projects[p as usize].cost).sum();
            prop_assert_eq!(total, Ratio::from_int(u128::from(cost)));
            let rule = match utility {
                MesUtility::Cost => Rule::Mes,
                MesUtility::Cardinality => Rule::MesCardinality,
            };
            let ids: Vec<String> = trace.winners.iter().map(|&p| inst.projects[p as usize].id.clone()).collect();
            prop_assert_eq!(rule.run(&inst, &profile, &tb).winners, ids);
        }
    }

    #[test]
    fn completions_extend_plain_mes((inst, ballots) in instance_strategy(), tb in tie_break()) {
        let profile = Profile::approval(ballots);
        let plain = Rule::Mes.run(&inst, &profile, &tb);
        let completed = Rule::MesGreedy.run(&inst, &profile, &tb);
        prop_assert_eq!(&completed.winners[..plain.winners.len()], &plain.winners[..]);
        // Add1 never spends less than its own starting point, plain MES with ⌊B/n⌋ ≤ B/n.
        let add1 = Rule::MesAdd1.run(&inst, &profile, &tb);
        let add1g = Rule::MesAdd1Greedy.run(&inst, &profile, &tb);
        prop_assert_eq!(&add1g.winners[..add1.winners.len()], &add1.winners[..]);
    }

    #[test]
    fn generated_profiles_round_trip((inst, ballots) in instance_strategy(), kind in 0u8..3) {
        let profile = match kind {
            0 => Profile::approval(ballots),
            1 => Profile::cumulative(
                ballots.iter().map(|b| b.iter().map(|&p| (p, p + 1)).collect()).collect(),
            ),
            _ => Profile::ordinal(ballots),
        };
        let text = pabulib::write(&inst, &profile);
        let (i2, p2) = pabulib::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&i2.projects, &inst.projects);
        prop_assert_eq!((i2.budget, i2.scale), (inst.budget, inst.scale));
        prop_assert_eq!(&p2.ballots, &profile.ballots);
        prop_assert_eq!(&p2.voters, &profile.voters);
        prop_assert_eq!(p2.kind, profile.kind);
        // Second round trip is the identity, META included.
        let (i3, p3) = pabulib::parse(&pabulib::write(&i2, &p2)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(i3, i2);
        prop_assert_eq!(p3, p2);
    }

    #[test]
    fn decimal_money_round_trips(cents in proptest::collection::vec(0u64..100_000, 1..6), budget in 0u64..1_000_000) {
        let projects = cents.iter().enumerate().map(|(i, &c)| Project::new(format!("{i}"), c)).collect();
        let mut inst = Instance::new(projects, budget);
        inst.scale = 100;
        let profile = Profile::approval(vec![vec![0]]);
        let (i2, _) = pabulib::parse(&pabulib::write(&inst, &profile)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // The scale may shrink when no amount needs two decimals, but money stays exact.
        let factor = inst.scale / i2.scale;
        prop_assert_eq!(i2.budget * factor, budget);
        for (a, b) in i2.projects.iter().zip(&inst.projects) {
            prop_assert_eq!(a.cost * factor, b.cost);
        }
    }

    #[test]
    fn parse_never_panics_on_strings(s in ".{0,400}") {
        let _ = pabulib::parse(&s);
    }

    #[test]
    fn parse_never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = pabulib::parse_bytes(&b);
    }

    #[test]
    fn parse_never_panics_on_pb_shaped_text(
        lines in proptest::collection::vec(
            proptest::sample::select(vec![
                "META", "PROJECTS", "VOTES", "key;value", "budget;100", "budget;1,5", "budget;x",
                "vote_type;cumulative", "vote_type;ordinal", "project_id;cost;name", "project_id;cost",
                "1;10;a", "2;5,5;\"b;c\"", "1;-3", "voter_id;vote;points", "voter_id;vote",
                "v1;1,2;3,4", "v2;1;x", "v3;9", "v1;", "\"open", "", "none;none", "v4;1,2;5",
            ]),
            0..30,
        )
    ) {
        let _ = pabulib::parse(&lines.join("\n"));
    }
}

fn real_files() -> Vec<Vec<u8>> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/pabulib");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    v.sort();
    v.into_iter().map(|p| std::fs::read(p).unwrap()).collect()
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn parse_never_panics_on_mutated_real_files(
        file in 0usize..5,
        edits in proptest::collection::vec((any::<u32>(), 0u8..3, any::<u8>()), 1..20),
    ) {
        let files = real_files();
        let mut bytes = files[file % files.len()].clone();
        for (pos, op, byte) in edits {
            if bytes.is_empty() { break; }
            let i = pos as usize % bytes.len();
            let byte = [b';', b'"', b'\n', b',', b'x', b'0', byte][byte as usize % 7];
            match op {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
        }
        if let Ok((inst, profile)) = pabulib::parse_bytes(&bytes) {
            // Whatever parses must be usable by the rules.
            for ballot in &profile.ballots {
                prop_assert!(ballot.projects().iter().all(|&p| (p as usize) < inst.projects.len()));
            }
            let _ = Rule::Greedy.run(&inst, &profile, &TieBreak::default());
        }
    }
}

#[test]
fn cumulative_and_ordinal_scores_drive_greedy() {
    let projects = vec![
        Project::new("a", 5),
        Project::new("b", 5),
        Project::new("c", 5),
    ];
    let inst = Instance::new(projects, 5);
    // Points: b gets 9, a 2+2=4, c 1.
    let cum = Profile::cumulative(vec![vec![(0, 2), (1, 9)], vec![(0, 2), (2, 1)]]);
    assert_eq!(
        Rule::Greedy.run(&inst, &cum, &TieBreak::default()).winners,
        ["b"]
    );
    // Approval projection for MES-based rules: a is listed twice.
    assert_eq!(
        Rule::MesGreedy
            .run(&inst, &cum, &TieBreak::default())
            .winners,
        ["a"]
    );
    // Ordinal: len − position. c: 3+3 = 6, a: 2+1 = 3, b: 1+2 = 3.
    let ord = Profile::ordinal(vec![vec![2, 0, 1], vec![2, 1, 0]]);
    assert_eq!(
        Rule::Greedy.run(&inst, &ord, &TieBreak::default()).winners,
        ["c"]
    );
    assert!(matches!(ord.ballots[0], Ballot::Ranking(_)));
}
