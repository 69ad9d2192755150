//! The greedy rules: by score (skipping, or stopping at the first project that does not fit) and
//! by score per unit of cost.

use core::cmp::Ordering;

use super::super::exact::Ratio;
use super::super::{Allocation, Instance, Profile, TieBreak};
use super::prepared::Prepared;

/// Greedy: projects by score (approvals; cumulative/scoring points; ordinal `len − position`
/// within each ballot), highest first, ties by `tie_break`; a project is funded if it still fits,
/// otherwise skipped.
#[must_use]
pub fn greedy(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    greedy_by_score(
        instance,
        &Prepared::new(instance, profile, *tie_break),
        true,
    )
}

/// Greedy without skipping: same order as [`greedy`], stops at the first project that does not fit.
#[must_use]
pub fn greedy_no_skip(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    greedy_by_score(
        instance,
        &Prepared::new(instance, profile, *tie_break),
        false,
    )
}

/// Greedy by score, skipping projects that no longer fit (`skip`) or stopping at the first.
pub(super) fn greedy_by_score(instance: &Instance, prep: &Prepared, skip: bool) -> Allocation {
    let mut w = Vec::new();
    prep.greedy_fill(
        &prep.order_by_score(&prep.score),
        &mut w,
        instance.budget,
        skip,
    );
    prep.allocation(instance, &w)
}

/// Greedy by score per unit of cost (exact cross-multiplication), skipping. Zero-cost projects
/// come first (by score), then `score/cost` descending; ties by `tie_break`.
#[must_use]
pub fn greedy_per_cost(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    greedy_per_cost_on(instance, &Prepared::new(instance, profile, *tie_break))
}

pub(super) fn greedy_per_cost_on(instance: &Instance, prep: &Prepared) -> Allocation {
    let mut idx: Vec<u32> = (0..prep.costs.len() as u32).collect();
    let key = |p: u32| (prep.score[p as usize], u128::from(prep.costs[p as usize]));
    crate::sort::by(&mut idx, |&a, &b| {
        let ((sa, ca), (sb, cb)) = (key(a), key(b));
        let by_ratio = match (ca == 0, cb == 0) {
            (true, true) => sb.cmp(&sa),
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            // sa/ca > sb/cb  ⇔  sa·cb > sb·ca  (scores < 2^64·2^32, costs < 2^64: fits u128? use wide)
            (false, false) => Ratio::new(sb, 1)
                .mul_int(ca)
                .cmp(&Ratio::new(sa, 1).mul_int(cb)),
        };
        by_ratio.then(prep.tb_rank[a as usize].cmp(&prep.tb_rank[b as usize]))
    });
    let mut w = Vec::new();
    prep.greedy_fill(&idx, &mut w, instance.budget, true);
    prep.allocation(instance, &w)
}
