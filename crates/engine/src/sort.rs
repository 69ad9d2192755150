//! The engine's sorts, in one place. Natively they are the standard library's sorts; in
//! WebAssembly every call goes through one comparator-erased instance per element type, because
//! each `sort_by` closure otherwise instantiates the whole sort again (a few kB each) and the
//! browser downloads every copy. Same algorithm, same comparisons, same result on both targets.

use std::cmp::Ordering;

/// A stable sort by `compare` (as [`slice::sort_by`]).
#[inline]
pub fn by<T, F: FnMut(&T, &T) -> Ordering>(v: &mut [T], mut compare: F) {
    #[cfg(target_arch = "wasm32")]
    stable_dyn(v, &mut compare);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(&mut compare);
}

/// A stable sort in the natural order (as [`slice::sort`]).
#[inline]
pub fn natural<T: Ord>(v: &mut [T]) {
    by(v, T::cmp);
}

/// A stable sort by a key (as [`slice::sort_by_key`]).
#[inline]
pub fn by_key<T, K: Ord, F: FnMut(&T) -> K>(v: &mut [T], mut key: F) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// A stable sort of floats by [`f64::total_cmp`], descending when `descending`.
#[inline]
pub fn floats(v: &mut [f64], descending: bool) {
    if descending {
        by(v, |a, b| b.total_cmp(a));
    } else {
        by(v, f64::total_cmp);
    }
}

/// An unstable sort by `compare` (as [`slice::sort_unstable_by`]).
#[inline]
pub fn unstable_by<T, F: FnMut(&T, &T) -> Ordering>(v: &mut [T], mut compare: F) {
    #[cfg(target_arch = "wasm32")]
    unstable_dyn(v, &mut compare);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable_by(&mut compare);
}

/// An unstable sort in the natural order (as [`slice::sort_unstable`]).
#[inline]
pub fn unstable<T: Ord>(v: &mut [T]) {
    unstable_by(v, T::cmp);
}

#[cfg(target_arch = "wasm32")]
fn stable_dyn<T>(v: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    v.sort_by(compare);
}

#[cfg(target_arch = "wasm32")]
fn unstable_dyn<T>(v: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    v.sort_unstable_by(compare);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_match_the_standard_library_including_ties() {
        let data: Vec<(u32, u32)> = (0..200u32).map(|i| ((i * 7919) % 13, i)).collect();
        let mut ours = data.clone();
        by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std_sorted = data.clone();
        std_sorted.sort_by_key(|a| a.0);
        assert_eq!(ours, std_sorted, "stable: ties keep their order");
        let mut keyed = data.clone();
        by_key(&mut keyed, |x| std::cmp::Reverse(x.0));
        let mut expected = data.clone();
        expected.sort_by_key(|x| std::cmp::Reverse(x.0));
        assert_eq!(keyed, expected);
        let mut u = data.clone();
        unstable(&mut u);
        let mut e = data;
        e.sort_unstable();
        assert_eq!(u, e);
        let mut f = vec![2.5, -1.0, 0.0, 9.0];
        floats(&mut f, true);
        assert_eq!(
            f.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            [9.0f64, 2.5, 0.0, -1.0]
                .iter()
                .map(|x| x.to_bits())
                .collect::<Vec<_>>()
        );
    }
}
