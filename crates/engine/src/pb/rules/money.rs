//! The arithmetic of the MES and Phragmén loops: exact rationals, and certified floating-point
//! intervals that decide most comparisons fast and defer the rest to the exact rationals.

use core::cmp::Ordering;

use super::super::exact::Ratio;

/// Arithmetic used by the MES loop. `compare` returns `None` when it cannot decide for sure; the
/// exact [`Ratio`] always decides, the [`Interval`] filter only when the answer is certain.
pub(super) trait Money: Clone {
    fn frac(n: u128, d: u128) -> Self;
    fn int(v: u128) -> Self {
        Self::frac(v, 1)
    }
    fn plus(&self, o: &Self) -> Self;
    /// `max(self − o, 0)`.
    fn minus(&self, o: &Self) -> Self;
    fn times(&self, k: u128) -> Self;
    fn over(&self, k: u128) -> Self;
    fn compare(&self, o: &Self) -> Option<Ordering>;
    /// A total order used only to visit candidates in a good order; it must agree with every
    /// decided `compare`.
    fn order(&self, o: &Self) -> Ordering;
}

impl Money for Ratio {
    fn frac(n: u128, d: u128) -> Self {
        Ratio::new(n, d)
    }
    fn plus(&self, o: &Self) -> Self {
        self.add(o)
    }
    fn minus(&self, o: &Self) -> Self {
        self.sub(o)
    }
    fn times(&self, k: u128) -> Self {
        self.mul_int(k)
    }
    fn over(&self, k: u128) -> Self {
        self.div_int(k)
    }
    fn compare(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
    fn order(&self, o: &Self) -> Ordering {
        self.cmp(o)
    }
}

/// A certified enclosure `[lo, hi]` of a non-negative real, with outward rounding (one ulp per
/// operation via `next_down`/`next_up`); `lo == hi` means the value is known exactly. Used as a
/// fast filter: MES runs on intervals and falls back to exact rationals as soon as one decision
/// cannot be certified, so the result is always the exact one.
#[derive(Clone, Copy, Debug)]
pub(super) struct Interval {
    lo: f64,
    hi: f64,
}

#[allow(clippy::float_cmp)] // `lo == hi` means the value is known exactly
impl Interval {
    fn exact(&self) -> bool {
        self.lo == self.hi
    }
    fn widen(lo: f64, hi: f64) -> Self {
        Interval {
            lo: lo.next_down().max(0.0),
            hi: hi.next_up(),
        }
    }
}

#[allow(clippy::float_cmp)] // equality only between exactly known values
impl Money for Interval {
    fn frac(n: u128, d: u128) -> Self {
        if n < 1 << 53 {
            let a = n as u64 as f64;
            return Interval { lo: a, hi: a }.over(d);
        }
        let a = n as f64;
        let num = if a as u128 == n && a < 9.0e15 {
            Interval { lo: a, hi: a }
        } else {
            Interval::widen(a, a)
        };
        num.over(d)
    }
    fn plus(&self, o: &Self) -> Self {
        if self.exact() && o.exact() {
            let (a, b) = (self.lo, o.lo);
            let s = a + b;
            let bb = s - a;
            if (a - (s - bb)) + (b - bb) == 0.0 {
                return Interval { lo: s, hi: s };
            }
        }
        Interval::widen(self.lo + o.lo, self.hi + o.hi)
    }
    fn minus(&self, o: &Self) -> Self {
        if self.exact() && o.exact() && self.lo >= o.lo {
            let (a, b) = (self.lo, -o.lo);
            let s = a + b;
            let bb = s - a;
            if (a - (s - bb)) + (b - bb) == 0.0 {
                return Interval { lo: s, hi: s };
            }
        }
        let w = Interval::widen(self.lo - o.hi, self.hi - o.lo);
        Interval {
            lo: w.lo.max(0.0),
            hi: w.hi.max(0.0),
        }
    }
    fn times(&self, k: u128) -> Self {
        if k < 1 << 53 {
            let kf = k as u64 as f64;
            if self.exact() {
                let p = self.lo * kf;
                if libm::fma(self.lo, kf, -p) == 0.0 {
                    return Interval { lo: p, hi: p };
                }
            }
            return Interval::widen(self.lo * kf, self.hi * kf);
        }
        let kf = k as f64;
        if kf as u128 != k || kf >= 9.0e15 {
            return Interval::widen(self.lo * kf, self.hi * kf).widen_again();
        }
        if self.exact() {
            let p = self.lo * kf;
            if libm::fma(self.lo, kf, -p) == 0.0 {
                return Interval { lo: p, hi: p };
            }
        }
        Interval::widen(self.lo * kf, self.hi * kf)
    }
    fn over(&self, k: u128) -> Self {
        if k < 1 << 53 {
            let kf = k.max(1) as u64 as f64;
            if self.exact() {
                let q = self.lo / kf;
                if libm::fma(q, kf, -self.lo) == 0.0 {
                    return Interval { lo: q, hi: q };
                }
            }
            return Interval::widen(self.lo / kf, self.hi / kf);
        }
        let kf = k.max(1) as f64;
        if kf as u128 != k.max(1) || kf >= 9.0e15 {
            return Interval::widen(self.lo / kf, self.hi / kf).widen_again();
        }
        if self.exact() {
            let q = self.lo / kf;
            if libm::fma(q, kf, -self.lo) == 0.0 {
                return Interval { lo: q, hi: q };
            }
        }
        Interval::widen(self.lo / kf, self.hi / kf)
    }
    fn compare(&self, o: &Self) -> Option<Ordering> {
        if self.hi < o.lo {
            Some(Ordering::Less)
        } else if self.lo > o.hi {
            Some(Ordering::Greater)
        } else if self.exact() && o.exact() && self.lo == o.lo {
            Some(Ordering::Equal)
        } else {
            None
        }
    }
    fn order(&self, o: &Self) -> Ordering {
        self.lo.total_cmp(&o.lo)
    }
}

impl Interval {
    /// Extra ulps when the integer factor itself was rounded to `f64`.
    fn widen_again(self) -> Self {
        Interval::widen(self.lo.next_down(), self.hi.next_up())
    }
}

/// A decision the interval filter could not certify.
pub(super) struct Undecided;
