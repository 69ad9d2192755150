//! "What if the electorate were representative?": reweighting real ballots by age band × sex to
//! a population profile, and turnout by age band × sex against that profile.
//!
//! The rules take unweighted ballots, so a weight becomes an integer **multiplicity**: with a
//! scale `S`, a voter of weight `w` is counted `round(S · w)` times (ties round up). The weights
//! are therefore exact multiples of `1/S`; money and every comparison inside the rules stay exact.
//! `S` is chosen from the number of ballots `n` as `clamp(⌊200 000 / n⌋, 4, 100)` so that the
//! replicated profile holds at most about 200,000 ballots (or `4n` for larger files); the largest
//! rounding error of a weight is reported ([`Reweighting::max_weight_error`]).
//!
//! Cells: four adult age bands (`18-29`, `30-49`, `50-66`, `67+`) × two sexes. A voter is in a
//! cell when her age is known and at least 18 and her sex reads as female (`F`, `K`, `W`,
//! `female`, `woman`, `kobieta`, `kvinde`, `frau`) or male (`M`, `male`, `man`, `mężczyzna`,
//! `mand`, `mann`), case-insensitively. Every other voter (no age, under 18, no or another sex)
//! keeps weight 1. Among the voters with a cell, cell `c` gets the weight
//! `w_c = (P_c / P) · K / n_c`: `n_c` voters in the cell, `K` voters in cells, `P_c` the
//! profile's count for the cell and `P` the sum over the cells that have voters. So the cells'
//! total weight stays `K`, and their shares become the profile's. A cell of the profile without
//! any voter cannot be represented: it is listed in [`Reweighting::empty_cells`] and the others
//! are scaled up to fill its share.

use serde::{Deserialize, Serialize};

use super::{Profile, Voter};

/// The adult age bands, in order.
pub const AGE_BANDS: [&str; 4] = ["18-29", "30-49", "50-66", "67+"];

/// The two sexes of a cell, in order (`female`, `male`).
pub const SEXES: [&str; 2] = ["female", "male"];

/// A population profile: persons (any unit, only proportions matter for the weights) per age
/// band (rows, [`AGE_BANDS`]) and sex (columns, [`SEXES`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopulationProfile {
    /// Counts per age band × sex.
    pub cells: [[u64; 2]; 4],
}

/// A named preset profile with its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfilePreset {
    /// Stable name (`denmark-2024`, `poland-2022`).
    pub name: &'static str,
    /// Adults in thousands per age band × sex.
    pub thousands: [[u64; 2]; 4],
    /// Where the numbers come from.
    pub source: &'static str,
}

/// Preset profiles. The numbers are approximate (rounded to about ten thousand persons) and are
/// meant for exploring, not for citing; the sources give the exact figures.
pub const PRESETS: [ProfilePreset; 2] = [
    ProfilePreset {
        name: "denmark-2024",
        thousands: [[460, 485], [710, 730], [640, 650], [575, 495]],
        source: "Statistics Denmark, StatBank table FOLK1A (population on 1 January 2024 by age \
                 and sex), adults, approximate",
    },
    ProfilePreset {
        name: "poland-2022",
        thousands: [
            [2_300, 2_400],
            [5_400, 5_600],
            [4_300, 4_000],
            [4_000, 2_600],
        ],
        source: "Statistics Poland (GUS), Population. Size and structure by territorial \
                 division, 31 December 2022, adults, approximate",
    },
];

impl ProfilePreset {
    /// The preset as a profile (in thousands).
    #[must_use]
    pub fn profile(&self) -> PopulationProfile {
        PopulationProfile {
            cells: self.thousands,
        }
    }
}

/// The preset with this name.
#[must_use]
pub fn preset(name: &str) -> Option<&'static ProfilePreset> {
    PRESETS.iter().find(|p| p.name == name)
}

/// What is wrong with a reweighting request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReweightError {
    /// No voter has both a usable age and sex.
    NoDemographics,
    /// Every cell of the profile that has voters has a count of 0.
    EmptyProfile,
}

impl core::fmt::Display for ReweightError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ReweightError::NoDemographics => {
                write!(f, "no voter in the file has both an adult age and a sex")
            }
            ReweightError::EmptyProfile => write!(
                f,
                "the population profile is 0 in every age band and sex that has voters"
            ),
        }
    }
}

