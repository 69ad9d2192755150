//! Need: what a project does for a citizen, and so what is at stake for them (docs/MODEL.md,
//! "Budgets").
//!
//! Each project category meets a need of the citizens it serves: children and schools serve
//! parents of school-age children, elderly care and health the 67+, culture and sports the
//! 18–29, social inclusion the marginalised, roads and infrastructure the employed (who commute);
//! green areas serve nobody in particular. A citizen's need for category `c` is
//! `need_c = need.base + need.served · [c serves them]`. Who is served is the mechanism: the
//! coefficient is one for every category and group.
//!
//! A project of cost `x` does `ln(1 + x ÷ need.scale_dkk)` (a larger project does more, with
//! diminishing returns). A citizen's **stakes** are what the budget could do for them:
//! `S_i = (Σ_c need_c) · ln(1 + budget per district ÷ need.scale_dkk) − need.stakes_offset`
//! (the pot that could be spent near them, in the categories they need). Stakes raise attendance
//! and turnout (`attendance.stakes`, `vote.turnout_stakes`).
//!
//! In the vote, need tilts preferences toward what a citizen needs: the weight of category `c` is
//! `w_c · (1 − need.utility_weight + need.utility_weight · need_c ÷ (base + served))` before
//! the usual normalisation ([`weigh`]); and a project's scale tilts utilities toward larger
//! projects on the same ballot: `× (1 − need.scale_weight + need.scale_weight · ln(1 + x ÷
//! scale) ÷ ln(1 + x_max ÷ scale))` ([`sizes`]). With `need.served = 0` everyone's need is the
//! same: stakes are flat and preferences untouched (the ablation).

use crate::attributes::{YES, occupation};
use crate::deliberation::Prefs;
use crate::population::{CATEGORY_COUNT, Population};
use crate::scenario::{NeedParams, Scenario};
use crate::vote::BallotProject;

/// Category indices (as in [`crate::attributes::PROJECT_CATEGORIES`]).
pub(crate) const GREEN: usize = 0;
pub(crate) const SCHOOLS: usize = 1;
pub(crate) const ELDERLY: usize = 2;
pub(crate) const CULTURE: usize = 3;
pub(crate) const SOCIAL: usize = 4;
pub(crate) const ROADS: usize = 5;

/// Age band of the 18–29 and of the 67+.
const YOUNG_BAND: u8 = 0;
const OLD_BAND: u8 = 3;

/// Which categories serve citizen `i` (see the module documentation).
#[inline]
#[must_use]
pub fn served(pop: &Population, i: usize) -> [bool; CATEGORY_COUNT] {
    let mut s = [false; CATEGORY_COUNT];
    s[SCHOOLS] = pop.children[i] == YES;
    s[ELDERLY] = pop.age_band[i] == OLD_BAND;
    s[CULTURE] = pop.age_band[i] == YOUNG_BAND;
    s[SOCIAL] = pop.marginalised[i] == YES;
    s[ROADS] = pop.occupation[i] == occupation::EMPLOYED;
    s
}

/// [`served`] as bits: bit `c` set when category `c` serves citizen `i`.
#[inline]
#[must_use]
pub fn served_bits(pop: &Population, i: usize) -> u8 {
    served(pop, i)
        .iter()
        .enumerate()
        .fold(0, |bits, (c, &s)| bits | u8::from(s) << c)
}

/// Citizen `i`'s need for each category.
#[inline]
#[must_use]
pub fn needs(pop: &Population, i: usize, p: &NeedParams) -> [f64; CATEGORY_COUNT] {
    served(pop, i).map(|s| if s { p.base + p.served } else { p.base })
}

/// The effect of a project costing `cost` DKK: `ln(1 + cost ÷ scale_dkk)`.
#[inline]
#[must_use]
pub fn effect(cost: f64, p: &NeedParams) -> f64 {
    libm::log1p(cost.max(0.0) / p.scale_dkk)
}

/// What the budget could do in one district: `ln(1 + budget per district ÷ scale_dkk)`, the part
/// of the stakes common to every citizen (computed once per year).
#[must_use]
pub fn reach(scenario: &Scenario) -> f64 {
    let districts = f64::from(scenario.population.districts.max(1));
    effect(scenario.budget as f64 / districts, &scenario.need)
}

/// Citizen `i`'s stakes given [`reach`]: `(Σ_c need_c) · reach − stakes_offset`.
#[inline]
#[must_use]
pub fn own_stakes(reach: f64, pop: &Population, i: usize, scenario: &Scenario) -> f64 {
    let total: f64 = needs(pop, i, &scenario.need).iter().sum();
    total * reach - scenario.need.stakes_offset
}

/// [`own_stakes`] for every combination of served categories, indexed by [`served_bits`]: the
/// same numbers, worked out once for a pass over the citizens.
#[must_use]
pub fn stakes_table(reach: f64, scenario: &Scenario) -> [f64; 1 << CATEGORY_COUNT] {
    let p = &scenario.need;
    std::array::from_fn(|bits| {
        let total: f64 = (0..CATEGORY_COUNT)
            .map(|c| {
                if bits & 1 << c != 0 {
                    p.base + p.served
                } else {
                    p.base
                }
            })
            .sum();
        total * reach - p.stakes_offset
    })
}

