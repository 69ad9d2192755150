//! Influence metrics (DESIGN §2.3): satisfaction of every citizen from true utilities, influence
//! ratios and gaps, legitimacy against the counterfactual, welfare loss, and group tables.

use std::collections::BTreeMap;

use crate::attributes::Attribute;
use crate::deliberation::Prefs;
use crate::population::Population;
use crate::report::GroupTable;
use crate::rng::StageRng;
use crate::scenario::{BallotKind, Scenario};
use crate::sort::IntoMap;
use crate::vote::{self, BallotProject};

/// Satisfaction of every citizen with the funded set: `s_i = Σ_{p∈W} u_i(p)·cost(p)/budget`,
/// with true (pre-deliberation) utilities; all zero when the budget is zero.
#[must_use]
pub fn satisfaction(
    pop: &Population,
    projects: &[BallotProject],
    funded: &[bool],
    budget: u64,
    district_bonus: f64,
) -> Vec<f64> {
    let won: Vec<&BallotProject> = projects
        .iter()
        .zip(funded)
        .filter(|(_, f)| **f)
        .map(|(p, _)| p)
        .collect();
    if budget == 0 || won.is_empty() {
        return vec![0.0; pop.len()];
    }
    let won: Vec<BallotProject> = won.into_iter().copied().collect();
    let b = budget as f64;
    let table = vote::UtilityTable::plain(&won, district_bonus, pop.districts);
    let mut u = Vec::with_capacity(won.len());
    (0..pop.len())
        .map(|i| {
            table.fill(&vote::true_prefs(pop, i), pop, i, &mut u);
            u.iter()
                .zip(&won)
                .map(|(x, p)| x * p.cost as f64)
                .sum::<f64>()
                / b
        })
        .collect()
}

/// [`satisfaction`] with the funded sets `funded` and `funded_all` at once (one pass over the
/// citizens; the same numbers as two calls).
#[must_use]
pub fn satisfaction_pair(
    pop: &Population,
    projects: &[BallotProject],
    funded: &[bool],
    funded_all: &[bool],
    budget: u64,
    district_bonus: f64,
) -> (Vec<f64>, Vec<f64>) {
    satisfaction_pair_with(
        pop,
        |i| vote::true_prefs(pop, i),
        projects,
        funded,
        funded_all,
        budget,
        district_bonus,
    )
}

/// [`satisfaction_pair`] with the preferences `prefs(i)` of each citizen instead of their
/// true ones (the informed preferences, for example).
#[must_use]
pub fn satisfaction_pair_with(
    pop: &Population,
    prefs: impl Fn(usize) -> Prefs,
    projects: &[BallotProject],
    funded: &[bool],
    funded_all: &[bool],
    budget: u64,
    district_bonus: f64,
) -> (Vec<f64>, Vec<f64>) {
    let n = pop.len();
    let any = |f: &[bool]| budget > 0 && f.iter().zip(projects).any(|(&x, _)| x);
    let (use_w, use_all) = (any(funded), any(funded_all));
    // Projects funded in either set, in ballot order, with their flags.
    let union: Vec<(BallotProject, bool, bool)> = projects
        .iter()
        .zip(funded.iter().zip(funded_all))
        .filter(|(_, (a, b))| **a || **b)
        .map(|(p, (a, b))| (*p, *a, *b))
        .collect();
    let won: Vec<BallotProject> = union.iter().map(|x| x.0).collect();
    let b = budget as f64;
    let mut s = vec![0.0; n];
    let mut s_all = vec![0.0; n];
    if !use_w && !use_all {
        return (s, s_all);
    }
    let table = vote::UtilityTable::plain(&won, district_bonus, pop.districts);
    let costs: Vec<f64> = won.iter().map(|p| p.cost as f64).collect();
    for i in 0..n {
        // Both sums in ballot order from -0.0, as `Iterator::sum` of the funded projects'
        // `u · cost` would take them.
        let (mut sum, mut sum_all) = (-0.0, -0.0);
        table.visit(&prefs(i), pop, i, |k, x| {
            let term = x * costs[k];
            if union[k].1 {
                sum += term;
            }
            if union[k].2 {
                sum_all += term;
            }
        });
        if use_w {
            s[i] = sum / b;
        }
        if use_all {
            s_all[i] = sum_all / b;
        }
    }
    (s, s_all)
}

/// Mean of `values` per attribute and category (categories with nobody are left out).
#[must_use]
pub fn group_means(pop: &Population, values: &[f64], core_only: bool) -> GroupTable {
    group_means_of(pop.category_sums(values), core_only)
}

