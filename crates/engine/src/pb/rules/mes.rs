//! The Method of Equal Shares without completion (cost and cardinality utilities), and its trace.

use core::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::super::exact::Ratio;
use super::super::{Allocation, Instance, Profile, TieBreak};
use super::money::{Interval, Money, Undecided};
use super::prepared::Prepared;

/// Satisfaction function used by the Method of Equal Shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MesUtility {
    /// `u_i(p) = cost(p)` if `i` approves `p` (equalshares.net default).
    Cost,
    /// `u_i(p) = 1` if `i` approves `p`.
    Cardinality,
}

/// One purchase made by the Method of Equal Shares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MesPayment {
    /// Index of the funded project.
    pub project: u32,
    /// Largest payment of one supporter (`ρ · u`): supporters pay `min(budget, price)`.
    pub price: Ratio,
    /// Sum of all supporters' payments; equals the project's cost.
    pub total: Ratio,
}

/// Inspection of one MES run (see [`mes_trace`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MesTrace {
    /// Funded projects in selection order.
    pub winners: Vec<u32>,
    /// Each voter's initial endowment.
    pub endowment: Ratio,
    /// Total paid by each ballot, aligned with `Profile::ballots`.
    pub spent: Vec<Ratio>,
    /// One entry per winner.
    pub payments: Vec<MesPayment>,
}

/// Voter budgets stored by value class: voters with identical budgets share one value, so the
/// arithmetic is done once per class rather than once per voter.
pub(super) struct Budgets<M> {
    /// Distinct budget values; class 0 is zero.
    value: Vec<M>,
    /// Class of each ballot group.
    class: Vec<u32>,
    /// Scratch: weight per class during an evaluation.
    acc: Vec<u64>,
    /// Scratch: class remapping during a payment.
    map: Vec<u32>,
    touched: Vec<u32>,
}

impl<M: Money> Budgets<M> {
    fn new(endowment: &M, groups: usize) -> Self {
        Budgets {
            value: vec![M::int(0), endowment.clone()],
            class: vec![1; groups],
            acc: vec![0; 2],
            map: vec![u32::MAX; 2],
            touched: Vec::new(),
        }
    }

    /// Aggregates the weights of `groups` per class.
    fn classes_of(&mut self, groups: &[u32], weights: &[u64]) -> Vec<(u32, u64)> {
        for &g in groups {
            let c = self.class[g as usize] as usize;
            if self.acc[c] == 0 {
                self.touched.push(c as u32);
            }
            self.acc[c] += weights[g as usize];
        }
        // Order of first appearance among the supporters (deterministic); it only changes how
        // interval sums round, never a certified result.
        self.touched
            .drain(..)
            .map(|c| (c, core::mem::take(&mut self.acc[c as usize])))
            .collect()
    }

    /// The smallest `price` with `Σ min(b_i, price) = cost` over the supporters (`Ok(None)` when
    /// they cannot afford `cost`), by fixed-point iteration on the set of capped classes.
    fn price(
        &mut self,
        cost: u64,
        groups: &[u32],
        weights: &[u64],
        total_w: u64,
    ) -> Result<Option<M>, Undecided> {
        let classes = self.classes_of(groups, weights);
        let cost_m = M::int(u128::from(cost));
        let mut price = M::frac(u128::from(cost), u128::from(total_w));
        let mut prev_capped_w = 0u64;
        loop {
            let mut capped_sum = M::int(0);
            let mut capped_w = 0u64;
            for &(c, w) in &classes {
                let b = &self.value[c as usize];
                match b.compare(&price) {
                    Some(Ordering::Less) => {
                        capped_sum = capped_sum.plus(&b.times(u128::from(w)));
                        capped_w += w;
                    }
                    Some(_) => {}
                    None => return Err(Undecided),
                }
            }
            // Capped sets only grow, so an equal weight means the same set: a fixed point.
            if capped_w == prev_capped_w {
                return Ok(Some(price));
            }
            if capped_w == total_w {
                return Ok(None);
            }
            price = cost_m
                .minus(&capped_sum)
                .over(u128::from(total_w - capped_w));
            prev_capped_w = capped_w;
        }
    }