/// Reads a pabulib `sex` value as female (0) or male (1).
#[must_use]
pub fn sex_index(sex: &str) -> Option<usize> {
    let s = sex.trim().to_lowercase();
    match s.as_str() {
        "f" | "k" | "w" | "female" | "woman" | "kobieta" | "kvinde" | "frau" => Some(0),
        "m" | "male" | "man" | "mężczyzna" | "mezczyzna" | "mand" | "mann" => Some(1),
        _ => None,
    }
}

/// The adult age band of an age (`None` under 18).
#[must_use]
pub fn band_index(age: u16) -> Option<usize> {
    match age {
        0..18 => None,
        18..30 => Some(0),
        30..50 => Some(1),
        50..67 => Some(2),
        _ => Some(3),
    }
}

/// The cell (age band, sex) of a voter, if she has one.
#[must_use]
pub fn cell_of(voter: &Voter) -> Option<(usize, usize)> {
    let band = band_index(voter.age?)?;
    let sex = sex_index(voter.sex.as_deref()?)?;
    Some((band, sex))
}

/// One cell of a reweighting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellWeight {
    /// Age band index into [`AGE_BANDS`].
    pub band: u8,
    /// Sex index into [`SEXES`].
    pub sex: u8,
    /// Voters in the cell.
    pub voters: u64,
    /// The cell's share among the voters with a cell.
    pub voter_share: f64,
    /// The cell's share in the profile (over all eight cells).
    pub population_share: f64,
    /// The exact weight `w_c` (0 for an empty cell).
    pub weight: f64,
    /// How many times each voter of the cell is counted.
    pub multiplicity: u64,
}

/// A reweighted profile and how it was made.
#[derive(Clone, Debug, PartialEq)]
pub struct Reweighting {
    /// Each original ballot repeated by its multiplicity (voters too, so analytics by age and
    /// sex are weighted); ballots of weight 0 are dropped.
    pub profile: Profile,
    /// The scale `S`: a voter of weight 1 is counted `S` times.
    pub scale: u64,
    /// The eight cells, band-major.
    pub cells: Vec<CellWeight>,
    /// Voters without a cell (kept at weight 1).
    pub outside: u64,
    /// Cells with a positive profile count but no voter (their share cannot be represented).
    pub empty_cells: Vec<(u8, u8)>,
    /// Largest `|multiplicity / S − w_c|` over the cells with voters.
    pub max_weight_error: f64,
}

/// The scale for `n` ballots: `clamp(⌊200 000 / n⌋, 4, 100)`.
#[must_use]
pub fn scale_for(n: u64) -> u64 {
    (200_000 / n.max(1)).clamp(4, 100)
}

/// Reweights `profile` to `population` (see the module docs).
pub fn reweight(
    profile: &Profile,
    population: &PopulationProfile,
) -> Result<Reweighting, ReweightError> {
    let mut counts = [[0u64; 2]; 4];
    let cell: Vec<Option<(usize, usize)>> = profile.voters.iter().map(cell_of).collect();
    for &(b, s) in cell.iter().flatten() {
        counts[b][s] += 1;
    }
    let k: u64 = counts.iter().flatten().sum();
    if k == 0 {
        return Err(ReweightError::NoDemographics);
    }
    let p_covered: u128 = (0..4)
        .flat_map(|b| (0..2).map(move |s| (b, s)))
        .filter(|&(b, s)| counts[b][s] > 0)
        .map(|(b, s)| u128::from(population.cells[b][s]))
        .sum();
    if p_covered == 0 {
        return Err(ReweightError::EmptyProfile);
    }
    let p_all: u128 = population
        .cells
        .iter()
        .flatten()
        .map(|&c| u128::from(c))
        .sum();
    let scale = scale_for(profile.ballots.len() as u64);
    let mut multiplicity = [[0u64; 2]; 4];
    let mut cells = Vec::with_capacity(8);
    let mut empty_cells = Vec::new();
    let mut max_err = 0.0f64;
    for b in 0..4 {
        for s in 0..2 {
            let n_c = counts[b][s];
            let p_c = u128::from(population.cells[b][s]);
            let (weight, m) = if n_c == 0 {
                if p_c > 0 {
                    empty_cells.push((b as u8, s as u8));
                }
                (0.0, 0)
            } else {
                // m = round(S · P_c · K / (P · n_c)), exactly, halves up.
                let num = u128::from(scale) * p_c * u128::from(k);
                let den = p_covered * u128::from(n_c);
                let m = (2 * num + den) / (2 * den);
                let w = (p_c as f64 / p_covered as f64) * (k as f64) / (n_c as f64);
                max_err = max_err.max((m as f64 / scale as f64 - w).abs());
                (w, u64::try_from(m).unwrap_or(u64::MAX))
            };
            multiplicity[b][s] = m;
            cells.push(CellWeight {
                band: b as u8,
                sex: s as u8,
                voters: n_c,
                voter_share: n_c as f64 / k as f64,
                population_share: if p_all > 0 {
                    p_c as f64 / p_all as f64
                } else {
                    0.0
                },
                weight,
                multiplicity: m,
            });
        }
    }
    let mut out = Profile {
        kind: profile.kind,
        ballots: Vec::new(),
        voters: Vec::new(),
        min_length: profile.min_length,
        max_length: profile.max_length,
        max_sum_cost: profile.max_sum_cost,
        max_sum_points: profile.max_sum_points,
    };
    let mut outside = 0u64;
    for (i, ballot) in profile.ballots.iter().enumerate() {
        let c = cell.get(i).copied().flatten();
        let m = if let Some((b, s)) = c {
            multiplicity[b][s]
        } else {
            outside += 1;
            scale
        };
        let voter = profile
            .voters
            .get(i)
            .cloned()
            .unwrap_or_else(|| Voter::anonymous(i.to_string()));
        for _ in 0..m {
            out.ballots.push(ballot.clone());
            out.voters.push(voter.clone());
        }
    }
    Ok(Reweighting {
        profile: out,
        scale,
        cells,
        outside,
        empty_cells,
        max_weight_error: max_err,
    })
}