/// [`group_means`] from the sums and counts of [`Population::category_sums`] (or one column of
/// [`Population::category_sums_of`]).
#[must_use]
pub fn group_means_of(sums: Vec<(Vec<f64>, Vec<u32>)>, core_only: bool) -> GroupTable {
    means_table(sums, core_only, |s, n| s / f64::from(n))
}

/// The table of `mean(sum, count)` per attribute and category with people in it.
fn means_table<T: Copy>(
    sums: Vec<(Vec<T>, Vec<u32>)>,
    core_only: bool,
    mean: impl Fn(T, u32) -> f64,
) -> GroupTable {
    let mut out = BTreeMap::new();
    for ((sums, counts), a) in sums.into_iter().zip(Attribute::ALL) {
        if core_only && !a.is_core() {
            continue;
        }
        let by_cat = sums
            .iter()
            .zip(&counts)
            .enumerate()
            .filter(|(_, (_, n))| **n > 0)
            .map(|(c, (&s, &n))| (a.category_key(c as u8), mean(s, n)))
            .into_map();
        out.insert(a.key().to_string(), by_cat);
    }
    out
}

/// Influence ratios `I_g = mean_g s / mean_all s` (1 for every group when the overall mean is 0)
/// and gaps `max_g I_g − min_g I_g` per attribute.
#[must_use]
pub fn ratios_and_gaps(
    pop: &Population,
    satisfaction: &[f64],
) -> (GroupTable, BTreeMap<String, f64>) {
    ratios_and_gaps_of(satisfaction, group_means(pop, satisfaction, false))
}

/// [`ratios_and_gaps`] with the group means of `satisfaction` already worked out (`means`, as
/// [`group_means`] of every attribute gives them).
#[must_use]
pub fn ratios_and_gaps_of(
    satisfaction: &[f64],
    means: GroupTable,
) -> (GroupTable, BTreeMap<String, f64>) {
    let mean_all = if satisfaction.is_empty() {
        0.0
    } else {
        satisfaction.iter().sum::<f64>() / satisfaction.len() as f64
    };
    let mut ratios = BTreeMap::new();
    let mut gaps = BTreeMap::new();
    for (attr, by_cat) in means {
        let r: BTreeMap<String, f64> = by_cat
            .into_iter()
            .map(|(c, m)| (c, if mean_all > 0.0 { m / mean_all } else { 1.0 }))
            .into_map();
        let hi = r.values().copied().fold(f64::NEG_INFINITY, f64::max);
        let lo = r.values().copied().fold(f64::INFINITY, f64::min);
        gaps.insert(attr.clone(), if r.is_empty() { 0.0 } else { hi - lo });
        ratios.insert(attr, r);
    }
    (ratios, gaps)
}

/// `cost(W ∩ W_all) / max(cost(W), cost(W_all))`; 1 when both sets are empty.
#[must_use]
pub fn legitimacy(projects: &[BallotProject], funded: &[bool], funded_all: &[bool]) -> f64 {
    let cost = |f: &dyn Fn(usize) -> bool| -> u64 {
        projects
            .iter()
            .enumerate()
            .filter(|(k, _)| f(*k))
            .map(|(_, p)| p.cost)
            .sum()
    };
    let both = cost(&|k| funded[k] && funded_all[k]);
    let denom = cost(&|k| funded[k]).max(cost(&|k| funded_all[k]));
    if denom == 0 {
        1.0
    } else {
        both as f64 / denom as f64
    }
}

