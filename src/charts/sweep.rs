//! Geometry of the sweep charts: ticks for a log money axis, a padded "nice" value range, and
//! the paths of a mean line and its 95% band.

use std::fmt::Write;

/// Ticks of a log axis from `d0` to `d1` (both > 0): 1, 2 and 5 times powers of ten inside the
/// domain, thinned to 1 and 10 times powers when there would be more than `max` ticks.
#[must_use]
pub fn log_ticks(d0: f64, d1: f64, max: usize) -> Vec<f64> {
    if !(d0 > 0.0 && d1 > d0 && d0.is_finite() && d1.is_finite()) {
        return Vec::new();
    }
    let collect = |mults: &[f64]| {
        let mut out = Vec::new();
        let mut p = 10f64.powf(d0.log10().floor());
        while p <= d1 * (1.0 + 1e-9) {
            for m in mults {
                let v = m * p;
                if v >= d0 * (1.0 - 1e-9) && v <= d1 * (1.0 + 1e-9) {
                    out.push(v);
                }
            }
            p *= 10.0;
        }
        out
    };
    let dense = collect(&[1.0, 2.0, 5.0]);
    if dense.len() <= max {
        dense
    } else {
        collect(&[1.0])
    }
}

/// A range around `[lo, hi]` with round ends and about five round ticks between them.
#[must_use]
pub fn nice_range(lo: f64, hi: f64) -> (f64, f64, Vec<f64>) {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() && hi >= lo {
        (lo, hi)
    } else {
        (0.0, 1.0)
    };
    let span = if hi > lo {
        hi - lo
    } else {
        lo.abs().max(1.0) * 0.1
    };
    let raw = span / 5.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power);
    let d0 = (lo / step).floor() * step;
    let mut d1 = (hi / step).ceil() * step;
    if d1 <= d0 {
        d1 = d0 + step;
    }
    let n = ((d1 - d0) / step).round() as u32;
    let ticks = (0..=n).map(|k| d0 + f64::from(k) * step).collect();
    (d0, d1, ticks)
}

/// The value axis of a sweep chart: a [`nice_range`] around `[lo, hi]` that always includes zero,
/// so the baseline is on the chart and a small difference is not drawn as a large one (a
/// metric that can be negative, such as the welfare loss, gets zero inside its range). Nothing is
/// clipped: the range holds every mean and interval end.
#[must_use]
pub fn value_range(lo: f64, hi: f64) -> (f64, f64, Vec<f64>) {
    if !(lo.is_finite() && hi.is_finite() && hi >= lo) {
        return nice_range(0.0, 1.0);
    }
    nice_range(lo.min(0.0), hi.max(0.0))
}

/// The closed path of a band: along the upper ends left to right, back along the lower ends.
/// Points are `(x, lo, hi)` in pixels, sorted by x.
#[must_use]
pub fn band_path(points: &[(f64, f64, f64)]) -> String {
    let mut d = String::new();
    for (k, (x, _, hi)) in points.iter().enumerate() {
        let _ = write!(d, "{}{x:.1} {hi:.1}", if k == 0 { "M" } else { "L" });
    }
    for (x, lo, _) in points.iter().rev() {
        let _ = write!(d, "L{x:.1} {lo:.1}");
    }
    if !points.is_empty() {
        d.push('Z');
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_ticks_cover_the_domain_with_round_values() {
        assert_eq!(
            log_ticks(100_000.0, 10_000_000.0, 12),
            vec![1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7]
        );
        assert_eq!(
            log_ticks(10_000.0, 100_000_000.0, 6),
            vec![1e4, 1e5, 1e6, 1e7, 1e8]
        );
        assert_eq!(log_ticks(300.0, 700.0, 5), vec![500.0]);
        assert!(log_ticks(0.0, 10.0, 5).is_empty());
    }

    #[test]
    fn nice_ranges_contain_the_data_and_step_roundly() {
        let (d0, d1, ticks) = nice_range(0.613, 0.782);
        assert!(d0 <= 0.613 && d1 >= 0.782);
        assert!(
            (d0 - 0.6).abs() < 1e-9 && (d1 - 0.8).abs() < 1e-9,
            "{d0} {d1}"
        );
        assert_eq!(ticks.len(), 5);
        let (d0, d1, _) = nice_range(3.0, 3.0);
        assert!(d0 <= 3.0 && d1 > 3.0);
        let (d0, d1, _) = nice_range(f64::NAN, 1.0);
        assert_eq!((d0, d1), (0.0, 1.0));
    }

    #[test]
    fn value_axes_start_at_zero_and_hold_every_value() {
        // The case: means from 0.82 to 0.85 must not fill the whole height.
        let (d0, d1, ticks) = value_range(0.82, 0.85);
        assert!(d0.abs() < 1e-12, "{d0}");
        assert!((0.85..=1.0).contains(&d1), "{d1}");
        assert_eq!(ticks.first().copied(), Some(0.0));
        let (d0, d1, ticks) = value_range(-0.031, 0.012);
        assert!(d0 <= -0.031 && (0.012..0.1).contains(&d1), "{d0} {d1}");
        assert!(
            ticks.iter().any(|t| t.abs() < 1e-12),
            "zero is a tick: {ticks:?}"
        );
        let (d0, d1, _) = value_range(120.0, 480.0);
        assert!(d0.abs() < 1e-12 && d1 >= 480.0);
        assert!(value_range(f64::INFINITY, f64::NEG_INFINITY).0.abs() < 1e-12);
    }

    #[test]
    fn band_goes_out_along_the_top_and_back_along_the_bottom() {
        assert_eq!(
            band_path(&[(0.0, 10.0, 5.0), (2.0, 12.0, 6.0)]),
            "M0.0 5.0L2.0 6.0L2.0 12.0L0.0 10.0Z"
        );
        assert_eq!(band_path(&[]), "");
    }
}
