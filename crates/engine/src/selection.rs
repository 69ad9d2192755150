//! Stratified sortition: choose a panel from the pool of citizens who answered the letter so that
//! it meets quotas on age band, gender, education and district, and estimate each pool member's
//! probability of selection.
//!
//! Algorithm (documented, deterministic): shuffle the pool; walk through it and accept a candidate
//! when no quota would be exceeded, the quota of category `c` being `⌈panel_size · p_c⌉` with `p_c`
//! the population share; if the panel is still short, fill it from the rest of the shuffled pool in
//! order, ignoring quotas. Selection probabilities given the pool are estimated as the share of
//! `replicates` independent shuffles in which the member is chosen (replicate 0 is the real panel).
//!
//! With [`PanelSelection::Leximin`] (`invitation.selection = "leximin"`) the panel comes instead from
//! the LEXIMIN lottery ([`crate::panel`], Flanigan et al. 2021) over every panel of `panel_size` within
//! the same caps `⌈panel_size · p_c⌉`: the smallest selection probability of a pool member is as large
//! as it can be, then the next smallest, and so on; the probabilities are exact (certified to 1e-6),
//! not estimated. When no panel within the caps exists (a pool short of some groups), or the pool is
//! no larger than the panel, the greedy pass with its fill-up is used, as for `legacy`. LEXIMIN
//! needs the engine's `leximin-model` feature (the command line and the Web Worker build it; the
//! page's own bundle does not, to keep the LP solver out of its initial load).

use crate::attributes::Attribute;
use crate::metrics::Counts;
use crate::population::Population;
use crate::rng::{StageRng, below};
use crate::scenario::PanelSelection;

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
    /// How the panel was chosen (LEXIMIN falls back to the greedy pass when the caps leave no
    /// panel).
    pub method: PanelSelection,
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
    method: PanelSelection,
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
    #[cfg(feature = "leximin-model")]
    if method == PanelSelection::Leximin
        && let Some(panel) = leximin(pop, pool, &quotas, size, rng)
    {
        return panel;
    }
    #[cfg(not(feature = "leximin-model"))]
    let _ = method;
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

/// The LEXIMIN panel within the caps `quotas`, or `None` when no panel of `size` fits them or the
/// pool is no larger than the panel.
#[cfg(feature = "leximin-model")]
fn leximin(
    pop: &Population,
    pool: &[u32],
    quotas: &[Vec<u32>],
    size: u32,
    rng: &mut StageRng,
) -> Option<Panel> {
    use crate::panel::{self, Algorithm, Category, Feature, Options};
    if pool.len() <= size as usize {
        return None;
    }
    let categories: Vec<Category> = QUOTA_ATTRIBUTES
        .iter()
        .zip(quotas)
        .map(|(&a, caps)| Category {
            name: a.key().to_string(),
            features: caps
                .iter()
                .enumerate()
                .map(|(c, &max)| Feature {
                    name: a.category_key(c as u8),
                    min: 0,
                    max,
                })
                .collect(),
        })
        .collect();
    let rows: Vec<Vec<u16>> = pool
        .iter()
        .map(|&i| {
            QUOTA_ATTRIBUTES
                .iter()
                .map(|&a| u16::from(pop.category(a, i as usize)))
                .collect()
        })
        .collect();
    let candidates = panel::Pool::new(categories, &rows, Vec::new()).ok()?;
    // The draw's seed comes from the selection stream, so the panel follows the scenario's seed.
    let seed = (u64::from(below(rng, u32::MAX)) << 32) | u64::from(below(rng, u32::MAX));
    let options = Options { seed, draws: 1 };
    let chosen = panel::select(&candidates, size, Algorithm::Leximin, &options, &mut |_| {
        true
    })
    .ok()?;
    Some(Panel {
        members: chosen.panel.iter().map(|&j| pool[j as usize]).collect(),
        probabilities: pool.iter().copied().zip(chosen.probabilities).collect(),
        quotas_met: true,
        method: PanelSelection::Leximin,
    })
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
        let panel = select(
            &pop,
            &counts,
            &pool,
            40,
            200,
            PanelSelection::Legacy,
            &mut rng,
        );
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
