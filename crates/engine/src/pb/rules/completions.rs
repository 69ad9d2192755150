//! MES completed: by greedy over the leftover budget, by the equalshares.net "Add1" endowment
//! steps, and by pabutools' budget increments; the endowment steps skip, through the horizon of
//! [`crate::pb::mes_jump`], the steps that cannot change the outcome.

use super::super::mes_jump::{mes_with_horizon, steps_past};
use super::super::{Allocation, Instance, Profile, TieBreak};
use super::mes::{MesUtility, endowment_of, mes_plain, mes_winners};
use super::prepared::Prepared;

pub(super) fn complete_by_approvals(prep: &Prepared, winners: &mut Vec<u32>, budget: u64) {
    let approvals: Vec<u128> = prep.support.iter().map(|&s| u128::from(s)).collect();
    prep.greedy_fill(&prep.order_by_score(&approvals), winners, budget, true);
}

/// MES (cost utilities), then utilitarian greedy by approval count over the leftover budget.
#[must_use]
pub fn mes_greedy(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_greedy_on(instance, &Prepared::new(instance, profile, *tie_break))
}

pub(super) fn mes_greedy_on(instance: &Instance, prep: &Prepared) -> Allocation {
    let mut w = mes_plain(prep, instance, MesUtility::Cost);
    complete_by_approvals(prep, &mut w, instance.budget);
    prep.allocation(instance, &w)
}

/// The cost of every project with at least one supporter (saturating): at an endowment this
/// large every supporter alone can pay every project, so the MES outcome no longer changes.
pub(super) fn supported_cost(prep: &Prepared) -> u64 {
    (0..prep.costs.len())
        .filter(|&p| prep.support[p] > 0)
        .map(|p| prep.costs[p])
        .fold(0u64, u64::saturating_add)
}

/// Walks the endowment steps `(num + k·unit·den) / den`, k = 0, 1, … for the Add1 and increment
/// completions. Most steps run the ordinary MES; now and then a step runs MES with a horizon
/// (`mes_jump`), which is slower but says how many following steps must give the same winners, so
/// they are skipped. The attempts back off while they skip little (real files, where the outcome
/// changes every few steps) and come back when they pay (huge costs: 10^15 steps become a few).
pub(super) struct Steps<'a> {
    prep: &'a Prepared,
    unit: u128,
    num: u128,
    den: u128,
    /// Ordinary steps to take before the next attempt at skipping, and its least value.
    gap: u128,
    min_gap: u128,
    since: u128,
}

impl<'a> Steps<'a> {
    /// The least gap between attempts (0 in tests: an attempt at every step).
    pub(super) const MIN_GAP: u128 = 4;

    fn new(prep: &'a Prepared, unit: u64, num: u128, den: u128, min_gap: u128) -> Self {
        Steps {
            prep,
            unit: u128::from(unit.max(1)),
            num,
            den,
            gap: min_gap,
            min_gap,
            since: 0,
        }
    }

    fn endowment(&self, k: u128) -> (u128, u128) {
        let e = self
            .num
            .saturating_add(k.saturating_mul(self.unit).saturating_mul(self.den));
        (e, self.den)
    }

    /// The number of steps from `k` to the first with an endowment of at least `target / den`.
    fn steps_to(&self, k: u128, target: u128) -> u128 {
        let e = self.endowment(k).0;
        target
            .saturating_sub(e)
            .div_ceil(self.unit.saturating_mul(self.den).max(1))
    }

    /// The winners at step `k`, and the next step that can give other winners.
    fn at(&mut self, k: u128) -> (Vec<u32>, u128) {
        let e = self.endowment(k);
        if self.since < self.gap {
            self.since += 1;
            return (
                mes_winners(self.prep, MesUtility::Cost, e),
                k.saturating_add(1),
            );
        }
        self.since = 0;
        let Ok((winners, horizon)) = mes_with_horizon(self.prep, MesUtility::Cost, e) else {
            // The exact analysis outgrew 128 bits: an ordinary step, and try again later.
            self.gap = self.gap.saturating_mul(2).max(1);
            return (
                mes_winners(self.prep, MesUtility::Cost, e),
                k.saturating_add(1),
            );
        };
        let skip = horizon.map_or(u128::MAX, |d| steps_past(&d, self.unit));
        self.gap = if skip > self.gap {
            (self.gap / 2).max(self.min_gap)
        } else {
            self.gap.saturating_mul(2)
        };
        (winners, k.saturating_add(skip))
    }
}

/// The Add1 completion: endowment `⌊B/n⌋` (whole units), then one unit more per step; the result
/// is the last outcome within the budget before the first that overspends. Steps that cannot
/// change the outcome are skipped ([`Steps`]): the same winners as taking every step.
pub(super) fn add1_winners(prep: &Prepared, instance: &Instance) -> Vec<u32> {
    add1_winners_with(prep, instance, Steps::MIN_GAP)
}

