//! Seeding a simulated scenario from a real `.pb` file: the budget, the number of projects and
//! their cost range, the ballot kind and length, and the rule the file says was used.
//!
//! The model proposes its own projects in the meeting (categories × districts, costs drawn as a
//! share of the budget), so a real project list cannot be put on the simulated ballot one to
//! one. What carries over (everything else is kept from the base scenario):
//!
//! | scenario field | from the file |
//! |---|---|
//! | `budget` | the budget in file units, rounded to a whole unit (the currency is not converted) |
//! | `vote.max_projects` | the number of projects (at most 60) |
//! | `vote.cost_share_min`, `cost_share_max` | the cheapest and the dearest project as a share of the budget (within 0.001 – 1) |
//! | `vote.ballot`, `vote.points` | cumulative files → cumulative ballots with `max_sum_points` points (1 – 1,000); every other kind → approval |
//! | `vote.max_approvals` | approval: META `max_length` when present, otherwise the 90th percentile of the lengths of non-empty ballots (1 – 60) |
//! | `vote.rule` | META `rule`: `greedy` → greedy, `greedy-no-skip` → greedy-no-skip, `equalshares` → mes, `equalshares/add1` → mes-add1 (others: unchanged) |

use serde::{Deserialize, Serialize};

use super::{Instance, Profile, Rule, VoteKind};
use crate::scenario::{BallotKind, MAX_BUDGET, Scenario, ScenarioError};

/// What was taken from the file, to show next to the seeded scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Seeding {
    /// The seeded scenario (validated).
    pub scenario: Scenario,
    /// The rule read from META `rule`, when it maps to one of ours.
    pub rule_from_file: Option<Rule>,
    /// Median length of the non-empty ballots (0 when every ballot is empty).
    pub median_ballot_length: u32,
}

/// The `q`-quantile (0 – 1, nearest rank) of the lengths of non-empty ballots.
fn length_quantile(profile: &Profile, q: f64) -> u32 {
    let mut lengths: Vec<u32> = profile
        .ballots
        .iter()
        .map(|b| b.len() as u32)
        .filter(|&k| k > 0)
        .collect();
    if lengths.is_empty() {
        return 0;
    }
    crate::sort::unstable(&mut lengths);
    let rank = libm::ceil(q * lengths.len() as f64).max(1.0) as usize;
    lengths[rank.min(lengths.len()) - 1]
}

/// Our rule for a pabulib META `rule` value.
#[must_use]
pub fn rule_from_meta(value: &str) -> Option<Rule> {
    match value.trim().to_lowercase().as_str() {
        "greedy" => Some(Rule::Greedy),
        "greedy-no-skip" => Some(Rule::GreedyNoSkip),
        "equalshares" => Some(Rule::Mes),
        "equalshares/add1" => Some(Rule::MesAdd1),
        _ => None,
    }
}

/// Seeds a scenario from `base` and a parsed file (see the module docs for what is taken).
pub fn seed_scenario(
    instance: &Instance,
    profile: &Profile,
    base: &Scenario,
) -> Result<Seeding, ScenarioError> {
    let mut s = base.clone();
    let scale = instance.scale.max(1);
    s.budget = ((instance.budget + scale / 2) / scale).clamp(1, MAX_BUDGET);
    let v = &mut s.vote;
    v.max_projects = instance.projects.len().clamp(1, 60) as u8;
    if instance.budget > 0 && !instance.projects.is_empty() {
        let share = |c: u64| (c as f64 / instance.budget as f64).clamp(0.001, 1.0);
        let min = instance.projects.iter().map(|p| p.cost).min().unwrap_or(0);
        let max = instance.projects.iter().map(|p| p.cost).max().unwrap_or(0);
        v.cost_share_min = share(min);
        v.cost_share_max = share(max).max(v.cost_share_min);
    }
    if profile.kind == VoteKind::Cumulative {
        v.ballot = BallotKind::Cumulative;
        if let Some(points) = profile.max_sum_points {
            v.points = points.clamp(1, 1_000) as u16;
        }
    } else {
        v.ballot = BallotKind::Approval;
        let cap = profile
            .max_length
            .unwrap_or_else(|| length_quantile(profile, 0.9));
        if cap > 0 {
            v.max_approvals = cap.clamp(1, 60) as u8;
        }
    }
    let rule_from_file = instance.meta_value("rule").and_then(rule_from_meta);
    if let Some(rule) = rule_from_file {
        v.rule = rule;
    }
    s.validate()?;
    Ok(Seeding {
        scenario: s,
        rule_from_file,
        median_ballot_length: length_quantile(profile, 0.5),
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Project, pabulib};
    use super::*;

    #[test]
    fn budget_costs_ballots_and_rule_carry_over() {
        let text = "META\nkey;value\nbudget;1000.5\nrule;equalshares/add1\nPROJECTS\nproject_id;cost\n\
                    a;100\nb;500\nc;20\nVOTES\nvoter_id;vote\nv1;a\nv2;a,b\nv3;a,b,c\nv4;\n";
        let (i, p) = pabulib::parse(text).unwrap();
        let s = seed_scenario(&i, &p, &Scenario::default()).unwrap();
        assert_eq!(s.scenario.budget, 1001, "1000.5 rounds half up");
        assert_eq!(s.scenario.vote.max_projects, 3);
        assert!((s.scenario.vote.cost_share_min - 20.0 / 1000.5).abs() < 1e-12);
        assert!((s.scenario.vote.cost_share_max - 500.0 / 1000.5).abs() < 1e-12);
        assert_eq!(
            s.scenario.vote.max_approvals, 3,
            "90th percentile of 1, 2, 3"
        );
        assert_eq!(s.median_ballot_length, 2);
        assert_eq!(s.scenario.vote.rule, Rule::MesAdd1);
        assert_eq!(s.rule_from_file, Some(Rule::MesAdd1));
        // The seeded scenario runs.
        let mut small = s.scenario.clone();
        small.population.size = 2_000;
        small.invitation.letters = small.invitation.letters.min(2_000);
        assert!(crate::run(&small).is_ok());
    }

    #[test]
    fn cumulative_files_give_cumulative_ballots_and_max_length_wins() {
        let mut p = Profile::cumulative(vec![vec![(0, 3), (1, 2)]]);
        p.max_sum_points = Some(5);
        let i = Instance::new(vec![Project::new("a", 10), Project::new("b", 10)], 10);
        let s = seed_scenario(&i, &p, &Scenario::default()).unwrap();
        assert_eq!(s.scenario.vote.ballot, BallotKind::Cumulative);
        assert_eq!(s.scenario.vote.points, 5);
        assert!((s.scenario.vote.cost_share_max - 1.0).abs() < 1e-12);
        let mut a = Profile::approval(vec![vec![0, 1], vec![0, 1]]);
        a.max_length = Some(1);
        let s = seed_scenario(&i, &a, &Scenario::default()).unwrap();
        assert_eq!(s.scenario.vote.max_approvals, 1);
        assert_eq!(s.rule_from_file, None);
        assert_eq!(s.scenario.vote.rule, Scenario::default().vote.rule);
    }
}
