//! Stratified sortition: choose a panel from the pool of citizens who answered the letter so that
//! it meets quotas on age band, gender, education and district, and estimate each pool member's
//! probability of selection.
//!
//! Algorithm (documented, deterministic): shuffle the pool; walk through it and accept a candidate
//! when no quota would be exceeded, the quota of category `c` being `⌈panel_size · p_c⌉` with `p_c`
//! the population share; if the panel is still short, fill it from the rest of the shuffled pool in
//! order, ignoring quotas. Selection probabilities given the pool are estimated as the share of
//! `replicates` independent shuffles in which the member is chosen (replicate 0 is the real panel).

use crate::attributes::Attribute;
use crate::metrics::Counts;
use crate::population::Population;
use crate::rng::{StageRng, below};

/// Attributes the quotas are set on.
pub const QUOTA_ATTRIBUTES: [Attribute; 4] = [
    Attribute::AgeBand,
    Attribute::Gender,
    Attribute::Education,
    Attribute::District,
];

/// A selected panel and the estimated selection probabilities of the pool.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Panel {
    /// Citizens on the panel (the first replicate), in selection order.
    pub members: Vec<u32>,
    /// Each pool member with the estimated probability of being selected given the pool.
    pub probabilities: Vec<(u32, f64)>,
    /// Whether the real panel met every quota without the fill-up step.
    pub quotas_met: bool,
}

fn row_of(a: Attribute) -> usize {
    Attribute::ALL.iter().position(|&x| x == a).unwrap_or(0)
}

/// Selects a panel of `size` from `pool` against the population counts.
#[must_use]
pub fn select(
    pop: &Population,
    population: &Counts,
    pool: &[u32],
    size: u32,
    replicates: u16,
    rng: &mut StageRng,
) -> Panel {
    let quotas: Vec<Vec<u32>> = QUOTA_ATTRIBUTES
        .iter()
        .map(|&a| {
            population
                .shares(row_of(a))
                .iter()
                .map(|p| libm::ceil(f64::from(size) * p) as u32)
                .collect()
        })
        .collect();
    let mut hits = vec![0u32; pool.len()];
    let mut panel = Panel::default();
    let mut order: Vec<u32> = (0..pool.len() as u32).collect();
    for r in 0..replicates.max(1) {
        for k in (1..order.len()).rev() {
            let j = below(rng, k as u32 + 1) as usize;
            order.swap(k, j);
        }
        let (chosen, met) = one_panel(pop, pool, &order, &quotas, size);
        for &slot in &chosen {
            hits[slot as usize] += 1;
        }
        if r == 0 {
            panel.members = chosen.iter().map(|&slot| pool[slot as usize]).collect();
            panel.quotas_met = met;
        }
    }
    let reps = f64::from(replicates.max(1));
    panel.probabilities = pool
        .iter()
        .zip(&hits)
        .map(|(&citizen, &h)| (citizen, f64::from(h) / reps))
        .collect();
    panel
}

/// One greedy quota pass over `order` (indices into `pool`); returns chosen pool slots.
fn one_panel(
    pop: &Population,
    pool: &[u32],
    order: &[u32],
    quotas: &[Vec<u32>],
    size: u32,
) -> (Vec<u32>, bool) {
    let mut filled: Vec<Vec<u32>> = quotas.iter().map(|q| vec![0; q.len()]).collect();
    let mut taken = vec![false; pool.len()];
    let mut chosen = Vec::with_capacity(size as usize);
    for &slot in order {
        if chosen.len() as u32 >= size {
            break;
        }
        let i = pool[slot as usize] as usize;
        let fits = QUOTA_ATTRIBUTES.iter().enumerate().all(|(k, &a)| {
            filled[k][usize::from(pop.category(a, i))] < quotas[k][usize::from(pop.category(a, i))]
        });
        if fits {
            for (k, &a) in QUOTA_ATTRIBUTES.iter().enumerate() {
                filled[k][usize::from(pop.category(a, i))] += 1;
            }
            taken[slot as usize] = true;
            chosen.push(slot);
        }
    }
    let met = chosen.len() as u32 >= size.min(pool.len() as u32);
    for &slot in order {
        if chosen.len() as u32 >= size {
            break;
        }
        if !taken[slot as usize] {
            taken[slot as usize] = true;
            chosen.push(slot);
        }
    }
    (chosen, met)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::generate;
    use crate::rng::{Stage, stream};
    use crate::scenario::PopulationParams;

    #[test]
    fn panel_meets_quotas_and_probabilities_average_to_the_panel_share() {
        let pop = generate(
            &PopulationParams {
                size: 6_000,
                ..PopulationParams::default()
            },
            11,
        );
        let counts = Counts::population(&pop);
        let pool: Vec<u32> = (0..1_200).collect();
        let mut rng = stream(1, Stage::Selection);
        let panel = select(&pop, &counts, &pool, 40, 200, &mut rng);
        assert_eq!(panel.members.len(), 40);
        assert!(panel.quotas_met);
        let stage = Counts::of(&pop, panel.members.iter().map(|&i| i as usize));
        for &a in &QUOTA_ATTRIBUTES {
            let row = row_of(a);
            for (c, &n) in stage.by_attribute[row].iter().enumerate() {
                let cap = libm::ceil(40.0 * counts.shares(row)[c]) as u32;
                assert!(n <= cap, "{a:?} category {c}: {n} > {cap}");
            }
        }
        let mean: f64 = panel.probabilities.iter().map(|p| p.1).sum::<f64>() / 1_200.0;
        assert!((mean - 40.0 / 1_200.0).abs() < 1e-9, "{mean}");
    }
}
