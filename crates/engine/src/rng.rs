//! Portable, seeded randomness: one xoshiro256++ stream per model stage, and the few draws the
//! model uses.
//!
//! Every random number in a run comes from [`stream`], seeded by `Scenario::seed` and a [`Stage`].
//! Draws are built from `u64`s only (never `usize`), floats from the top 53 bits, and noise from an
//! Irwin–Hall sum, so the same seed gives bit-identical numbers natively and in WebAssembly.

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The generator every stage uses: xoshiro256++ (portable, documented output sequence, fast).
pub type StageRng = Xoshiro256PlusPlus;

/// A model stage with its own random stream, so changing one stage leaves the others' draws alone
/// (common random numbers across scenarios that share a seed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Drawing the synthetic population.
    Population = 1,
    /// Awareness of the open call and other channels.
    Awareness = 2,
    /// Outreach and association mobilisation.
    Invitation = 3,
    /// The attendance decision of each invited citizen.
    Attendance = 4,
    /// Panel selection for stratified sortition.
    Selection = 5,
    /// Seating, speaking turns and persuasion in meetings.
    Deliberation = 6,
    /// Proposals, the municipal filter and the vote.
    Vote = 7,
    /// Year-to-year feedback.
    Cycles = 8,
    /// The random sample that receives letters.
    Letters = 9,
    /// Each approval voter's ballot length, when `vote.ballot_lengths` is given (a stream of its
    /// own, so scenarios without it draw exactly what they drew before).
    BallotLength = 10,
    /// The ballot channel (online or paper) of each voter who did not attend.
    Channel = 11,
    /// Which arguments each citizen knows before the meeting (drawn once a run).
    Arguments = 12,
    /// Whether the proposers carry a funded project out (`decision.implementer = proposers`).
    Implementation = 13,
    /// The town picture's sample of citizens (drawn after the run; changes no result).
    Town = 14,
}

/// The stream for `stage` under `seed` (cycle 0).
#[must_use]
pub fn stream(seed: u64, stage: Stage) -> StageRng {
    cycle_stream(seed, stage, 0)
}

/// The stream for `stage` in year `cycle` under `seed`.
///
/// The 256-bit state is four `SplitMix64` outputs, two from the seed and two from the stream
/// number `(cycle << 8) | stage`, so distinct (seed, stream) pairs give distinct states.
#[must_use]
pub fn cycle_stream(seed: u64, stage: Stage, cycle: u32) -> StageRng {
    let mut a = seed;
    let mut b = (u64::from(cycle) << 8 | stage as u64) ^ 0xD1B5_4A32_D192_ED03;
    let words = [
        splitmix(&mut a),
        splitmix(&mut b),
        splitmix(&mut a),
        splitmix(&mut b),
    ];
    let mut bytes = [0u8; 32];
    for (chunk, w) in bytes.chunks_exact_mut(8).zip(words) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    Xoshiro256PlusPlus::from_seed(bytes)
}

/// One `SplitMix64` step (Steele, Lea & Flood 2014), used only to seed the streams.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform draw in `[0, 1)` with 53 random bits.
#[inline]
pub fn unit<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// True with probability `p`.
#[inline]
pub fn chance<R: Rng + ?Sized>(rng: &mut R, p: f64) -> bool {
    unit(rng) < p
}

/// A uniform integer in `0..n` (Lemire's multiply-shift; `n > 0`).
#[inline]
pub fn below<R: Rng + ?Sized>(rng: &mut R, n: u32) -> u32 {
    ((u128::from(rng.next_u64()) * u128::from(n)) >> 64) as u32
}

/// A uniform integer in `0..n` for 64-bit `n` (the same multiply-shift as [`below`]; `n > 0`).
#[inline]
pub fn below_u64<R: Rng + ?Sized>(rng: &mut R, n: u64) -> u64 {
    ((u128::from(rng.next_u64()) * u128::from(n)) >> 64) as u64
}

