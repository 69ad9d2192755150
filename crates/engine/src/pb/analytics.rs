//! Descriptive statistics of one PB outcome: budget use, exhaustiveness, voter satisfaction and
//! its inequality, overall and by age band and sex when the file records them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Allocation, Ballot, Instance, Profile};

/// Satisfaction statistics of one group of voters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupStats {
    /// Group label (`18-29`, `30-49`, `50-66`, `67+`, `under-18`, `unknown`, or the sex value).
    pub group: String,
    /// Number of voters in the group.
    pub count: u64,
    /// Mean cost satisfaction (`Σ cost of approved winners / budget`).
    pub mean_satisfaction: f64,
    /// Share of the group with at least one approved winner.
    pub share_with_winner: f64,
}

/// Statistics of an outcome. Approval projection throughout: a voter approves what she lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analytics {
    /// `total_cost / budget` (0 when the budget is 0).
    pub budget_share_used: f64,
    /// No unfunded project fits in the leftover budget.
    pub exhaustive: bool,
    /// Mean number of approved winners per voter (all ballots, empty included).
    pub mean_approved_winners: f64,
    /// Share of voters with at least one approved winner.
    pub share_with_winner: f64,
    /// Gini coefficient of voters' cost satisfaction.
    pub gini_cost_satisfaction: f64,
    /// By age band, when some voter has an age (bands with no voter are left out).
    pub by_age: Vec<GroupStats>,
    /// By sex, when some voter has one (sorted by label, `unknown` last).
    pub by_sex: Vec<GroupStats>,
}

/// The age bands in report order.
const AGE_BANDS: [&str; 6] = ["under-18", "18-29", "30-49", "50-66", "67+", "unknown"];

/// Index of `age`'s band in [`AGE_BANDS`].
fn age_band(age: Option<u16>) -> usize {
    match age {
        None => 5,
        Some(a) if a < 18 => 0,
        Some(a) if a < 30 => 1,
        Some(a) if a < 50 => 2,
        Some(a) if a < 67 => 3,
        Some(_) => 4,
    }
}

/// Gini coefficient of non-negative values (0 when all are zero or there are none). Sorts
/// `values` in place.
fn gini(values: &mut [f64]) -> f64 {
    let n = values.len();
    let total: f64 = values.iter().sum();
    if n == 0 || total <= 0.0 {
        return 0.0;
    }
    // Values that compare equal by `total_cmp` are the same bits, so an unstable sort gives the
    // same order as a stable one.
    crate::sort::unstable_by(values, f64::total_cmp);
    let weighted: f64 = values
        .iter()
        .enumerate()
        .map(|(i, x)| (i + 1) as f64 * x)
        .sum();
    let n = n as f64;
    (2.0 * weighted / (n * total) - (n + 1.0) / n).max(0.0)
}

/// Running totals of one group, added to in voter order.
#[derive(Clone, Copy, Default)]
struct Tally {
    count: u64,
    satisfaction: f64,
    with_winner: u64,
}

impl Tally {
    fn add(&mut self, satisfaction: f64, winner: bool) {
        self.count += 1;
        self.satisfaction += satisfaction;
        self.with_winner += u64::from(winner);
    }

    fn stats(&self, label: &str) -> GroupStats {
        let denom = self.count.max(1) as f64;
        GroupStats {
            group: label.to_string(),
            count: self.count,
            mean_satisfaction: self.satisfaction / denom,
            share_with_winner: self.with_winner as f64 / denom,
        }
    }
}

/// Computes [`Analytics`] for `allocation` (winner ids not in the instance are ignored).
///
/// One pass over the ballots: each voter's satisfaction is added to the overall totals, her age
/// band's and her sex's as it is computed; a project listed twice on a ballot counts once.
#[must_use]
pub fn analytics(instance: &Instance, profile: &Profile, allocation: &Allocation) -> Analytics {
    let m = instance.projects.len();
    let mut funded = vec![false; m];
    for id in &allocation.winners {
        if let Some(i) = instance.project_index(id) {
            funded[i as usize] = true;
        }
    }
    let spent: u64 = (0..m)
        .filter(|&p| funded[p])
        .map(|p| instance.projects[p].cost)
        .fold(0, u64::saturating_add);
    let left = instance.budget.saturating_sub(spent);
    let exhaustive = (0..m).all(|p| funded[p] || instance.projects[p].cost > left);
    let budget = instance.budget as f64;

    let voters = &profile.voters;
    let has_age = voters.iter().any(|v| v.age.is_some());
    let has_sex = voters.iter().any(|v| v.sex.is_some());
    let mut by_age = [Tally::default(); 6];
    let mut by_sex: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut sats: Vec<f64> = Vec::with_capacity(profile.ballots.len());
    let mut approved_winners = 0u64;
    let mut with_winner = 0u64;
    // `seen[p] == i + 1` once voter `i`'s ballot has counted project `p`.
    let mut seen = vec![0usize; m];
    for (i, ballot) in profile.ballots.iter().enumerate() {
        let mut cost = 0u64;
        let mut k = 0u64;
        let mut count = |p: u32| {
            let p = p as usize;
            if p < m && funded[p] && seen[p] != i + 1 {
                seen[p] = i + 1;
                cost = cost.saturating_add(instance.projects[p].cost);
                k += 1;
            }
        };
        match ballot {
            Ballot::Approval(v) | Ballot::Ranking(v) => v.iter().copied().for_each(&mut count),
            Ballot::Points(v) => v.iter().for_each(|&(p, _)| count(p)),
        }
        approved_winners += k;
        with_winner += u64::from(k > 0);
        let sat = if budget > 0.0 {
            cost as f64 / budget
        } else {
            0.0
        };
        sats.push(sat);
        let voter = voters.get(i);
        if has_age {
            by_age[age_band(voter.and_then(|v| v.age))].add(sat, k > 0);
        }
        if has_sex {
            let label = voter.and_then(|v| v.sex.as_deref()).unwrap_or("unknown");
            by_sex.entry(label).or_default().add(sat, k > 0);
        }
    }
    let n = sats.len().max(1) as f64;

    let by_age = AGE_BANDS
        .iter()
        .zip(&by_age)
        .filter(|(_, t)| t.count > 0)
        .map(|(band, t)| t.stats(band))
        .collect();
    // Sorted by label, `unknown` last.
    let unknown = by_sex.remove("unknown");
    let by_sex = by_sex
        .iter()
        .map(|(label, t)| t.stats(label))
        .chain(unknown.map(|t| t.stats("unknown")))
        .collect();

    Analytics {
        budget_share_used: if budget > 0.0 {
            spent as f64 / budget
        } else {
            0.0
        },
        exhaustive,
        mean_approved_winners: approved_winners as f64 / n,
        share_with_winner: with_winner as f64 / n,
        gini_cost_satisfaction: gini(&mut sats),
        by_age,
        by_sex,
    }
}

