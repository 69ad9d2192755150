//! Maximin and LEXIMIN by column generation, with a dual certificate for every level.
//!
//! Level by level: the restricted master LP (over the compositions found so far, [`DualMaster`])
//! gives dual weights `y`; the pricing problem finds the composition of largest `y`-weight `v`.
//! By weak duality `v − Σ_{fixed u} f_u y_u` bounds the level's value from above for *every*
//! distribution over *all* panels; when that bound is within [`TOLERANCE`] of the master's value
//! the level is solved. The free units with positive dual weight are then fixed at the level's
//! value (complementary slackness: no optimal distribution gives them more), and the next level
//! maximises the smallest probability of the rest. Maximin stops after the first level.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::lp::{self, DualMaster, Units};
use super::{Category, PanelError, Progress, WeightedPanel};

/// A level is solved when its dual bound is within this of the master LP's value.
pub const TOLERANCE: f64 = 1e-7;

/// A free unit whose dual weight exceeds this is fixed at the level's value.
const FIX_WEIGHT: f64 = 1e-7;

/// Weight of the stability centre in the pricing point (Wentges smoothing).
const SMOOTHING: f64 = 0.5;

/// Branch-and-bound nodes of the quick pricing search.
const QUICK_NODES: u64 = 50;

/// One level of the computation and its proof.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// Respondents fixed at this level.
    pub respondents: u32,
    /// The master LP's value: the level's probability.
    pub value: f64,
    /// The dual bound: no distribution over quota-satisfying panels gives every respondent of this
    /// and later levels more than this (given the earlier levels).
    pub bound: f64,
    /// The smallest probability of this level's respondents in the final distribution.
    pub achieved: f64,
    /// `bound − achieved`.
    pub gap: f64,
}

/// The proof of a maximin or LEXIMIN result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Certificate {
    /// The levels, from the smallest probability up.
    pub levels: Vec<Level>,
    /// The largest gap of any level.
    pub max_gap: f64,
    /// Pricing problems solved.
    pub pricing_calls: u32,
}

/// A distribution over compositions with its certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    /// Support with weights.
    pub panels: Vec<WeightedPanel>,
    /// Selection probability of each unit's respondents.
    pub unit_probability: Vec<f64>,
    /// The proof.
    pub certificate: Certificate,
}