/// Approximately standard-normal noise: the sum of four 16-bit uniforms, centred and scaled to unit
/// variance (Irwin–Hall). Bounded by ±3.46; one `u64` per draw, no transcendental functions.
#[inline]
pub fn noise<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    // The four 16-bit parts summed pairwise in 32-bit lanes (no lane overflows): the same sum.
    const PARTS: u64 = 0x0000_FFFF_0000_FFFF;
    let x = rng.next_u64();
    let pairs = (x & PARTS) + ((x >> 16) & PARTS);
    let sum = (pairs & 0xFFFF_FFFF) + (pairs >> 32);
    // Each part is uniform on [0, 1) after dividing by 65536; the sum has mean 2 and variance 1/3.
    (sum as f64 / 65_536.0 - 2.0) * 1.732_050_807_568_877_2
}

/// Index of the category drawn with the given weights (which need not sum to one).
#[inline]
pub fn pick<R: Rng + ?Sized>(rng: &mut R, weights: &[f64]) -> u8 {
    pick_with_total(rng, weights, weights.iter().sum())
}

/// [`pick`] with the weights' sum `total = weights.iter().sum()` worked out once by the caller,
/// for weights drawn from many times (the same draw, bit for bit).
#[inline]
pub fn pick_with_total<R: Rng + ?Sized>(rng: &mut R, weights: &[f64], total: f64) -> u8 {
    pick_with_unit(unit(rng), weights, total)
}

/// [`pick_with_total`] for the uniform draw `u` taken already.
#[inline]
#[must_use]
pub fn pick_with_unit(u: f64, weights: &[f64], total: f64) -> u8 {
    let mut x = u * total;
    for (k, w) in weights.iter().enumerate() {
        if x < *w {
            return k as u8;
        }
        x -= w;
    }
    (weights.len() - 1) as u8
}

/// [`pick_with_unit`] for a short array of weights, without a branch on the draw: every weight is
/// compared and the first one above what is left of `u · total` is counted up to, so the draws of
/// a population (random categories, hard to predict) cost no mispredicted jumps. The same index,
/// bit for bit: the same subtractions in the same order, and `N − 1` when none is above.
#[allow(
    clippy::inline_always,
    reason = "a handful of compares, inlined into the population's draw loop"
)]
#[inline(always)]
#[must_use]
pub fn pick_short<const N: usize>(u: f64, weights: &[f64; N], total: f64) -> u8 {
    let mut x = u * total;
    let mut searching = true;
    let mut k = 0u8;
    for w in &weights[..N - 1] {
        searching &= !x.lt(w);
        k += u8::from(searching);
        x -= w;
    }
    k
}

/// 1.0 when `b`, else 0.0, looked up in a table. The compiler turns `if b { 1.0 } else { 0.0 }`
/// and `f64::from(u8::from(b))` into a select, which x86-64 compiles to a jump; on conditions that
/// vary at random from one citizen to the next that jump is mispredicted often.
#[allow(clippy::inline_always, reason = "one load, in per-citizen passes")]
#[inline(always)]
#[must_use]
pub fn indicator(b: bool) -> f64 {
    static INDICATOR: [f64; 2] = [0.0, 1.0];
    INDICATOR[usize::from(b)]
}

/// The logistic function `1 / (1 + e^-z)`, through `libm` for cross-target identical results.
#[inline]
#[must_use]
pub fn logistic(z: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-z))
}

/// Whether the draw `u` falls below `logistic(z)`: exactly `u < logistic(z)`, but most draws are
/// settled without `libm::exp`. With `approx_exp` (private) within a relative 2e-8 of `e^-z` (tested on
/// a dense grid), `u < 1 / (1 + e^-z)` is decided by `u · (1 + approx_exp(-z))` whenever that is
/// further than 1e-6 from 1, with fifty times the error to spare. Only the rest (about two draws
/// in a million), a `z` beyond ±30 or a NaN computes [`logistic`]. So every outcome, and every
/// report, is the one the exact comparison gives, natively and in WebAssembly alike. These draws
/// (awareness, attendance, turnout) made most of a yearly cycle's `exp` calls.
#[inline]
#[must_use]
pub fn below_logistic(u: f64, z: f64) -> bool {
    settle_below_logistic(u, z).unwrap_or_else(|| u < logistic(z))
}