/// The funded flags per ballot project when every citizen votes sincerely with `prefs(i)`
/// (the informed counterfactual `W_inf`): the same ballots as the counterfactual of the year
/// (`vote.max_approvals`, or a length drawn from `vote.ballot_lengths` with `lengths`, one per
/// citizen in order) and the same rule. Also returns each project's utility summed over the
/// citizens, `U_p = Σ_i u_i(p)`, from the same pass (see [`welfare_loss_from_totals`]).
#[must_use]
pub fn counterfactual_funded(
    pop: &Population,
    prefs: impl Fn(usize) -> Prefs,
    projects: &[BallotProject],
    scenario: &Scenario,
    lengths: &mut StageRng,
) -> (Vec<bool>, Vec<f64>) {
    let v = &scenario.vote;
    let instance = vote::instance(projects, scenario.budget);
    let masks_fit = v.ballot == BallotKind::Approval && projects.len() <= 128;
    let draw = (v.ballot == BallotKind::Approval)
        .then(|| v.ballot_lengths.as_deref().and_then(vote::LengthDraw::new))
        .flatten();
    let table = vote::UtilityTable::citizen(projects, scenario, pop.districts);
    let mut u = Vec::with_capacity(projects.len());
    let mut scratch = Vec::new();
    let mut masks = Vec::with_capacity(if masks_fit { pop.len() } else { 0 });
    let mut ballots = Vec::new();
    let mut totals = vec![0.0; projects.len()];
    for i in 0..pop.len() {
        let p = prefs(i);
        // Totals as the satisfaction of DESIGN's welfare counts them (the preferences' own
        // utilities), the ballots as the year's own counterfactual casts them (need and scale
        // included), so that with informed = true preferences both equal the raw figures.
        table.add_plain(&p, pop, i, &mut totals);
        let limit = draw.as_ref().map_or(v.max_approvals, |d| d.draw(lengths));
        if masks_fit {
            let mask =
                crate::cycle::capped_approvals(&table, &p, pop, i, v, limit, &mut u, &mut scratch);
            masks.push(mask.0);
        } else {
            table.fill(&p, pop, i, &mut u);
            ballots.push(vote::ballot_from_utilities_with_cap(
                &u,
                v,
                limit,
                &mut scratch,
            ));
        }
    }
    let allocation = vote::allocate(v, &instance, (masks_fit, &masks), ballots);
    (vote::funded_flags(&allocation, projects.len()), totals)
}

/// Welfare loss `1 − Σ_i s_i(W) / Σ_i s_i(W')` from the projects' utility totals `U_p`
/// ([`counterfactual_funded`]): since `s_i = Σ_{p∈W} u_i(p)·cost(p)/budget`, the sums are
/// `Σ_{p∈W} U_p·cost(p)/budget` (the same number as [`welfare_loss`] of the two satisfaction
/// vectors up to rounding, without a pass over the citizens). 0 when `W'` satisfies nobody.
#[must_use]
pub fn welfare_loss_from_totals(
    projects: &[BallotProject],
    totals: &[f64],
    funded: &[bool],
    funded_other: &[bool],
) -> f64 {
    let sum = |f: &[bool]| -> f64 {
        projects
            .iter()
            .zip(totals)
            .zip(f)
            .filter(|(_, f)| **f)
            .map(|((p, t), _)| t * p.cost as f64)
            .sum()
    };
    let other = sum(funded_other);
    if other <= 0.0 {
        0.0
    } else {
        1.0 - sum(funded) / other
    }
}

/// `1 − Σ s(W) / Σ s(W_all)`; 0 when the counterfactual satisfies nobody.
#[must_use]
pub fn welfare_loss(s: &[f64], s_all: &[f64]) -> f64 {
    let all: f64 = s_all.iter().sum();
    if all <= 0.0 {
        0.0
    } else {
        1.0 - s.iter().sum::<f64>() / all
    }
}

