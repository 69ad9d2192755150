//! Representativeness metrics (DESIGN §2.3): category shares, total variation distance,
//! representation ratios and the representativeness index of a stage.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::attributes::Attribute;
use crate::population::Population;
use crate::sort::IntoMap;

/// Category counts of a set of citizens, one row per attribute of [`Attribute::ALL`].
#[derive(Clone, Debug, PartialEq)]
pub struct Counts {
    /// Number of citizens counted.
    pub total: u32,
    /// `by_attribute[a][c]`: citizens in category `c` of attribute `Attribute::ALL[a]`.
    pub by_attribute: Vec<Vec<u32>>,
}

impl Counts {
    /// Counts the citizens whose indices `members` yields.
    pub fn of<I: IntoIterator<Item = usize>>(pop: &Population, members: I) -> Counts {
        let mut by_attribute: Vec<Vec<u32>> = Attribute::ALL
            .iter()
            .map(|a| vec![0; a.category_count(pop.districts)])
            .collect();
        let mut total = 0u32;
        for i in members {
            total += 1;
            for (row, a) in by_attribute.iter_mut().zip(Attribute::ALL) {
                row[usize::from(pop.category(a, i))] += 1;
            }
        }
        Counts {
            total,
            by_attribute,
        }
    }

    /// Counts the whole population (in one pass, which is faster than [`Counts::of`]).
    #[must_use]
    pub fn population(pop: &Population) -> Counts {
        let by_attribute = pop.category_counts();
        Counts {
            total: pop.len() as u32,
            by_attribute,
        }
    }

    /// Shares `count / total` per category (all zero for an empty set).
    #[must_use]
    pub fn shares(&self, attribute_row: usize) -> Vec<f64> {
        let row = &self.by_attribute[attribute_row];
        if self.total == 0 {
            return vec![0.0; row.len()];
        }
        row.iter()
            .map(|&c| f64::from(c) / f64::from(self.total))
            .collect()
    }
}

/// How well a stage mirrors the population.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Representativeness {
    /// `R(S) = 1 − mean_a TVD_a` over the core attributes; 1 is a perfect mirror.
    pub index: f64,
    /// `TVD_a = ½ Σ_c |p_c − q_c|` per attribute (core attributes and district).
    pub tvd: BTreeMap<String, f64>,
    /// `ρ_c = q_c / p_c` per attribute and category; 1 = fair share. Categories with nobody in
    /// the population are left out.
    pub ratios: BTreeMap<String, BTreeMap<String, f64>>,
}

/// Representativeness of a stage with counts `stage` against the population's counts.
///
/// An empty stage has every `q_c = 0`, so `TVD_a = ½` and every ratio is 0.
#[must_use]
pub fn representativeness(population: &Counts, stage: &Counts) -> Representativeness {
    let mut tvd = BTreeMap::new();
    let mut ratios = BTreeMap::new();
    let mut core_sum = 0.0;
    let mut core_n = 0.0;
    for (row, a) in Attribute::ALL.into_iter().enumerate() {
        let p = population.shares(row);
        let q = stage.shares(row);
        let d = 0.5 * p.iter().zip(&q).map(|(p, q)| (p - q).abs()).sum::<f64>();
        let mut r = BTreeMap::new();
        for (c, (pc, qc)) in p.iter().zip(&q).enumerate() {
            if *pc > 0.0 {
                r.insert(a.category_key(c as u8), qc / pc);
            }
        }
        if a.is_core() {
            core_sum += d;
            core_n += 1.0;
        }
        tvd.insert(a.key().to_string(), d);
        ratios.insert(a.key().to_string(), r);
    }
    Representativeness {
        index: 1.0 - core_sum / core_n,
        tvd,
        ratios,
    }
}

/// Population shares per attribute and category, for the report.
#[must_use]
pub fn share_table(counts: &Counts) -> BTreeMap<String, BTreeMap<String, f64>> {
    Attribute::ALL
        .into_iter()
        .enumerate()
        .map(|(row, a)| {
            let shares = counts
                .shares(row)
                .into_iter()
                .enumerate()
                .map(|(c, s)| (a.category_key(c as u8), s))
                .into_map();
            (a.key().to_string(), shares)
        })
        .into_map()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::generate;
    use crate::scenario::PopulationParams;

    fn pop() -> Population {
        generate(
            &PopulationParams {
                size: 4_000,
                ..PopulationParams::default()
            },
            3,
        )
    }

    #[test]
    fn the_population_mirrors_itself() {
        let pop = pop();
        let all = Counts::population(&pop);
        assert_eq!(all, Counts::of(&pop, 0..pop.len()));
        let r = representativeness(&all, &all);
        assert!((r.index - 1.0).abs() < 1e-12);
        assert!(
            r.ratios
                .values()
                .flat_map(|m| m.values())
                .all(|&x| (x - 1.0).abs() < 1e-12)
        );
    }

    #[test]
    fn a_one_sided_stage_has_the_expected_tvd_and_ratios() {
        let pop = pop();
        let all = Counts::population(&pop);
        let women: Vec<usize> = (0..pop.len()).filter(|&i| pop.gender[i] == 0).collect();
        let stage = Counts::of(&pop, women.iter().copied());
        let r = representativeness(&all, &stage);
        let p_women = all.shares(1)[0];
        assert!((r.tvd["gender"] - (1.0 - p_women)).abs() < 1e-12);
        assert!((r.ratios["gender"]["woman"] - 1.0 / p_women).abs() < 1e-9);
        assert!(r.ratios["gender"]["man"].abs() < 1e-12);
        assert!(r.index < 1.0 && r.index > 0.0);
    }

    #[test]
    fn an_empty_stage_is_defined() {
        let pop = pop();
        let r = representativeness(
            &Counts::population(&pop),
            &Counts::of(&pop, std::iter::empty()),
        );
        assert!((r.index - 0.5).abs() < 1e-12);
    }
}