/// The fast path of [`below_logistic`]: `Some(u < logistic(z))` when `u · (1 + approx_exp(-z))` is
/// further than 1e-6 from 1, else `None`. The answer holds for the exact score even when `z` is
/// only an estimate within [`ESTIMATE_ERROR`] of it: `e^-z` then moves by a relative 3e-8 at
/// most, which with `approx_exp`'s 2e-8 still leaves twenty times the error to spare. A caller
/// with such an estimate computes the exact score only when this gives `None`.
#[inline]
#[must_use]
pub fn settle_below_logistic(u: f64, z: f64) -> Option<bool> {
    // One jump at most, on whether the draw is settled (nearly always, so well predicted): the
    // outcome itself is random and is returned as a value, not chosen by a jump.
    let (settled, below) = settle_flags(u, z);
    settled.then_some(below)
}

/// [`settle_below_logistic`] as two flags, `(settled, below)`, for loops over many draws: no jump
/// depends on the outcome, which is random and would be mispredicted half the time. `below` is
/// `u < logistic(z)` whenever `settled`; when not, the caller decides with the exact score.
#[allow(
    clippy::inline_always,
    reason = "the body of loops over a block of draws"
)]
#[inline(always)]
#[must_use]
pub fn settle_flags(u: f64, z: f64) -> (bool, bool) {
    // `d − 1`, exact for `d` near 1 (Sterbenz).
    let d = u * (1.0 + approx_exp(-z.clamp(-30.0, 30.0))) - 1.0;
    (z.abs() <= 30.0 && d.abs() > 1e-6, d < 0.0)
}

/// How far (absolutely) an estimated score given to [`settle_below_logistic`] may be from the
/// exact one.
pub const ESTIMATE_ERROR: f64 = 3e-8;

/// `ln(1 + e^-x)` for `x ≥ 0` to within an absolute 1.2e-8 (tested against `libm` on a dense
/// grid; below [`ESTIMATE_ERROR`]), from basic arithmetic only, for estimated scores (see
/// [`settle_below_logistic`]); NaN stays NaN. With `y = e^-x` from `approx_exp` (relative
/// 2e-8, so at most 1e-8 in `ln(1 + y)` for `y ≤ 1`), `ln(1 + y) = 2 atanh(s)` with
/// `s = y / (2 + y) ≤ 1/3`, summed to `s^15 / 15` (the rest is below 1.1e-9). Beyond `x = 30`
/// the value is below 1e-13 and taken as 0.
#[inline]
#[must_use]
pub fn approx_ln_1p_exp_neg(x: f64) -> f64 {
    if x > 30.0 {
        return 0.0;
    }
    let y = approx_exp(-x);
    let s = y / (2.0 + y);
    let s2 = s * s;
    let series = 1.0
        + s2 * (1.0 / 3.0
            + s2 * (1.0 / 5.0
                + s2 * (1.0 / 7.0
                    + s2 * (1.0 / 9.0
                        + s2 * (1.0 / 11.0 + s2 * (1.0 / 13.0 + s2 * (1.0 / 15.0)))))));
    2.0 * s * series
}

/// True with probability `logistic(z)`: one draw, the same outcome as
/// `chance(rng, logistic(z))` (see [`below_logistic`]).
#[inline]
pub fn chance_logistic<R: Rng + ?Sized>(rng: &mut R, z: f64) -> bool {
    below_logistic(unit(rng), z)
}