/// Preferences tilted toward what citizen `i` needs (see the module documentation); the vote
/// normalises them as usual.
#[inline]
#[must_use]
pub fn weigh(prefs: &Prefs, pop: &Population, i: usize, p: &NeedParams) -> Prefs {
    let top = p.base + p.served;
    if top <= 0.0 || p.utility_weight <= 0.0 {
        return *prefs;
    }
    let n = needs(pop, i, p);
    let keep = 1.0 - p.utility_weight;
    std::array::from_fn(|c| (f64::from(prefs[c]) * (keep + p.utility_weight * n[c] / top)) as f32)
}

/// The scale factor of each ballot project (see the module documentation): 1 for the largest,
/// less for smaller ones; all 1 when `scale_weight` is 0.
#[must_use]
pub fn sizes(projects: &[BallotProject], p: &NeedParams) -> Vec<f64> {
    let largest = projects.iter().map(|q| q.cost).max().unwrap_or(0);
    let top = effect(largest as f64, p);
    projects
        .iter()
        .map(|q| {
            if top > 0.0 {
                1.0 - p.scale_weight + p.scale_weight * effect(q.cost as f64, p) / top
            } else {
                1.0
            }
        })
        .collect()
}

/// What each citizen gets from `funded` projects: `Σ need_c · effect(cost) · [local]` over
/// them, one value per citizen (the basis of `outcome.benefit_shares`).
#[must_use]
pub fn benefits(
    pop: &Population,
    projects: &[BallotProject],
    funded: &[bool],
    p: &NeedParams,
) -> Vec<f64> {
    let won: Vec<(usize, u8, f64)> = projects
        .iter()
        .zip(funded)
        .filter(|(_, f)| **f)
        .map(|(q, _)| {
            (
                usize::from(q.category),
                q.district,
                effect(q.cost as f64, p),
            )
        })
        .collect();
    (0..pop.len())
        .map(|i| {
            if won.is_empty() {
                return 0.0;
            }
            let n = needs(pop, i, p);
            won.iter()
                .filter(|w| crate::vote::is_local(w.1, pop.district[i]))
                .map(|w| n[w.0] * w.2)
                .sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::generate;

    #[test]
    fn stakes_grow_with_the_budget_and_with_need_and_are_flat_without_need() {
        let mut s = Scenario::default();
        s.population.size = 3_000;
        let pop = generate(&s.population, 5);
        let old = (0..pop.len())
            .find(|&i| pop.age_band[i] == OLD_BAND)
            .unwrap();
        let m = (0..pop.len())
            .find(|&i| pop.marginalised[i] == YES && pop.occupation[i] == occupation::EMPLOYED)
            .unwrap();
        s.budget = 100_000;
        let low = own_stakes(reach(&s), &pop, m, &s);
        s.budget = 10_000_000;
        let high = own_stakes(reach(&s), &pop, m, &s);
        assert!(high > low + 2.0, "{low} -> {high}");
        assert!(own_stakes(reach(&s), &pop, m, &s) > own_stakes(reach(&s), &pop, old, &s) - 1e-9);
        s.need.served = 0.0;
        let r = reach(&s);
        let first = own_stakes(r, &pop, 0, &s);
        assert!((0..pop.len()).all(|i| (own_stakes(r, &pop, i, &s) - first).abs() < 1e-12));
        let prefs: Prefs = [0.9, 0.5, 0.2, 0.1, 0.3, 0.2];
        let w = weigh(&prefs, &pop, old, &s.need);
        assert!(
            w.iter().zip(&prefs).all(|(a, b)| (a - b).abs() < 1e-7),
            "{w:?}"
        );
    }

    #[test]
    fn the_stakes_table_holds_each_citizens_own_stakes() {
        let s = Scenario::default();
        let pop = generate(&s.population, 8);
        let r = reach(&s);
        let table = stakes_table(r, &s);
        for i in 0..pop.len() {
            let own = own_stakes(r, &pop, i, &s);
            assert_eq!(
                table[usize::from(served_bits(&pop, i))].to_bits(),
                own.to_bits()
            );
        }
    }

    #[test]
    fn need_tilts_preferences_toward_the_served_category_and_scale_toward_large_projects() {
        let s = Scenario::default();
        let pop = generate(&s.population, 5);
        let old = (0..pop.len())
            .find(|&i| pop.age_band[i] == OLD_BAND && pop.occupation[i] != occupation::EMPLOYED)
            .unwrap();
        let prefs: Prefs = [0.5; CATEGORY_COUNT];
        let w = weigh(&prefs, &pop, old, &s.need);
        assert!(w[ELDERLY] > w[0] && (w[0] - w[ROADS]).abs() < 1e-6, "{w:?}");
        let p = |cost| BallotProject {
            category: 0,
            district: 0,
            cost,
        };
        let f = sizes(&[p(10_000), p(1_000_000), p(0)], &s.need);
        assert!(
            (f[1] - 1.0).abs() < 1e-12 && f[0] < f[1] && f[2] < f[0],
            "{f:?}"
        );
        assert!((f[2] - 0.5).abs() < 1e-12);
    }
}
