//! Synthetic pools for benchmarks: respondents self-select unevenly (an engagement trait makes the
//! first feature of every category over-represented, and correlates the categories), while the
//! quotas follow population shares, as in real recruitment.

use crate::rng::{Stage, pick, stream, unit};

use super::{Category, Feature, Pool, check};

/// A pool of `respondents` over `categories` quota categories with `features` features each, and
/// quotas for a panel of `panel_size` within about ±10% of the population shares (widened until
/// some panel meets them).
#[must_use]
pub fn synthetic(
    seed: u64,
    respondents: u32,
    categories: u32,
    features: u8,
    panel_size: u32,
) -> Pool {
    let mut rng = stream(seed, Stage::Selection);
    let m = features.max(2);
    let shares: Vec<Vec<f64>> = (0..categories)
        .map(|_| {
            let w: Vec<f64> = (0..m).map(|_| 1.0 + unit(&mut rng)).collect();
            let total: f64 = w.iter().sum();
            w.iter().map(|x| x / total).collect()
        })
        .collect();
    let rows: Vec<Vec<u16>> = (0..respondents)
        .map(|_| {
            let engagement = unit(&mut rng);
            shares
                .iter()
                .map(|s| {
                    let w: Vec<f64> = s
                        .iter()
                        .enumerate()
                        .map(|(f, &p)| {
                            if f == 0 {
                                p * (1.0 + 3.0 * engagement)
                            } else {
                                p
                            }
                        })
                        .collect();
                    u16::from(pick(&mut rng, &w))
                })
                .collect()
        })
        .collect();
    let mut slack = 0.1;
    loop {
        let cats = shares
            .iter()
            .enumerate()
            .map(|(c, s)| Category {
                name: format!("category{}", c + 1),
                features: s
                    .iter()
                    .enumerate()
                    .map(|(f, &p)| {
                        let target = p * f64::from(panel_size);
                        let min = libm::floor(target * (1.0 - slack)).max(0.0) as u32;
                        let max = (libm::ceil(target * (1.0 + slack)) as u32).max(min + 1);
                        Feature {
                            name: format!("feature{}", f + 1),
                            min,
                            max,
                        }
                    })
                    .collect(),
            })
            .collect();
        let pool = Pool::new(cats, &rows, Vec::new()).unwrap_or_else(|_| unreachable_pool());
        if slack >= 1.0 || check(&pool, panel_size).is_ok() {
            return pool;
        }
        slack += 0.1;
    }
}

/// An empty pool (never reached: the generated rows always fit their categories).
fn unreachable_pool() -> Pool {
    Pool {
        categories: Vec::new(),
        features: Vec::new(),
        households: Vec::new(),
        len: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_pools_are_feasible_and_repeatable() {
        let a = synthetic(3, 300, 3, 3, 30);
        assert_eq!(a.len, 300);
        assert_eq!(a.categories.len(), 3);
        assert!(check(&a, 30).is_ok());
        assert_eq!(a, synthetic(3, 300, 3, 3, 30));
    }
}
