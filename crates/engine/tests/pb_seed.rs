//! Seeding a simulated scenario from a real pabulib file: the file's projects reach the ballot
//! with their exact costs, and simulated approval ballots follow the file's length distribution.

use std::path::PathBuf;

use dialoglab_engine::pb::seed::seed_scenario;
use dialoglab_engine::pb::{Instance, Profile, pabulib};
use dialoglab_engine::scenario::{BallotKind, Initiative, ProjectCategory, RealProject};
use dialoglab_engine::{Scenario, run, simulated_vote};

fn load(name: &str) -> (Instance, Profile) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pabulib")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pabulib::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A seeded scenario made small enough for a quick run.
fn small(mut s: Scenario) -> Scenario {
    s.population.size = 3_000;
    s.invitation.letters = s.invitation.letters.min(3_000);
    s
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v
}

#[test]
fn a_seeded_file_puts_exactly_its_project_costs_on_the_ballot() {
    for file in [
        "Poland_Warszawa_2017_Mlynow.pb",
        "Poland_Swiecie_2023.pb",
        "Switzerland_Zurich_S5R.pb",
        "Poland_Czestochowa_2020_Grabowka.pb",
        "US_Stanford_Dataset_PB_Cambridge_2015_vote_knapsacks.pb",
    ] {
        let (instance, profile) = load(file);
        let seeding = seed_scenario(&instance, &profile, &Scenario::default()).unwrap();
        let file_costs = sorted(instance.projects.iter().map(|p| p.cost).collect());
        let real = seeding
            .scenario
            .vote
            .projects
            .clone()
            .expect("projects carried over");
        assert_eq!(real.len(), instance.projects.len(), "{file}");
        assert_eq!(
            sorted(real.iter().map(|p| p.cost).collect()),
            file_costs,
            "{file}: the costs are the file's (integral files, scale 1)"
        );
        for (r, p) in real.iter().zip(&instance.projects) {
            assert_eq!(r.name, p.name, "{file}: names in file order");
        }
        // Without the municipal filter, every file project is on the ballot with its cost.
        let mut s = small(seeding.scenario.clone());
        s.municipality.control = 0.0;
        let report = run(&s).unwrap();
        let on_ballot: Vec<u64> = report
            .outcome
            .projects
            .iter()
            .filter(|p| p.on_ballot)
            .map(|p| p.cost)
            .collect();
        assert_eq!(sorted(on_ballot), file_costs, "{file}");
        assert!(
            report
                .outcome
                .projects
                .iter()
                .all(|p| p.name.is_some() && p.district == "all"),
            "{file}"
        );
        // With the filter, every proposal is still a file project; vetoed ones are off the ballot.
        let mut strict = small(seeding.scenario.clone());
        strict.municipality.control = 1.0;
        strict.municipality.goals = [0.0; 6];
        strict.municipality.initiative = Initiative::Citizens;
        let report = run(&strict).unwrap();
        assert_eq!(
            sorted(report.outcome.projects.iter().map(|p| p.cost).collect()),
            file_costs,
            "{file}"
        );
        assert!(
            report
                .outcome
                .projects
                .iter()
                .all(|p| p.vetoed && !p.on_ballot)
        );
    }
}

#[test]
fn the_exported_vote_carries_the_real_names_and_costs() {
    let (instance, profile) = load("Poland_Warszawa_2017_Mlynow.pb");
    let mut s = small(
        seed_scenario(&instance, &profile, &Scenario::default())
            .unwrap()
            .scenario,
    );
    s.municipality.control = 0.0;
    let (exported, _) = simulated_vote(&s).unwrap();
    let mut names: Vec<&str> = exported.projects.iter().map(|p| p.name.as_str()).collect();
    let mut want: Vec<&str> = instance.projects.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    want.sort_unstable();
    assert_eq!(names, want);
}

/// The lengths of the simulated approval ballots of `s` (first year).
fn lengths(s: &Scenario) -> Vec<usize> {
    let (_, profile) = simulated_vote(s).unwrap();
    profile
        .ballots
        .iter()
        .map(dialoglab_engine::pb::Ballot::len)
        .collect()
}