/// `e^x` for `|x| ≤ 30` to a relative 2e-8, from basic arithmetic only: `e^x = 2^k · e^r` with `k`
/// the nearest integer to `x / ln 2` (rounded by adding and subtracting 1.5 · 2^52, so no `floor`
/// call) and `|r| ≤ ln 2 / 2`, `e^r` by its Taylor polynomial of degree 7 (remainder below 8e-9).
/// Only a filter for [`below_logistic`]; nothing the engine reports is computed with it.
#[inline]
fn approx_exp(x: f64) -> f64 {
    const ROUND: f64 = 6_755_399_441_055_744.0;
    let t = x * std::f64::consts::LOG2_E + ROUND;
    let k = t - ROUND;
    let r = x - k * std::f64::consts::LN_2;
    let poly = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0
                        + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    // |k| ≤ 44 here, so 2^k is a normal number built from its exponent bits; `t` holds `k` in
    // its low bits (as in `exp_close`), which spares a float-to-integer conversion.
    let k_bits = t.to_bits().wrapping_sub(ROUND.to_bits());
    f64::from_bits(k_bits.wrapping_add(1023) << 52) * poly
}

/// `logistic(z) as f32` for every `z`, into `out`, bit for bit as [`logistic`] gives it, about
/// twice as fast on a block of values; and into `close` each `logistic(z)` to within
/// [`CLOSE_ERROR`] (NaN for a `z` beyond ±30 or NaN), an estimate from which a score built on the
/// logistic can be settled ([`settle_flags`]) without computing it exactly
/// ([`close_estimate_holds`]). A first pass without branches (which the compiler turns into
/// vector instructions) takes `e^-z` from `exp_close` (within a relative 1e-11 of `libm::exp`,
/// tested on a dense grid) and keeps a value only when both ends of a band of a relative ±1e-10
/// around it round to the same `f32`. Rounding is monotonic, so the exact value, which lies
/// inside the band with ten times the error to spare, rounds to that `f32` too. Every other value
/// (two or three in 1,000, a `z` beyond ±30 or NaN) is left as NaN and worked out by [`logistic`]
/// in a second pass. `z`, `out` and `close` have the same length.
pub fn logistic_f32_close_into(z: &[f64], out: &mut [f32], close: &mut [f64]) {
    debug_assert_eq!(z.len(), out.len());
    debug_assert_eq!(z.len(), close.len());
    for ((o, c), &x) in out.iter_mut().zip(close.iter_mut()).zip(z) {
        (*c, *o) = logistic_f32_close(x);
    }
    // The second pass: `logistic` for every value the first left as NaN.
    for (o, &x) in out.iter_mut().zip(z) {
        if o.is_nan() {
            *o = logistic(x) as f32;
        }
    }
}

/// How far (absolutely) an estimate of [`logistic_f32_close_into`] may be from `logistic(z)`:
/// `exp_close`'s relative error (below 9.8e-12) times at most ¼ (the logistic's slope), with
/// room for the division's rounding.
pub const CLOSE_ERROR: f64 = 3e-12;

/// Whether a score that takes an estimate of [`logistic_f32_close_into`] with the weight `weight`
/// (so that the estimate's error moves it by `|weight| · CLOSE_ERROR` at most) stays within a
/// fiftieth of [`ESTIMATE_ERROR`], as [`settle_flags`] may be given it.
#[must_use]
pub fn close_estimate_holds(weight: f64) -> bool {
    weight.abs() * CLOSE_ERROR * 50.0 <= ESTIMATE_ERROR
}

/// The branch-free part of [`logistic_f32_close_into`] for one score: `1 / (1 + e^-z)` with `e^-z` from
/// `exp_close` (NaN for a `z` beyond ±30 or NaN), and its `f32` when both ends of a band of a
/// relative ±1e-10 around it round to the same one, else NaN.
#[allow(
    clippy::inline_always,
    reason = "the body of the vectorised loop of logistic_f32_close_into"
)]
#[inline(always)]
fn logistic_f32_close(x: f64) -> (f64, f32) {
    let within = x.clamp(-30.0, 30.0);
    let v = 1.0 / (1.0 + exp_close(-within));
    let low = (v * (1.0 - 1e-10)) as f32;
    let high = (v * (1.0 + 1e-10)) as f32;
    let inside = within.to_bits() == x.to_bits();
    let close = if inside { v } else { f64::NAN };
    let bits = if low.to_bits() == high.to_bits() && inside {
        low
    } else {
        f32::NAN
    };
    (close, bits)
}

