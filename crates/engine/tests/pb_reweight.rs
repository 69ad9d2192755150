//! Reweighting, studying and seeding on the real Warszawa 2017 Młynów file (voters with age and
//! sex) and the other shared files.

use std::path::PathBuf;

use dialoglab_engine::Scenario;
use dialoglab_engine::pb::reweight::{self, PopulationProfile, cell_of};
use dialoglab_engine::pb::seed::seed_scenario;
use dialoglab_engine::pb::study::{StudyOptions, study};
use dialoglab_engine::pb::{Instance, Profile, Rule, TieBreak, pabulib};

fn load(name: &str) -> (Instance, Profile) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pabulib")
        .join(name);
    pabulib::parse_bytes(&std::fs::read(path).expect("data file")).expect("parses")
}

const MLYNOW: &str = "Poland_Warszawa_2017_Mlynow.pb";

#[test]
fn reweighted_mlynow_has_the_profile_shares() {
    let (_, p) = load(MLYNOW);
    let preset = reweight::preset("poland-2022").unwrap();
    let pop = preset.profile();
    let r = reweight::reweight(&p, &pop).unwrap();
    assert!(r.empty_cells.is_empty(), "{:?}", r.empty_cells);
    // Realised shares among the voters with a cell, after replication.
    let mut counts = [[0u64; 2]; 4];
    for v in &r.profile.voters {
        if let Some((b, s)) = cell_of(v) {
            counts[b][s] += 1;
        }
    }
    let total: u64 = counts.iter().flatten().sum();
    let p_all: u64 = pop.cells.iter().flatten().sum();
    for (b, (row, pop_row)) in counts.iter().zip(&pop.cells).enumerate() {
        for (s, (&n, &persons)) in row.iter().zip(pop_row).enumerate() {
            let realised = n as f64 / total as f64;
            let target = persons as f64 / p_all as f64;
            assert!(
                (realised - target).abs() < 0.01,
                "cell {b},{s}: {realised} vs {target}"
            );
        }
    }
    // The file over-represents women (912 of 1438): their weight is below 1, men's above.
    let w = |b: usize, s: usize| r.cells[b * 2 + s].weight;
    assert!(w(1, 0) < w(1, 1));
    assert_eq!(r.profile.ballots.len(), r.profile.voters.len());
}

#[test]
fn the_study_of_every_shared_file_runs_every_rule_as_the_rules_do() {
    for name in [
        "Poland_Czestochowa_2020_Grabowka.pb",
        "Poland_Swiecie_2023.pb",
        MLYNOW,
        "Switzerland_Zurich_S5R.pb",
        "US_Stanford_Dataset_PB_Cambridge_2015_vote_knapsacks.pb",
    ] {
        let (i, p) = load(name);
        let s = study(&i, &p, &StudyOptions::default(), &mut |_| {});
        assert_eq!(s.voters, p.ballots.len() as u64);
        assert_eq!(s.ballot_lengths.iter().sum::<u64>(), s.voters, "{name}");
        for (o, rule) in s.outcomes.iter().zip(Rule::ALL) {
            assert_eq!(o.rule, rule);
            assert_eq!(
                o.allocation,
                rule.run(&i, &p, &TieBreak::ProjectId),
                "{name} {rule}"
            );
        }
        assert!(s.reweighted.is_none());
    }
}

#[test]
fn mlynow_study_with_a_profile_reports_turnout_and_reweighted_outcomes() {
    let (i, p) = load(MLYNOW);
    let options = StudyOptions {
        population: Some(PopulationProfile {
            cells: [[1, 1], [1, 1], [1, 1], [1, 1]],
        }),
        adults: Some(20_000),
        ..StudyOptions::default()
    };
    let s = study(&i, &p, &options, &mut |_| {});
    let r = s.reweighted.unwrap().unwrap();
    assert_eq!(r.outcomes.len(), Rule::ALL.len());
    let t = s.turnout.unwrap();
    let voters: u64 = t.iter().map(|c| c.voters).sum();
    assert!(voters > 1_300 && voters <= 1_438);
    assert!(t.iter().all(|c| (c.population - 2_500.0).abs() < 1e-9));
    assert!(
        r.outcomes
            .iter()
            .all(|o| o.allocation.total_cost <= i.budget)
    );
}

#[test]
fn a_seeded_scenario_takes_the_files_shape_and_runs() {
    let (i, p) = load("Poland_Swiecie_2023.pb");
    let s = seed_scenario(&i, &p, &Scenario::default()).unwrap();
    assert_eq!(s.scenario.budget, 1_070_000);
    assert_eq!(s.scenario.vote.max_projects, 22);
    assert_eq!(s.scenario.vote.rule, Rule::MesAdd1);
    assert!(s.median_ballot_length >= 1);
    let report = dialoglab_engine::run(&s.scenario).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(
        json,
        serde_json::to_string(&dialoglab_engine::run(&s.scenario).unwrap()).unwrap()
    );
}
