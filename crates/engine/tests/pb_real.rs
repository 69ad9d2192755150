//! Real pabulib files: parsing, official outcomes, round trips.

use std::path::PathBuf;

use dialoglab_engine::pb::{self, Instance, Profile, Rule, TieBreak, VoteKind, pabulib};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/pabulib")
}

fn load(name: &str) -> (Instance, Profile) {
    let bytes = std::fs::read(data_dir().join(name)).expect("data file");
    pabulib::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const FILES: [&str; 5] = [
    "Poland_Czestochowa_2020_Grabowka.pb",
    "Poland_Swiecie_2023.pb",
    "Poland_Warszawa_2017_Mlynow.pb",
    "Switzerland_Zurich_S5R.pb",
    "US_Stanford_Dataset_PB_Cambridge_2015_vote_knapsacks.pb",
];

fn official(instance: &Instance) -> Vec<String> {
    instance
        .projects
        .iter()
        .filter(|p| p.selected == Some(1))
        .map(|p| p.id.clone())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn all_five_files_parse_with_expected_shapes() {
    // (file, projects, ballots, kind, budget)
    let expected = [
        (FILES[0], 8, 201, VoteKind::Cumulative, 225_862),
        (FILES[1], 22, 2553, VoteKind::Approval, 1_070_000),
        (FILES[2], 25, 1438, VoteKind::Approval, 1_330_900),
        (FILES[3], 24, 180, VoteKind::Ordinal, 60_000),
        (FILES[4], 23, 941, VoteKind::Approval, 600_000),
    ];
    for (file, np, nb, kind, budget) in expected {
        let (i, p) = load(file);
        assert_eq!(i.projects.len(), np, "{file}");
        assert_eq!(p.ballots.len(), nb, "{file}");
        assert_eq!(p.voters.len(), nb, "{file}");
        assert_eq!(p.kind, kind, "{file}");
        assert_eq!((i.budget, i.scale), (budget, 1), "{file}");
        // num_projects / num_votes in META agree with the data.
        assert_eq!(i.meta_value("num_projects"), Some(np.to_string().as_str()));
        assert_eq!(i.meta_value("num_votes"), Some(nb.to_string().as_str()));
    }
}

#[test]
fn quirks_of_real_files_are_handled() {
    let (i, p) = load(FILES[0]);
    let p47 = &i.projects[i.project_index("47").unwrap() as usize];
    assert!(p47.name.starts_with("Odkupmy i my - zakup"), "{}", p47.name);
    assert_eq!(p.max_sum_points, Some(10));
    assert_eq!(p.ballots[0], pb::Ballot::Points(vec![(0, 6), (6, 4)]));
    let (_, p) = load(FILES[2]);
    assert_eq!(p.voters[0].age, Some(35));
    assert_eq!(p.voters[0].sex.as_deref(), Some("M"));
    assert_eq!(p.voters[0].voting_method.as_deref(), Some("internet"));
    assert_eq!(p.max_sum_cost, Some(1_330_900));
    assert_eq!(p.min_length, Some(1));
    let (_, p) = load(FILES[3]);
    assert_eq!(p.max_length, Some(5));
    assert_eq!(
        p.voters[0].extra[0],
        ("topic_preference_transport".into(), "24".into())
    );
}

#[test]
fn warszawa_mlynow_greedy_reproduces_official_winners() {
    let (i, p) = load(FILES[2]);
    assert_eq!(i.meta_value("rule"), Some("greedy"));
    let out = Rule::Greedy.run(&i, &p, &TieBreak::default());
    let off = official(&i);
    assert!(!off.is_empty());
    assert_eq!(sorted(out.winners), sorted(off));
}

#[test]
fn swiecie_mes_add1_reproduces_official_winners() {
    let (i, p) = load(FILES[1]);
    assert_eq!(i.meta_value("rule"), Some("equalshares/add1"));
    let out = Rule::MesAdd1.run(&i, &p, &TieBreak::default());
    let off = official(&i);
    assert_eq!(sorted(out.winners.clone()), sorted(off));
    assert!(out.total_cost <= i.budget);
    // Plain MES is a strict subset here (Add1 matters).
    let plain = Rule::Mes.run(&i, &p, &TieBreak::default());
    assert!(plain.total_cost < out.total_cost);
    assert!(plain.winners.iter().all(|w| out.winners.contains(w)));
}

#[test]
fn files_without_selected_column_have_no_official_outcome() {
    for file in [FILES[0], FILES[3], FILES[4]] {
        let (i, _) = load(file);
        assert!(i.projects.iter().all(|p| p.selected.is_none()), "{file}");
    }
}

#[test]
fn every_rule_runs_within_budget_on_real_files() {
    for file in FILES {
        let (i, p) = load(file);
        for rule in Rule::ALL {
            let out = rule.run(&i, &p, &TieBreak::default());
            assert!(out.total_cost <= i.budget, "{file} {rule}");
            let recomputed: u64 = out
                .winners
                .iter()
                .map(|w| i.projects[i.project_index(w).unwrap() as usize].cost)
                .sum();
            assert_eq!(recomputed, out.total_cost, "{file} {rule}");
            let a = pb::analytics(&i, &p, &out);
            assert!((0.0..=1.0).contains(&a.budget_share_used));
            assert!((0.0..=1.0).contains(&a.gini_cost_satisfaction));
        }
    }
}

#[test]
fn real_files_round_trip_through_write() {
    for file in FILES {
        let (i, p) = load(file);
        let text = pabulib::write(&i, &p);
        let (i2, p2) = pabulib::parse(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(i2, i, "{file}");
        assert_eq!(p2, p, "{file}");
    }
}

#[test]
fn mlynow_analytics_break_down_by_age_and_sex() {
    let (i, p) = load(FILES[2]);
    let out = Rule::Greedy.run(&i, &p, &TieBreak::default());
    let a = pb::analytics(&i, &p, &out);
    let total: u64 = a.by_age.iter().map(|g| g.count).sum();
    assert_eq!(total, p.ballots.len() as u64);
    let total: u64 = a.by_sex.iter().map(|g| g.count).sum();
    assert_eq!(total, p.ballots.len() as u64);
    assert!(a.by_sex.iter().any(|g| g.group == "M"));
    assert!(a.by_sex.iter().any(|g| g.group == "F"));
    assert!(a.share_with_winner > 0.5);
}
