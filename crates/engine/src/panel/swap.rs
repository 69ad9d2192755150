//! Heuristic pricing by swaps: from a quota-satisfying composition, replace one panel member by a
//! member of another type as long as the composition's weight grows and every quota (and the panel
//! size) still holds. Each step takes the best swap; the search ends in a local optimum.
//!
//! Column generation uses it before the exact branch and bound: a swap search from the best
//! compositions found so far usually finds improving columns in well under a millisecond, where
//! one exact pricing takes tens of milliseconds to seconds with hundreds of types. Only when the
//! swaps find nothing does the exact search run, and it alone gives the bounds of the certificate.
//! Types that share a household are never swapped in (the exact search handles them).

use super::Category;
use super::lp::{Units, weight};

/// Feature counts of a composition per category.
fn filled(units: &Units, categories: &[Category], counts: &[u32]) -> Vec<Vec<i64>> {
    let mut f: Vec<Vec<i64>> = categories
        .iter()
        .map(|c| vec![0; c.features.len()])
        .collect();
    for (u, &c) in counts.iter().enumerate() {
        if c > 0 {
            for (ci, row) in f.iter_mut().enumerate() {
                row[usize::from(units.features[u][ci])] += i64::from(c);
            }
        }
    }
    f
}

/// The local optimum reached from `start` by best-improvement swaps under `weights` (per unit;
/// a member of unit `u` is worth `weights[u] / size(u)`), with its weight. `start` must meet the
/// quotas; so does the result.
#[must_use]
pub fn improve(
    units: &Units,
    categories: &[Category],
    weights: &[f64],
    start: &[u32],
) -> (Vec<u32>, f64) {
    let n = units.len();
    let per: Vec<f64> = (0..n)
        .map(|u| weights[u] / f64::from(units.size(u)))
        .collect();
    // Units that may be swapped in (no shared household), most valuable first.
    let mut open: Vec<usize> = (0..n).filter(|&u| units.household[u].is_none()).collect();
    open.sort_by(|&a, &b| per[b].total_cmp(&per[a]).then(a.cmp(&b)));
    let mut counts = start.to_vec();
    let mut f = filled(units, categories, &counts);
    // At most one step per seat and type is ever useful; the bound only guards against cycling
    // on round-off.
    for _ in 0..(4 * n + 64) {
        let mut best: Option<(f64, usize, usize)> = None;
        for a in 0..n {
            if counts[a] == 0 {
                continue;
            }
            let fa = &units.features[a];
            for &b in &open {
                let gain = per[b] - per[a];
                if gain <= best.map_or(1e-12, |x| x.0) {
                    // `open` is sorted: no later unit gains more.
                    break;
                }
                if b == a || counts[b] >= units.size(b) {
                    continue;
                }
                let fb = &units.features[b];
                let fits = categories.iter().enumerate().all(|(ci, cat)| {
                    let (x, y) = (usize::from(fa[ci]), usize::from(fb[ci]));
                    x == y
                        || (f[ci][x] > i64::from(cat.features[x].min)
                            && f[ci][y] < i64::from(cat.features[y].max))
                });
                if fits {
                    best = Some((gain, a, b));
                }
            }
        }
        let Some((_, a, b)) = best else {
            break;
        };
        counts[a] -= 1;
        counts[b] += 1;
        for (ci, row) in f.iter_mut().enumerate() {
            row[usize::from(units.features[a][ci])] -= 1;
            row[usize::from(units.features[b][ci])] += 1;
        }
    }
    let value = weight(units, weights, &counts);
    (counts, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panel::lp::{best_composition, is_valid};
    use crate::panel::parse;

    #[test]
    fn swaps_keep_the_quotas_and_never_lose_weight() {
        let pool = parse(
            "category,feature,min,max\ng,f,2,3\ng,m,2,3\na,y,1,4\na,o,1,4\n",
            "g,a\nf,y\nf,y\nf,o\nm,y\nm,o\nm,o\nf,o\nm,y\n",
            None,
        )
        .unwrap();
        let units = Units::new(&pool);
        let cats = &pool.categories;
        let (start, _) = best_composition(&units, cats, 5, None).unwrap().unwrap();
        for weights in [
            vec![1.0, 0.0, 0.0, 0.0],
            vec![0.0, 0.0, 0.0, 1.0],
            vec![0.1, 0.4, 0.2, 0.3],
        ] {
            let (c, v) = improve(&units, cats, &weights, &start);
            assert!(is_valid(&units, cats, 5, &c), "{c:?}");
            assert!(v >= weight(&units, &weights, &start) - 1e-12);
            // The exact optimum is never beaten.
            let (_, best) = best_composition(&units, cats, 5, Some(&weights))
                .unwrap()
                .unwrap();
            assert!(v <= best + 1e-12);
        }
    }
}
