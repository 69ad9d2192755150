//! How far the outcome of the Method of Equal Shares stays the same when the endowment grows.
//!
//! The Add1 and increment completions raise the endowment one currency unit at a time and rerun
//! MES after each step. With costs of 10^15 units that is 10^15 runs. They do not have to be run:
//! every quantity in an MES run is a piecewise affine function of the endowment `e`, so from one
//! run at `e₀` we can compute a distance `d*` such that every run with an endowment in
//! `[e₀, e₀ + d*)` makes exactly the same decisions, and jump to the first step at or after
//! `e₀ + d*`. The skipped steps would have returned the same winners, so the result is exactly
//! the one the step-by-step completion returns.
//!
//! Near `e₀`, with `d = e − e₀ ≥ 0`:
//!
//! * every voter budget is `v + s·d` with `s ≥ 0` (it starts as `e`: `v = e₀`, `s = 1`);
//! * a project's price (the payment of its uncapped supporters) is `v − m·d` with `m ≥ 0`:
//!   `price = (cost − Σ_capped w·b) / (W − W_capped)`, which falls as the capped budgets grow;
//! * after a purchase an uncapped budget becomes `(v − price) + (s + m)·d`, still rising, and a
//!   capped one becomes `0`;
//! * the comparison key is `price / cost` (cost utilities) or `price` (cardinality): falling.
//!
//! Each decision of the run is a comparison between such functions, and each can change only at
//! the point where the two cross:
//!
//! | decision at `e₀` | changes at `d =` |
//! |---|---|
//! | a supporter is capped (`b < price`) | `(price − b) / (s + m)` (b − price only grows) |
//! | a project is unaffordable (`Σ w·b < cost`) | `(cost − Σ w·v) / Σ w·s` |
//! | the winner's key is below another affordable project's | `(v_X − v_W) / (m_X − m_W)` when `m_X > m_W` |
//!
//! An uncapped supporter stays uncapped and an affordable project stays affordable. `d*` is the
//! smallest of these crossings (0 when a comparison is a tie that the growing endowment breaks
//! the other way at once); at `d*` itself the run is made again, so ties at a crossing are decided
//! by the ordinary rule. All arithmetic is exact ([`Ratio`]).

use core::cmp::Ordering;

use super::exact::Ratio;
use super::rules::{MesUtility, Prepared};

/// A voter budget near `e₀`: `v + s·d`.
#[derive(Clone, Debug)]
struct Rising {
    v: Ratio,
    s: Ratio,
}

/// A price or key near `e₀`: `v − m·d`.
#[derive(Clone, Debug)]
struct Falling {
    v: Ratio,
    m: Ratio,
}

/// The smallest crossing found so far (`None`: nothing changes however large `d` gets).
#[derive(Default)]
struct Horizon(Option<Ratio>);

impl Horizon {
    /// A decision that changes at `gap / rate` (never when `rate` is zero).
    fn cross(&mut self, gap: &Ratio, rate: &Ratio) {
        if rate.is_zero() {
            return;
        }
        let d = gap.div(rate);
        if self.0.as_ref().is_none_or(|h| d < *h) {
            self.0 = Some(d);
        }
    }
}

/// Budgets by class: ballot groups whose budgets are the same function share one class.
struct Classes {
    value: Vec<Rising>,
    class: Vec<u32>,
    /// Scratch, one slot per class, `u32::MAX` between uses.
    scratch: Vec<u32>,
}

/// The analysis gave up: a number outgrew 128 bits. The budgets' rates have denominators that
/// multiply round by round (e.g. a reweighted profile of 200,000 ballots), and unbounded
/// arithmetic on them costs far more than the steps it could save; the caller takes one
/// ordinary step instead.
#[derive(Debug)]
pub(crate) struct TooBig;

fn small(r: &Ratio) -> Result<(), TooBig> {
    r.as_small().map(|_| ()).ok_or(TooBig)
}

/// One project evaluated in one round.
enum Offer {
    /// The supporters cannot pay the cost.
    Unaffordable,
    /// The price (largest payment) and the comparison key.
    Price { price: Falling, key: Falling },
}

impl Classes {
    /// The supporters of a project as `(class, weight)`, in order of first appearance.
    fn of(&mut self, groups: &[u32], weights: &[u64]) -> Vec<(u32, u64)> {
        self.scratch.resize(self.value.len(), u32::MAX);
        let mut seen: Vec<(u32, u64)> = Vec::new();
        for &g in groups {
            let c = self.class[g as usize];
            let slot = &mut self.scratch[c as usize];
            if *slot == u32::MAX {
                *slot = seen.len() as u32;
                seen.push((c, 0));
            }
            seen[*slot as usize].1 += weights[g as usize];
        }
        for &(c, _) in &seen {
            self.scratch[c as usize] = u32::MAX;
        }
        seen
    }

