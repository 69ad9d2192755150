//! The project catalogue: real participatory-budgeting projects with their costs in DKK, from which
//! generated proposals take their cost (see `data/SOURCE.md` for the files, the category mapping,
//! the exchange rates and what was dropped).
//!
//! The catalogue is `data/catalogue.csv`, embedded in the engine with `include_str!` (nothing is
//! read at run time, so it builds for wasm32) and parsed once.
//!
//! ## The draw ([`draw`])
//!
//! A proposal in category `c` under budget `B` takes the cost of one real project of category `c`:
//! drawn uniformly among those costing between `B · vote.cost_share_min` and
//! `B · vote.cost_share_max` (what proposers aim for when they know the pot); when none does, the
//! most expensive one below `B · cost_share_max` (the largest thing the pot can buy); when none is
//! that cheap either, the cheapest of the category (a proposal too large for the pot, which the
//! vote can fund only if the pot allows). So a 100,000 DKK pot buys lamps, murals and board games,
//! and a 10 M DKK pot a street or a square.
//!
//! With `vote.costs_by_category = false` (an ablation) the same rule draws from the whole
//! catalogue whatever the proposal's category: a proposal for the elderly may then cost what a
//! street costs, and what a pot can buy no longer depends on what a project is for.

use std::sync::OnceLock;

use crate::attributes::PROJECT_CATEGORIES;
use crate::population::CATEGORY_COUNT;
use crate::rng::{StageRng, below};

/// The embedded catalogue (see `data/SOURCE.md`).
pub const CSV: &str = include_str!("../data/catalogue.csv");

/// DKK per unit of each currency in the catalogue, as an integer fraction (numerator,
/// denominator): ECB euro reference rates of 29 December 2023, EUR/DKK 7.4529, EUR/PLN 4.3395,
/// EUR/CHF 0.9260.
pub const RATES: [(&str, u64, u64); 2] = [("PLN", 74_529, 43_395), ("CHF", 74_529, 9_260)];

/// Date of the exchange rates in [`RATES`].
pub const RATE_DATE: &str = "2023-12-29";

/// One real project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The pabulib file it comes from (without `.pb`).
    pub file: &'static str,
    /// Its `project_id` in that file.
    pub id: &'static str,
    /// Its cost in the file's currency.
    pub cost: u64,
    /// That currency.
    pub currency: &'static str,
    /// Its cost in DKK.
    pub cost_dkk: u64,
    /// Model category index (into [`PROJECT_CATEGORIES`]).
    pub category: u8,
    /// A short English description.
    pub gloss: &'static str,
}

/// The parsed catalogue: every item, and per category the item indices in ascending cost.
struct Parsed {
    items: Vec<Item>,
    by_category: [Vec<u16>; CATEGORY_COUNT],
    /// Every item, cheapest first (ties: file order).
    by_cost: Vec<u16>,
}

/// Converts `cost` in `currency` to DKK (rounded half up), or `None` for a currency without a
/// rate.
#[must_use]
pub fn to_dkk(cost: u64, currency: &str) -> Option<u64> {
    let &(_, num, den) = RATES.iter().find(|r| r.0 == currency)?;
    Some((cost * num + den / 2) / den)
}

/// Parses catalogue text in the format of `data/catalogue.csv`; the error names the bad line.
///
/// # Errors
/// A line with the wrong number of fields, a cost that is not a whole number, an unknown currency
/// or category, or a DKK cost that does not match the rate.
pub fn parse(text: &'static str) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&'static str> = line.split(',').collect();
        let bad = |what: &str| format!("catalogue line {}: {what}", n + 1);
        if f.len() != 8 {
            return Err(bad(&format!("{} fields, expected 8", f.len())));
        }
        let cost: u64 = f[2]
            .parse()
            .map_err(|_| bad("cost is not a whole number"))?;
        let cost_dkk: u64 = f[4]
            .parse()
            .map_err(|_| bad("cost_dkk is not a whole number"))?;
        let expected = to_dkk(cost, f[3]).ok_or_else(|| bad("unknown currency"))?;
        if expected != cost_dkk {
            return Err(bad(&format!(
                "cost_dkk {cost_dkk}, the rate gives {expected}"
            )));
        }
        let category = PROJECT_CATEGORIES
            .iter()
            .position(|c| *c == f[6])
            .ok_or_else(|| bad("unknown category"))?;
        items.push(Item {
            file: f[0],
            id: f[1],
            cost,
            currency: f[3],
            cost_dkk,
            category: category as u8,
            gloss: f[7],
        });
    }
    Ok(items)
}

