//! Analytics as they were computed before the one-pass version, kept for the tests only: the
//! one-pass version must give the same numbers, bit for bit (`analytics::tests`).

use super::{Allocation, Analytics, GroupStats, Instance, Profile};

fn age_band(age: Option<u16>) -> &'static str {
    match age {
        None => "unknown",
        Some(a) if a < 18 => "under-18",
        Some(a) if a < 30 => "18-29",
        Some(a) if a < 50 => "30-49",
        Some(a) if a < 67 => "50-66",
        Some(_) => "67+",
    }
}

/// Gini coefficient of non-negative values (0 when all are zero or there are none).
fn gini(values: &[f64]) -> f64 {
    let n = values.len();
    let total: f64 = values.iter().sum();
    if n == 0 || total <= 0.0 {
        return 0.0;
    }
    let mut v = values.to_vec();
    crate::sort::by(&mut v, f64::total_cmp);
    let weighted: f64 = v.iter().enumerate().map(|(i, x)| (i + 1) as f64 * x).sum();
    let n = n as f64;
    (2.0 * weighted / (n * total) - (n + 1.0) / n).max(0.0)
}

fn stats(label: &str, members: &[(f64, bool)]) -> GroupStats {
    let count = members.len();
    let denom = count.max(1) as f64;
    GroupStats {
        group: label.to_string(),
        count: count as u64,
        mean_satisfaction: members.iter().map(|m| m.0).sum::<f64>() / denom,
        share_with_winner: members.iter().filter(|m| m.1).count() as f64 / denom,
    }
}

/// Computes [`Analytics`] for `allocation` (winner ids not in the instance are ignored).
pub(super) fn analytics(
    instance: &Instance,
    profile: &Profile,
    allocation: &Allocation,
) -> Analytics {
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

    let mut per_voter: Vec<(f64, bool)> = Vec::with_capacity(profile.ballots.len());
    let mut approved_winners = 0u64;
    for ballot in &profile.ballots {
        let mut listed = ballot.projects();
        crate::sort::unstable(&mut listed);
        listed.dedup();
        let mut cost = 0u64;
        let mut k = 0u64;
        for p in listed {
            if (p as usize) < m && funded[p as usize] {
                cost = cost.saturating_add(instance.projects[p as usize].cost);
                k += 1;
            }
        }
        approved_winners += k;
        let sat = if budget > 0.0 {
            cost as f64 / budget
        } else {
            0.0
        };
        per_voter.push((sat, k > 0));
    }
    let n = per_voter.len().max(1) as f64;
    let sats: Vec<f64> = per_voter.iter().map(|v| v.0).collect();

    let by_age = if profile.voters.iter().any(|v| v.age.is_some()) {
        ["under-18", "18-29", "30-49", "50-66", "67+", "unknown"]
            .iter()
            .filter_map(|band| {
                let members: Vec<(f64, bool)> = per_voter
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| age_band(profile.voters.get(*i).and_then(|v| v.age)) == *band)
                    .map(|(_, s)| *s)
                    .collect();
                (!members.is_empty()).then(|| stats(band, &members))
            })
            .collect()
    } else {
        Vec::new()
    };
    let by_sex = if profile.voters.iter().any(|v| v.sex.is_some()) {
        let sex_of = |i: usize| {
            profile
                .voters
                .get(i)
                .and_then(|v| v.sex.clone())
                .unwrap_or_else(|| "unknown".to_string())
        };
        let mut labels: Vec<String> = (0..per_voter.len()).map(sex_of).collect();
        crate::sort::natural(&mut labels);
        labels.dedup();
        crate::sort::by_key(&mut labels, |l| l == "unknown");
        labels
            .iter()
            .map(|label| {
                let members: Vec<(f64, bool)> = per_voter
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| sex_of(*i) == *label)
                    .map(|(_, s)| *s)
                    .collect();
                stats(label, &members)
            })
            .collect()
    } else {
        Vec::new()
    };

    Analytics {
        budget_share_used: if budget > 0.0 {
            spent as f64 / budget
        } else {
            0.0
        },
        exhaustive,
        mean_approved_winners: approved_winners as f64 / n,
        share_with_winner: per_voter.iter().filter(|v| v.1).count() as f64 / n,
        gini_cost_satisfaction: gini(&sats),
        by_age,
        by_sex,
    }
}