    /// Every supporter pays `min(budget, price)`; returns the total paid.
    fn pay(&mut self, groups: &[u32], weights: &[u64], price: &M) -> Result<M, Undecided> {
        let mut total = M::int(0);
        for &g in groups {
            let c = self.class[g as usize] as usize;
            let capped = match self.value[c].compare(price) {
                Some(o) => o != Ordering::Greater,
                None => return Err(Undecided),
            };
            if self.map[c] == u32::MAX {
                self.touched.push(c as u32);
                self.map[c] = if capped {
                    0
                } else {
                    let v = self.value[c].minus(price);
                    self.value.push(v);
                    self.acc.push(0);
                    self.map.push(u32::MAX);
                    (self.value.len() - 1) as u32
                };
            }
            let paid = if capped { &self.value[c] } else { price };
            total = total.plus(&paid.times(u128::from(weights[g as usize])));
            self.class[g as usize] = self.map[c];
        }
        for c in self.touched.drain(..) {
            self.map[c as usize] = u32::MAX;
        }
        Ok(total)
    }
}

/// Result of evaluating one candidate project in an MES round.
pub(super) struct Offer<M> {
    /// Comparison key (ρ): `price / cost` for cost utilities, `price` for cardinality.
    key: M,
    /// Largest individual payment.
    price: M,
}

/// Winners, final budget of each group, and `(project, price, total paid)` per winner.
type MesRun<M> = (Vec<u32>, Vec<M>, Vec<(u32, M, M)>);

/// The MES loop with the endowment `num / den` per voter.
pub(super) fn mes_generic<M: Money>(
    prep: &Prepared,
    utility: MesUtility,
    endowment: (u128, u128),
) -> Result<MesRun<M>, Undecided> {
    let mut budgets = Budgets::new(&M::frac(endowment.0, endowment.1), prep.weights.len());
    let mut payments = Vec::new();
    let m = prep.costs.len();
    // Lower bounds on each project's key: keys only grow as budgets shrink.
    let mut lower: Vec<M> = vec![M::int(0); m];
    let mut cands: Vec<u32> = (0..m as u32)
        .filter(|&p| prep.support[p as usize] > 0)
        .collect();
    let mut winners = Vec::new();
    let tb = &prep.tb_rank;

    loop {
        crate::sort::by(&mut cands, |&a, &b| {
            lower[a as usize]
                .order(&lower[b as usize])
                .then(tb[a as usize].cmp(&tb[b as usize]))
        });
        let mut best: Option<(u32, Offer<M>)> = None;
        let mut unaffordable: Vec<u32> = Vec::new();
        for &p in &cands {
            if let Some((bp, offer)) = &best {
                // Every later candidate's key is at least lower[p] (in visiting order).
                let stop = match offer.key.compare(&lower[p as usize]) {
                    Some(Ordering::Less) => true,
                    Some(Ordering::Equal) => tb[*bp as usize] < tb[p as usize],
                    _ => false,
                };
                if stop {
                    break;
                }
            }
            let cost = prep.costs[p as usize];
            let Some(price) = budgets.price(
                cost,
                &prep.supporters[p as usize],
                &prep.weights,
                prep.support[p as usize],
            )?
            else {
                unaffordable.push(p);
                continue;
            };
            let key = match utility {
                MesUtility::Cost if cost > 0 => price.over(u128::from(cost)),
                MesUtility::Cost => M::int(0),
                MesUtility::Cardinality => price.clone(),
            };
            lower[p as usize] = key.clone();
            let better = match &best {
                None => true,
                Some((bp, b)) => match key.compare(&b.key) {
                    Some(Ordering::Less) => true,
                    Some(Ordering::Equal) => tb[p as usize] < tb[*bp as usize],
                    Some(Ordering::Greater) => false,
                    None => return Err(Undecided),
                },
            };
            if better {
                best = Some((p, Offer { key, price }));
            }
        }
        // Budgets only shrink, so an unaffordable project stays unaffordable.
        cands.retain(|p| !unaffordable.contains(p));
        let Some((p, offer)) = best else { break };
        let total = budgets.pay(&prep.supporters[p as usize], &prep.weights, &offer.price)?;
        payments.push((p, offer.price, total));
        winners.push(p);
        cands.retain(|&c| c != p);
    }
    let finals = budgets
        .class
        .iter()
        .map(|&c| budgets.value[c as usize].clone())
        .collect();
    Ok((winners, finals, payments))
}