fn parsed() -> &'static Parsed {
    static PARSED: OnceLock<Parsed> = OnceLock::new();
    PARSED.get_or_init(|| {
        // A unit test parses the embedded text; a broken catalogue would be an empty one here.
        let items = parse(CSV).unwrap_or_default();
        let cheapest_first = |keep: &dyn Fn(&Item) -> bool| {
            let mut idx: Vec<u16> = (0..items.len())
                .filter(|&k| keep(&items[k]))
                .map(|k| k as u16)
                .collect();
            crate::sort::by_key(&mut idx, |&k| (items[usize::from(k)].cost_dkk, k));
            idx
        };
        let by_category =
            std::array::from_fn(|c| cheapest_first(&|it| usize::from(it.category) == c));
        let by_cost = cheapest_first(&|_| true);
        Parsed {
            items,
            by_category,
            by_cost,
        }
    })
}

/// Every item of the catalogue, in file order.
#[must_use]
pub fn items() -> &'static [Item] {
    &parsed().items
}

/// The item at `index` (as [`draw`] returns it).
#[must_use]
pub fn item(index: u16) -> Option<&'static Item> {
    items().get(usize::from(index))
}

/// Indices of the items of `category`, cheapest first.
#[must_use]
pub fn of_category(category: u8) -> &'static [u16] {
    parsed()
        .by_category
        .get(usize::from(category))
        .map_or(&[], Vec::as_slice)
}