fn four_projects() -> Scenario {
    let mut s = small(Scenario::default());
    s.municipality.control = 0.0;
    s.vote.threshold = 0.0;
    s.vote.projects = Some(
        ProjectCategory::ALL[..4]
            .iter()
            .zip(1u64..)
            .map(|(&category, k)| RealProject {
                name: format!("project {k}"),
                cost: 10_000 * k,
                category,
            })
            .collect(),
    );
    s
}

#[test]
fn a_one_point_distribution_gives_every_voter_that_length() {
    // Threshold 0: every voter can approve all four projects, so the drawn limit decides.
    let mut s = four_projects();
    s.vote.ballot_lengths = Some(vec![0, 0, 7]);
    let l = lengths(&s);
    assert!(l.len() > 50, "{} voters", l.len());
    assert!(l.iter().all(|&k| k == 3), "{l:?}");
    // Without the distribution, the same voters approve all four.
    s.vote.ballot_lengths = None;
    assert!(lengths(&s).iter().all(|&k| k == 4));
}

#[test]
fn drawn_lengths_stay_in_the_support_and_follow_the_weights() {
    let mut s = four_projects();
    s.population.size = 20_000;
    s.invitation.letters = 5_000;
    s.vote.turnout_intercept = 0.0;
    s.vote.ballot_lengths = Some(vec![3, 0, 0, 1]);
    let l = lengths(&s);
    assert!(l.iter().all(|&k| k == 1 || k == 4), "only lengths 1 and 4");
    let ones = l.iter().filter(|&&k| k == 1).count() as f64 / l.len() as f64;
    assert!(
        (ones - 0.75).abs() < 0.03,
        "share of length 1: {ones} over {}",
        l.len()
    );
    // The report's winners are those of the exported ballots (the run drew the same limits).
    let report = run(&s).unwrap();
    let (instance, profile) = simulated_vote(&s).unwrap();
    let mut again = s
        .vote
        .rule
        .run(&instance, &profile, &s.vote.tie_break)
        .winners;
    again.sort();
    assert_eq!(again, report.outcome.funded);
}

#[test]
fn cumulative_files_carry_projects_but_no_lengths() {
    let (instance, profile) = load("Poland_Czestochowa_2020_Grabowka.pb");
    let s = seed_scenario(&instance, &profile, &Scenario::default())
        .unwrap()
        .scenario;
    assert_eq!(s.vote.ballot, BallotKind::Cumulative);
    assert_eq!(s.vote.ballot_lengths, None);
    assert!(s.vote.projects.is_some());
}

#[test]
fn the_length_distribution_is_the_files() {
    let (instance, profile) = load("Poland_Warszawa_2017_Mlynow.pb");
    let s = seed_scenario(&instance, &profile, &Scenario::default())
        .unwrap()
        .scenario;
    let counts = s.vote.ballot_lengths.clone().unwrap();
    for (k, &c) in counts.iter().enumerate() {
        let n = profile.ballots.iter().filter(|b| b.len() == k + 1).count();
        assert_eq!(c as usize, n, "length {}", k + 1);
    }
    let non_empty = profile.ballots.iter().filter(|b| !b.is_empty()).count();
    assert_eq!(counts.iter().map(|&c| c as usize).sum::<usize>(), non_empty);
}

#[test]
fn a_seeded_scenario_round_trips_through_json() {
    let (instance, profile) = load("Poland_Swiecie_2023.pb");
    let s = seed_scenario(&instance, &profile, &Scenario::default())
        .unwrap()
        .scenario;
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains("\"projects\"") && json.contains("\"ballot_lengths\""));
    assert_eq!(Scenario::from_json(&json).unwrap(), s);
    // A scenario without them writes neither field (presets, links and goldens are unchanged).
    let plain = serde_json::to_string(&Scenario::default()).unwrap();
    assert!(!plain.contains("\"projects\"") && !plain.contains("ballot_lengths"));
}
