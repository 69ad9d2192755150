//! Tests of the rules, across the files of `pb::rules`.

use super::super::exact::Ratio;
use super::super::mes_jump::{mes_with_horizon, steps_past};
use super::super::{Allocation, Instance, Profile, Project, Rule, TieBreak};
use super::completions::*;
use super::greedy::*;
use super::mes::*;
use super::money::*;
use super::phragmen::*;
use super::prepared::*;

mod skipping {
    use super::*;
    use proptest::prelude::*;

    fn case() -> impl Strategy<Value = (Instance, Profile, TieBreak)> {
        (1u32..7, 1u64..400, 1u64..4).prop_flat_map(|(m, budget, scale)| {
            let costs = proptest::collection::vec(0u64..160, m as usize);
            let ballots = proptest::collection::vec(
                proptest::collection::btree_set(0..m, 0..=m as usize),
                1..12,
            );
            let tb = proptest::sample::select(TieBreak::ALL.to_vec());
            (costs, ballots, tb).prop_map(move |(costs, ballots, tb)| {
                let projects = costs
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| Project::new(format!("p{i}"), c * scale))
                    .collect();
                let mut inst = Instance::new(projects, budget * scale);
                inst.scale = scale;
                let ballots = ballots
                    .into_iter()
                    .map(|b| b.into_iter().collect())
                    .collect();
                (inst, Profile::approval(ballots), tb)
            })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The run with a horizon picks the ordinary run's winners, and every endowment short
        /// of the horizon gives them again.
        #[test]
        fn the_horizon_is_safe((inst, profile, tb) in case(), e in 0u64..200, den in 1u128..5) {
            let prep = Prepared::new(&inst, &profile, tb);
            for utility in [MesUtility::Cost, MesUtility::Cardinality] {
                let e0 = (u128::from(e), den);
                let (winners, horizon) =
                    mes_with_horizon(&prep, utility, e0).expect("small numbers");
                prop_assert_eq!(&winners, &mes_winners(&prep, utility, e0));
                // Probe endowments e0 + j/4 up to the horizon (or 300 when there is none).
                let limit = horizon.clone().unwrap_or(Ratio::from_int(300));
                for j in 1u128..1200 {
                    let d = Ratio::new(j, 4);
                    if d >= limit {
                        break;
                    }
                    let probe = Ratio::new(e0.0, e0.1).add(&d);
                    let (n, q) = probe.as_small().expect("small");
                    prop_assert_eq!(&mes_winners(&prep, utility, (n, q)), &winners, "d = {}/4", j);
                }
            }
        }

        /// Skipping steps gives the same winners as taking every step.
        #[test]
        fn completions_match_taking_every_step((inst, profile, tb) in case()) {
            let prep = Prepared::new(&inst, &profile, tb);
            let add1 = add1_winners_stepwise(&prep, &inst);
            let increment = increment_winners_stepwise(&prep, &inst);
            // An attempt at skipping at every step, and the backing-off default.
            for min_gap in [0, Steps::MIN_GAP] {
                prop_assert_eq!(&add1_winners_with(&prep, &inst, min_gap), &add1);
                prop_assert_eq!(&increment_winners_with(&prep, &inst, min_gap), &increment);
            }
        }
    }

    #[test]
    fn steps_past_rounds_up_to_whole_steps() {
        assert_eq!(steps_past(&Ratio::zero(), 10), 1);
        assert_eq!(steps_past(&Ratio::from_int(10), 10), 1);
        assert_eq!(steps_past(&Ratio::from_int(11), 10), 2);
        assert_eq!(steps_past(&Ratio::new(201, 10), 1), 21);
        assert_eq!(
            steps_past(&Ratio::from_int(1_000_000_000_000_000), 1),
            1_000_000_000_000_000
        );
    }

    /// A project of 10^15 on a budget of 1: stepping would take 10^15 runs; skipping ends.
    /// `b` (cost 1) is bought at an endowment of 1; `a` only where it overspends.
    #[test]
    fn huge_costs_end() {
        let projects = vec![
            Project::new("a", 1_000_000_000_000_000),
            Project::new("b", 1),
        ];
        let inst = Instance::new(projects, 1);
        let profile = Profile::approval(vec![vec![0], vec![0, 1], vec![0]]);
        let prep = Prepared::new(&inst, &profile, TieBreak::default());
        assert_eq!(add1_winners(&prep, &inst), vec![1]);
        assert_eq!(increment_winners(&prep, &inst), vec![1]);
        // With a budget that fits both: `a` (key ≈ 1/3) before `b` (key 1) once `a` is
        // affordable, one unit above ⌊B/n⌋.
        let inst = Instance::new(inst.projects.clone(), 1_000_000_000_000_001);
        let prep = Prepared::new(&inst, &profile, TieBreak::default());
        assert_eq!(add1_winners(&prep, &inst), vec![0, 1]);
    }
}

fn ids(a: &Allocation) -> Vec<&str> {
    a.winners.iter().map(String::as_str).collect()
}

/// equalshares.net "Explanation" page, example 1 (docs/explanation.mdx in
/// github.com/equalshares/equalshares.net): budget 1100, 11 voters; columns of the vote table
/// give each voter's approvals.
fn example(second: bool) -> (Instance, Profile) {
    let projects = vec![
        Project::new("bike path", 700),
        Project::new("outdoor gym", 400),
        Project::new("new park", 250),
        Project::new("new playground", 200),
        Project::new("library for kids", 100),
    ];
    let (bike, gym, park, play, lib) = (0, 1, 2, 3, 4);
    let mut ballots = vec![
        vec![bike, gym],
        vec![bike, gym, park],
        vec![bike, gym],
        vec![bike, gym, park],
        vec![bike, gym, park],
        vec![bike, gym],
        vec![park, play, lib],
        vec![play],
        vec![play, lib],
        vec![park, play, lib],
        vec![bike],
    ];
    if second {
        // Example 2: the right-most voter votes for the gym instead of the bike path.
        ballots[10] = vec![gym];
    }
    (Instance::new(projects, 1100), Profile::approval(ballots))
}

#[test]
fn equalshares_example_1() {
    let (i, p) = example(false);
    let t = TieBreak::default();
    assert_eq!(ids(&greedy(&i, &p, &t)), ["bike path", "outdoor gym"]);
    assert_eq!(
        ids(&mes(&i, &p, &t)),
        ["bike path", "new playground", "library for kids"]
    );
    let trace = mes_trace(&i, &p, &t, MesUtility::Cost);
    // The bike path costs 700 = 7 × 100: each supporter pays exactly their 100.
    assert_eq!(trace.payments[0].price, Ratio::from_int(100));
    assert_eq!(trace.spent[7], Ratio::from_int(50));
    assert_eq!(trace.spent[6], Ratio::new(250, 3));
}

#[test]
fn equalshares_example_2() {
    let (i, p) = example(true);
    let t = TieBreak::default();
    let out = mes(&i, &p, &t);
    assert_eq!(ids(&out), ["outdoor gym", "new park", "new playground"]);
    let trace = mes_trace(&i, &p, &t, MesUtility::Cost);
    assert_eq!(trace.payments[0].price, Ratio::new(400, 7));
    // Park: three supporters pay their remaining 300/7, the two others (250 − 900/7)/2 = 60.5…
    assert_eq!(trace.payments[1].price, Ratio::new(850, 14));
    for pay in &trace.payments {
        assert_eq!(
            pay.total,
            Ratio::from_int(u128::from(i.projects[pay.project as usize].cost))
        );
    }
}

#[test]
fn tie_breaks_change_equal_score_outcomes() {
    let projects = vec![
        Project::new("b", 10),
        Project::new("a", 10),
        Project::new("c", 5),
    ];
    let i = Instance::new(projects, 10);
    let p = Profile::approval(vec![vec![0, 1, 2]]);
    assert_eq!(ids(&greedy(&i, &p, &TieBreak::ProjectId)), ["a"]);
    assert_eq!(ids(&greedy(&i, &p, &TieBreak::LowestCost)), ["c"]);
    assert_eq!(ids(&greedy(&i, &p, &TieBreak::HighestCost)), ["a"]);
    assert_eq!(ids(&greedy_no_skip(&i, &p, &TieBreak::HighestCost)), ["a"]);
}

#[test]
fn greedy_no_skip_stops_and_per_cost_prefers_cheap() {
    let projects = vec![
        Project::new("x", 8),
        Project::new("y", 5),
        Project::new("z", 2),
    ];
    let i = Instance::new(projects, 10);
    let p = Profile::approval(vec![vec![0, 1, 2], vec![0, 1], vec![0]]);
    assert_eq!(ids(&greedy(&i, &p, &TieBreak::default())), ["x", "z"]);
    assert_eq!(ids(&greedy_no_skip(&i, &p, &TieBreak::default())), ["x"]);
    // per cost: z 1/2, y 2/5, x 3/8 → z, y, then x does not fit.
    assert_eq!(
        ids(&greedy_per_cost(&i, &p, &TieBreak::default())),
        ["z", "y"]
    );
}

#[test]
fn completions_spend_more_than_plain_mes() {
    let (i, p) = example(true);
    let t = TieBreak::default();
    let plain = mes(&i, &p, &t);
    for rule in [
        Rule::MesGreedy,
        Rule::MesAdd1,
        Rule::MesAdd1Greedy,
        Rule::MesIncrement,
    ] {
        let out = rule.run(&i, &p, &t);
        assert!(out.total_cost <= i.budget, "{rule}");
        assert!(out.total_cost >= plain.total_cost, "{rule}");
    }
    // Add1 and greedy completion fund the remaining library (cost 100 ≤ leftover 250).
    assert!(ids(&mes_greedy(&i, &p, &t)).contains(&"library for kids"));
}

/// Random profiles large enough that the interval filter usually decides on its own: its
/// winners must equal the exact engine's whenever it does not defer.
#[test]
fn interval_filter_agrees_with_exact_arithmetic() {
    let mut state = 7u64;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut decided = 0;
    for case in 0..60u32 {
        let m = 3 + (next() % 12) as u32;
        let n = 20 + next() % 300;
        let projects: Vec<Project> = (0..m)
            .map(|i| Project::new(format!("p{i:02}"), 1 + next() % 10_000))
            .collect();
        let total: u64 = projects.iter().map(|p| p.cost).sum();
        let ballots: Vec<Vec<u32>> = (0..n)
            .map(|_| (0..m).filter(|_| next() % 4 == 0).collect())
            .collect();
        let inst = Instance::new(projects, total * (1 + next() % 6) / 10);
        let prof = Profile::approval(ballots);
        let prep = Prepared::new(&inst, &prof, TieBreak::default());
        for utility in [MesUtility::Cost, MesUtility::Cardinality] {
            for e in [
                (u128::from(inst.budget), u128::from(n)),
                (u128::from(inst.budget / n + 3), 1),
            ] {
                let exact = mes_generic::<Ratio>(&prep, utility, e).ok().map(|r| r.0);
                if let Ok(fast) = mes_generic::<Interval>(&prep, utility, e) {
                    decided += 1;
                    assert_eq!(Some(fast.0), exact, "case {case}");
                }
            }
        }
        let exact = phragmen_generic::<Ratio>(&prep, inst.budget).ok();
        if let Ok(fast) = phragmen_generic::<Interval>(&prep, inst.budget) {
            decided += 1;
            assert_eq!(Some(fast), exact, "case {case}");
        }
    }
    assert!(decided > 150, "the filter decided only {decided} runs");
}

/// Mask grouping (hash table, then the distinct masks sorted) gives the same groups as
/// sorting the approval sets, and every rule gives the same outcome on masks as on ballots.
#[test]
fn mask_grouping_and_mask_profiles_match_ballot_lists() {
    let mut state = 11u64;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z ^ (z >> 31)
    };
    for case in 0..12u64 {
        // Even cases: few projects, so ballots repeat (the hash-table path); odd cases: up
        // to 21 projects, mostly distinct ballots (the sort-everything path).
        let m = if case % 2 == 0 {
            2 + (next() % 6) as u32
        } else {
            12 + (next() % 10) as u32
        };
        // Enough voters and distinct sets that the hash table grows several times.
        let n = 300 + next() % 2_000;
        let projects: Vec<Project> = (0..m)
            .map(|i| Project::new(format!("p{i:02}"), 1 + next() % 5_000))
            .collect();
        let total: u64 = projects.iter().map(|p| p.cost).sum();
        let inst = Instance::new(projects, total * (2 + next() % 5) / 10);
        let ballots: Vec<Vec<u32>> = (0..n)
            .map(|_| (0..m).filter(|_| next() % 3 == 0).collect())
            .collect();
        let masks: Vec<u128> = ballots
            .iter()
            .map(|b| b.iter().fold(0u128, |x, &p| x | 1u128 << p))
            .collect();
        let prof = Profile::approval(ballots);
        // Reference: sort every (mask, ballot) pair and cut runs of equal masks.
        let mut keyed: Vec<(u128, usize)> = masks
            .iter()
            .enumerate()
            .filter(|(_, x)| **x != 0)
            .map(|(i, &x)| (x, i))
            .collect();
        crate::sort::unstable(&mut keyed);
        let mut weights: Vec<u64> = Vec::new();
        let mut ballot_group = vec![u32::MAX; masks.len()];
        let mut distinct: Vec<u128> = Vec::new();
        for &(x, i) in &keyed {
            if distinct.last() != Some(&x) {
                distinct.push(x);
                weights.push(0);
            }
            *weights.last_mut().unwrap() += 1;
            ballot_group[i] = (distinct.len() - 1) as u32;
        }
        let sorted = group_masks_by_sorting(&masks);
        assert_eq!(sorted.weights, weights, "case {case}");
        assert_eq!(sorted.ballot_group, ballot_group, "case {case}");
        // Every way of grouping gives the same groups.
        let bits = 128 - masks.iter().fold(0u128, |a, &x| a | x).leading_zeros();
        for other in [group_masks_hashed(&masks), group_masks_dense(&masks, bits)] {
            assert_eq!(other.items, sorted.items, "case {case}");
            assert_eq!(other.start, sorted.start, "case {case}");
            assert_eq!(other.weights, weights, "case {case}");
            assert_eq!(other.ballot_group, ballot_group, "case {case}");
        }
        let prep = Prepared::from_approval_masks(&inst, &masks, TieBreak::default());
        assert_eq!(prep.group_items, sorted.items, "case {case}");
        assert_eq!(prep.group_start, sorted.start, "case {case}");
        assert_eq!(prep.weights, weights, "case {case}");
        assert_eq!(prep.ballot_group, ballot_group, "case {case}");
        for (g, &x) in distinct.iter().enumerate() {
            let items: Vec<u32> = (0..m).filter(|&p| x >> p & 1 == 1).collect();
            assert_eq!(prep.group(g as u32), items.as_slice(), "case {case}");
        }
        if case % 2 == 0 {
            assert!(distinct.len() * 2 <= masks.len().min(1_024), "case {case}");
        }
        assert_eq!(prep.n_voters, n);
        for rule in Rule::ALL {
            for tie in TieBreak::ALL {
                assert_eq!(
                    rule.run_approval_masks(&inst, &masks, &tie),
                    Some(rule.run(&inst, &prof, &tie)),
                    "case {case} {rule} {tie}"
                );
            }
        }
    }
}

#[test]
fn phragmen_stops_at_first_unaffordable() {
    let projects = vec![
        Project::new("a", 6),
        Project::new("b", 6),
        Project::new("c", 1),
    ];
    let i = Instance::new(projects, 7);
    let p = Profile::approval(vec![vec![0], vec![0], vec![1], vec![1], vec![2]]);
    // loads: a 6/2=3, b 6/2=3, c 1/1=1 → c, then a (tie with b, id), then b does not fit: stop.
    assert_eq!(ids(&phragmen(&i, &p, &TieBreak::default())), ["c", "a"]);
}