/// Draws the real project whose cost a proposal of `category` takes under `budget` (see the module
/// documentation), or `None` when the category has no item; `None` for `category` draws from the
/// whole catalogue (`vote.costs_by_category = false`). One draw from `rng` when more than one
/// item is in range, none otherwise.
#[must_use]
pub fn draw(
    category: Option<u8>,
    budget: u64,
    share_min: f64,
    share_max: f64,
    rng: &mut StageRng,
) -> Option<u16> {
    let list = match category {
        Some(c) => of_category(c),
        None => &parsed().by_cost,
    };
    let items = items();
    let cost = |k: u16| items[usize::from(k)].cost_dkk as f64;
    let low = budget as f64 * share_min;
    let high = budget as f64 * share_max;
    // `list` is sorted by cost: the items in range are one run.
    let start = list.partition_point(|&k| cost(k) < low);
    let end = list.partition_point(|&k| cost(k) <= high);
    if start < end {
        let n = (end - start) as u32;
        let pick = if n == 1 { 0 } else { below(rng, n) };
        return Some(list[start + pick as usize]);
    }
    if end > 0 {
        return Some(list[end - 1]);
    }
    list.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Stage, stream};

    #[test]
    fn the_embedded_catalogue_parses_and_every_category_has_items() {
        let items = parse(CSV).unwrap();
        assert_eq!(items.len(), 69);
        assert_eq!(super::items().len(), 69);
        for c in 0..CATEGORY_COUNT as u8 {
            let list = of_category(c);
            assert!(!list.is_empty(), "category {c}");
            assert!(
                list.windows(2)
                    .all(|w| item(w[0]).unwrap().cost_dkk <= item(w[1]).unwrap().cost_dkk)
            );
        }
        assert_eq!(to_dkk(1_039_840, "PLN"), Some(1_785_879));
        assert_eq!(to_dkk(5_000, "CHF"), Some(40_242));
        assert_eq!(to_dkk(1, "EUR"), None);
    }

    #[test]
    fn bad_lines_are_named() {
        let head = "file,project_id,cost,currency,cost_dkk,pabulib_category,category,gloss\n";
        let text: &'static str = Box::leak(format!("{head}f,1,10,PLN,17,-,green_areas,g").into());
        assert_eq!(parse(text).unwrap().len(), 1);
        for (line, what) in [
            ("f,1,10,PLN,18,-,green_areas,g", "the rate gives 17"),
            ("f,1,10,EUR,17,-,green_areas,g", "unknown currency"),
            ("f,1,10,PLN,17,-,parks,g", "unknown category"),
            ("f,1,ten,PLN,17,-,green_areas,g", "cost is not"),
            ("f,1,10,PLN,17,-,green_areas", "7 fields"),
        ] {
            let text: &'static str = Box::leak(format!("{head}{line}").into());
            let e = parse(text).unwrap_err();
            assert!(e.contains("line 2") && e.contains(what), "{e}");
        }
    }

    #[test]
    fn draws_stay_in_the_pots_range_when_the_category_allows() {
        let mut rng = stream(3, Stage::Vote);
        for c in 0..CATEGORY_COUNT as u8 {
            for budget in [100_000u64, 250_000, 1_000_000, 10_000_000] {
                let list = of_category(c);
                let (low, high) = (budget as f64 * 0.04, budget as f64 * 0.3);
                let any_in = list.iter().any(|&k| {
                    let x = item(k).unwrap().cost_dkk as f64;
                    (low..=high).contains(&x)
                });
                for _ in 0..50 {
                    let k = draw(Some(c), budget, 0.04, 0.3, &mut rng).unwrap();
                    let it = item(k).unwrap();
                    assert_eq!(it.category, c);
                    let x = it.cost_dkk as f64;
                    if any_in {
                        assert!((low..=high).contains(&x), "{c} {budget} {x}");
                    } else if x > high {
                        // Only when nothing in the category is cheap enough.
                        assert_eq!(k, list[0]);
                    }
                }
            }
        }
        // A 10 M pot draws structural green projects; a 100,000 DKK pot never does.
        let big = (0..200)
            .filter_map(|_| draw(Some(0), 10_000_000, 0.04, 0.3, &mut rng))
            .filter(|&k| item(k).unwrap().cost_dkk > 500_000)
            .count();
        assert!(big > 50, "{big}");
        assert!(
            (0..200)
                .filter_map(|_| draw(Some(0), 100_000, 0.04, 0.3, &mut rng))
                .all(|k| item(k).unwrap().cost_dkk <= 30_000)
        );
    }

    /// The ablation's draw (`vote.costs_by_category = false`): the whole catalogue is the list,
    /// so a 5 M pot draws items dearer than anything of the elderly category, of several
    /// categories, each within the pot's range.
    #[test]
    fn without_categories_every_proposal_draws_from_the_whole_catalogue() {
        let mut rng = stream(5, Stage::Vote);
        let elderly_max = of_category(2)
            .iter()
            .map(|&k| item(k).unwrap().cost_dkk)
            .max()
            .unwrap();
        let (low, high) = (5_000_000.0 * 0.04, 5_000_000.0 * 0.3);
        let drawn: Vec<&Item> = (0..200)
            .map(|_| item(draw(None, 5_000_000, 0.04, 0.3, &mut rng).unwrap()).unwrap())
            .collect();
        assert!(
            drawn
                .iter()
                .all(|it| (low..=high).contains(&(it.cost_dkk as f64)))
        );
        assert!(drawn.iter().all(|it| it.cost_dkk > elderly_max));
        let mut categories: Vec<u8> = drawn.iter().map(|it| it.category).collect();
        crate::sort::by_key(&mut categories, |&c| c);
        categories.dedup();
        assert!(categories.len() >= 2, "{categories:?}");
    }
}
