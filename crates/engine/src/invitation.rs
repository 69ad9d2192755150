//! Invitation (DESIGN §2.2 step 2): who is asked to take part, how intensely, and what it costs.
//!
//! The outcome is an invitation *intensity* per citizen (0 = not invited; an open call that a
//! citizen hears of counts as invited with intensity 0, since nobody asked them personally).
//! Awareness, outreach and mobilisation use one draw per citizen in citizen order, so scenarios
//! that share a seed share these random numbers whatever the strategy (common random numbers).

use crate::attributes::YES;
use crate::population::Population;
use crate::rng::{Stage, chance, chance_logistic, cycle_stream, indicator, unit};
use crate::scenario::{Scenario, Strategy};
use crate::split::{Threads, kept};

/// Who was invited, and what it cost.
#[derive(Clone, Debug, Default)]
pub struct Invitation {
    /// Whether each citizen was invited (or heard of the open call).
    pub invited: Vec<bool>,
    /// Invitation intensity of each citizen (0 for the open call and the uninvited).
    pub intensity: Vec<f32>,
    /// Letters sent.
    pub letters: u32,
    /// Personal outreach contacts made.
    pub contacts: u32,
    /// Staff hours spent on the invitation (before responses to letters).
    pub staff_hours: f64,
}

/// Invites citizens of `pop` according to `scenario.invitation` (year 1).
#[must_use]
pub fn invite(pop: &Population, scenario: &Scenario) -> Invitation {
    invite_year(pop, scenario, 0)
}

/// Invites citizens in year `year` (0-based; each year has its own random streams).
#[must_use]
pub fn invite_year(pop: &Population, scenario: &Scenario, year: u32) -> Invitation {
    invite_on(pop, scenario, year, Threads::One)
}

/// [`invite_year`] on `threads` (the same invitation on one or two).
#[must_use]
pub fn invite_on(pop: &Population, scenario: &Scenario, year: u32, threads: Threads) -> Invitation {
    let n = pop.len();
    let inv = &scenario.invitation;
    let a = &scenario.attendance;
    let costs = &scenario.costs;
    let mut out = Invitation {
        invited: vec![false; n],
        intensity: vec![0.0; n],
        ..Invitation::default()
    };
    let open_call = matches!(
        inv.strategy,
        Strategy::OpenCall | Strategy::Targeted | Strategy::Associations
    );
    if open_call {
        // One draw per citizen, so the two halves of the population can be drawn apart.
        let rng = cycle_stream(scenario.seed, Stage::Awareness, year);
        let aware = threads.halves(n, rng, |citizens, rng| {
            kept(citizens, |i| {
                let member = indicator(pop.association[i] > 0);
                let z = a.awareness_intercept
                    + a.awareness_media * (f64::from(pop.media[i]) - 0.5)
                    + a.awareness_member * member
                    + a.awareness_interest * (f64::from(pop.interest[i]) - 0.5);
                chance_logistic(rng, z)
            })
        });
        for i in aware.into_iter().flatten() {
            out.invited[i] = true;
        }
        out.staff_hours += costs.open_call_hours;
    }
    if inv.recontact {
        let k = a.intensity_recontact as f32;
        for i in 0..n {
            if pop.habit[i] >= 1.0 {
                out.invited[i] = true;
                out.intensity[i] = out.intensity[i].max(k);
            }
        }
    }
    match inv.strategy {
        Strategy::OpenCall => {}
        Strategy::Letters | Strategy::Stratified => {
            // Knuth's selection sampling: an exact simple random sample of `letters` citizens.
            let mut rng = cycle_stream(scenario.seed, Stage::Letters, year);
            let k = inv.letters.min(n as u32);
            let mut chosen = 0u32;
            for i in 0..n {
                let left = (n - i) as f64;
                if unit(&mut rng) * left < f64::from(k - chosen) {
                    out.invited[i] = true;
                    out.intensity[i] = out.intensity[i].max(a.intensity_letter as f32);
                    chosen += 1;
                }
            }
            out.letters = chosen;
        }
        Strategy::Targeted => {
            let mut rng = cycle_stream(scenario.seed, Stage::Invitation, year);
            let per_contact = a.intensity_contact as f32;
            for i in 0..n {
                let reached = chance(&mut rng, inv.outreach_reach);
                if reached && pop.marginalised[i] == YES {
                    out.invited[i] = true;
                    out.intensity[i] = out.intensity[i].max(per_contact * f32::from(inv.contacts));
                    out.contacts += u32::from(inv.contacts);
                }
            }
            out.staff_hours += f64::from(out.contacts) * costs.hours_per_contact;
        }
        Strategy::Associations => {
            let mut rng = cycle_stream(scenario.seed, Stage::Invitation, year);
            for i in 0..n {
                let mobilised = chance(&mut rng, inv.mobilisation);
                if mobilised && pop.association[i] > 0 {
                    out.invited[i] = true;
                    out.intensity[i] = out.intensity[i].max(a.intensity_association as f32);
                }
            }
            let kinds = (crate::attributes::ASSOCIATION_KINDS.len() - 1) as f64;
            out.staff_hours += kinds * f64::from(pop.districts) * costs.hours_per_association;
        }
    }
    out
}

/// Total cost in whole DKK of letters and staff hours.
#[must_use]
pub fn cost_dkk(scenario: &Scenario, letters: u32, staff_hours: f64) -> u64 {
    let c = &scenario.costs;
    u64::from(letters) * u64::from(c.letter_dkk)
        + libm::round(staff_hours * f64::from(c.staff_hour_dkk)) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::generate;

    fn scenario(strategy: Strategy) -> Scenario {
        let mut s = Scenario::default();
        s.population.size = 5_000;
        s.invitation.strategy = strategy;
        s.invitation.letters = 800;
        s
    }

    #[test]
    fn letters_reach_exactly_the_sample_size() {
        let s = scenario(Strategy::Letters);
        let pop = generate(&s.population, s.seed);
        let inv = invite(&pop, &s);
        assert_eq!(inv.letters, 800);
        assert_eq!(inv.invited.iter().filter(|&&b| b).count(), 800);
        assert!(cost_dkk(&s, inv.letters, inv.staff_hours) >= 800 * 15);
    }

    #[test]
    fn targeted_reaches_only_marginalised_personally() {
        let s = scenario(Strategy::Targeted);
        let pop = generate(&s.population, s.seed);
        let inv = invite(&pop, &s);
        assert!(inv.contacts > 0);
        for i in 0..pop.len() {
            if inv.intensity[i] > 0.0 {
                assert_eq!(pop.marginalised[i], YES);
                assert!(inv.invited[i]);
            }
        }
    }

    #[test]
    fn open_call_awareness_is_shared_across_strategies() {
        let open = scenario(Strategy::OpenCall);
        let pop = generate(&open.population, open.seed);
        let a = invite(&pop, &open);
        let b = invite(&pop, &scenario(Strategy::Associations));
        // Everyone aware of the open call stays invited when associations also mobilise.
        assert!((0..pop.len()).all(|i| !a.invited[i] || b.invited[i]));
        let aware = a.invited.iter().filter(|&&x| x).count() as f64 / pop.len() as f64;
        assert!((0.15..0.6).contains(&aware), "aware share {aware}");
    }
}
