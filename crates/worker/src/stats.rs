//! The worker's summaries of a sample of towns: the mean with its 95% interval (from
//! [`dialoglab_engine::stats`]), the range of outcomes, and paired differences of A and B.

use serde::{Deserialize, Serialize};

/// The mean of a sample and a 95% interval around it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Mean.
    pub mean: f64,
    /// Lower end of the 95% interval.
    pub lo: f64,
    /// Upper end of the 95% interval.
    pub hi: f64,
}

/// The mean and the 95% confidence interval of the mean of `values`, as
/// [`dialoglab_engine::stats::estimate`] computes them (the one definition): no values give NaN
/// throughout, one value a mean and NaN ends (one town says nothing about the spread).
#[must_use]
pub fn interval(values: &[f64]) -> Interval {
    let e = dialoglab_engine::stats::estimate(values);
    Interval {
        mean: e.mean.unwrap_or(f64::NAN),
        lo: e.lo.unwrap_or(f64::NAN),
        hi: e.hi.unwrap_or(f64::NAN),
    }
}

/// The lowest and highest value of a sample: the range of outcomes over the towns (not an
/// interval for the mean).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Range {
    /// Lowest value.
    pub min: f64,
    /// Highest value.
    pub max: f64,
}

/// The range of `values` (NaN for no values; NaN values are skipped).
#[must_use]
pub fn range(values: &[f64]) -> Range {
    let finite = values.iter().copied().filter(|v| !v.is_nan());
    let (min, max) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if min > max {
        Range {
            min: f64::NAN,
            max: f64::NAN,
        }
    } else {
        Range { min, max }
    }
}

/// Paired differences `b − a` over the same towns (A and B with the same seed and citizens).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paired {
    /// Mean difference and the 95% interval of the mean difference (Student's t on the
    /// differences, so what the towns share cancels).
    pub mean: Interval,
    /// Smallest and largest difference in a single town.
    pub range: Range,
    /// Towns where B is higher than A.
    pub higher: u32,
    /// Towns where B is lower than A.
    pub lower: u32,
    /// Towns where they are equal (within `1e-9` of the larger magnitude).
    pub same: u32,
}

/// The paired differences `b[k] − a[k]`; `a` and `b` must be as long as each other (extra values of
/// the longer are ignored).
#[must_use]
pub fn paired(a: &[f64], b: &[f64]) -> Paired {
    let diffs: Vec<f64> = a.iter().zip(b).map(|(x, y)| y - x).collect();
    let (mut higher, mut lower, mut same) = (0, 0, 0);
    for (x, y) in a.iter().zip(b) {
        let tol = 1e-9 * x.abs().max(y.abs()).max(1.0);
        if y - x > tol {
            higher += 1;
        } else if x - y > tol {
            lower += 1;
        } else {
            same += 1;
        }
    }
    Paired {
        mean: interval(&diffs),
        range: range(&diffs),
        higher,
        lower,
        same,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_is_the_extremes_and_skips_nan() {
        let r = range(&[0.3, -1.5, f64::NAN, 2.25]);
        assert_eq!((r.min, r.max), (-1.5, 2.25));
        assert!(range(&[]).min.is_nan());
        assert!(range(&[f64::NAN]).max.is_nan());
    }

    #[test]
    fn paired_differences_by_hand() {
        // Differences b − a: 1, 2, 0, 5 → mean 2, s² = (1 + 0 + 4 + 9)/3 = 14/3,
        // se = sqrt(14/3)/2, t(3) = 3.182446.
        let a = [10.0, 20.0, 30.0, 40.0];
        let b = [11.0, 22.0, 30.0, 45.0];
        let p = paired(&a, &b);
        assert!((p.mean.mean - 2.0).abs() < 1e-12);
        let half = 3.182_446 * (14.0f64 / 3.0).sqrt() / 2.0;
        assert!((p.mean.hi - 2.0 - half).abs() < 1e-5, "{p:?}");
        assert!((2.0 - p.mean.lo - half).abs() < 1e-5, "{p:?}");
        assert_eq!((p.range.min, p.range.max), (0.0, 5.0));
        assert_eq!((p.higher, p.lower, p.same), (3, 0, 1));
        // Pairing matters: towns that differ a lot among themselves but move together. The two
        // samples' own intervals overlap; the paired one (differences 1, 2, 1, 2: mean 1.5,
        // s² = 1/3) lies above 0.
        let c = [11.0, 22.0, 31.0, 42.0];
        let (ia, ic, q) = (interval(&a), interval(&c), paired(&a, &c));
        assert!(ia.hi > ic.lo, "{ia:?} {ic:?}");
        let half = 3.182_446 * (1.0f64 / 3.0).sqrt() / 2.0;
        assert!(
            (q.mean.lo - (1.5 - half)).abs() < 1e-5 && q.mean.lo > 0.0,
            "{q:?}"
        );
        let reversed = paired(&b, &a);
        assert!((reversed.mean.mean + 2.0).abs() < 1e-12);
        assert_eq!((reversed.higher, reversed.lower), (0, 3));
    }

    #[test]
    fn interval_of_a_known_sample() {
        let i = interval(&[1.0, 2.0, 3.0, 4.0]);
        assert!((i.mean - 2.5).abs() < 1e-12);
        // s = sqrt(5/3), se = s/2, t(3) = 3.1824
        let half = 3.182_446 * (5.0f64 / 3.0).sqrt() / 2.0;
        assert!((i.hi - 2.5 - half).abs() < 1e-5 && (2.5 - i.lo - half).abs() < 1e-5);
        let one = interval(&[7.0]);
        assert!((one.mean - 7.0).abs() < 1e-12);
        assert!(
            one.lo.is_nan() && one.hi.is_nan(),
            "one town has no interval"
        );
        assert!(interval(&[]).mean.is_nan());
    }
}
