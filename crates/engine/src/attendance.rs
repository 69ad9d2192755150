//! Attendance (DESIGN §2.2 step 3): each invited citizen attends with probability
//! `logistic(β·features)`, after Brady, Verba & Schlozman's resource model: people stay away because
//! they can't (time, skills, language), don't want to (interest, efficacy, trust, stakes) or because
//! nobody asked (invitation intensity).

use crate::attributes::{NO, YES, occupation};
use crate::population::Population;
use crate::rng::logistic;
use crate::scenario::Scenario;

/// The part of every citizen's stakes that comes from the budget: what it could do in one
/// district ([`crate::need::reach`]). A citizen's own stakes add their need
/// ([`crate::need::own_stakes`]).
#[must_use]
pub fn stakes(scenario: &Scenario) -> f64 {
    crate::need::reach(scenario)
}

/// Time pressure of citizen `i`: `1 − free hours ÷ 40`, at least 0 (0 = 40 or more free hours a
/// week).
#[inline]
#[must_use]
pub fn time_pressure(pop: &Population, i: usize) -> f64 {
    (1.0 - f64::from(pop.free_time[i]) / 40.0).max(0.0)
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
    let own = crate::need::own_stakes(stakes, pop, i, scenario);
    score_with(pop, i, intensity, own, scenario)
}

/// [`score`] of citizen `i` whose own stakes are `own_stakes` ([`crate::need::own_stakes`], or
/// its entry in [`crate::need::stakes_table`], worked out once for a pass over the citizens).
/// Always inlined: the yearly cycle calls it once per invited citizen.
#[allow(clippy::inline_always)]
#[inline(always)]
#[must_use]
pub fn score_with(
    pop: &Population,
    i: usize,
    intensity: f32,
    own_stakes: f64,
    scenario: &Scenario,
) -> f64 {
    let a = &scenario.attendance;
    let sup = scenario.effective_supports();
    let parent = pop.children[i] == YES;
    let occ = pop.occupation[i];
    let mut z = a.intercept
        + a.free_time * (f64::from(pop.free_time[i]) / 40.0 - 0.5)
        + a.civic_skill * (f64::from(pop.civic_skill[i]) - 0.5)
        + a.interest * (f64::from(pop.interest[i]) - 0.5)
        + a.efficacy * (f64::from(pop.efficacy[i]) - 0.5)
        + a.trust * (f64::from(pop.trust[i]) - 0.5)
        + a.habit * f64::from(pop.habit[i])
        + a.stakes * own_stakes;
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
        let r = &scenario.population.relative_income;
        z += a.payment * r[0] / r[usize::from(pop.income[i].min(2))];
    }
    if sup.online {
        // Taking part from home saves the time of getting there; missing digital skill eats
        // into that gain. Nobody is worse off than without the option.
        let gain = a.online * time_pressure(pop, i)
            - a.digital_barrier * (1.0 - f64::from(pop.digital[i]));
        z += gain.max(0.0);
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
    fn stakes_grow_with_budget_and_are_larger_for_those_who_need_more() {
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
        let without = (0..pop.len())
            .find(|&i| crate::need::served(&pop, i).iter().all(|x| !x))
            .unwrap();
        let st = stakes(&s);
        assert!(
            crate::need::own_stakes(st, &pop, m, &s)
                > crate::need::own_stakes(st, &pop, without, &s)
        );
    }

    #[test]
    fn an_online_option_never_lowers_attendance_and_helps_the_busy_and_skilled_most() {
        let mut s = Scenario::default();
        s.population.size = 3_000;
        let pop = generate(&s.population, 5);
        let st = stakes(&s);
        let mut gains = Vec::new();
        for i in 0..pop.len() {
            let before = score(&pop, i, 0.0, st, &s);
            s.invitation.supports.online = true;
            let after = score(&pop, i, 0.0, st, &s);
            s.invitation.supports.online = false;
            assert!(after >= before);
            gains.push((time_pressure(&pop, i), pop.digital[i], after - before));
        }
        let busy_skilled = gains.iter().filter(|g| g.0 > 0.5 && g.1 > 0.8);
        let idle = gains.iter().filter(|g| g.0 == 0.0);
        assert!(busy_skilled.clone().count() > 0 && busy_skilled.clone().all(|g| g.2 > 0.0));
        assert!(idle.clone().count() > 0 && idle.clone().all(|g| g.2 == 0.0));
    }
}
