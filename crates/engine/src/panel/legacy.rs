//! LEGACY: the selection software's old greedy (as described by Flanigan et al. 2021, §S2), with
//! selection probabilities estimated from seeded Monte-Carlo draws.
//!
//! One draw fills the panel seat by seat. Before each seat, every feature still open (some
//! respondent left who has it, and a maximum above 0) gets the ratio
//! `(min − selected) / remaining`; the feature with the largest ratio (the first in
//! `categories.csv` order on a tie) is the most urgent, and a respondent who has it is chosen
//! uniformly. Their household leaves the pool, and so does everyone with a feature whose maximum is
//! now reached. A draw fails when a minimum can no longer be met; it is then repeated, up to
//! [`ATTEMPTS`] times.

use crate::rng::{StageRng, below};

use super::{PanelError, Pool};

/// Attempts per draw before LEGACY gives up.
pub const ATTEMPTS: u32 = 100;

/// One greedy draw; `None` when it fails.
#[must_use]
pub fn draw_once(pool: &Pool, k: u32, rng: &mut StageRng) -> Option<Vec<u32>> {
    let mut left = vec![true; pool.len as usize];
    let mut remaining = pool.counts();
    let mut selected: Vec<Vec<u32>> = pool
        .categories
        .iter()
        .map(|c| vec![0; c.features.len()])
        .collect();
    let mut panel = Vec::with_capacity(k as usize);
    let remove = |i: u32, left: &mut [bool], remaining: &mut [Vec<u32>]| {
        if left[i as usize] {
            left[i as usize] = false;
            for (c, row) in remaining.iter_mut().enumerate() {
                row[usize::from(pool.feature(i, c))] -= 1;
            }
        }
    };
    for _ in 0..k {
        let mut best: Option<(usize, usize, f64)> = None;
        for (c, cat) in pool.categories.iter().enumerate() {
            for (f, feature) in cat.features.iter().enumerate() {
                let (sel, rem) = (selected[c][f], remaining[c][f]);
                if sel < feature.min && rem < feature.min - sel {
                    return None;
                }
                if rem == 0 || feature.max == 0 {
                    continue;
                }
                let ratio = (f64::from(feature.min) - f64::from(sel)) / f64::from(rem);
                if best.is_none_or(|(_, _, r)| ratio > r) {
                    best = Some((c, f, ratio));
                }
            }
        }
        let (c, f, _) = best?;
        let mut r = below(rng, remaining[c][f]);
        let person = (0..pool.len).find(|&i| {
            if left[i as usize] && usize::from(pool.feature(i, c)) == f {
                if r == 0 {
                    return true;
                }
                r -= 1;
            }
            false
        })?;
        panel.push(person);
        remove(person, &mut left, &mut remaining);
        for (c2, row) in selected.iter_mut().enumerate() {
            row[usize::from(pool.feature(person, c2))] += 1;
        }
        if let Some(h) = pool.households[person as usize] {
            for i in 0..pool.len {
                if pool.households[i as usize] == Some(h) {
                    remove(i, &mut left, &mut remaining);
                }
            }
        }
        for (c2, cat) in pool.categories.iter().enumerate() {
            let f2 = usize::from(pool.feature(person, c2));
            if selected[c2][f2] >= cat.features[f2].max {
                for i in 0..pool.len {
                    if usize::from(pool.feature(i, c2)) == f2 {
                        remove(i, &mut left, &mut remaining);
                    }
                }
            }
        }
    }
    let met = pool.categories.iter().enumerate().all(|(c, cat)| {
        cat.features
            .iter()
            .zip(&selected[c])
            .all(|(f, &n)| f.min <= n && n <= f.max)
    });
    met.then_some(panel)
}

/// One successful draw, retrying failed ones up to [`ATTEMPTS`] times.
///
/// # Errors
/// [`PanelError::LegacyFailed`] when every attempt fails.
pub fn draw(pool: &Pool, k: u32, rng: &mut StageRng) -> Result<Vec<u32>, PanelError> {
    for _ in 0..ATTEMPTS {
        if let Some(panel) = draw_once(pool, k, rng) {
            return Ok(panel);
        }
    }
    Err(PanelError::LegacyFailed { attempts: ATTEMPTS })
}

/// Selection probabilities estimated from `draws` draws, and the first draw's panel.
///
/// # Errors
/// As [`draw`].
pub fn estimate(
    pool: &Pool,
    k: u32,
    draws: u32,
    rng: &mut StageRng,
) -> Result<(Vec<f64>, Vec<u32>), PanelError> {
    let mut hits = vec![0u32; pool.len as usize];
    let mut first = Vec::new();
    for d in 0..draws.max(1) {
        let panel = draw(pool, k, rng)?;
        for &i in &panel {
            hits[i as usize] += 1;
        }
        if d == 0 {
            first = panel;
        }
    }
    let total = f64::from(draws.max(1));
    Ok((hits.iter().map(|&h| f64::from(h) / total).collect(), first))
}
