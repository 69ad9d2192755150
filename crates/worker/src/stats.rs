//! Mean and 95% interval of a sample of runs, with the same Student-t quantile as the engine's
//! sweeps (`dialoglab_engine::sweep::t_quantile_975`).

use dialoglab_engine::sweep::t_quantile_975;

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

/// The mean and the 95% confidence interval of the mean (Student's t) of `values`; a single
/// value (or identical values) gives a zero-width interval, no values give NaN.
#[must_use]
pub fn interval(values: &[f64]) -> Interval {
    let n = values.len();
    if n == 0 {
        return Interval {
            mean: f64::NAN,
            lo: f64::NAN,
            hi: f64::NAN,
        };
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    if n == 1 {
        return Interval {
            mean,
            lo: mean,
            hi: mean,
        };
    }
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1) as f64;
    let half = t_quantile_975((n - 1) as u32) * (var / n as f64).sqrt();
    Interval {
        mean,
        lo: mean - half,
        hi: mean + half,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_of_a_known_sample() {
        let i = interval(&[1.0, 2.0, 3.0, 4.0]);
        assert!((i.mean - 2.5).abs() < 1e-12);
        // s = sqrt(5/3), se = s/2, t(3) = 3.1824
        let half = 3.182_446 * (5.0f64 / 3.0).sqrt() / 2.0;
        assert!((i.hi - 2.5 - half).abs() < 1e-5 && (2.5 - i.lo - half).abs() < 1e-5);
        let one = interval(&[7.0]);
        assert_eq!((one.lo, one.mean, one.hi), (7.0, 7.0, 7.0));
        assert!(interval(&[]).mean.is_nan());
    }
}