    /// The project's price at `e₀` and how it moves, recording where that stops holding.
    fn offer(
        &self,
        cost: u64,
        supporters: &[(u32, u64)],
        utility: MesUtility,
        horizon: &mut Horizon,
    ) -> Result<Offer, TooBig> {
        let cost_r = Ratio::from_int(u128::from(cost));
        let (mut sum_v, mut sum_s, mut total_w) = (Ratio::zero(), Ratio::zero(), 0u64);
        for &(c, w) in supporters {
            let b = &self.value[c as usize];
            sum_v = sum_v.add(&b.v.mul_int(u128::from(w)));
            sum_s = sum_s.add(&b.s.mul_int(u128::from(w)));
            total_w += w;
        }
        small(&sum_v)?;
        small(&sum_s)?;
        if sum_v < cost_r {
            horizon.cross(&cost_r.sub(&sum_v), &sum_s);
            return Ok(Offer::Unaffordable);
        }
        // The smallest price with Σ min(b, price) = cost: capped classes only grow.
        let mut price = cost_r.div_int(u128::from(total_w));
        let mut capped_prev = u64::MAX;
        let mut capped_s = Ratio::zero();
        loop {
            let (mut cv, mut cs, mut cw) = (Ratio::zero(), Ratio::zero(), 0u64);
            for &(c, w) in supporters {
                let b = &self.value[c as usize];
                if b.v < price {
                    cv = cv.add(&b.v.mul_int(u128::from(w)));
                    cs = cs.add(&b.s.mul_int(u128::from(w)));
                    cw += w;
                }
            }
            if cw == capped_prev || cw == total_w {
                // `cw == total_w` cannot happen once Σ b ≥ cost; kept as a guard.
                break;
            }
            price = cost_r.sub(&cv).div_int(u128::from(total_w - cw));
            (capped_s, capped_prev) = (cs, cw);
        }
        let free_w = total_w
            - if capped_prev == u64::MAX {
                0
            } else {
                capped_prev
            };
        let m = capped_s.div_int(u128::from(free_w.max(1)));
        small(&price)?;
        small(&m)?;
        for &(c, _) in supporters {
            let b = &self.value[c as usize];
            if b.v < price {
                horizon.cross(&price.sub(&b.v), &b.s.add(&m));
            }
        }
        let price = Falling { v: price, m };
        let key = match utility {
            MesUtility::Cost if cost > 0 => Falling {
                v: price.v.div_int(u128::from(cost)),
                m: price.m.div_int(u128::from(cost)),
            },
            MesUtility::Cost => Falling {
                v: Ratio::zero(),
                m: Ratio::zero(),
            },
            MesUtility::Cardinality => price.clone(),
        };
        Ok(Offer::Price { price, key })
    }

    /// Every supporter pays `min(budget, price)`.
    fn pay(&mut self, groups: &[u32], price: &Falling) -> Result<(), TooBig> {
        self.scratch.resize(self.value.len(), u32::MAX);
        let mut touched: Vec<u32> = Vec::new();
        for &g in groups {
            let c = self.class[g as usize] as usize;
            if self.scratch[c] == u32::MAX {
                touched.push(c as u32);
                let b = &self.value[c];
                self.scratch[c] = if b.v < price.v {
                    0
                } else {
                    let next = Rising {
                        v: b.v.sub(&price.v),
                        s: b.s.add(&price.m),
                    };
                    small(&next.v)?;
                    small(&next.s)?;
                    self.value.push(next);
                    (self.value.len() - 1) as u32
                };
            }
            self.class[g as usize] = self.scratch[c];
        }
        for c in touched {
            self.scratch[c as usize] = u32::MAX;
        }
        Ok(())
    }
}

/// MES (no completion) with the endowment `num / den`: the winners, and the distance `d*` over
/// which a larger endowment gives the same winners (`None`: the winners never change); `TooBig`
/// when the exact numbers outgrow 128 bits. Every
/// project is evaluated in every round, so this is slower than the ordinary run; it is used only
/// to skip steps.
pub(crate) fn mes_with_horizon(
    prep: &Prepared,
    utility: MesUtility,
    endowment: (u128, u128),
) -> Result<(Vec<u32>, Option<Ratio>), TooBig> {
    let mut classes = Classes {
        value: vec![
            Rising {
                v: Ratio::zero(),
                s: Ratio::zero(),
            },
            Rising {
                v: Ratio::new(endowment.0, endowment.1),
                s: Ratio::from_int(1),
            },
        ],
        class: vec![1; prep.weights.len()],
        scratch: Vec::new(),
    };
    let mut horizon = Horizon::default();
    let tb = &prep.tb_rank;
    let mut left: Vec<u32> = (0..prep.costs.len() as u32)
        .filter(|&p| prep.support[p as usize] > 0)
        .collect();
    let mut winners = Vec::new();
    loop {
        let mut offers: Vec<(u32, Falling, Falling)> = Vec::new();
        for &p in &left {
            let supporters = classes.of(&prep.supporters[p as usize], &prep.weights);
            if let Offer::Price { price, key } =
                classes.offer(prep.costs[p as usize], &supporters, utility, &mut horizon)?
            {
                offers.push((p, price, key));
            }
        }
        let best = offers.iter().min_by(|a, b| {
            a.2.v
                .cmp(&b.2.v)
                .then(tb[a.0 as usize].cmp(&tb[b.0 as usize]))
        });
        let Some((w, price, key)) = best.cloned() else {
            break;
        };
        for (p, _, other) in &offers {
            if *p != w && other.m.cmp(&key.m) == Ordering::Greater {
                horizon.cross(&other.v.sub(&key.v), &other.m.sub(&key.m));
            }
        }
        classes.pay(&prep.supporters[w as usize], &price)?;
        winners.push(w);
        left.retain(|&p| p != w);
    }
    Ok((winners, horizon.0))
}

/// The number of whole steps of `unit` to the first step at or after `e₀ + d` (at least 1).
pub(crate) fn steps_past(d: &Ratio, unit: u128) -> u128 {
    let x = d.div_int(unit.max(1));
    // The smallest k ≥ 1 with k ≥ x, by bisection on exact comparisons.
    if x.cmp_int(1) != Ordering::Greater {
        return 1;
    }
    let (mut lo, mut hi) = (1u128, u128::MAX);
    if x.cmp_int(hi) == Ordering::Greater {
        return hi;
    }
    // Invariant: x > lo and x ≤ hi.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if x.cmp_int(mid) == Ordering::Greater {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}