/// MES winners with the endowment `num / den`: certified intervals first, exact rationals when
/// the intervals cannot decide.
pub(super) fn mes_winners(
    prep: &Prepared,
    utility: MesUtility,
    endowment: (u128, u128),
) -> Vec<u32> {
    match mes_generic::<Interval>(prep, utility, endowment) {
        Ok(run) => run.0,
        Err(Undecided) => mes_exact(prep, utility, endowment).0,
    }
}

pub(super) fn mes_exact(
    prep: &Prepared,
    utility: MesUtility,
    endowment: (u128, u128),
) -> MesRun<Ratio> {
    // `Ratio::compare` always decides, so this is never `Err`.
    mes_generic::<Ratio>(prep, utility, endowment)
        .unwrap_or_else(|Undecided| (Vec::new(), Vec::new(), Vec::new()))
}

pub(super) fn endowment_of(instance: &Instance, prep: &Prepared) -> (u128, u128) {
    (
        u128::from(instance.budget),
        u128::from(prep.n_voters.max(1)),
    )
}

/// Runs MES with the endowment `budget / n` in exact arithmetic and returns the winners and every
/// payment, for inspection and tests.
#[must_use]
pub fn mes_trace(
    instance: &Instance,
    profile: &Profile,
    tie_break: &TieBreak,
    utility: MesUtility,
) -> MesTrace {
    let prep = Prepared::new(instance, profile, *tie_break);
    let (num, den) = endowment_of(instance, &prep);
    let endowment = Ratio::new(num, den);
    let (winners, finals, payments) = mes_exact(&prep, utility, (num, den));
    let spent = prep
        .ballot_group
        .iter()
        .map(|&g| {
            if g == u32::MAX {
                Ratio::zero()
            } else {
                endowment.sub(&finals[g as usize])
            }
        })
        .collect();
    MesTrace {
        winners,
        endowment,
        spent,
        payments: payments
            .into_iter()
            .map(|(project, price, total)| MesPayment {
                project,
                price,
                total,
            })
            .collect(),
    }
}

pub(super) fn mes_plain(prep: &Prepared, instance: &Instance, utility: MesUtility) -> Vec<u32> {
    if prep.n_voters == 0 {
        return Vec::new();
    }
    mes_winners(prep, utility, endowment_of(instance, prep))
}

/// Method of Equal Shares with cost utilities, endowment `budget / n` (n = all ballots), no
/// completion.
#[must_use]
pub fn mes(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_on(instance, &Prepared::new(instance, profile, *tie_break))
}

pub(super) fn mes_on(instance: &Instance, prep: &Prepared) -> Allocation {
    prep.allocation(instance, &mes_plain(prep, instance, MesUtility::Cost))
}

/// Method of Equal Shares with cardinality utilities, no completion.
#[must_use]
pub fn mes_cardinality(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_cardinality_on(instance, &Prepared::new(instance, profile, *tie_break))
}

pub(super) fn mes_cardinality_on(instance: &Instance, prep: &Prepared) -> Allocation {
    prep.allocation(
        instance,
        &mes_plain(prep, instance, MesUtility::Cardinality),
    )
}
