//! Arguments for and against each project category, who knows them, and the *informed*
//! preference each citizen would hold knowing all of them (issue 17; docs/MODEL.md,
//! "Deliberation with content").
//!
//! Each category has two pro and two con arguments ([`ARGUMENTS`]) with a strength in 0 – 1 (how
//! convincing a fair listener finds it; set by judgement, see docs/MODEL.md). An argument's
//! *value* is `impact · strength` for a pro and `−impact · strength` for a con argument: learning
//! it moves the preference for its category by that much (clamped to 0 – 1).
//!
//! Knowledge: citizen `i` knows argument `a` of category `c` with probability
//! `know_base + know_education · education/2 + know_experience · [a is pro and i has experience
//! of c] + know_association · [member]`, clamped to 0 – 1. Experience of a category is the
//! circumstance that makes one know why it matters: nature association (green areas), school-age
//! children (children and schools), age 67+ (the elderly), sports association or age 18–29
//! (culture and sports), being marginalised (social inclusion), residents' association or
//! employment (roads). Objections (con arguments) come from general civic knowledge alone.
//! The draws are one byte per argument from the run's [`Stage::Arguments`] stream, three words
//! per citizen in citizen order (probabilities in steps of 1/256).
//!
//! The population's preferences reflect what each citizen knows. The informed preference adds
//! the value of every argument they do not know: `informed_c = clamp(p_c + Σ_{a ∈ c, unknown}
//! value_a, 0, 1)`. A meeting that teaches an argument moves its listener toward the informed
//! preference in that argument's component; hearing one side only can move them past it.

use crate::attributes::YES;
use crate::deliberation::Prefs;
use crate::population::{CATEGORY_COUNT, Population};
use crate::rng::{Stage, stream};
use crate::scenario::Scenario;
use rand::Rng;

/// Arguments per category (two pro, two con).
pub const PER_CATEGORY: usize = 4;

/// Number of arguments.
pub const ARGUMENT_COUNT: usize = CATEGORY_COUNT * PER_CATEGORY;

/// The arguments a citizen knows, one bit per index into [`ARGUMENTS`].
pub type Known = u32;

/// One argument.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Argument {
    /// Stable key (the app's texts are looked up by it).
    pub key: &'static str,
    /// Project category index.
    pub category: u8,
    /// For (true) or against (false) the category.
    pub pro: bool,
    /// How convincing it is, 0 – 1.
    pub strength: f64,
}

const fn arg(key: &'static str, category: u8, pro: bool, strength: f64) -> Argument {
    Argument {
        key,
        category,
        pro,
        strength,
    }
}

/// Every argument, four per category in category order: pro, pro, con, con.
pub static ARGUMENTS: [Argument; ARGUMENT_COUNT] = [
    arg("green_meeting_place", 0, true, 0.8),
    arg("green_climate", 0, true, 0.7),
    arg("green_upkeep", 0, false, 0.5),
    arg("green_nature_nearby", 0, false, 0.3),
    arg("schools_safe_route", 1, true, 0.8),
    arg("schools_families_stay", 1, true, 0.5),
    arg("schools_ordinary_budget", 1, false, 0.6),
    arg("schools_few_benefit", 1, false, 0.3),
    arg("elderly_loneliness", 2, true, 0.8),
    arg("elderly_benches", 2, true, 0.6),
    arg("elderly_well_funded", 2, false, 0.3),
    arg("elderly_same_few", 2, false, 0.5),
    arg("culture_youth_evenings", 3, true, 0.6),
    arg("culture_festival", 3, true, 0.4),
    arg("culture_members_only", 3, false, 0.6),
    arg("culture_one_day", 3, false, 0.5),
    arg("social_homework_help", 4, true, 0.9),
    arg("social_drop_in", 4, true, 0.7),
    arg("social_few_benefit", 4, false, 0.4),
    arg("social_professionals", 4, false, 0.4),
    arg("roads_bike_lanes", 5, true, 0.7),
    arg("roads_street_lights", 5, true, 0.5),
    arg("roads_expensive", 5, false, 0.6),
    arg("roads_more_traffic", 5, false, 0.4),
];

/// The change one argument makes to the preference for its category.
#[must_use]
pub fn value(a: usize, impact: f64) -> f32 {
    let x = &ARGUMENTS[a];
    let v = impact * x.strength;
    (if x.pro { v } else { -v }) as f32
}