/// Share per attribute and category of citizens for whom `flag` holds.
///
/// Counted in integers: the same numbers as [`group_means`] of 0/1 values (whose sums are exact),
/// for less work.
#[must_use]
pub fn group_shares(pop: &Population, flag: &[bool]) -> GroupTable {
    let values: Vec<u32> = flag.iter().map(|&b| u32::from(b)).collect();
    means_table(pop.category_sums(&values), false, |s, n| {
        f64::from(s) / f64::from(n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(cost: u64) -> BallotProject {
        BallotProject {
            category: 0,
            district: 0,
            cost,
        }
    }

    #[test]
    fn legitimacy_and_welfare_loss_follow_their_definitions() {
        let projects = [p(10), p(20), p(30)];
        assert!(
            (legitimacy(&projects, &[true, true, false], &[true, true, false]) - 1.0).abs() < 1e-12
        );
        // W = {0, 2} (40), W_all = {1, 2} (50): overlap 30 / 50.
        assert!(
            (legitimacy(&projects, &[true, false, true], &[false, true, true]) - 0.6).abs() < 1e-12
        );
        assert!((legitimacy(&projects, &[false; 3], &[false; 3]) - 1.0).abs() < 1e-12);
        assert!((welfare_loss(&[1.0, 1.0], &[2.0, 2.0]) - 0.5).abs() < 1e-12);
        assert!(welfare_loss(&[1.0], &[0.0]).abs() < 1e-12);
    }

    #[test]
    fn welfare_loss_from_utility_totals_equals_the_one_from_satisfactions() {
        let params = crate::scenario::PopulationParams {
            size: 1_500,
            ..Default::default()
        };
        let pop = crate::population::generate(&params, 7);
        let projects: Vec<BallotProject> = (0..6u8)
            .map(|k| BallotProject {
                category: k,
                district: k % 2,
                cost: 2_000 * u64::from(k + 1),
            })
            .collect();
        let s = Scenario::default();
        let (w_all, totals) = counterfactual_funded(
            &pop,
            |i| vote::true_prefs(&pop, i),
            &projects,
            &s,
            &mut crate::rng::stream(1, crate::rng::Stage::Arguments),
        );
        let w = [true, false, false, true, false, false];
        let (sat, sat_all) = satisfaction_pair(&pop, &projects, &w, &w_all, 40_000, 0.4);
        let a = welfare_loss(&sat, &sat_all);
        let b = welfare_loss_from_totals(&projects, &totals, &w, &w_all);
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        assert!(a.abs() > 1e-6, "a case where the two sets differ");
    }

    #[test]
    fn satisfaction_pair_equals_two_single_passes() {
        let params = crate::scenario::PopulationParams {
            size: 2_000,
            ..Default::default()
        };
        let pop = crate::population::generate(&params, 4);
        let projects: Vec<BallotProject> = (0..8u8)
            .map(|k| BallotProject {
                category: k % 6,
                district: k % 3,
                cost: 1_000 * u64::from(k + 1),
            })
            .collect();
        let funded = [true, false, true, false, false, true, false, false];
        let funded_all = [false, false, true, true, false, false, false, true];
        let none = [false; 8];
        for (w, w_all) in [
            (&funded, &funded_all),
            (&none, &funded_all),
            (&funded, &none),
        ] {
            let (s, s_all) = satisfaction_pair(&pop, &projects, w, w_all, 20_000, 0.3);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(
                bits(&s),
                bits(&satisfaction(&pop, &projects, w, 20_000, 0.3))
            );
            assert_eq!(
                bits(&s_all),
                bits(&satisfaction(&pop, &projects, w_all, 20_000, 0.3))
            );
        }
        assert!(satisfaction_pair(&pop, &projects, &funded, &funded_all, 20_000, 0.3).0[0] > 0.0);
    }

    #[test]
    fn ratios_average_to_one_weighted_by_group_size() {
        let s = crate::scenario::Scenario {
            population: crate::scenario::PopulationParams {
                size: 1_000,
                ..Default::default()
            },
            ..Default::default()
        };
        let pop = crate::population::generate(&s.population, 1);
        let sat: Vec<f64> = (0..pop.len())
            .map(|i| if pop.age_band[i] == 3 { 2.0 } else { 1.0 })
            .collect();
        let (ratios, gaps) = ratios_and_gaps(&pop, &sat);
        let shares = crate::metrics::share_table(&crate::metrics::Counts::population(&pop));
        let weighted: f64 = ratios["gender"]
            .iter()
            .map(|(c, r)| r * shares["gender"][c])
            .sum();
        assert!((weighted - 1.0).abs() < 1e-9);
        assert!(ratios["age_band"]["67+"] > 1.0 && ratios["age_band"]["18-29"] < 1.0);
        assert!(
            (gaps["age_band"] - (ratios["age_band"]["67+"] - ratios["age_band"]["18-29"])).abs()
                < 1e-12
        );
    }

    #[test]
    fn group_tables_match_a_pass_per_attribute() {
        let params = crate::scenario::PopulationParams {
            size: 3_000,
            districts: 4,
            ..crate::scenario::PopulationParams::default()
        };
        let pop = crate::population::generate(&params, 5);
        let values: Vec<f64> = pop.efficacy.iter().map(|&e| f64::from(e) * 0.7).collect();
        let flags: Vec<bool> = pop.trust.iter().map(|&t| t > 0.5).collect();
        let means = group_means(&pop, &values, false);
        let shares = group_shares(&pop, &flags);
        for a in Attribute::ALL {
            // The reference: one pass per attribute, each category summed in citizen order.
            let k = a.category_count(pop.districts);
            let (mut s, mut f, mut n) = (vec![0.0; k], vec![0.0; k], vec![0u32; k]);
            for i in 0..pop.len() {
                let c = usize::from(pop.category(a, i));
                s[c] += values[i];
                f[c] += if flags[i] { 1.0 } else { 0.0 };
                n[c] += 1;
            }
            for c in 0..k {
                let key = a.category_key(c as u8);
                assert_eq!(
                    means[a.key()].get(&key).copied(),
                    (n[c] > 0).then(|| s[c] / f64::from(n[c]))
                );
                assert_eq!(
                    shares[a.key()].get(&key).copied(),
                    (n[c] > 0).then(|| f[c] / f64::from(n[c]))
                );
            }
        }
        assert_eq!(
            group_means(&pop, &values, true).len(),
            8,
            "core attributes only"
        );
    }
}