/// Turnout of one cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellTurnout {
    /// Age band index into [`AGE_BANDS`].
    pub band: u8,
    /// Sex index into [`SEXES`].
    pub sex: u8,
    /// Voters in the cell.
    pub voters: u64,
    /// Estimated adults of the cell in the area: `adults · P_c / P`.
    pub population: f64,
    /// `voters / population` (0 when the population estimate is 0).
    pub turnout: f64,
}

/// Turnout per cell when the area has `adults` adults distributed as `population` (voters
/// without a cell are not counted anywhere).
#[must_use]
pub fn turnout(profile: &Profile, population: &PopulationProfile, adults: u64) -> Vec<CellTurnout> {
    let mut counts = [[0u64; 2]; 4];
    for (b, s) in profile.voters.iter().filter_map(cell_of) {
        counts[b][s] += 1;
    }
    let p_all: u64 = population.cells.iter().flatten().sum();
    let mut out = Vec::with_capacity(8);
    for (b, (row, pop_row)) in counts.iter().zip(&population.cells).enumerate() {
        for (s, (&voters, &persons)) in row.iter().zip(pop_row).enumerate() {
            let pop = if p_all > 0 {
                adults as f64 * persons as f64 / p_all as f64
            } else {
                0.0
            };
            out.push(CellTurnout {
                band: b as u8,
                sex: s as u8,
                voters,
                population: pop,
                turnout: if pop > 0.0 { voters as f64 / pop } else { 0.0 },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Instance, Project, Rule, TieBreak};
    use super::*;

    fn voter(age: u16, sex: &str) -> Voter {
        let mut v = Voter::anonymous("x");
        v.age = Some(age);
        v.sex = Some(sex.into());
        v
    }

    /// Ballots with (age, sex) voters.
    fn profile(rows: &[(Vec<u32>, u16, &str)]) -> Profile {
        let mut p = Profile::approval(rows.iter().map(|r| r.0.clone()).collect());
        for (i, r) in rows.iter().enumerate() {
            p.voters[i] = voter(r.1, r.2);
            p.voters[i].id = i.to_string();
        }
        p
    }

    #[test]
    fn sexes_and_bands_are_read() {
        assert_eq!(sex_index("F"), Some(0));
        assert_eq!(sex_index(" k "), Some(0));
        assert_eq!(sex_index("M"), Some(1));
        assert_eq!(sex_index("other"), None);
        assert_eq!(band_index(17), None);
        assert_eq!(band_index(18), Some(0));
        assert_eq!(band_index(49), Some(1));
        assert_eq!(band_index(67), Some(3));
    }

    #[test]
    fn a_profile_matching_the_voters_changes_nothing() {
        let p = profile(&[
            (vec![0], 25, "F"),
            (vec![1], 25, "M"),
            (vec![1], 70, "F"),
            (vec![0], 70, "M"),
        ]);
        let pop = PopulationProfile {
            cells: [[1, 1], [0, 0], [0, 0], [1, 1]],
        };
        let r = reweight(&p, &pop).unwrap();
        assert!(r.empty_cells.is_empty());
        assert!(
            r.cells
                .iter()
                .all(|c| c.voters == 0 || c.multiplicity == r.scale)
        );
        assert_eq!(r.profile.ballots.len() as u64, 4 * r.scale);
        assert!(r.max_weight_error < 1e-12);
    }

    #[test]
    fn under_represented_young_men_decide_after_reweighting() {
        // Project a is wanted by three old women, b by one young man; only one fits. Unweighted greedy funds a; a population with as many
        // young men as old women makes them equal, and a profile of 3:1 for young men flips it.
        let projects = vec![Project::new("a", 60_000), Project::new("b", 60_000)];
        let inst = Instance::new(projects, 100_000);
        let p = profile(&[
            (vec![0], 70, "F"),
            (vec![0], 71, "F"),
            (vec![0], 72, "F"),
            (vec![1], 20, "M"),
        ]);
        let tb = TieBreak::ProjectId;
        assert_eq!(Rule::Greedy.run(&inst, &p, &tb).winners, ["a"]);
        let pop = PopulationProfile {
            cells: [[0, 3], [0, 0], [0, 0], [1, 0]],
        };
        let r = reweight(&p, &pop).unwrap();
        // K = 4; young men: w = (3/4)·4/1 = 3; old women: w = (1/4)·4/3 = 1/3.
        let young = &r.cells[1];
        let old = &r.cells[6];
        assert!((young.weight - 3.0).abs() < 1e-12 && (old.weight - 1.0 / 3.0).abs() < 1e-12);
        // Four ballots: S = 100, so 300 copies of the young man and round(100/3) = 33 of each
        // old woman.
        assert_eq!(r.scale, 100);
        assert_eq!((young.multiplicity, old.multiplicity), (300, 33));
        assert!((r.max_weight_error - (1.0 / 3.0 - 0.33)).abs() < 1e-12);
        for rule in Rule::ALL {
            let before = rule.run(&inst, &p, &tb).winners;
            let after = rule.run(&inst, &r.profile, &tb).winners;
            assert_eq!(before, ["a"], "{rule}");
            assert_eq!(after, ["b"], "{rule}");
        }
    }

    #[test]
    fn voters_without_a_cell_keep_weight_one_and_empty_cells_are_reported() {
        let mut p = profile(&[(vec![0], 30, "F"), (vec![1], 40, "M"), (vec![1], 40, "M")]);
        p.voters[2].sex = Some("x".into());
        let pop = PopulationProfile {
            cells: [[5, 5], [1, 1], [0, 0], [0, 0]],
        };
        let r = reweight(&p, &pop).unwrap();
        assert_eq!(r.outside, 1);
        assert_eq!(r.empty_cells, vec![(0, 0), (0, 1)]);
        // The two covered cells share K = 2 equally: weight 1 each.
        assert!((r.cells[2].weight - 1.0).abs() < 1e-12 && (r.cells[3].weight - 1.0).abs() < 1e-12);
        assert_eq!(r.profile.ballots.len() as u64, 3 * r.scale);
    }

    #[test]
    fn errors_name_the_problem() {
        let p = Profile::approval(vec![vec![0]]);
        let pop = PRESETS[0].profile();
        assert_eq!(reweight(&p, &pop), Err(ReweightError::NoDemographics));
        let p = profile(&[(vec![0], 30, "F")]);
        let zero = PopulationProfile {
            cells: [[1, 1], [0, 1], [1, 1], [1, 1]],
        };
        assert_eq!(reweight(&p, &zero), Err(ReweightError::EmptyProfile));
        assert!(ReweightError::NoDemographics.to_string().contains("age"));
    }

    #[test]
    fn turnout_divides_voters_by_the_cell_population() {
        let p = profile(&[(vec![0], 30, "F"), (vec![0], 31, "F"), (vec![1], 80, "M")]);
        let pop = PopulationProfile {
            cells: [[0, 0], [100, 100], [0, 0], [0, 200]],
        };
        let t = turnout(&p, &pop, 400);
        assert!((t[2].population - 100.0).abs() < 1e-9);
        assert!((t[2].turnout - 0.02).abs() < 1e-12);
        assert!((t[7].turnout - 1.0 / 200.0).abs() < 1e-12);
        assert!(t[0].turnout == 0.0 && t[0].population == 0.0);
    }

    #[test]
    fn presets_have_sources_and_every_cell() {
        for p in PRESETS {
            assert!(p.thousands.iter().flatten().all(|&c| c > 0), "{}", p.name);
            assert!(!p.source.is_empty());
            assert_eq!(preset(p.name), Some(&p));
        }
    }
}