/// Whether citizen `i` has experience of category `c` (see the module documentation).
#[must_use]
pub fn experienced(pop: &Population, i: usize, c: usize) -> bool {
    let kind = pop.association[i];
    match c {
        0 => kind == 2,
        1 => pop.children[i] == YES,
        2 => pop.age_band[i] == 3,
        3 => kind == 1 || pop.age_band[i] == 0,
        4 => pop.marginalised[i] == YES,
        _ => kind == 3 || pop.occupation[i] == crate::attributes::occupation::EMPLOYED,
    }
}

/// The arguments every citizen knows before the meeting, in citizen order.
#[must_use]
pub fn knowledge(pop: &Population, scenario: &Scenario) -> Vec<Known> {
    let knowing = Knowing::new(scenario);
    let mut rng = stream(scenario.seed, Stage::Arguments);
    (0..pop.len())
        .map(|i| knowing.known(pop, i, &mut rng))
        .collect()
}

/// What each of `citizens` knows before the meeting, in the order given: the entries of
/// [`knowledge`] for them alone. The other citizens' random words are drawn and passed over
/// (every citizen takes the same number), so a meeting's few hundred attendees do not pay for
/// the knowledge of the whole town.
#[must_use]
pub fn knowledge_of(pop: &Population, scenario: &Scenario, citizens: &[u32]) -> Vec<Known> {
    let knowing = Knowing::new(scenario);
    let mut rng = stream(scenario.seed, Stage::Arguments);
    let mut order: Vec<usize> = (0..citizens.len()).collect();
    crate::sort::by_key(&mut order, |&j| citizens[j]);
    let mut out = vec![0; citizens.len()];
    // The citizen whose words come next in the stream, and the last one worked out.
    let mut next = 0usize;
    let mut last: Option<(usize, Known)> = None;
    for j in order {
        let i = citizens[j] as usize;
        if let Some((seen, known)) = last
            && seen == i
        {
            out[j] = known;
            continue;
        }
        for _ in next..i {
            for _ in 0..WORDS {
                rng.next_u64();
            }
        }
        out[j] = knowing.known(pop, i, &mut rng);
        last = Some((i, out[j]));
        next = i + 1;
    }
    out
}

/// Random words a citizen's knowledge takes: eight arguments a word.
const WORDS: usize = ARGUMENT_COUNT / 8;

/// The thresholds of [`knowledge`], worked out once for a pass over the citizens.
struct Knowing {
    /// General knowledge depends on education and membership alone, so the thresholds are
    /// worked out once for each of their six combinations, and for each way of having experience
    /// of a word's two categories: `lanes[education][member][experience]` (see
    /// `threshold_lanes`).
    lanes: [[[u64; 4]; 2]; 3],
}

impl Knowing {
    fn new(scenario: &Scenario) -> Knowing {
        let p = &scenario.arguments;
        // Thresholds in 1/256 steps: the byte drawn for an argument is below the threshold.
        let step = |x: f64| libm::round(x.clamp(0.0, 1.0) * 256.0) as u32;
        Knowing {
            lanes: std::array::from_fn(|education| {
                std::array::from_fn(|member| {
                    let general = p.know_base
                        + p.know_education * f64::from(education as u8) / 2.0
                        + if member == 1 { p.know_association } else { 0.0 };
                    let plain = step(general);
                    let rich = step(general + p.know_experience);
                    let pro = |experienced: bool| if experienced { rich } else { plain };
                    std::array::from_fn(|e| {
                        threshold_lanes([pro(e & 1 != 0), plain, pro(e & 2 != 0), plain])
                    })
                })
            }),
        }
    }

    /// What citizen `i` knows, from their [`WORDS`] words, the next in `rng`.
    fn known(&self, pop: &Population, i: usize, rng: &mut impl Rng) -> Known {
        let member = usize::from(pop.association[i] > 0);
        let lanes = &self.lanes[usize::from(pop.education[i])][member];
        let experience = (0..CATEGORY_COUNT).fold(0usize, |bits, c| {
            bits | usize::from(experienced(pop, i, c)) << c
        });
        let mut known: Known = 0;
        for chunk in 0..WORDS {
            let word = rng.next_u64();
            // Eight arguments a word: two categories, pro, pro, con, con each; each pair of
            // bytes shares a threshold.
            let lanes = lanes[(experience >> (chunk * 2)) & 3];
            known |= Known::from(bytes_below(word, lanes)) << (chunk * 8);
        }
        known
    }
}

