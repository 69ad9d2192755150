//! Scales mapping data to pixels, tick choice, and the budget slider's log mapping.

/// A logarithmic map from `[d0, d1]` (both > 0) to `[r0, r1]`; values are clamped into the domain.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Log {
    /// Domain start (> 0).
    pub d0: f64,
    /// Domain end (> d0).
    pub d1: f64,
    /// Range start.
    pub r0: f64,
    /// Range end.
    pub r1: f64,
}

impl Log {
    /// Maps `x`, clamped to the domain (0 and negatives go to the start).
    #[must_use]
    pub fn map(&self, x: f64) -> f64 {
        let x = if x.is_finite() {
            x.clamp(self.d0, self.d1)
        } else {
            self.d0
        };
        let t = (x.ln() - self.d0.ln()) / (self.d1.ln() - self.d0.ln());
        self.r0 + t * (self.r1 - self.r0)
    }
}

/// Where a value lies against the ends of an axis: drawn where it is, or clipped at an end (then
/// the chart marks the point and writes its value beside it, never clamping in silence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clip {
    /// Inside the domain: drawn at its value.
    Inside,
    /// Below the domain (or zero or not finite on a log axis): drawn at the start, marked.
    Below,
    /// Above the domain: drawn at the end, marked.
    Above,
}

impl Log {
    /// The position of `x` and whether it had to be clipped to the domain.
    #[must_use]
    pub fn place(&self, x: f64) -> (f64, Clip) {
        let clip = if !(x.is_finite() && x >= self.d0 * (1.0 - 1e-12)) {
            Clip::Below
        } else if x > self.d1 * (1.0 + 1e-12) {
            Clip::Above
        } else {
            Clip::Inside
        };
        (self.map(x), clip)
    }
}

/// The domain of a ratio axis on a log scale: `[lo, hi]` (powers of two around 1) widened by
/// factors of two until it holds every positive finite value, but never beyond `[min, max]`.
/// Values still outside (zero, or beyond the limits) are clipped and marked by the chart.
#[must_use]
pub fn ratio_domain(values: &[f64], lo: f64, hi: f64, min: f64, max: f64) -> (f64, f64) {
    let (mut d0, mut d1) = (lo, hi);
    for &v in values.iter().filter(|v| v.is_finite() && **v > 0.0) {
        while v < d0 * (1.0 - 1e-12) && d0 / 2.0 >= min * (1.0 - 1e-12) {
            d0 /= 2.0;
        }
        while v > d1 * (1.0 + 1e-12) && d1 * 2.0 <= max * (1.0 + 1e-12) {
            d1 *= 2.0;
        }
    }
    (d0, d1)
}

/// Smallest ratio a log ratio axis extends to; smaller ratios (and zero) are marked at the edge.
pub const RATIO_MIN: f64 = 1.0 / 64.0;
/// Largest ratio a log ratio axis extends to; larger ratios are marked at the edge.
pub const RATIO_MAX: f64 = 64.0;

/// Ticks for a ratio axis on a log scale: powers of two between `lo` and `hi`.
#[must_use]
pub fn ratio_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut ticks = Vec::new();
    let mut t = 1.0;
    while t / 2.0 >= lo {
        t /= 2.0;
    }
    while t <= hi * (1.0 + 1e-9) {
        ticks.push(t);
        t *= 2.0;
    }
    ticks
}

/// A linear map from `[d0, d1]` to `[r0, r1]`; values are clamped into the domain.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    /// Domain start.
    pub d0: f64,
    /// Domain end (≠ d0).
    pub d1: f64,
    /// Range start.
    pub r0: f64,
    /// Range end.
    pub r1: f64,
}

