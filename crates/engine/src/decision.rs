//! Who decides and who carries the projects out (docs/MODEL.md, "Budgets").
//!
//! `decision.channel`:
//! - `everyone`: the PB vote as in [`crate::vote`] — every citizen may vote, online, on paper or
//!   at the meeting;
//! - `attendees`: the meeting decides — its attendees vote (with their preferences after the
//!   meeting) under the scenario's PB rule, nobody else;
//! - `advisory`: the meeting advises and the municipality decides ([`advise`]): it ranks the
//!   ballot's projects by `(1 − advice_weight) · goals[category] + advice_weight · support`, where
//!   `support` is the share of attendees approving the project, and funds them in that order while
//!   the money lasts (skipping what no longer fits).
//!
//! Influence is always measured over the whole population, so the channels compare directly.
//!
//! `decision.implementer`:
//! - `municipality`: every funded project is carried out;
//! - `proposers`: a funded citizen project is carried out by its proposers in their own time, with
//!   probability `logistic(completion_intercept + completion_time · (mean free hours ÷ 40 − ½))`
//!   over its proposers ([`complete`]); municipal proposals and projects nobody proposed stay with
//!   the municipality. Completed projects, not funded ones, count for satisfaction, influence and
//!   the year's feedback.

use crate::pb::Allocation;
use crate::population::Population;
use crate::proposals::Proposal;
use crate::rng::{StageRng, below_logistic, unit};
use crate::scenario::{Implementer, Scenario};
use crate::vote::{self, BallotProject};

/// The municipality's allocation under `advisory`: `supporters[k]` attendees of `attendees`
/// approved ballot project `k`.
#[must_use]
pub fn advise(
    projects: &[BallotProject],
    supporters: &[Vec<u32>],
    attendees: usize,
    scenario: &Scenario,
) -> Allocation {
    let a = scenario.decision.advice_weight;
    let goals = &scenario.municipality.goals;
    let score: Vec<f64> = projects
        .iter()
        .zip(supporters)
        .map(|(p, s)| {
            let support = if attendees == 0 {
                0.0
            } else {
                s.len() as f64 / attendees as f64
            };
            (1.0 - a) * goals[usize::from(p.category)] + a * support
        })
        .collect();
    let mut order: Vec<usize> = (0..projects.len()).collect();
    crate::sort::by(&mut order, |&x, &y| {
        score[y].total_cmp(&score[x]).then(x.cmp(&y))
    });
    let mut left = scenario.budget;
    let mut winners = Vec::new();
    for k in order {
        if projects[k].cost <= left {
            left -= projects[k].cost;
            winners.push(vote::project_id(k));
        }
    }
    Allocation {
        winners,
        total_cost: scenario.budget - left,
    }
}

/// Which funded ballot projects are carried out (see the module documentation): one draw from
/// `rng` per funded citizen project under `proposers`, none under `municipality`.
#[must_use]
pub fn complete(
    pop: &Population,
    proposals: &[Proposal],
    on_ballot: &[usize],
    funded: &[bool],
    scenario: &Scenario,
    rng: &mut StageRng,
) -> Vec<bool> {
    let d = &scenario.decision;
    if d.implementer == Implementer::Municipality {
        return funded.to_vec();
    }
    on_ballot
        .iter()
        .zip(funded)
        .map(|(&p, &f)| {
            let prop = &proposals[p];
            if !f || prop.municipal || prop.proposers.is_empty() {
                return f;
            }
            let time = prop
                .proposers
                .iter()
                .map(|&i| f64::from(pop.free_time[i as usize]) / 40.0)
                .sum::<f64>()
                / prop.proposers.len() as f64;
            below_logistic(
                unit(rng),
                d.completion_intercept + d.completion_time * (time - 0.5),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(category: u8, cost: u64) -> BallotProject {
        BallotProject {
            category,
            district: 0,
            cost,
        }
    }

    #[test]
    fn the_municipality_follows_its_goals_and_the_meetings_support() {
        let mut s = Scenario {
            budget: 100,
            ..Scenario::default()
        };
        s.municipality.goals = [0.9, 0.1, 0.5, 0.5, 0.5, 0.5];
        let projects = [p(0, 60), p(1, 60), p(2, 40)];
        let support = vec![vec![], vec![1, 2, 3, 4], vec![1]];
        // Goals alone: green (0) first, then elderly (2), which still fits.
        s.decision.advice_weight = 0.0;
        let a = advise(&projects, &support, 4, &s);
        assert_eq!(a.winners, vec!["p01", "p03"]);
        assert_eq!(a.total_cost, 100);
        // The meeting alone: schools (everyone approved) first, then elderly.
        s.decision.advice_weight = 1.0;
        let a = advise(&projects, &support, 4, &s);
        assert_eq!(a.winners, vec!["p02", "p03"]);
        assert_eq!(advise(&projects, &support, 0, &s).total_cost, 100);
    }
}