pub(super) fn add1_winners_with(prep: &Prepared, instance: &Instance, min_gap: u128) -> Vec<u32> {
    let n = prep.n_voters;
    if n == 0 {
        return Vec::new();
    }
    let unit = instance.scale.max(1);
    let budget = instance.budget;
    let start = budget / n / unit * unit;
    let mut steps = Steps::new(prep, unit, u128::from(start), 1, min_gap);
    // Beyond this endowment every supporter alone can pay every project: the outcome is constant.
    // `last` is the first step at or past it, where stepping ends.
    let last = steps.steps_to(0, u128::from(supported_cost(prep)));
    let mut k = 0u128;
    let (mut best, mut next_k) = steps.at(0);
    loop {
        if k >= last {
            return best;
        }
        if prep.covers_supported(&best) {
            // Every later outcome is a subset of the supported projects, which fit: no later step
            // can overspend, so stepping would end at `last`. Jump there.
            return mes_winners(prep, MesUtility::Cost, steps.endowment(last));
        }
        if next_k > last {
            // `last` is among the skipped steps, whose winners are `best`.
            return best;
        }
        k = next_k;
        let (next, after) = steps.at(k);
        if prep.total_cost(&next) > budget {
            return best;
        }
        (best, next_k) = (next, after);
    }
}

/// [`add1_winners`] taking every step, for the tests that check the skipping.
#[cfg(test)]
pub(super) fn add1_winners_stepwise(prep: &Prepared, instance: &Instance) -> Vec<u32> {
    let n = prep.n_voters;
    if n == 0 {
        return Vec::new();
    }
    let unit = instance.scale.max(1);
    let budget = instance.budget;
    let start = budget / n / unit * unit;
    let run = |e: u64| mes_winners(prep, MesUtility::Cost, (u128::from(e), 1));
    let ceiling = supported_cost(prep);
    let mut e = start;
    let mut best = run(e);
    loop {
        if e >= ceiling {
            return best;
        }
        let next_e = e.saturating_add(unit);
        let next = run(next_e);
        if prep.total_cost(&next) > budget {
            return best;
        }
        best = next;
        e = next_e;
    }
}

/// MES with the equalshares.net "Add1" completion: endowments `⌊B/n⌋, ⌊B/n⌋+1, ...` (whole
/// currency units, i.e. steps of `scale`); the result is the last outcome within the budget before
/// the first one that overspends (not the first exhaustive one).
#[must_use]
pub fn mes_add1(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_add1_on(instance, &Prepared::new(instance, profile, *tie_break))
}

pub(super) fn mes_add1_on(instance: &Instance, prep: &Prepared) -> Allocation {
    prep.allocation(instance, &add1_winners(prep, instance))
}

/// [`mes_add1`] followed by greedy completion by approval count.
#[must_use]
pub fn mes_add1_greedy(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_add1_greedy_on(instance, &Prepared::new(instance, profile, *tie_break))
}

pub(super) fn mes_add1_greedy_on(instance: &Instance, prep: &Prepared) -> Allocation {
    let mut w = add1_winners(prep, instance);
    complete_by_approvals(prep, &mut w, instance.budget);
    prep.allocation(instance, &w)
}

/// MES with pabutools' budget-increment completion: endowment `B/n`, then `B/n + 1`, `B/n + 2`,
/// ... (currency units); returns the first exhaustive outcome (or one that funds every supported
/// project), or the previous outcome once one overspends.
#[must_use]
pub fn mes_increment(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_increment_on(instance, &Prepared::new(instance, profile, *tie_break))
}

pub(super) fn mes_increment_on(instance: &Instance, prep: &Prepared) -> Allocation {
    prep.allocation(instance, &increment_winners(prep, instance))
}

/// The increment completion: endowment `B/n`, then one unit more per step; the first exhaustive
/// outcome (or one funding every supported project), or the previous one once an outcome
/// overspends. Steps that cannot change the outcome are skipped ([`Steps`]).
pub(super) fn increment_winners(prep: &Prepared, instance: &Instance) -> Vec<u32> {
    increment_winners_with(prep, instance, Steps::MIN_GAP)
}

pub(super) fn increment_winners_with(
    prep: &Prepared,
    instance: &Instance,
    min_gap: u128,
) -> Vec<u32> {
    if prep.n_voters == 0 {
        return Vec::new();
    }
    let (num, den) = endowment_of(instance, prep);
    let mut steps = Steps::new(prep, instance.scale, num, den, min_gap);
    // From this step on every supported project is bought, which ends the walk.
    let last = steps.steps_to(0, u128::from(supported_cost(prep)).saturating_mul(den));
    let mut previous: Vec<u32> = Vec::new();
    let mut k = 0u128;
    loop {
        let (w, next_k) = steps.at(k);
        if prep.total_cost(&w) > instance.budget {
            break;
        }
        let done = prep.is_exhaustive(&w, instance.budget) || prep.covers_supported(&w);
        previous = w;
        if done || k >= last {
            break;
        }
        k = next_k.min(last);
    }
    previous
}

/// [`increment_winners`] taking every step, for the tests that check the skipping.
#[cfg(test)]
pub(super) fn increment_winners_stepwise(prep: &Prepared, instance: &Instance) -> Vec<u32> {
    if prep.n_voters == 0 {
        return Vec::new();
    }
    let unit = u128::from(instance.scale.max(1));
    let (num, den) = endowment_of(instance, prep);
    let mut previous: Vec<u32> = Vec::new();
    for k in 0u128.. {
        let e = (
            num.saturating_add(k.saturating_mul(unit).saturating_mul(den)),
            den,
        );
        let w = mes_winners(prep, MesUtility::Cost, e);
        if prep.total_cost(&w) > instance.budget {
            break;
        }
        if prep.is_exhaustive(&w, instance.budget) || prep.covers_supported(&w) {
            previous = w;
            break;
        }
        previous = w;
    }
    previous
}
