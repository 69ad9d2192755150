//! Summary statistics of a sample of runs, one definition for every caller (sweeps, the worker's
//! Monte-Carlo job, ensembles, the app): the mean and the 95% confidence interval **of the
//! mean**, `mean ± t(0.975, n − 1) · s / √n` with the sample standard deviation `s` and Student's
//! t with `n − 1` degrees of freedom ([`t_quantile_975`], computed with `libm` so that native and
//! WebAssembly agree bit for bit).
//!
//! Undefined parts are absent, never invented: no values give no mean; one value gives a mean and
//! no interval (a single run says nothing about the spread).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Mean and 95% interval of a sample (e.g. one metric at one point of a sweep).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    /// Number of runs in which the metric was defined.
    pub n: u32,
    /// Mean (absent when `n = 0`).
    pub mean: Option<f64>,
    /// Lower end of the 95% interval (absent when `n < 2`).
    pub lo: Option<f64>,
    /// Upper end of the 95% interval (absent when `n < 2`).
    pub hi: Option<f64>,
}

/// Mean and 95% Student-t interval of `values` (see the module documentation).
///
/// ```
/// use dialoglab_engine::stats::estimate;
/// let e = estimate(&[1.0, 2.0, 3.0]);
/// assert_eq!(e.mean, Some(2.0));
/// assert!(e.lo.unwrap() < 2.0 && e.hi.unwrap() > 2.0);
/// assert_eq!(estimate(&[5.0]).lo, None);
/// ```
#[must_use]
pub fn estimate(values: &[f64]) -> Estimate {
    estimate_with(values, &mut BTreeMap::new())
}

/// [`estimate`] with a cache of t quantiles by degrees of freedom, for many estimates in a row.
#[must_use]
pub fn estimate_with(values: &[f64], t_cache: &mut BTreeMap<u32, f64>) -> Estimate {
    let n = u32::try_from(values.len()).unwrap_or(u32::MAX);
    if n == 0 {
        return Estimate {
            n,
            mean: None,
            lo: None,
            hi: None,
        };
    }
    let mean = values.iter().sum::<f64>() / f64::from(n);
    if n < 2 {
        return Estimate {
            n,
            mean: Some(mean),
            lo: None,
            hi: None,
        };
    }
    let ss: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
    let sd = libm::sqrt(ss / f64::from(n - 1));
    let t = *t_cache
        .entry(n - 1)
        .or_insert_with(|| t_quantile_975(n - 1));
    let half = t * sd / libm::sqrt(f64::from(n));
    Estimate {
        n,
        mean: Some(mean),
        lo: Some(mean - half),
        hi: Some(mean + half),
    }
}

/// `P(|T| < t)` for Student's t with `df ≥ 1` degrees of freedom, by the closed forms for whole
/// degrees of freedom (Abramowitz & Stegun 26.7.3–4) with `θ = atan(t / √df)`.
fn t_two_sided(t: f64, df: u32) -> f64 {
    let nu = f64::from(df);
    let r = libm::sqrt(nu + t * t);
    let sin = t / r;
    let cos = libm::sqrt(nu) / r;
    let cos2 = cos * cos;
    if df % 2 == 1 {
        let theta = libm::atan(t / libm::sqrt(nu));
        if df == 1 {
            return 2.0 * theta / std::f64::consts::PI;
        }
        let mut term = cos;
        let mut sum = term;
        for k in 1..df.div_ceil(2) - 1 {
            term *= cos2 * f64::from(2 * k) / f64::from(2 * k + 1);
            sum += term;
        }
        2.0 / std::f64::consts::PI * (theta + sin * sum)
    } else {
        let mut term = 1.0;
        let mut sum = term;
        for k in 1..df / 2 {
            term *= cos2 * f64::from(2 * k - 1) / f64::from(2 * k);
            sum += term;
        }
        sin * sum
    }
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom (`t` with `P(|T| < t) = 0.95`),
/// found by bisection on the exact distribution function; `df = 0` gives infinity.
///
/// ```
/// use dialoglab_engine::stats::t_quantile_975;
/// assert!((t_quantile_975(1) - 12.706_204_736).abs() < 1e-8);
/// assert!((t_quantile_975(19) - 2.093_024_054).abs() < 1e-8);
/// ```
#[must_use]
pub fn t_quantile_975(df: u32) -> f64 {
    if df == 0 {
        return f64::INFINITY;
    }
    let (mut lo, mut hi) = (0.0f64, 64.0f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if t_two_sided(mid, df) < 0.95 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_quantiles_match_tables() {
        for (df, t) in [
            (1, 12.706_204_736_174_7),
            (2, 4.302_652_729_749_464),
            (4, 2.776_445_105_197_793),
            (10, 2.228_138_851_986_274),
            (19, 2.093_024_054_408_263),
            (49, 2.009_575_237_129_235),
            (1000, 1.962_339_081),
        ] {
            let got = t_quantile_975(df);
            assert!((got - t).abs() < 1e-8, "df {df}: {got} vs {t}");
        }
    }

    #[test]
    fn estimate_of_known_values() {
        let mut cache = BTreeMap::new();
        let e = estimate_with(&[1.0, 2.0, 3.0], &mut cache);
        assert_eq!(e.mean, Some(2.0));
        // s = 1, t(2) = 4.3027, half = 4.3027 / √3.
        let half = t_quantile_975(2) / 3f64.sqrt();
        assert!((e.lo.unwrap() - (2.0 - half)).abs() < 1e-12);
        assert!((e.hi.unwrap() - (2.0 + half)).abs() < 1e-12);
        let one = estimate_with(&[5.0], &mut cache);
        assert_eq!(
            (one.n, one.mean, one.lo, one.hi),
            (1, Some(5.0), None, None)
        );
        assert_eq!(estimate_with(&[], &mut cache).mean, None);
    }
}