/// `e^x` for `|x| ≤ 30` to a relative 1e-11 of `libm::exp`, from basic arithmetic only, for
/// [`logistic_f32_close_into`]: `e^x = 2^k · e^r` with `k` the nearest integer to `x / ln 2` (rounded
/// by adding 1.5 · 2^52, whose low bits are then `k`), `r = x − k ln 2` (within about 1e-14,
/// |k| ≤ 44) and `e^r` by its Taylor polynomial of degree 9 (for `|r| ≤ ln 2 / 2` the remainder
/// is below 9.8e-12; the worst on a dense grid is 9.4e-12). The band of [`logistic_f32_close_into`] is
/// sized to this error: a higher degree would decide a few more values in the first pass but cost
/// every value its terms.
#[inline]
fn exp_close(x: f64) -> f64 {
    const ROUND: f64 = 6_755_399_441_055_744.0;
    let t = x * std::f64::consts::LOG2_E + ROUND;
    let k = t - ROUND;
    let r = x - k * std::f64::consts::LN_2;
    let mut poly = 1.0 / 362_880.0;
    for d in [40_320.0, 5_040.0, 720.0, 120.0, 24.0, 6.0, 2.0, 1.0, 1.0] {
        poly = 1.0 / d + r * poly;
    }
    // The low bits of `t` hold `k` (|k| ≤ 44): 2^k is a normal number built from its exponent.
    let k_bits = t.to_bits().wrapping_sub(ROUND.to_bits());
    f64::from_bits(k_bits.wrapping_add(1023) << 52) * poly
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pick_short_gives_the_index_of_pick_with_unit() {
        let mut rng = stream(7, Stage::Population);
        let check = |u: f64, w: &[f64; 4], total: f64| {
            assert_eq!(
                pick_short(u, w, total),
                pick_with_unit(u, w, total),
                "u {u}, weights {w:?}, total {total}"
            );
        };
        for _ in 0..200_000 {
            // Weights with zeros, and totals that are not their sum (a caller's stale total).
            let w: [f64; 4] = std::array::from_fn(|_| {
                if chance(&mut rng, 0.2) {
                    0.0
                } else {
                    unit(&mut rng)
                }
            });
            let total = w.iter().sum::<f64>() * (0.9 + 0.2 * unit(&mut rng));
            check(unit(&mut rng), &w, total);
            // On the boundaries between categories, where the subtractions' rounding decides.
            let edge = w[0] / total;
            for u in [edge, edge.next_up(), edge.next_down(), 0.0, 1.0] {
                check(u, &w, total);
            }
        }
        check(f64::NAN, &[0.25; 4], 1.0);
        check(0.5, &[f64::NAN, 0.5, 0.5, 0.0], 1.0);
        assert_eq!(pick_short(0.99, &[0.3, 0.3, 0.4], 1.0), 2);
        assert_eq!(pick_short(0.0, &[0.0, 0.0, 1.0], 1.0), 2);
        assert_eq!(pick_short(0.0, &[0.5], 0.5), 0);
    }

    /// The largest relative error of `exp` against `libm::exp` on a grid of `steps` intervals
    /// over −30 … 30, where the approximations are used.
    fn worst_relative_error(exp: impl Fn(f64) -> f64, steps: u32) -> f64 {
        (0..=steps)
            .map(|i| {
                let x = -30.0 + 60.0 * f64::from(i) / f64::from(steps);
                let exact = libm::exp(x);
                ((exp(x) - exact) / exact).abs()
            })
            .fold(0.0, f64::max)
    }

    #[test]
    fn exp_close_is_within_its_stated_error() {
        let worst = worst_relative_error(exp_close, 1_200_000);
        assert!(worst < 1e-11, "worst relative error {worst:e}");
    }

    #[test]
    fn logistic_f32_close_into_gives_the_bits_of_logistic() {
        // A dense grid, random scores, the ends of the fast range and beyond, and values at
        // which `logistic` is next to an `f32` rounding boundary.
        let mut z: Vec<f64> = (0..=400_000)
            .map(|i| -40.0 + 80.0 * f64::from(i) / 400_000.0)
            .collect();
        let mut rng = stream(3, Stage::Population);
        z.extend((0..200_000).map(|_| (unit(&mut rng) - 0.5) * 16.0));
        z.extend([
            30.0,
            -30.0,
            30.0f64.next_up(),
            (-30.0f64).next_down(),
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            1e300,
            -1e300,
        ]);
        // Scores whose logistic is an f32 midpoint to within a few f64 ulps: the second pass.
        for k in 1..2_000u32 {
            let p = f64::from(k) / 2_000.0;
            let f = p as f32;
            let mid = f64::midpoint(f64::from(f), f64::from(f.next_up()));
            let at = libm::log(mid / (1.0 - mid));
            z.extend([at, at.next_up(), at.next_down()]);
        }
        let mut out = vec![0.0f32; z.len()];
        let mut close = vec![0.0f64; z.len()];
        logistic_f32_close_into(&z, &mut out, &mut close);
        for ((&x, &o), &c) in z.iter().zip(&out).zip(&close) {
            let exact = logistic(x) as f32;
            assert!(
                o.to_bits() == exact.to_bits() || (o.is_nan() && exact.is_nan()),
                "z = {x:e}: {o:e} against {exact:e}"
            );
            if x.abs() <= 30.0 {
                assert!((c - logistic(x)).abs() < CLOSE_ERROR, "z = {x:e}: {c:e}");
            } else {
                assert!(c.is_nan(), "z = {x:e}: {c:e}");
            }
        }
    }

    #[test]
    fn a_close_estimate_holds_up_to_its_weight_limit() {
        // A weight of 200 moves a score by 6e-10 at most: a fiftieth of `ESTIMATE_ERROR`.
        assert!(close_estimate_holds(2.0 * 1.8));
        assert!(close_estimate_holds(-200.0));
        assert!(!close_estimate_holds(201.0));
        assert!(!close_estimate_holds(f64::NAN));
        assert!(!close_estimate_holds(f64::INFINITY));
    }

    #[test]
    fn settle_flags_decide_as_settle_below_logistic() {
        let mut rng = stream(13, Stage::Vote);
        let mut zs: Vec<f64> = (0..100_000)
            .map(|_| (unit(&mut rng) - 0.5) * 70.0)
            .collect();
        zs.extend([30.0, -30.0, 30.0f64.next_up(), f64::NAN, f64::INFINITY]);
        for z in zs {
            let p = logistic(z);
            for u in [
                unit(&mut rng),
                p,
                p.next_down(),
                p.next_up(),
                p * (1.0 + 2e-6),
            ] {
                let (settled, below) = settle_flags(u, z);
                match settle_below_logistic(u, z) {
                    Some(b) => assert!(settled && below == b, "u = {u:e}, z = {z}"),
                    None => assert!(!settled, "u = {u:e}, z = {z}"),
                }
            }
        }
    }

    #[test]
    fn approx_exp_is_within_its_stated_error() {
        let worst = worst_relative_error(approx_exp, 600_000);
        assert!(worst < 2e-8, "worst relative error {worst:e}");
    }

    #[test]
    fn approx_ln_1p_exp_neg_is_within_its_stated_error() {
        let steps = 600_000;
        let mut worst = 0.0f64;
        for i in 0..=steps {
            let x = 40.0 * f64::from(i) / f64::from(steps);
            let exact = libm::log1p(libm::exp(-x));
            worst = worst.max((approx_ln_1p_exp_neg(x) - exact).abs());
        }
        assert!(worst < 1.2e-8, "worst absolute error {worst:e}");
        assert!(approx_ln_1p_exp_neg(f64::NAN).is_nan());
    }

    #[test]
    fn settling_an_estimate_decides_as_the_exact_score() {
        // Estimates off by the largest allowed error either way, draws at and next to the exact
        // probability: whenever the estimate settles the draw, it settles it right.
        let mut rng = stream(11, Stage::Vote);
        for _ in 0..200_000 {
            let z = (unit(&mut rng) - 0.5) * 70.0;
            let p = logistic(z);
            let u = unit(&mut rng);
            for v in [
                u,
                p,
                p.next_down(),
                p.next_up(),
                p * (1.0 - 1e-6),
                p * (1.0 + 1e-6),
            ] {
                for estimate in [z - ESTIMATE_ERROR, z, z + ESTIMATE_ERROR] {
                    if let Some(b) = settle_below_logistic(v, estimate) {
                        assert_eq!(b, v < p, "u = {v:e}, z = {z}, estimate {estimate}");
                    }
                }
            }
        }
    }

    #[test]
    fn below_logistic_decides_exactly_as_the_exact_comparison() {
        let mut rng = stream(7, Stage::Attendance);
        let mut settled_by_exp = 0;
        for _ in 0..200_000 {
            let z = (unit(&mut rng) - 0.5) * 70.0;
            let p = logistic(z);
            // Random draws, and draws at and next to the exact probability.
            let u = unit(&mut rng);
            for v in [
                u,
                p,
                p.next_down(),
                p.next_up(),
                p * (1.0 - 1e-6),
                p * (1.0 + 1e-6),
            ] {
                assert_eq!(below_logistic(v, z), v < p, "u = {v:e}, z = {z}");
            }
            if z.abs() <= 30.0 {
                let d = u * (1.0 + approx_exp(-z));
                if (1.0 - 1e-6..=1.0 + 1e-6).contains(&d) {
                    settled_by_exp += 1;
                }
            }
        }
        assert!(
            settled_by_exp < 20,
            "{settled_by_exp} random draws needed exp"
        );
        for z in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            30.0,
            -30.0,
            31.0,
        ] {
            for v in [0.0, 0.25, 0.5, 0.999_999] {
                assert_eq!(below_logistic(v, z), v < logistic(z), "u = {v}, z = {z}");
            }
        }
        let mut a = stream(3, Stage::Vote);
        let mut b = stream(3, Stage::Vote);
        for k in 0..1000 {
            let z = f64::from(k) / 50.0 - 10.0;
            assert_eq!(chance_logistic(&mut a, z), chance(&mut b, logistic(z)));
        }
    }

    #[test]
    fn streams_differ_by_stage_and_repeat_by_seed() {
        let a: Vec<u64> = (0..4)
            .map(|_| stream(7, Stage::Population).next_u64())
            .collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut p = stream(7, Stage::Population);
        let mut q = stream(7, Stage::Attendance);
        assert_ne!(p.next_u64(), q.next_u64());
        let mut c1 = cycle_stream(7, Stage::Attendance, 1);
        let mut c0 = stream(7, Stage::Attendance);
        assert_ne!(c0.next_u64(), c1.next_u64());
    }

    #[test]
    fn draws_stay_in_range_and_have_sensible_moments() {
        let mut rng = stream(1, Stage::Population);
        let n = 100_000;
        let (mut s, mut s2) = (0.0, 0.0);
        for _ in 0..n {
            let u = unit(&mut rng);
            assert!((0.0..1.0).contains(&u));
            let z = noise(&mut rng);
            assert!(z.abs() < 3.47);
            s += z;
            s2 += z * z;
            assert!(below(&mut rng, 5) < 5);
        }
        let mean = s / f64::from(n);
        let var = s2 / f64::from(n) - mean * mean;
        assert!(mean.abs() < 0.02, "mean {mean}");
        assert!((var - 1.0).abs() < 0.03, "variance {var}");
    }

    #[test]
    fn pick_follows_weights() {
        let mut rng = stream(3, Stage::Population);
        let mut counts = [0u32; 3];
        for _ in 0..30_000 {
            counts[pick(&mut rng, &[0.2, 0.0, 0.8]) as usize] += 1;
        }
        assert_eq!(counts[1], 0);
        assert!((5_400..6_600).contains(&counts[0]), "{counts:?}");
    }
}