/// The thresholds (each 0 – 256) of the four byte pairs of a word, as [`bytes_below`] takes
/// them: 16-bit lane `k` holds `0x8000 + thresholds[k] − 1`.
fn threshold_lanes(thresholds: [u32; 4]) -> u64 {
    thresholds.iter().enumerate().fold(0u64, |acc, (k, &t)| {
        acc | (u64::from(0x8000 + t - 1) << (16 * k))
    })
}

/// Bit `j` set when byte `j` of `word` is below its threshold, `thresholds[j / 2]` of the
/// [`threshold_lanes`] `lanes`. The same bits as eight comparisons `byte < threshold`, four bytes
/// at a time in 16-bit lanes: lane `k` becomes `0x8000 + threshold − 1 − byte`, never negative
/// (so no lane borrows from the next) and at least `0x8000` exactly when `byte < threshold`. One
/// multiplication then gathers the lanes' top bits into a byte: lane `k`'s bit moves to bit
/// `48 + 2k` (plus one for the odd bytes), and the other products of the multiplication land on
/// distinct bits below 40 or beyond 63, so none of them carries into it.
#[inline]
fn bytes_below(word: u64, lanes: u64) -> u8 {
    const LOW_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
    const LANE_BITS: u64 = 0x0001_0001_0001_0001;
    const GATHER: u64 = (1 << 48) | (1 << 34) | (1 << 20) | (1 << 6);
    let even = lanes - (word & LOW_BYTES);
    let odd = lanes - ((word >> 8) & LOW_BYTES);
    let bits = ((even >> 15) & LANE_BITS) | ((odd >> 14) & (LANE_BITS << 1));
    (bits.wrapping_mul(GATHER) >> 48) as u8
}

/// The informed preference of a citizen with preferences `prefs` who knows `known`.
#[must_use]
pub fn informed(prefs: &Prefs, known: Known, impact: f64) -> Prefs {
    Unknown::new(impact).informed(prefs, known)
}

/// Per category and each of the 16 ways of knowing its four arguments, the summed value of the
/// arguments not known: [`informed`] for many citizens with one table.
#[derive(Clone, Debug)]
pub struct Unknown {
    gain: [[f32; 16]; CATEGORY_COUNT],
}

impl Unknown {
    /// The table for `impact`.
    #[must_use]
    pub fn new(impact: f64) -> Unknown {
        let mut gain = [[0.0f32; 16]; CATEGORY_COUNT];
        for (c, row) in gain.iter_mut().enumerate() {
            for (nibble, g) in row.iter_mut().enumerate() {
                for k in 0..PER_CATEGORY {
                    if nibble & (1 << k) == 0 {
                        *g += value(c * PER_CATEGORY + k, impact);
                    }
                }
            }
        }
        Unknown { gain }
    }

    /// The informed preference of a citizen with preferences `prefs` who knows `known`.
    #[must_use]
    pub fn informed(&self, prefs: &Prefs, known: Known) -> Prefs {
        std::array::from_fn(|c| {
            let nibble = (known >> (c * PER_CATEGORY)) as usize & 0xF;
            (prefs[c] + self.gain[c][nibble]).clamp(0.0, 1.0)
        })
    }
}

/// Mean absolute difference between two preference vectors (0 – 1).
#[must_use]
pub fn distance(a: &Prefs, b: &Prefs) -> f32 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum::<f32>() / CATEGORY_COUNT as f32
}

