//! Named scenarios with the sources of their numbers beside them.
//!
//! Numbers marked *approximate* are rounded from the source and are calibration targets for the
//! model, not official statistics; docs/MODEL.md lists each default with its source.

use crate::scenario::{Scenario, Strategy};

/// A named scenario.
#[derive(Clone, Debug)]
pub struct Preset {
    /// Stable name used in links and the CLI.
    pub name: &'static str,
    /// One line in English.
    pub title_en: &'static str,
    /// One line in Danish.
    pub title_da: &'static str,
    /// Where the numbers come from.
    pub sources: &'static [&'static str],
    /// Builds the scenario.
    pub build: fn() -> Scenario,
}

/// Every preset, the default first.
pub const ALL: &[Preset] = &[
    Preset {
        name: "faxe-dialogue",
        title_en: "Faxe: a citizen dialogue meeting on the town strategy, open call",
        title_da: "Faxe: borgerdialogmøde om byens udviklingsstrategi, åben invitation",
        sources: &[
            "Faxe Kommune has about 37,000 inhabitants, of whom about 29,500 are adults (18+) (Statistics Denmark, FOLK1A, 2023; approximate)",
            "Age profile older than the Danish average: about 17% 18–29, 28% 30–49, 30% 50–66, 25% 67+ of adults (FOLK1A, Faxe; approximate)",
            "Retirees dominate dialogue meetings; parents of school children and the young are missing (workshop deck, Faxe citizen quote)",
            "Budget 250,000 DKK: within the 50,000–500,000 DKK range of Danish borgerbudget pools (DESIGN §6)",
            "About 55% of Danish adults are members of an association (Foreningsundersøgelsen 2016; approximate)",
        ],
        build: faxe_dialogue,
    },
    Preset {
        name: "borgerbudget-small",
        title_en: "A small borgerbudget pool in a local council area: 'benches and tables' money",
        title_da: "En lille borgerbudgetpulje i et lokalrådsområde: 'bænke og borde'-penge",
        sources: &[
            "Svendborg: about 100,000 DKK per local council; typical Danish pools 50,000–500,000 DKK (DESIGN §6)",
            "A local council area of about 8,000 adults in 3 districts (illustrative size)",
            "'Flødeskumspulje' — a municipal employee on small pools; the marginalised withdraw over 'benches and tables' money (workshop deck)",
        ],
        build: borgerbudget_small,
    },
];

fn faxe_dialogue() -> Scenario {
    Scenario::default()
}

fn borgerbudget_small() -> Scenario {
    let mut s = Scenario::default();
    s.budget = 100_000;
    s.population.size = 8_000;
    s.population.districts = 3;
    s.population.age_shares = [0.18, 0.30, 0.29, 0.23];
    s.invitation.strategy = Strategy::OpenCall;
    s
}

/// The preset with this name.
#[must_use]
pub fn get(name: &str) -> Option<Scenario> {
    ALL.iter().find(|p| p.name == name).map(|p| (p.build)())
}

/// Names of every preset.
#[must_use]
pub fn names() -> Vec<&'static str> {
    ALL.iter().map(|p| p.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_validates_and_names_are_unique() {
        for p in ALL {
            (p.build)()
                .validate()
                .unwrap_or_else(|e| panic!("{}: {e}", p.name));
            assert!(!p.sources.is_empty());
            assert_eq!(ALL.iter().filter(|q| q.name == p.name).count(), 1);
        }
        assert_eq!(get("faxe-dialogue"), Some(Scenario::default()));
        assert!(get("nowhere").is_none());
    }
}