#[cfg(test)]
#[path = "analytics_reference.rs"]
mod reference;

#[cfg(test)]
mod tests {
    use super::super::{Project, Voter};
    use super::*;

    #[test]
    fn gini_of_equal_and_concentrated_values() {
        assert!(gini(&mut [1.0, 1.0, 1.0]).abs() < 1e-12);
        // One of four has everything: Gini = (n−1)/n = 0.75.
        assert!((gini(&mut [0.0, 1.0, 0.0, 0.0]) - 0.75).abs() < 1e-12);
        assert!(gini(&mut []).abs() < 1e-12);
    }

    #[test]
    fn analytics_of_small_outcome() {
        let projects = vec![
            Project::new("a", 60),
            Project::new("b", 30),
            Project::new("c", 50),
        ];
        let instance = Instance::new(projects, 100);
        let mut profile = Profile::approval(vec![vec![0], vec![0, 1], vec![2], vec![]]);
        profile.voters[0].age = Some(25);
        profile.voters[1].age = Some(70);
        let alloc = Allocation {
            winners: vec!["a".into(), "b".into()],
            total_cost: 90,
        };
        let a = analytics(&instance, &profile, &alloc);
        assert!((a.budget_share_used - 0.9).abs() < 1e-12);
        assert!(a.exhaustive); // leftover 10 < 50
        assert!((a.mean_approved_winners - 0.75).abs() < 1e-12);
        assert!((a.share_with_winner - 0.5).abs() < 1e-12);
        let labels: Vec<&str> = a.by_age.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(labels, ["18-29", "67+", "unknown"]);
        assert!((a.by_age[1].mean_satisfaction - 0.9).abs() < 1e-12);
        assert!(a.by_sex.is_empty());
    }

    /// `SplitMix64`, for test data.
    struct Mix(u64);
    impl Mix {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)) % n
        }
    }

    /// Random instances with duplicates on ballots, unknown indices, every ballot kind, ages, sexes
    /// (also the label `unknown`) and fewer voters than ballots: the one-pass analytics equal the
    /// reference's bit for bit (compared as JSON, which prints every bit of an `f64`).
    #[test]
    fn one_pass_analytics_equal_the_reference_bit_for_bit() {
        let mut rng = Mix(20);
        for case in 0..300 {
            let m = 1 + rng.below(12) as usize;
            let projects: Vec<Project> = (0..m)
                .map(|p| Project::new(format!("p{p}"), rng.below(1000)))
                .collect();
            let budget = if case % 17 == 0 {
                0
            } else {
                1 + rng.below(4000)
            };
            let instance = Instance::new(projects, budget);
            let n = rng.below(40) as usize;
            let lists: Vec<Vec<u32>> = (0..n)
                .map(|_| {
                    (0..rng.below(6))
                        .map(|_| rng.below(m as u64 + 2) as u32)
                        .collect()
                })
                .collect();
            let mut profile = match case % 3 {
                0 => Profile::approval(lists),
                1 => Profile::ordinal(lists),
                _ => Profile::cumulative(
                    lists
                        .into_iter()
                        .map(|l| l.into_iter().map(|p| (p, 1 + p)).collect())
                        .collect(),
                ),
            };
            let sexes = ["F", "M", "unknown", "x", "K"];
            for v in &mut profile.voters {
                if rng.below(3) > 0 {
                    v.age = Some(rng.below(90) as u16);
                }
                if rng.below(3) > 0 {
                    v.sex = Some(sexes[rng.below(5) as usize].to_string());
                }
            }
            if case % 5 == 0 {
                let keep = profile.voters.len() / 2;
                profile.voters.truncate(keep);
                profile.voters.push(Voter::anonymous("extra"));
            }
            let winners: Vec<String> = (0..m)
                .filter(|_| rng.below(2) == 0)
                .map(|p| format!("p{p}"))
                .chain(["nobody".to_string()])
                .collect();
            let alloc = Allocation {
                winners,
                total_cost: 0,
            };
            let new = serde_json::to_string(&analytics(&instance, &profile, &alloc)).unwrap();
            let old =
                serde_json::to_string(&reference::analytics(&instance, &profile, &alloc)).unwrap();
            assert_eq!(new, old, "case {case}");
        }
    }
}
