//! Mean and 95% interval of a sample of runs.

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

/// Two-sided 97.5% quantiles of Student's t for 1 ..= 30 degrees of freedom.
const T975: [f64; 30] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042,
];

/// The 97.5% quantile of Student's t with `df` degrees of freedom (1.96 beyond 120).
#[must_use]
pub fn t975(df: usize) -> f64 {
    match df {
        0 => f64::NAN,
        1..=30 => T975[df - 1],
        31..=40 => 2.021,
        41..=60 => 2.000,
        61..=120 => 1.980,
        _ => 1.960,
    }
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
    let half = t975(n - 1) * (var / n as f64).sqrt();
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
        // s = sqrt(5/3), se = s/2, t(3) = 3.182
        let half = 3.182 * (5.0f64 / 3.0).sqrt() / 2.0;
        assert!((i.hi - 2.5 - half).abs() < 1e-12 && (2.5 - i.lo - half).abs() < 1e-12);
        let one = interval(&[7.0]);
        assert_eq!((one.lo, one.mean, one.hi), (7.0, 7.0, 7.0));
        assert!(interval(&[]).mean.is_nan());
        assert!((t975(1000) - 1.96).abs() < 1e-12);
    }
}
