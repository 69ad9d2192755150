//! Sequential Phragmén for PB.

use core::cmp::Ordering;

use super::super::exact::Ratio;
use super::super::{Allocation, Instance, Profile, TieBreak};
use super::money::{Interval, Money, Undecided};
use super::prepared::Prepared;

/// Sequential Phragmén for PB: every round, each project's new maximal load is
/// `(cost + Σ loads of its supporters) / #supporters`; the smallest is selected (ties by
/// `tie_break`) and its supporters' loads set to it. Stops at the first selected project that
/// would exceed the budget. Non-approval ballots are projected to approval.
#[must_use]
pub fn phragmen(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    phragmen_on(instance, &Prepared::new(instance, profile, *tie_break))
}

pub(super) fn phragmen_on(instance: &Instance, prep: &Prepared) -> Allocation {
    let winners = match phragmen_generic::<Interval>(prep, instance.budget) {
        Ok(w) => w,
        // `Ratio` always decides.
        Err(Undecided) => phragmen_generic::<Ratio>(prep, instance.budget).unwrap_or_default(),
    };
    prep.allocation(instance, &winners)
}

pub(super) fn phragmen_generic<M: Money>(
    prep: &Prepared,
    budget: u64,
) -> Result<Vec<u32>, Undecided> {
    let m = prep.costs.len();
    let tb = &prep.tb_rank;
    // Loads take few distinct values (0 and one per round): store them by class, and for each
    // project the supporters' weight in each class.
    let mut load: Vec<M> = vec![M::int(0)];
    let mut class: Vec<u32> = vec![0; prep.weights.len()];
    let mut class_weight: Vec<Vec<u64>> = prep.support.iter().map(|&w| vec![w]).collect();
    // As pabutools: projects costing more than the whole budget are never candidates.
    let mut cands: Vec<u32> = (0..m as u32)
        .filter(|&p| prep.costs[p as usize] <= budget)
        .collect();
    let mut winners = Vec::new();
    let mut used = 0u64;
    while !cands.is_empty() {
        // Projects tied for the smallest new maximal load (unsupported projects have an
        // infinite load and only tie with each other once no supported project is left).
        let mut best: Option<M> = None;
        let mut tied: Vec<u32> = Vec::new();
        for &p in &cands {
            if prep.support[p as usize] == 0 {
                continue;
            }
            let mut sum = M::int(u128::from(prep.costs[p as usize]));
            for (c, &w) in class_weight[p as usize].iter().enumerate().skip(1) {
                if w > 0 {
                    sum = sum.plus(&load[c].times(u128::from(w)));
                }
            }
            let t = sum.over(u128::from(prep.support[p as usize]));
            let ord = match &best {
                None => Ordering::Less,
                Some(bt) => t.compare(bt).ok_or(Undecided)?,
            };
            match ord {
                Ordering::Less => {
                    best = Some(t);
                    tied = vec![p];
                }
                Ordering::Equal => tied.push(p),
                Ordering::Greater => {}
            }
        }
        if best.is_none() {
            tied.clone_from(&cands);
        }
        // Stop as soon as one of the tied projects would exceed the budget.
        if tied.iter().any(|&p| {
            used.checked_add(prep.costs[p as usize])
                .is_none_or(|c| c > budget)
        }) {
            break;
        }
        let Some(&p) = tied.iter().min_by_key(|&&p| tb[p as usize]) else {
            break;
        };
        used += prep.costs[p as usize];
        let Some(t) = best else {
            winners.push(p);
            cands.retain(|&c| c != p);
            continue;
        };
        let new_class = load.len();
        load.push(t);
        for &g in &prep.supporters[p as usize] {
            let w = prep.weights[g as usize];
            let old = class[g as usize] as usize;
            for &q in prep.group(g) {
                let cw = &mut class_weight[q as usize];
                cw[old] -= w;
                if cw.len() <= new_class {
                    cw.resize(new_class + 1, 0);
                }
                cw[new_class] += w;
            }
            class[g as usize] = new_class as u32;
        }
        winners.push(p);
        cands.retain(|&c| c != p);
    }
    Ok(winners)
}