/// Sum over categories of each category's argument balance `Σ ± strength` (positive: the pro
/// side is stronger), per category.
#[must_use]
pub fn balance() -> [f64; CATEGORY_COUNT] {
    let mut b = [0.0; CATEGORY_COUNT];
    for x in &ARGUMENTS {
        b[usize::from(x.category)] += if x.pro { x.strength } else { -x.strength };
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::generate;

    #[test]
    fn the_table_has_two_pro_and_two_con_per_category() {
        for (a, x) in ARGUMENTS.iter().enumerate() {
            assert_eq!(usize::from(x.category), a / PER_CATEGORY);
            assert_eq!(x.pro, a % PER_CATEGORY < 2, "{}", x.key);
            assert!(x.strength > 0.0 && x.strength <= 1.0);
        }
        let b = balance();
        assert!(b.iter().any(|&x| x > 0.0) && b.iter().any(|&x| x < 0.0));
    }

    #[test]
    fn knowledge_follows_education_experience_and_membership() {
        let mut s = Scenario::default();
        s.population.size = 6_000;
        let pop = generate(&s.population, 3);
        let known = knowledge(&pop, &s);
        assert_eq!(known, knowledge(&pop, &s), "deterministic");
        let rate = |f: &dyn Fn(usize) -> bool, a: usize| {
            let who: Vec<usize> = (0..pop.len()).filter(|&i| f(i)).collect();
            who.iter().filter(|&&i| known[i] & (1 << a) != 0).count() as f64 / who.len() as f64
        };
        // Parents know the pro arguments for schools far more often; not the objections.
        let parent = |i: usize| pop.children[i] == YES;
        let other = |i: usize| pop.children[i] != YES;
        assert!(rate(&parent, 4) > rate(&other, 4) + 0.3);
        assert!((rate(&parent, 6) - rate(&other, 6)).abs() < 0.12);
        let higher = |i: usize| pop.education[i] == 2;
        let basic = |i: usize| pop.education[i] == 0;
        assert!(rate(&higher, 14) > rate(&basic, 14) + 0.15);
        let mut none = s.clone();
        none.arguments = crate::scenario::ArgumentParams {
            know_base: 0.0,
            know_education: 0.0,
            know_experience: 0.0,
            know_association: 0.0,
            impact: 0.1,
        };
        assert!(knowledge(&pop, &none).iter().all(|&k| k == 0));
    }

    #[test]
    fn knowledge_of_some_citizens_is_theirs_in_the_whole_town() {
        let mut s = crate::presets::get("faxe-dialogue").unwrap();
        s.population.size = 3_000;
        let pop = crate::population::generate(&s.population, 5);
        let all = knowledge(&pop, &s);
        assert!(all.iter().any(|&k| k != 0) && all.iter().any(|&k| k != all[0]));
        for citizens in [
            vec![],
            vec![0],
            vec![2_999],
            vec![17, 3, 2_500, 4, 1_000],
            vec![9, 9, 1, 9],
            (0..3_000).rev().step_by(7).collect::<Vec<u32>>(),
        ] {
            let some = knowledge_of(&pop, &s, &citizens);
            let expected: Vec<Known> = citizens.iter().map(|&i| all[i as usize]).collect();
            assert_eq!(some, expected, "{citizens:?}");
        }
    }

    #[test]
    fn bytes_below_compares_each_byte_with_its_threshold() {
        let mut rng = stream(5, Stage::Arguments);
        let edges = [0u32, 1, 2, 127, 128, 255, 256];
        for round in 0..20_000u32 {
            let word = rng.next_u64();
            let thresholds: [u32; 4] = std::array::from_fn(|_| {
                if round % 2 == 0 {
                    edges[(rng.next_u64() % edges.len() as u64) as usize]
                } else {
                    (rng.next_u64() % 257) as u32
                }
            });
            let expected = (0..8).fold(0u8, |m, j| {
                let byte = (word >> (8 * j)) as u32 & 0xFF;
                m | u8::from(byte < thresholds[j / 2]) << j
            });
            let lanes = threshold_lanes(thresholds);
            assert_eq!(
                bytes_below(word, lanes),
                expected,
                "{word:x} {thresholds:?}"
            );
        }
        for t in [0, 256] {
            let expected = if t == 0 { 0 } else { 0xFF };
            assert_eq!(bytes_below(0, threshold_lanes([t; 4])), expected);
            assert_eq!(bytes_below(u64::MAX, threshold_lanes([t; 4])), expected);
        }
    }

    #[test]
    fn informed_adds_the_unknown_arguments() {
        let p: Prefs = [0.5; CATEGORY_COUNT];
        let all: Known = (1 << ARGUMENT_COUNT) - 1;
        assert!(
            informed(&p, all, 0.2)
                .iter()
                .all(|&x| (x - 0.5).abs() < 1e-9)
        );
        let inf = informed(&p, 0, 0.2);
        for (c, b) in balance().iter().enumerate() {
            assert!((f64::from(inf[c]) - (0.5 + 0.2 * b)).abs() < 1e-6);
        }
        assert!(
            informed(&[1.0; CATEGORY_COUNT], 0, 1.0)
                .iter()
                .all(|x| (0.0..=1.0).contains(x))
        );
    }
}
