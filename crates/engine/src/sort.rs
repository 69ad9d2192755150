//! The engine's sorts, in one place. Natively they are the standard library's sorts. In
//! WebAssembly each closure would otherwise instantiate the whole standard sort again (a few kB
//! each), and the browser downloads every copy, so:
//! - in the worker, every call goes through one comparator-erased instance of the standard sort
//!   per element type;
//! - with the `compact-sort` feature (the app's bundles, which the browser downloads before it can
//!   draw, so every kB counts), a short slice is sorted by insertion and a longer one by sorting
//!   its positions `0..n` (`u32`) with the one instance of the standard stable sort, then moving
//!   the elements into that order.
//!
//! Every way gives the same result: a stable sort's result is determined by the comparator alone,
//! and the engine's unstable sorts all order elements whose ties are indistinguishable (integers,
//! tuples of integers, or a comparator that ends on the index).

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// A stable sort by `compare` (as [`slice::sort_by`]).
#[inline]
pub fn by<T, F: FnMut(&T, &T) -> Ordering>(v: &mut [T], mut compare: F) {
    #[cfg(all(target_arch = "wasm32", feature = "compact-sort"))]
    compact(v, &mut compare);
    #[cfg(all(target_arch = "wasm32", not(feature = "compact-sort")))]
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
    #[cfg(all(target_arch = "wasm32", feature = "compact-sort"))]
    compact(v, &mut compare);
    #[cfg(all(target_arch = "wasm32", not(feature = "compact-sort")))]
    unstable_dyn(v, &mut compare);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable_by(&mut compare);
}

/// An unstable sort in the natural order (as [`slice::sort_unstable`]).
#[inline]
pub fn unstable<T: Ord>(v: &mut [T]) {
    unstable_by(v, T::cmp);
}

/// A map from an iterator of pairs, built by inserting them in turn. The same map as `collect()`
/// (a repeated key keeps its last value), without the stable sort that collecting into a
/// [`BTreeMap`] instantiates for every key and value type (a few kB of WebAssembly each; the
/// report's maps are small, so inserting costs nothing).
pub trait IntoMap<K: Ord, V>: Iterator<Item = (K, V)> + Sized {
    /// The pairs as a map.
    fn into_map(self) -> BTreeMap<K, V> {
        let mut map = BTreeMap::new();
        for (k, v) in self {
            map.insert(k, v);
        }
        map
    }
}

impl<K: Ord, V, I: Iterator<Item = (K, V)>> IntoMap<K, V> for I {}

/// The worker's stable sort: one instance per element type.
#[cfg(all(target_arch = "wasm32", not(feature = "compact-sort")))]
fn stable_dyn<T>(v: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    v.sort_by(compare);
}

/// The worker's unstable sort: one instance per element type.
#[cfg(all(target_arch = "wasm32", not(feature = "compact-sort")))]
fn unstable_dyn<T>(v: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    v.sort_unstable_by(compare);
}

/// Slices up to this long are sorted by insertion (no allocation; ballots are this short).
const INSERTION_MAX: usize = 16;

/// The `compact-sort` stable sort: by insertion when short, else through the positions.
#[cfg_attr(
    not(all(target_arch = "wasm32", feature = "compact-sort")),
    allow(dead_code)
)]
fn compact<T>(v: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    if v.len() <= INSERTION_MAX {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && compare(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
    } else {
        by_positions(v, compare);
    }
}

/// A stable sort of `v` by `compare` through the positions `0..n`: sorts them (one instance of
/// the standard stable sort for every element type), then moves each element once into place.
/// Slices longer than `u32::MAX` fall back to the standard sort.
#[cfg_attr(
    not(all(target_arch = "wasm32", feature = "compact-sort")),
    allow(dead_code)
)]
fn by_positions<T>(v: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    let Ok(n) = u32::try_from(v.len()) else {
        v.sort_by(compare);
        return;
    };
    if n < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..n).collect();
    {
        let items: &[T] = v;
        sort_positions(&mut order, &mut |a: &u32, b: &u32| {
            compare(&items[*a as usize], &items[*b as usize])
        });
    }
    permute(v, &mut order);
}

/// The one instance of the standard stable sort behind [`by_positions`].
#[inline(never)]
fn sort_positions(order: &mut [u32], compare: &mut dyn FnMut(&u32, &u32) -> Ordering) {
    order.sort_by(compare);
}

/// Rearranges `v` so that its element `i` is the old element `order[i]`, by following each cycle
/// of the permutation with swaps. `order` is used up (visited entries become `u32::MAX`).
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        if order[start] == DONE {
            continue;
        }
        let mut here = start;
        loop {
            let next = order[here] as usize;
            order[here] = DONE;
            if next == start {
                break;
            }
            v.swap(here, next);
            here = next;
        }
    }
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
        let mut e = data.clone();
        e.sort_unstable();
        assert_eq!(u, e);
        let mut positional = data;
        by_positions(&mut positional, &mut |a, b| a.0.cmp(&b.0));
        assert_eq!(
            positional, std_sorted,
            "through positions: ties keep their order"
        );
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

    #[test]
    fn compact_sorts_equal_the_standard_stable_sort() {
        // Many ties, runs and reversed stretches; a non-Copy element type, so moves are real.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for n in [0usize, 1, 2, 3, 7, 16, 17, 20, 33, 100, 1000] {
            let data: Vec<(u8, String)> = (0..n)
                .map(|i| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let key = if i % 5 == 0 {
                        (n - i) as u8
                    } else {
                        (state % 11) as u8
                    };
                    (key, format!("#{i}"))
                })
                .collect();
            let mut ours = data.clone();
            compact(&mut ours, &mut |a, b| a.0.cmp(&b.0));
            let mut expected = data.clone();
            expected.sort_by_key(|a| a.0);
            assert_eq!(ours, expected, "n = {n}");
            let mut down = data.clone();
            compact(&mut down, &mut |a, b| b.0.cmp(&a.0));
            expected.sort_by_key(|b| std::cmp::Reverse(b.0));
            assert_eq!(down, expected, "descending, n = {n}");
            let mut positional = data;
            by_positions(&mut positional, &mut |a, b| b.0.cmp(&a.0));
            assert_eq!(positional, expected, "through positions, n = {n}");
        }
    }

    #[test]
    fn into_map_equals_collect_including_repeated_keys() {
        let pairs = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)];
        let collected: BTreeMap<&str, i32> = pairs.iter().copied().collect();
        assert_eq!(pairs.iter().copied().into_map(), collected);
        assert_eq!(collected["a"], 5, "the last value of a repeated key");
    }

    #[test]
    fn permute_moves_each_element_to_its_place() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        // New element i is old element order[i]: two cycles and a fixed point.
        let mut order = vec![2, 0, 1, 3, 5, 4];
        permute(&mut v, &mut order);
        assert_eq!(v, ['c', 'a', 'b', 'd', 'f', 'e']);
    }
}