/// Solves maximin (`leximin == false`) or LEXIMIN over `units` for panels of `k`.
///
/// # Errors
/// [`PanelError::InfeasibleJointly`] when no panel exists, solver failures, cancellation.
#[allow(
    clippy::too_many_lines,
    reason = "one column-generation loop with its certificate; split, the loop's invariants would be spread over functions"
)]
pub fn solve(
    units: &Units,
    categories: &[Category],
    k: u32,
    leximin: bool,
    progress: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Distribution, PanelError> {
    let n = units.len();
    let respondents: u32 = (0..n).map(|u| units.size(u)).sum();
    let mut panels: Vec<Vec<u32>> = Vec::new();
    let mut seen: BTreeSet<Vec<u32>> = BTreeSet::new();
    // Start from panels that cover every type that some panel can hold: each new panel takes
    // as many uncovered types as it can (without this, the first iterations add one panel per
    // type while the master puts all its weight on a type no panel holds yet).
    let mut covered = vec![false; n];
    loop {
        let weights: Vec<f64> = (0..n).map(|u| if covered[u] { 0.0 } else { 1.0 }).collect();
        // Covering needs no proof: a node-limited search, exact only for the very first panel.
        let found = match lp::search(units, categories, k, Some(&weights), Some(QUICK_NODES))? {
            None if panels.is_empty() => lp::search(units, categories, k, Some(&weights), None)?,
            found => found,
        };
        let Some((next, gain, _)) = found else {
            if panels.is_empty() {
                return Err(PanelError::InfeasibleJointly);
            }
            break;
        };
        if gain <= 0.0 && !panels.is_empty() {
            break;
        }
        for (u, &c) in next.iter().enumerate() {
            covered[u] |= c > 0;
        }
        if seen.insert(next.clone()) {
            panels.push(next);
        }
        if gain <= 0.0 || covered.iter().all(|&c| c) {
            break;
        }
    }
    let mut fixed: Vec<Option<f64>> = vec![None; n];
    let mut level_of: Vec<u32> = vec![u32::MAX; n];
    let mut levels: Vec<(u32, f64, f64)> = Vec::new();
    let mut pricing_calls = 0u32;
    while fixed.iter().any(Option::is_none) {
        let mut master = DualMaster::new(units, &panels, &fixed)?;
        // Wentges smoothing: pricing at a point between the master's duals and the stability
        // centre (the dual point of the best bound so far) damps the duals' oscillation. Every
        // such point is dual feasible (`y ≥ 0`, `Σ_free y = 1`), so an exact pricing there gives a
        // valid bound; the level ends when the best bound is within `TOLERANCE` of the master.
        let mut centre: Option<Vec<f64>> = None;
        let mut best_bound = f64::INFINITY;
        let (y, value, bound) = loop {
            let (y, value) = master.values();
            let price_at: Vec<f64> = centre.as_ref().map_or_else(
                || y.clone(),
                |c| {
                    c.iter()
                        .zip(&y)
                        .map(|(a, b)| SMOOTHING * a + (1.0 - SMOOTHING) * b)
                        .collect()
                },
            );
            let fixed_part = |w: &[f64]| -> f64 {
                fixed
                    .iter()
                    .zip(w)
                    .filter_map(|(f, &x)| f.map(|f| f * x))
                    .sum()
            };
            let improving =
                |c: &[u32]| lp::weight(units, &y, c) - fixed_part(&y) - value > TOLERANCE;
            // A node-limited search first: an improving composition it finds is a valid column;
            // only when it finds none (or none proven best) does the exact search run, so that
            // every level ends on a proven optimum.
            let quick = lp::search(units, categories, k, Some(&price_at), Some(QUICK_NODES))?;
            pricing_calls += 1;
            let (best, proven_value) = match quick {
                Some((c, v, true)) => (c, Some(v)),
                Some((c, _, false)) if improving(&c) && !seen.contains(&c) => (c, None),
                _ => {
                    pricing_calls += 1;
                    let (c, v) = lp::best_composition(units, categories, k, Some(&price_at))?
                        .ok_or(PanelError::InfeasibleJointly)?;
                    (c, Some(v))
                }
            };
            if let Some(v) = proven_value {
                let b = v - fixed_part(&price_at);
                if b < best_bound {
                    best_bound = b;
                    centre = Some(price_at.clone());
                }
            }
            let report = Progress {
                level: levels.len() as u32,
                fixed: (0..n)
                    .filter(|&u| fixed[u].is_some())
                    .map(|u| units.size(u))
                    .sum(),
                respondents,
                panels: panels.len() as u32,
                gap: best_bound - value,
            };
            if !progress(&report) {
                return Err(PanelError::Cancelled);
            }
            if best_bound - value <= TOLERANCE {
                break (y, value, best_bound);
            }
            if improving(&best) && seen.insert(best.clone()) {
                master.add(units, &best)?;
                panels.push(best);
            } else if price_at == y && proven_value.is_some() {
                // An exact pricing at the master's own duals found nothing new: round-off.
                break (y, value, best_bound);
            } else {
                // Mispricing: the smoothed point gave no column; price at the duals next time.
                centre = None;
            }
        };
        let level = levels.len() as u32;
        let free: Vec<usize> = (0..n).filter(|&u| fixed[u].is_none()).collect();
        let mut fix: Vec<usize> = if leximin {
            free.iter()
                .copied()
                .filter(|&u| y[u] > FIX_WEIGHT)
                .collect()
        } else {
            free.clone()
        };
        if fix.is_empty() {
            // Round-off left no clear positive weight: fix the largest (Σ y over free units is 1).
            let top = free
                .iter()
                .copied()
                .max_by(|&a, &b| y[a].total_cmp(&y[b]).then(b.cmp(&a)));
            fix.extend(top);
        }
        for &u in &fix {
            fixed[u] = Some(value);
            level_of[u] = level;
        }
        let count = fix.iter().map(|&u| units.size(u)).sum();
        levels.push((count, value, bound));
    }
    let target: Vec<f64> = fixed.iter().map(|f| f.unwrap_or(0.0)).collect();
    let weights = lp::distribution(units, &panels, &target)?;
    let mut unit_probability = vec![0.0; n];
    let mut support = Vec::new();
    for (counts, &w) in panels.into_iter().zip(&weights) {
        if w <= 0.0 {
            continue;
        }
        for (u, &c) in counts.iter().enumerate() {
            unit_probability[u] += w * f64::from(c) / f64::from(units.size(u));
        }
        support.push(WeightedPanel { weight: w, counts });
    }
    let levels: Vec<Level> = levels
        .into_iter()
        .enumerate()
        .map(|(l, (respondents, value, bound))| {
            let achieved = (0..n)
                .filter(|&u| level_of[u] == l as u32)
                .map(|u| unit_probability[u])
                .fold(f64::INFINITY, f64::min);
            Level {
                respondents,
                value,
                bound,
                achieved,
                gap: bound - achieved,
            }
        })
        .collect();
    let max_gap = levels.iter().map(|l| l.gap).fold(0.0, f64::max);
    Ok(Distribution {
        panels: support,
        unit_probability,
        certificate: Certificate {
            levels,
            max_gap,
            pricing_calls,
        },
    })
}
