//! Attendance (DESIGN §2.2 step 3): each invited citizen attends with probability
//! `logistic(β·features)`, after Brady, Verba & Schlozman's resource model: people stay away because
//! they can't (time, skills, language), don't want to (interest, efficacy, trust, stakes) or because
//! nobody asked (invitation intensity).

use crate::attributes::{NO, YES, occupation};
use crate::population::Population;
use crate::rng::logistic;
use crate::scenario::Scenario;

/// Stakes: `ln(budget per capita ÷ reference)`, the perceived size of what is at stake.
#[must_use]
pub fn stakes(scenario: &Scenario) -> f64 {
    let per_capita = scenario.budget as f64 / f64::from(scenario.population.size.max(1));
    libm::log(per_capita.max(0.01) / scenario.attendance.stakes_reference_dkk)
}

/// Probability that citizen `i`, invited with `intensity`, attends. `stakes` is [`stakes`]`(scenario)`.
#[must_use]
pub fn probability(
    pop: &Population,
    i: usize,
    intensity: f32,
    stakes: f64,
    scenario: &Scenario,
) -> f64 {
    logistic(score(pop, i, intensity, stakes, scenario))
}

/// The log-odds of [`probability`] (its `β·features`), for a Bernoulli draw by
/// [`below_logistic`](crate::rng::below_logistic).
#[must_use]
pub fn score(pop: &Population, i: usize, intensity: f32, stakes: f64, scenario: &Scenario) -> f64 {
    let a = &scenario.attendance;
    let sup = &scenario.invitation.supports;
    let marginalised = pop.marginalised[i] == YES;
    let parent = pop.children[i] == YES;
    let occ = pop.occupation[i];
    let mut z = a.intercept
        + a.free_time * (f64::from(pop.free_time[i]) / 40.0 - 0.5)
        + a.civic_skill * (f64::from(pop.civic_skill[i]) - 0.5)
        + a.interest * (f64::from(pop.interest[i]) - 0.5)
        + a.efficacy * (f64::from(pop.efficacy[i]) - 0.5)
        + a.trust * (f64::from(pop.trust[i]) - 0.5)
        + a.habit * f64::from(pop.habit[i])
        + a.stakes
            * stakes
            * if marginalised {
                a.stakes_marginalised
            } else {
                1.0
            };
    // log1p(0) = 0 and adding 0 changes nothing: skip the call for citizens nobody asked.
    if intensity != 0.0 {
        z += a.intensity * libm::log1p(f64::from(intensity));
    }
    if !sup.evening && (occ == occupation::EMPLOYED || occ == occupation::STUDENT) {
        z -= a.daytime_penalty;
    }
    if sup.childcare && parent {
        z += a.childcare;
    }
    if pop.language_barrier[i] == 1 && !sup.interpretation {
        z -= a.language_penalty;
    }
    if sup.payment {
        z += if pop.income[i] == 0 {
            a.payment
        } else {
            a.payment / 2.0
        };
    }
    if marginalised && scenario.municipality.rules_by == crate::scenario::RulesBy::CoDesigned {
        z += scenario.municipality.co_design_attendance;
    }
    if sup.online && pop.age_band[i] < 3 {
        z += if parent || pop.age_band[i] == 0 {
            a.online
        } else {
            a.online / 3.0
        };
    }
    z
}

/// Whether a citizen is a parent of school-age children (for readability at call sites).
#[must_use]
pub fn is_parent(pop: &Population, i: usize) -> bool {
    pop.children[i] != NO
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::generate;

    #[test]
    fn supports_and_intensity_raise_probability_where_they_should() {
        let mut s = Scenario::default();
        s.population.size = 3_000;
        let pop = generate(&s.population, 5);
        let st = stakes(&s);
        let lang = (0..pop.len())
            .find(|&i| pop.language_barrier[i] == 1)
            .unwrap();
        let parent = (0..pop.len()).find(|&i| is_parent(&pop, i)).unwrap();
        let p0 = probability(&pop, lang, 0.0, st, &s);
        assert!(probability(&pop, lang, 3.0, st, &s) > p0);
        let c0 = probability(&pop, parent, 0.0, st, &s);
        s.invitation.supports.interpretation = true;
        s.invitation.supports.childcare = true;
        assert!(probability(&pop, lang, 0.0, st, &s) > p0);
        assert!(probability(&pop, parent, 0.0, st, &s) > c0);
    }

    #[test]
    fn stakes_grow_with_budget_and_weigh_more_for_the_marginalised() {
        let mut s = Scenario::default();
        s.population.size = 3_000;
        let pop = generate(&s.population, 5);
        let m = (0..pop.len())
            .find(|&i| pop.marginalised[i] == YES)
            .unwrap();
        s.budget = 100_000;
        let low = probability(&pop, m, 1.0, stakes(&s), &s);
        s.budget = 5_000_000;
        let high = probability(&pop, m, 1.0, stakes(&s), &s);
        assert!(high > low * 1.5, "{low} -> {high}");
    }
}