impl Linear {
    /// Maps `x`, clamped to the domain (non-finite values go to the start).
    #[must_use]
    pub fn map(&self, x: f64) -> f64 {
        let x = if x.is_finite() {
            x.clamp(self.d0.min(self.d1), self.d0.max(self.d1))
        } else {
            self.d0
        };
        self.r0 + (x - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// About five round ticks from 0 to at least `max` (steps of 1, 2 or 5 times a power of ten).
#[must_use]
pub fn nice_ticks(max: f64) -> Vec<f64> {
    if !(max.is_finite() && max > 0.0) {
        return vec![0.0, 1.0];
    }
    let raw = max / 5.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let n = (max / step).ceil() as usize;
    (0..=n).map(|k| k as f64 * step).collect()
}

/// Smallest budget on the slider, DKK.
pub const BUDGET_MIN: u64 = 10_000;
/// Largest budget on the slider, DKK.
pub const BUDGET_MAX: u64 = 100_000_000;
/// Slider steps per factor of ten.
pub const STEPS_PER_DECADE: u32 = 20;

/// Number of slider steps from [`BUDGET_MIN`] to [`BUDGET_MAX`].
#[must_use]
pub fn budget_steps() -> u32 {
    4 * STEPS_PER_DECADE
}

/// The budget at slider step `step`, rounded to two significant digits.
#[must_use]
pub fn slider_to_budget(step: u32) -> u64 {
    let step = step.min(budget_steps());
    let exact = BUDGET_MIN as f64 * 10f64.powf(f64::from(step) / f64::from(STEPS_PER_DECADE));
    round_significant(exact, 2)
}

/// The slider step closest to `budget` (clamped to the slider's range).
#[must_use]
pub fn budget_to_slider(budget: u64) -> u32 {
    let b = budget.clamp(BUDGET_MIN, BUDGET_MAX) as f64;
    let steps = (b / BUDGET_MIN as f64).log10() * f64::from(STEPS_PER_DECADE);
    steps.round() as u32
}

fn round_significant(x: f64, digits: i32) -> u64 {
    if x <= 0.0 {
        return 0;
    }
    let magnitude = 10f64.powi(x.log10().floor() as i32 - digits + 1);
    ((x / magnitude).round() * magnitude).round() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_maps_ends_and_middle_and_clamps() {
        let g = Log {
            d0: 0.125,
            d1: 8.0,
            r0: 0.0,
            r1: 600.0,
        };
        assert!((g.map(1.0) - 300.0).abs() < 1e-9);
        assert!((g.map(0.0) - 0.0).abs() < 1e-9);
        assert!((g.map(100.0) - 600.0).abs() < 1e-9);
    }

    #[test]
    fn linear_maps_and_nice_ticks_cover_the_maximum() {
        let g = Linear {
            d0: 0.0,
            d1: 10.0,
            r0: 100.0,
            r1: 200.0,
        };
        assert!((g.map(5.0) - 150.0).abs() < 1e-9);
        assert!((g.map(20.0) - 200.0).abs() < 1e-9);
        let t = nice_ticks(0.0043);
        assert_eq!(t.len(), 6);
        assert!((t[5] - 0.005).abs() < 1e-12 && (t[1] - 0.001).abs() < 1e-12);
        assert_eq!(nice_ticks(9.0), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(nice_ticks(f64::NAN), vec![0.0, 1.0]);
    }

    #[test]
    fn ratio_axes_extend_to_the_data_and_mark_what_lies_beyond() {
        // The A/B chart's case: 0.12 must not be drawn at a 0.25 edge.
        let (d0, d1) = ratio_domain(&[0.12, 1.3, 2.0], 0.25, 4.0, RATIO_MIN, RATIO_MAX);
        assert!(
            (d0 - 0.0625).abs() < 1e-12 && (d1 - 4.0).abs() < 1e-12,
            "{d0} {d1}"
        );
        let g = Log {
            d0,
            d1,
            r0: 0.0,
            r1: 600.0,
        };
        let (x, clip) = g.place(0.12);
        assert_eq!(clip, Clip::Inside);
        assert!(x > g.map(d0) + 1.0, "0.12 is drawn inside, not at the edge");
        // Zero cannot be drawn on a log axis; a huge ratio is beyond the limit: both are marked.
        let (d0, d1) = ratio_domain(&[0.0, 500.0], 0.25, 4.0, RATIO_MIN, RATIO_MAX);
        assert!((d0 - 0.25).abs() < 1e-12 && (d1 - RATIO_MAX).abs() < 1e-12);
        let g = Log { d0, d1, ..g };
        assert_eq!(g.place(0.0), (0.0, Clip::Below));
        assert_eq!(g.place(500.0), (600.0, Clip::Above));
        assert_eq!(g.place(f64::NAN).1, Clip::Below);
        assert_eq!(g.place(d1).1, Clip::Inside);
        assert_eq!(g.place(d0).1, Clip::Inside);
        assert_eq!(
            ratio_domain(&[], 0.25, 4.0, RATIO_MIN, RATIO_MAX),
            (0.25, 4.0)
        );
    }

    #[test]
    fn ratio_ticks_are_powers_of_two() {
        assert_eq!(
            ratio_ticks(0.125, 8.0),
            vec![0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0]
        );
    }

    #[test]
    fn budget_slider_round_trips_and_is_monotone() {
        assert_eq!(slider_to_budget(0), BUDGET_MIN);
        assert_eq!(slider_to_budget(budget_steps()), BUDGET_MAX);
        let mut last = 0;
        for step in 0..=budget_steps() {
            let b = slider_to_budget(step);
            assert!(b > last, "step {step}: {b} after {last}");
            assert_eq!(budget_to_slider(b), step);
            last = b;
        }
        assert_eq!(budget_to_slider(250_000), 28);
    }
}
