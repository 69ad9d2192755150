//! The PB vote (DESIGN §2.2 steps 6–7): who votes, their ballots, and the allocation by the
//! scenario's PB rule — plus the counterfactual where every citizen votes sincerely.
//!
//! Utility of project `p` (category `c`, district `d`) for a citizen with preferences `w`:
//! `u = w[c] / max(w) · (1 − district_bonus + district_bonus · [own district = d])`, in [0, 1]:
//! a project in one's favourite category in one's own district is worth 1, so utilities compare
//! what each citizen wants rather than how strongly they feel in general. In a run, `w` is the
//! citizen's preferences tilted by need ([`crate::need::weigh`]) and each utility is multiplied by
//! the project's scale factor ([`crate::need::sizes`]): [`crate::cycle::citizen_utilities`].
//! Turnout: `P = logistic(turnout_intercept + interest·(x−½) + efficacy·(x−½) + trust·(x−½) +
//! stakes·S_i + invited·ln(1 + intensity) − C_i)` for citizens who did not attend, where `S_i` is
//! the citizen's own stakes and `C_i` the cost of the cheapest way to vote, smoothed over the
//! channels open to them: `C_i = −ln Σ_c e^(−c_i)`, with a paper ballot costing
//! `paper_cost + paper_time·time pressure` and, when `vote.online`, an online ballot costing
//! `online_time·time pressure + online_digital·(1 − digital skill)`. A voter picks a channel with
//! probability `e^(−c_i) / Σ e^(−c)` ([`channels`]). Attendees vote at the meeting: no channel
//! cost, plus `turnout_attendee`.
//! A real project (`vote.projects`) belongs to no district ([`CITY_WIDE`]): the district factor
//! is 1 for every citizen.
//! Approval ballots list every project with `u ≥ threshold` (the `max_approvals` best when
//! limited; ties by ballot order). With `vote.ballot_lengths`, each voter's limit is drawn from
//! that distribution instead ([`LengthDraw`]). Cumulative ballots spread `points` over the three best
//! projects in proportion to utility (largest remainder; ties by ballot order).

use crate::deliberation::Prefs;
use crate::pb::{Allocation, Ballot, Instance, Profile, Project, VoteKind};
use crate::population::{CATEGORY_COUNT, Population};
use crate::proposals::Proposal;
use crate::rng::{StageRng, below_logistic, below_u64, unit};
use crate::scenario::{BallotKind, Scenario, VoteParams};

/// District code of a project that belongs to the whole municipality (a real project): local
/// for every citizen. Never a citizen's district (those are below `MAX_DISTRICTS`).
pub const CITY_WIDE: u8 = u8::MAX;

/// Whether a project in `project_district` is local for a citizen living in `district`.
#[inline]
#[must_use]
pub fn is_local(project_district: u8, district: u8) -> bool {
    project_district == district || project_district == CITY_WIDE
}

/// One project on the ballot, as the vote sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BallotProject {
    /// Category index.
    pub category: u8,
    /// District code.
    pub district: u8,
    /// Cost in DKK.
    pub cost: u64,
}

/// The ballot's projects from the proposals that made it.
#[must_use]
pub fn ballot_projects(proposals: &[Proposal], on_ballot: &[usize]) -> Vec<BallotProject> {
    on_ballot
        .iter()
        .map(|&k| BallotProject {
            category: proposals[k].category,
            district: proposals[k].district,
            cost: proposals[k].cost,
        })
        .collect()
}

/// Utility of `project` for preferences `prefs` of a citizen living in `district`.
#[inline]
#[must_use]
pub fn utility(prefs: &Prefs, district: u8, project: &BallotProject, district_bonus: f64) -> f64 {
    let top = prefs.iter().copied().fold(0.0f32, f32::max);
    if top <= 0.0 {
        return 0.0;
    }
    let w = f64::from(prefs[usize::from(project.category)]) / f64::from(top);
    let local = if is_local(project.district, district) {
        1.0
    } else {
        0.0
    };
    (w * (1.0 - district_bonus + district_bonus * local)).clamp(0.0, 1.0)
}

/// Utilities of every ballot project for one citizen, written into `out` (cleared first).
///
/// Inlined so that the preferences gathered by the caller stay in registers (passed through
/// memory, the caller's four-byte stores stall the callee's eight-byte loads; measured: the yearly
/// cycle 9.24 → 8.68 ms, where a plain `#[inline]` was not taken).
#[allow(clippy::inline_always)]
#[inline(always)]
pub fn utilities(
    prefs: &Prefs,
    district: u8,
    projects: &[BallotProject],
    district_bonus: f64,
    out: &mut Vec<f64>,
) {
    out.clear();
    let top = f64::from(prefs.iter().copied().fold(0.0f32, f32::max));
    if top <= 0.0 {
        out.resize(projects.len(), 0.0);
        return;
    }
    let away = 1.0 - district_bonus;
    // One division per category (the same quotients as one per project).
    let w: [f64; CATEGORY_COUNT] = std::array::from_fn(|c| f64::from(prefs[c]) / top);
    out.extend(projects.iter().map(|p| {
        let factor = if is_local(p.district, district) {
            1.0
        } else {
            away
        };
        (w[usize::from(p.category)] * factor).clamp(0.0, 1.0)
    }));
}

/// What a ballot's utilities depend on, computed once per ballot so that each citizen costs one
/// pass over the projects: each project's category, whether it is local for a citizen of each
/// district, and optionally the need weights and scale factors of
/// [`crate::cycle::citizen_utilities`]. [`UtilityTable::fill`] writes exactly the numbers
/// [`utilities`] (or `citizen_utilities`) would: the same operations on the same operands, only
/// hoisted out of the citizen loop. A citizen's utility of a project before the scale factor,
/// `(w_c · factor).clamp(0, 1)`, takes one of twelve values (six categories, local or not): they
/// are worked out once per citizen (`UtilityTable::values`) and each project looks its value up.
#[derive(Clone, Debug)]
pub struct UtilityTable {
    category: Vec<usize>,
    /// Row `d` (`projects.len()` entries): each project's slot among the values of a citizen of
    /// district `d`, `2 · category + [not local]`.
    slots: Vec<u8>,
    /// Rows in `slots`; citizens of other districts take the slow path.
    rows: usize,
    away: f64,
    district: Vec<u8>,
    /// Scale factors ([`crate::need::sizes`]), when need is in.
    sizes: Option<Vec<f64>>,
    /// Need weights of [`crate::need::weigh`] when they apply, `[not served, served]`: kept in
    /// the table and looked up by the citizen's category (a select between two `f64` compiles to
    /// a jump, which random categories mispredict).
    need: Option<[f64; 2]>,
    /// Per row, where a citizen's favourite can be found slot by slot ([`Leaders`]); `None` for a
    /// row whose scale factors do not allow it (empty without scale factors).
    leaders: Vec<Option<Leaders>>,
}

/// For one row of a [`UtilityTable`]: in each slot, the largest scale factor of the row's
/// projects in that slot (0 for an empty slot) and the first ballot position holding it.
///
/// A citizen's utility of a project is `value[slot] · size`, and rounding is monotonic, so within
/// a slot no project has a higher utility than the one with the largest scale factor. Only a
/// project whose factor equals it can have the same utility, provided every smaller factor in the
/// slot is smaller by a relative `2⁻⁵⁰` at least (then its product, rounded, stays below the
/// product of the largest, rounded, for every value: checked when the table is built). The first
/// highest utility on the ballot is then the first position among the slots whose product is the
/// highest: twelve products instead of a pass over every project that compares each with the
/// best so far, which chained every project's comparison to the one before.
#[derive(Clone, Debug)]
struct Leaders {
    size: [f64; 16],
    first: [u16; 16],
}

impl Leaders {
    /// The leaders of a row whose projects have slots `slots` and scale factors `sizes`, or
    /// `None` when a factor is negative or not finite, or two factors in one slot are too close
    /// to tell apart after rounding.
    #[allow(
        clippy::float_cmp,
        reason = "exact: a factor equal to the slot's largest gives the same product"
    )]
    fn of(slots: &[u8], sizes: &[f64]) -> Option<Leaders> {
        // A factor below the slot's largest must be below it by a relative 2^-50 at least.
        const APART: f64 = 1.0 - 1.0 / (1u64 << 50) as f64;
        let size_of = |k: usize| sizes[k];
        // Finite, not negative, and 0 or large enough that no product with a value (at least
        // about 1e-45, an `f32` weight over the largest) is subnormal, where rounding is coarser.
        if (0..slots.len()).any(|k| {
            let z = size_of(k);
            !(z.is_finite() && (z == 0.0 || z >= 1e-250))
        }) {
            return None;
        }
        let mut leaders = Leaders {
            size: [0.0; 16],
            first: [u16::MAX; 16],
        };
        for (k, &s) in slots.iter().enumerate() {
            let (s, z) = (usize::from(s & 15), size_of(k));
            if leaders.first[s] == u16::MAX || z > leaders.size[s] {
                leaders.size[s] = z;
                leaders.first[s] = k as u16;
            }
        }
        let apart = slots.iter().enumerate().all(|(k, &s)| {
            let (top, z) = (leaders.size[usize::from(s & 15)], size_of(k));
            z == top || z < top * APART
        });
        apart.then_some(leaders)
    }
}

/// A citizen's utility before the scale factor of each slot of [`UtilityTable`] (twelve used; a
/// power of two so that a masked slot needs no bounds check).
type Values = [f64; 16];

/// The slots used: six categories, local or not.
const SLOTS: usize = 2 * CATEGORY_COUNT;

/// The slot of a project in `category` for a citizen: `2 · category + [not local]`.
fn slot(category: usize, local: bool) -> usize {
    2 * category + usize::from(!local)
}

impl UtilityTable {
    /// The table of [`utilities`] for `projects` and citizens of districts `0..districts`.
    ///
    /// # Panics
    ///
    /// If a project's category is not one of the [`CATEGORY_COUNT`] categories (whose
    /// preferences the utilities would index).
    #[must_use]
    pub fn plain(projects: &[BallotProject], district_bonus: f64, districts: u8) -> Self {
        let away = 1.0 - district_bonus;
        let rows = usize::from(districts);
        assert!(
            projects
                .iter()
                .all(|p| usize::from(p.category) < CATEGORY_COUNT)
        );
        let mut slots = Vec::with_capacity(rows * projects.len());
        for d in 0..districts {
            slots.extend(
                projects
                    .iter()
                    .map(|p| slot(usize::from(p.category), is_local(p.district, d)) as u8),
            );
        }
        let mut table = UtilityTable {
            category: projects.iter().map(|p| usize::from(p.category)).collect(),
            slots,
            rows,
            away,
            district: projects.iter().map(|p| p.district).collect(),
            sizes: None,
            need: None,
            leaders: Vec::new(),
        };
        table.find_leaders();
        table
    }

    /// Works out [`UtilityTable::leaders`] for the table's slots and scale factors (none for a
    /// table without them, whose approvals nothing asks for often).
    fn find_leaders(&mut self) {
        let n = self.category.len();
        self.leaders = match &self.sizes {
            Some(sizes) => (0..self.rows)
                .map(|row| Leaders::of(&self.slots[row * n..(row + 1) * n], sizes))
                .collect(),
            None => Vec::new(),
        };
    }

    /// The table of [`crate::cycle::citizen_utilities`] for `projects` under `scenario`.
    #[must_use]
    pub fn citizen(projects: &[BallotProject], scenario: &Scenario, districts: u8) -> Self {
        let mut t = Self::plain(projects, scenario.vote.district_bonus, districts);
        let p = &scenario.need;
        t.sizes = Some(crate::need::sizes(projects, p));
        t.find_leaders();
        // `need::weigh`'s factor `keep + utility_weight · need_c / top` for the two values need_c
        // takes (the same expression, so the same rounding).
        let top = p.base + p.served;
        if top > 0.0 && p.utility_weight > 0.0 {
            let keep = 1.0 - p.utility_weight;
            t.need = Some([
                keep + p.utility_weight * p.base / top,
                keep + p.utility_weight * (p.base + p.served) / top,
            ]);
        }
        t
    }

    /// [`UtilityTable::fill`] into `out`, and in the same pass adds the plain utilities of
    /// `prefs` ([`utilities`], no need weights or scale factors) to `totals`: the same numbers as
    /// a `fill` of this table and of the [`UtilityTable::plain`] table of its projects.
    pub fn fill_adding_plain(
        &self,
        prefs: &Prefs,
        pop: &Population,
        i: usize,
        out: &mut Vec<f64>,
        totals: &mut [f64],
    ) {
        self.fill(prefs, pop, i, out);
        self.add_plain(prefs, pop, i, totals);
    }

    /// Adds the plain utilities of `prefs` for citizen `i` ([`utilities`], no need weights or
    /// scale factors) to `totals`, one per project.
    #[inline]
    pub fn add_plain(&self, prefs: &Prefs, pop: &Population, i: usize, totals: &mut [f64]) {
        let top = f64::from(prefs.iter().copied().fold(0.0f32, f32::max));
        if top <= 0.0 {
            // Plain utilities are all zero; adding them still turns a total of -0.0 into +0.0,
            // as the separate sum did, so the bits stay the same.
            for t in totals.iter_mut() {
                *t += 0.0;
            }
            return;
        }
        let w: [f64; CATEGORY_COUNT] = std::array::from_fn(|c| f64::from(prefs[c]) / top);
        let values = self.values(&w);
        let d = pop.district[i];
        let row = usize::from(d);
        let n = self.category.len();
        if row >= self.rows {
            for ((t, &c), &pd) in totals.iter_mut().zip(&self.category).zip(&self.district) {
                *t += values[slot(c, is_local(pd, d))];
            }
            return;
        }
        let slots = &self.slots[row * n..(row + 1) * n];
        for (t, &s) in totals.iter_mut().zip(slots) {
            *t += values[usize::from(s & 15)];
        }
    }

    /// The utility before the scale factor, `(w_c · factor).clamp(0, 1)`, of each slot for a
    /// citizen with normalised weights `w`.
    #[inline]
    fn values(&self, w: &[f64; CATEGORY_COUNT]) -> Values {
        let mut values = [0.0; 16];
        for (c, &x) in w.iter().enumerate() {
            // The local factor is 1, and `x · 1 = x`.
            values[slot(c, true)] = x.clamp(0.0, 1.0);
            values[slot(c, false)] = (x * self.away).clamp(0.0, 1.0);
        }
        values
    }

    /// Citizen `i`'s utilities with preferences `prefs` (need-weighed first for a
    /// [`UtilityTable::citizen`] table), written into `out` (cleared first).
    #[inline]
    pub fn fill(&self, prefs: &Prefs, pop: &Population, i: usize, out: &mut Vec<f64>) {
        out.clear();
        out.reserve(self.category.len());
        self.visit(prefs, pop, i, |_, u| out.push(u));
    }

    /// Citizen `i`'s approval mask at `threshold` (bit `k` when the utility of project `k` is at
    /// least `threshold`, as [`approval_mask`] without a limit) and favourite project (the first
    /// highest positive utility, or `None`), from the utilities [`UtilityTable::fill`] would
    /// write, without storing them. Needs at most 128 projects. Found slot by slot (each slot's
    /// project of the largest scale factor) where the table allows it, else from the utilities
    /// themselves.
    #[allow(
        clippy::inline_always,
        reason = "inlined into each caller's loop over the citizens; in the page's bundles (the \
                  `compact-sort` feature in WebAssembly), where every kB counts, the compiler \
                  decides"
    )]
    #[cfg_attr(
        not(all(target_arch = "wasm32", feature = "compact-sort")),
        inline(always)
    )]
    #[cfg_attr(all(target_arch = "wasm32", feature = "compact-sort"), inline)]
    #[must_use]
    pub fn approvals(
        &self,
        prefs: &Prefs,
        pop: &Population,
        i: usize,
        threshold: f64,
    ) -> (u128, Option<u16>) {
        debug_assert!(self.category.len() <= 128);
        self.approvals_by_slot(prefs, pop, i, threshold)
            .unwrap_or_else(|| self.approvals_by_project(prefs, pop, i, threshold))
    }

    /// [`UtilityTable::approvals`] from the utilities [`UtilityTable::fill`] writes, for the
    /// citizens [`UtilityTable::approvals_by_slot`] does not take (of a row past the table's, of
    /// a table without leaders, of a ballot of more than 64 projects, or with no positive
    /// weight). Kept out of line and short: few citizens come here.
    #[inline(never)]
    fn approvals_by_project(
        &self,
        prefs: &Prefs,
        pop: &Population,
        i: usize,
        threshold: f64,
    ) -> (u128, Option<u16>) {
        let mut u = Vec::with_capacity(self.category.len());
        self.fill(prefs, pop, i, &mut u);
        let mask = u
            .iter()
            .enumerate()
            .fold(0, |mask, (k, &x)| mask | u128::from(x >= threshold) << k);
        (mask, crate::cycle::favourite(&u))
    }

    /// [`UtilityTable::approvals`] with the favourite found slot by slot ([`Leaders`]), for a
    /// ballot of at most 64 projects and a citizen of a row that has leaders and some positive
    /// weight; `None` otherwise. The mask from the same products as [`UtilityTable::visit`].
    #[allow(
        clippy::inline_always,
        clippy::float_cmp,
        reason = "the favourite: the first position with exactly the highest utility; inlined \
                  into each caller's loop over the citizens"
    )]
    #[inline(always)]
    fn approvals_by_slot(
        &self,
        prefs: &Prefs,
        pop: &Population,
        i: usize,
        threshold: f64,
    ) -> Option<(u128, Option<u16>)> {
        let n = self.category.len();
        let row = usize::from(pop.district[i]);
        if n > 64 || row >= self.rows {
            return None;
        }
        let sizes = self.sizes.as_ref()?;
        let leaders = self.leaders.get(row)?.as_ref()?;
        let values = self.citizen_values(prefs, pop, i)?;
        let slots = &self.slots[row * n..(row + 1) * n];
        let mut mask = 0u64;
        for (k, (&s, &z)) in slots.iter().zip(sizes).enumerate() {
            mask |= u64::from(values[usize::from(s & 15)] * z >= threshold) << k;
        }
        // Each slot's highest utility, the highest of them, and the first position among the
        // slots that reach it.
        let highest: [f64; SLOTS] = std::array::from_fn(|s| values[s] * leaders.size[s]);
        let best = highest
            .iter()
            .fold(0.0f64, |a, &b| if b > a { b } else { a });
        let at = highest
            .iter()
            .zip(&leaders.first)
            .fold(u16::MAX, |at, (&u, &k)| {
                at.min(if u == best { k } else { u16::MAX })
            });
        Some((
            u128::from(mask),
            (best > 0.0 && at != u16::MAX).then_some(at),
        ))
    }

    /// The slot values of citizen `i` with preferences `prefs` (need-weighed first for a
    /// [`UtilityTable::citizen`] table), or `None` when every weight is zero (and so every
    /// utility).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn citizen_values(&self, prefs: &Prefs, pop: &Population, i: usize) -> Option<Values> {
        let weighed = match &self.need {
            Some(factor) => {
                let s = crate::need::served(pop, i);
                std::array::from_fn(|c| (f64::from(prefs[c]) * factor[usize::from(s[c])]) as f32)
            }
            None => *prefs,
        };
        let top = f64::from(weighed.iter().copied().fold(0.0f32, f32::max));
        if top <= 0.0 {
            return None;
        }
        let w: [f64; CATEGORY_COUNT] = std::array::from_fn(|c| f64::from(weighed[c]) / top);
        Some(self.values(&w))
    }

    /// Calls `visit(k, u)` with citizen `i`'s utility `u` of each project `k`, in ballot order,
    /// for preferences `prefs` (need-weighed first for a [`UtilityTable::citizen`] table): the
    /// numbers [`UtilityTable::fill`] writes, so that callers who only fold them store nothing.
    #[inline]
    pub fn visit(
        &self,
        prefs: &Prefs,
        pop: &Population,
        i: usize,
        mut visit: impl FnMut(usize, f64),
    ) {
        let n = self.category.len();
        let Some(values) = self.citizen_values(prefs, pop, i) else {
            // Every utility is zero (times the scale factor, as the scaled utilities are).
            match &self.sizes {
                Some(sizes) => {
                    for (k, s) in sizes.iter().enumerate() {
                        visit(k, 0.0 * s);
                    }
                }
                None => (0..n).for_each(|k| visit(k, 0.0)),
            }
            return;
        };
        let d = pop.district[i];
        let row = usize::from(d);
        if row >= self.rows {
            for (k, (&c, &pd)) in self.category.iter().zip(&self.district).enumerate() {
                let u = values[slot(c, is_local(pd, d))];
                visit(k, self.sizes.as_ref().map_or(u, |sizes| u * sizes[k]));
            }
            return;
        }
        let slots = &self.slots[row * n..(row + 1) * n];
        match &self.sizes {
            Some(sizes) => {
                for (k, (&s, &z)) in slots.iter().zip(sizes).enumerate() {
                    visit(k, values[usize::from(s & 15)] * z);
                }
            }
            None => {
                for (k, &s) in slots.iter().enumerate() {
                    visit(k, values[usize::from(s & 15)]);
                }
            }
        }
    }
}

/// Stable project id for ballot position `k` (`p01`, `p02`, …), so that ids sort in ballot order.
#[must_use]
pub fn project_id(k: usize) -> String {
    format!("p{:02}", k + 1)
}

/// The PB instance for the ballot. Generated projects are named by category and district; a
/// [`CITY_WIDE`] project by its category alone (callers with real names put them in).
#[must_use]
pub fn instance(projects: &[BallotProject], budget: u64) -> Instance {
    let list = projects
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let mut project = Project::new(project_id(k), p.cost);
            let category = crate::attributes::PROJECT_CATEGORIES[usize::from(p.category)];
            project.category = vec![category.to_string()];
            if p.district == CITY_WIDE {
                project.name = category.to_string();
            } else {
                project.name = format!("{category} d{}", u32::from(p.district) + 1);
                project.district = Some(format!("d{}", u32::from(p.district) + 1));
            }
            project
        })
        .collect();
    Instance::new(list, budget)
}

/// Draws ballot lengths from an empirical distribution (`vote.ballot_lengths`): length `k + 1`
/// with probability `counts[k] / Σ counts`, from one `u64` per draw (exact integer arithmetic).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LengthDraw {
    /// Running totals of the counts.
    cumulative: Vec<u64>,
}

impl LengthDraw {
    /// The distribution with these counts, or `None` when there is none to draw from (no
    /// counts, or all zero).
    #[must_use]
    pub fn new(counts: &[u32]) -> Option<LengthDraw> {
        let mut total = 0u64;
        let cumulative: Vec<u64> = counts
            .iter()
            .map(|&c| {
                total += u64::from(c);
                total
            })
            .collect();
        (total > 0).then_some(LengthDraw { cumulative })
    }

    /// One length (1 – number of counts, never one with a zero count), saturating at 255.
    pub fn draw(&self, rng: &mut StageRng) -> u8 {
        let total = self.cumulative.last().copied().unwrap_or(0);
        if total == 0 {
            return 0;
        }
        let r = below_u64(rng, total);
        let k = self.cumulative.partition_point(|&c| c <= r);
        u8::try_from(k + 1).unwrap_or(u8::MAX)
    }
}

/// The ballot of a citizen with preferences `prefs` in `district`.
pub fn ballot(
    prefs: &Prefs,
    district: u8,
    projects: &[BallotProject],
    scenario: &Scenario,
    scratch: &mut Vec<(f64, u32)>,
) -> BallotContent {
    ballot_with_cap(
        prefs,
        district,
        projects,
        scenario,
        scenario.vote.max_approvals,
        scratch,
    )
}

/// [`ballot`] with the approval limit `cap` (0 = none) in place of `vote.max_approvals`.
pub fn ballot_with_cap(
    prefs: &Prefs,
    district: u8,
    projects: &[BallotProject],
    scenario: &Scenario,
    cap: u8,
    scratch: &mut Vec<(f64, u32)>,
) -> BallotContent {
    let v = &scenario.vote;
    let top = f64::from(prefs.iter().copied().fold(0.0f32, f32::max));
    let away = 1.0 - v.district_bonus;
    scratch.clear();
    scratch.extend(projects.iter().enumerate().map(|(k, p)| {
        let u = if top > 0.0 {
            let factor = if is_local(p.district, district) {
                1.0
            } else {
                away
            };
            (f64::from(prefs[usize::from(p.category)]) / top * factor).clamp(0.0, 1.0)
        } else {
            0.0
        };
        (u, k as u32)
    }));
    ballot_from_scratch(v, cap, scratch)
}

/// The ballot of a citizen whose utilities for the ballot's projects are `utilities` (as
/// [`utilities`] computes them); equal to [`ballot`] for the same citizen.
pub fn ballot_from_utilities(
    utilities: &[f64],
    vote: &VoteParams,
    scratch: &mut Vec<(f64, u32)>,
) -> BallotContent {
    ballot_from_utilities_with_cap(utilities, vote, vote.max_approvals, scratch)
}

/// [`ballot_from_utilities`] with the approval limit `cap` (0 = none) in place of
/// `vote.max_approvals`.
pub fn ballot_from_utilities_with_cap(
    utilities: &[f64],
    vote: &VoteParams,
    cap: u8,
    scratch: &mut Vec<(f64, u32)>,
) -> BallotContent {
    scratch.clear();
    scratch.extend(utilities.iter().zip(0u32..).map(|(&u, k)| (u, k)));
    ballot_from_scratch(vote, cap, scratch)
}

/// The approval ballot of a citizen with `utilities` as a bit mask (bit `k` = ballot position
/// `k`), as [`ballot_from_utilities`] would list it under [`BallotKind::Approval`]. Needs at most
/// 128 projects.
pub fn approval_mask(utilities: &[f64], vote: &VoteParams, scratch: &mut Vec<(f64, u32)>) -> u128 {
    approval_mask_with_cap(utilities, vote, vote.max_approvals, scratch)
}

/// [`approval_mask`] with the approval limit `cap` (0 = none) in place of `vote.max_approvals`.
pub fn approval_mask_with_cap(
    utilities: &[f64],
    vote: &VoteParams,
    cap: u8,
    scratch: &mut Vec<(f64, u32)>,
) -> u128 {
    // Two 64-bit halves, branch-free (a 128-bit shift per project costs several instructions).
    let (low, high) = utilities.split_at(utilities.len().min(64));
    let half = |part: &[f64]| {
        part.iter()
            .take(64)
            .enumerate()
            .fold(0u64, |m, (k, &u)| m | u64::from(u >= vote.threshold) << k)
    };
    let mut mask = u128::from(half(high)) << 64 | u128::from(half(low));
    let count = mask.count_ones() as usize;
    if cap > 0 && count > usize::from(cap) {
        scratch.clear();
        scratch.extend(
            utilities
                .iter()
                .zip(0u32..)
                .filter(|(u, _)| **u >= vote.threshold)
                .map(|(&u, k)| (u, k)),
        );
        approval_cap(cap, scratch);
        mask = scratch.iter().fold(0u128, |m, x| m | 1u128 << x.1);
    }
    mask
}

/// Keeps the `cap` best of the approved `(utility, position)` pairs (ties by ballot order), in
/// ballot order; `cap = 0` keeps all.
fn approval_cap(cap: u8, scratch: &mut Vec<(f64, u32)>) {
    if cap > 0 && scratch.len() > usize::from(cap) {
        crate::sort::by(scratch, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scratch.truncate(usize::from(cap));
        crate::sort::by_key(scratch, |x| x.1);
    }
}

/// The ballot from `(utility, position)` pairs in ballot order; approval ballots keep at most
/// `cap` projects (0 = no limit).
fn ballot_from_scratch(v: &VoteParams, cap: u8, scratch: &mut Vec<(f64, u32)>) -> BallotContent {
    match v.ballot {
        BallotKind::Approval => {
            scratch.retain(|(u, _)| *u >= v.threshold);
            approval_cap(cap, scratch);
            BallotContent::Approval(scratch.iter().map(|x| x.1).collect())
        }
        BallotKind::Cumulative => {
            scratch.retain(|(u, _)| *u > 0.0);
            crate::sort::by(scratch, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            scratch.truncate(3);
            let total: f64 = scratch.iter().map(|x| x.0).sum();
            if total <= 0.0 {
                return BallotContent::Points(Vec::new());
            }
            let points = f64::from(v.points);
            let mut alloc: Vec<(u32, u32, f64)> = scratch
                .iter()
                .map(|&(u, k)| {
                    let exact = points * u / total;
                    (k, exact.floor() as u32, exact - exact.floor())
                })
                .collect();
            let given: u32 = alloc.iter().map(|a| a.1).sum();
            let mut left = u32::from(v.points).saturating_sub(given);
            let mut order: Vec<usize> = (0..alloc.len()).collect();
            crate::sort::by(&mut order, |&a, &b| {
                alloc[b].2.total_cmp(&alloc[a].2).then(a.cmp(&b))
            });
            for &k in order.iter().cycle().take(alloc.len() * 2) {
                if left == 0 {
                    break;
                }
                alloc[k].1 += 1;
                left -= 1;
            }
            let mut out: Vec<(u32, u32)> = alloc
                .into_iter()
                .filter(|a| a.1 > 0)
                .map(|a| (a.0, a.1))
                .collect();
            crate::sort::by_key(&mut out, |a| a.0);
            BallotContent::Points(out)
        }
    }
}

/// A ballot before it becomes a PB profile entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BallotContent {
    /// Approved ballot positions.
    Approval(Vec<u32>),
    /// Ballot positions with points.
    Points(Vec<(u32, u32)>),
}

/// The allocation of the vote's rule on `instance`: from the approval `masks` when
/// `masks_fit` (approval ballots over at most 128 projects) and the rule takes masks, else from
/// the `ballots` as lists (which the caller fills when masks do not fit).
#[must_use]
pub fn allocate(
    v: &VoteParams,
    instance: &Instance,
    (masks_fit, masks): (bool, &[u128]),
    ballots: Vec<BallotContent>,
) -> Allocation {
    match masks_fit
        .then(|| v.rule.run_approval_masks(instance, masks, &v.tie_break))
        .flatten()
    {
        Some(a) => a,
        None => v
            .rule
            .run(instance, &profile(v.ballot, ballots), &v.tie_break),
    }
}

/// Builds a profile from ballots of one kind. The profile carries no per-voter metadata (the
/// rules do not read it, and a million empty voter records cost time); [`crate::simulated_vote`]
/// adds it for export.
#[must_use]
pub fn profile(kind: BallotKind, ballots: Vec<BallotContent>) -> Profile {
    let (vote_kind, ballots): (VoteKind, Vec<Ballot>) = match kind {
        BallotKind::Approval => (
            VoteKind::Approval,
            ballots
                .into_iter()
                .map(|b| match b {
                    BallotContent::Approval(v) => Ballot::Approval(v),
                    BallotContent::Points(v) => {
                        Ballot::Approval(v.into_iter().map(|x| x.0).collect())
                    }
                })
                .collect(),
        ),
        BallotKind::Cumulative => (
            VoteKind::Cumulative,
            ballots
                .into_iter()
                .map(|b| match b {
                    BallotContent::Points(v) => {
                        Ballot::Points(v.into_iter().map(|(p, s)| (p, u64::from(s))).collect())
                    }
                    BallotContent::Approval(v) => {
                        Ballot::Points(v.into_iter().map(|p| (p, 1)).collect())
                    }
                })
                .collect(),
        ),
    };
    Profile {
        kind: vote_kind,
        ballots,
        voters: Vec::new(),
        min_length: None,
        max_length: None,
        max_sum_cost: None,
        max_sum_points: None,
    }
}

/// The log-odds that citizen `i` votes: the probability is `logistic(turnout_score(…))`, drawn by
/// [`below_logistic`].
#[must_use]
pub fn turnout_score(
    pop: &Population,
    i: usize,
    attended: bool,
    intensity: f32,
    stakes: f64,
    scenario: &Scenario,
) -> f64 {
    let v = &scenario.vote;
    let own = crate::need::own_stakes(stakes, pop, i, scenario);
    // The cost of the cheaper channel, softly: −ln(e^−p + e^−o) = min(p, o) − ln(1 + e^−|p − o|),
    // without overflow; attendees vote at the meeting.
    let channel = if attended {
        0.0
    } else {
        match channel_costs(pop, i, scenario) {
            (paper, Some(o)) => paper.min(o) - libm::log1p(libm::exp(-(paper - o).abs())),
            (paper, None) => paper,
        }
    };
    turnout_from(
        turnout_base(pop, i, own, v),
        attended,
        channel,
        intensity,
        v,
    )
}

/// [`turnout_score`] from its parts: `base` ([`turnout_base`]), and for a citizen who did not
/// attend, the cost of voting `channel` (the soft minimum of the channels' costs).
#[allow(
    clippy::inline_always,
    reason = "one call per citizen in the passes over the population"
)]
#[inline(always)]
fn turnout_from(base: f64, attended: bool, channel: f64, intensity: f32, v: &VoteParams) -> f64 {
    let mut z = base;
    if attended {
        z += v.turnout_attendee;
    } else {
        z -= channel;
    }
    // log1p(0) = 0: skip the call for the uninvited (the sum is unchanged).
    if intensity != 0.0 {
        z += v.turnout_invited * libm::log1p(f64::from(intensity));
    }
    z
}

/// The terms of [`turnout_score`] that every citizen has: the intercept, interest, efficacy,
/// trust and own stakes.
#[allow(
    clippy::inline_always,
    reason = "one call per citizen in the passes over the population"
)]
#[inline(always)]
fn turnout_base(pop: &Population, i: usize, own_stakes: f64, v: &VoteParams) -> f64 {
    v.turnout_intercept
        + v.turnout_interest * (f64::from(pop.interest[i]) - 0.5)
        + v.turnout_efficacy * (f64::from(pop.efficacy[i]) - 0.5)
        + v.turnout_trust * (f64::from(pop.trust[i]) - 0.5)
        + v.turnout_stakes * own_stakes
}

/// Citizens per block of [`voters`].
const VOTER_BLOCK: usize = 256;

/// How a ballot was cast.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Channel {
    /// A web form.
    Online = 0,
    /// A paper ballot at a polling place (library, town hall).
    Paper = 1,
    /// At the dialogue meeting, by those who attended.
    Meeting = 2,
}

impl Channel {
    /// Every channel, in report order.
    pub const ALL: [Channel; 3] = [Channel::Online, Channel::Paper, Channel::Meeting];

    /// The report key: `online`, `paper`, `meeting`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Paper => "paper",
            Channel::Meeting => "meeting",
        }
    }
}

/// The costs (logit scale) of a paper ballot and, when voting online is possible, of an online
/// ballot for citizen `i`.
#[inline]
#[must_use]
pub fn channel_costs(pop: &Population, i: usize, scenario: &Scenario) -> (f64, Option<f64>) {
    let v = &scenario.vote;
    let pressure = crate::attendance::time_pressure(pop, i);
    let paper = v.paper_cost + v.paper_time * pressure;
    let online = v
        .online
        .then(|| v.online_time * pressure + v.online_digital * (1.0 - f64::from(pop.digital[i])));
    (paper, online)
}

/// The channel of each voter, in voter order: attendees vote at the meeting; the others online
/// with probability `logistic(paper cost − online cost)` (one draw each from `rng`), else on
/// paper.
#[must_use]
pub fn channels(
    pop: &Population,
    voters: &[u32],
    attended: &[bool],
    scenario: &Scenario,
    rng: &mut StageRng,
) -> Vec<Channel> {
    voters
        .iter()
        .map(|&i| {
            let i = i as usize;
            if attended[i] {
                return Channel::Meeting;
            }
            match channel_costs(pop, i, scenario) {
                (paper, Some(online)) if below_logistic(unit(rng), paper - online) => {
                    Channel::Online
                }
                _ => Channel::Paper,
            }
        })
        .collect()
}

/// Who votes: one draw per citizen, in citizen order. `attended[i]` marks attendees and
/// `intensity[i]` is the invitation intensity.
///
/// The score is estimated with `ln(1 + e^-x)` from [`crate::rng::approx_ln_1p_exp_neg`] (an
/// error of 1.2e-8 at most, which enters the score once), and the estimate settles nearly every
/// draw ([`crate::rng::settle_flags`]); the rest compute the exact score, so every outcome is the
/// exact one. The channel term made most of a year's `libm` calls. The citizens are taken in
/// blocks, pass by pass (the draws; the score's terms and channel costs; the channel's logarithm;
/// the estimate and its settling; who votes), so that each pass is a short chain of arithmetic
/// per citizen that the processor overlaps across citizens: one long chain per citizen (two
/// exponentials, a division and a series) kept it waiting.
#[must_use]
pub fn voters(
    pop: &Population,
    attended: &[bool],
    intensity: &[f32],
    stakes: f64,
    scenario: &Scenario,
    rng: &mut StageRng,
) -> Vec<u32> {
    let own_stakes = crate::need::stakes_table(stakes, scenario);
    let v = &scenario.vote;
    let n = pop.len();
    let mut out = Vec::new();
    let mut draws = [0.0f64; VOTER_BLOCK];
    let mut score = [0.0f64; VOTER_BLOCK];
    let mut low = [0.0f64; VOTER_BLOCK];
    let mut gap = [0.0f64; VOTER_BLOCK];
    let mut settled = [(false, false); VOTER_BLOCK];
    let mut start = 0;
    while start < n {
        let len = VOTER_BLOCK.min(n - start);
        let citizens = start..start + len;
        for u in &mut draws[..len] {
            *u = unit(rng);
        }
        // The terms every citizen has, and the channel's: `min(paper, online)` and
        // `|paper − online|`, or the paper cost and an infinite gap (whose logarithm is 0) when
        // there is no online ballot.
        for ((z, (l, g)), i) in score
            .iter_mut()
            .zip(low.iter_mut().zip(gap.iter_mut()))
            .zip(citizens.clone())
        {
            *z = turnout_base(
                pop,
                i,
                own_stakes[usize::from(crate::need::served_bits(pop, i) & 63)],
                v,
            );
            (*l, *g) = match channel_costs(pop, i, scenario) {
                (paper, Some(o)) => (paper.min(o), (paper - o).abs()),
                (paper, None) => (paper, f64::INFINITY),
            };
        }
        for g in &mut gap[..len] {
            *g = crate::rng::approx_ln_1p_exp_neg(*g);
        }
        for ((((flags, &z), (&l, &ln)), &u), i) in settled
            .iter_mut()
            .zip(&score)
            .zip(low.iter().zip(&gap))
            .zip(&draws)
            .zip(citizens.clone())
        {
            let estimate = turnout_from(z, attended[i], l - ln, intensity[i], v);
            *flags = crate::rng::settle_flags(u, estimate);
        }
        for ((&(is_settled, below), &u), i) in settled.iter().zip(&draws).zip(citizens) {
            let votes = if is_settled {
                below
            } else {
                below_logistic(
                    u,
                    turnout_score(pop, i, attended[i], intensity[i], stakes, scenario),
                )
            };
            if votes {
                out.push(i as u32);
            }
        }
        start += len;
    }
    out
}

/// Funded flags per ballot position from an allocation over [`instance`].
#[must_use]
pub fn funded_flags(allocation: &Allocation, count: usize) -> Vec<bool> {
    let mut flags = vec![false; count];
    for id in &allocation.winners {
        if let Some(k) = id.strip_prefix('p').and_then(|d| d.parse::<usize>().ok())
            && (1..=count).contains(&k)
        {
            flags[k - 1] = true;
        }
    }
    flags
}

/// Preferences of citizen `i` from the population (the *true*, pre-deliberation preferences).
#[inline]
#[must_use]
pub fn true_prefs(pop: &Population, i: usize) -> Prefs {
    std::array::from_fn(|c| pop.prefs[c][i])
}

/// Number of categories (re-exported for callers building preference arrays).
pub const CATEGORIES: usize = CATEGORY_COUNT;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_utility_table_gives_bit_identical_utilities() {
        let params = crate::scenario::PopulationParams {
            size: 600,
            ..Default::default()
        };
        let pop = crate::population::generate(&params, 3);
        let projects: Vec<BallotProject> = (0..23u8)
            .map(|k| BallotProject {
                category: k % 6,
                district: if k % 5 == 0 { CITY_WIDE } else { k % 9 },
                cost: 5_000 + 37_000 * u64::from(k),
            })
            .collect();
        let mut scenario = Scenario::default();
        let zero = Population {
            prefs: std::array::from_fn(|_| vec![0.0]),
            district: vec![0],
            children: vec![0],
            age_band: vec![0],
            marginalised: vec![0],
            occupation: vec![0],
            ..Default::default()
        };
        for (bonus, weight, served) in [(0.3, 0.5, 0.4), (0.0, 0.0, 0.4), (1.4, 0.7, 0.0)] {
            scenario.vote.district_bonus = bonus;
            scenario.need.utility_weight = weight;
            scenario.need.served = served;
            let sizes = crate::need::sizes(&projects, &scenario.need);
            // Fewer rows than districts: the rest take the slow path.
            for rows in [pop.districts, 2] {
                let citizen = UtilityTable::citizen(&projects, &scenario, rows);
                let plain = UtilityTable::plain(&projects, bonus, rows);
                let (mut a, mut b) = (Vec::new(), Vec::new());
                for (pop, i) in (0..pop.len()).map(|i| (&pop, i)).chain([(&zero, 0)]) {
                    let prefs = true_prefs(pop, i);
                    crate::cycle::citizen_utilities(
                        &prefs, pop, i, &projects, &sizes, &scenario, &mut a,
                    );
                    citizen.fill(&prefs, pop, i, &mut b);
                    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(&a), bits(&b), "citizen {i}");
                    // The approvals and favourite from the same utilities, unstored.
                    for threshold in [0.0, 0.3, 0.45] {
                        scenario.vote.threshold = threshold;
                        let mask = approval_mask(&b, &scenario.vote, &mut Vec::new());
                        // The first position whose utility no other exceeds, if positive.
                        let top =
                            (0..b.len()).find(|&k| b[k] > 0.0 && b.iter().all(|&x| x <= b[k]));
                        assert_eq!(
                            citizen.approvals(&prefs, pop, i, threshold),
                            (mask, top.map(|k| k as u16)),
                            "citizen {i}, approvals"
                        );
                    }
                    utilities(&prefs, pop.district[i], &projects, bonus, &mut a);
                    plain.fill(&prefs, pop, i, &mut b);
                    assert_eq!(bits(&a), bits(&b), "citizen {i}, plain");
                    let start: Vec<f64> = (0..projects.len()).map(|k| k as f64 / 7.0).collect();
                    let mut totals = start.clone();
                    citizen.fill_adding_plain(&prefs, pop, i, &mut b, &mut totals);
                    let expect: Vec<f64> = start.iter().zip(&a).map(|(t, x)| t + x).collect();
                    assert_eq!(bits(&totals), bits(&expect), "citizen {i}, totals");
                }
            }
        }
    }

    /// The first highest utility and the approvals of `table` for every citizen of `pop`, as
    /// `fill` and `approval_mask` give them.
    fn approvals_match_the_utilities(table: &UtilityTable, pop: &Population) {
        let (mut u, mut vote) = (Vec::new(), VoteParams::default());
        for i in 0..pop.len() {
            let prefs = true_prefs(pop, i);
            table.fill(&prefs, pop, i, &mut u);
            let top = (0..u.len()).find(|&k| u[k] > 0.0 && u.iter().all(|&x| x <= u[k]));
            for threshold in [-0.1, 0.0, 0.2, 0.45, 0.9] {
                vote.threshold = threshold;
                vote.max_approvals = 0;
                let mask = approval_mask(&u, &vote, &mut Vec::new());
                assert_eq!(
                    table.approvals(&prefs, pop, i, threshold),
                    (mask, top.map(|k| k as u16)),
                    "citizen {i}, threshold {threshold}"
                );
            }
        }
    }

    #[test]
    fn the_favourite_found_slot_by_slot_is_the_first_highest_utility() {
        let params = crate::scenario::PopulationParams {
            size: 400,
            ..Default::default()
        };
        let pop = crate::population::generate(&params, 5);
        // Repeated costs (equal scale factors in one slot, the first of them is the favourite),
        // categories and districts that put several projects in each slot.
        let projects: Vec<BallotProject> = (0..30u8)
            .map(|k| BallotProject {
                category: k % 6,
                district: if k % 4 == 0 { CITY_WIDE } else { k % 3 },
                cost: 20_000 * (1 + u64::from(k % 3)),
            })
            .collect();
        let mut scenario = Scenario::default();
        scenario.need.utility_weight = 0.4;
        let mut table = UtilityTable::citizen(&projects, &scenario, pop.districts);
        assert!(table.leaders.iter().all(Option::is_some));
        approvals_match_the_utilities(&table, &pop);
        // A table without scale factors has no leaders: every citizen takes the pass.
        let plain = UtilityTable::plain(&projects, 0.3, pop.districts);
        assert!(plain.leaders.is_empty());
        approvals_match_the_utilities(&plain, &pop);
        // Nor does a ballot of more than 64 projects.
        let many: Vec<BallotProject> = (0..100u8)
            .map(|k| BallotProject {
                category: k % 6,
                district: if k % 7 == 0 { CITY_WIDE } else { k % 3 },
                cost: 10_000 + 1_000 * u64::from(k % 11),
            })
            .collect();
        approvals_match_the_utilities(
            &UtilityTable::citizen(&many, &scenario, pop.districts),
            &pop,
        );

        // Scale factors too close to tell apart after rounding: no leaders, the pass over the
        // projects instead, with the same result.
        // (Projects 0 and 6 share slot 0 in row 0, and lead it with these factors.)
        let mut sizes = crate::need::sizes(&projects, &scenario.need);
        let largest = sizes.iter().copied().fold(0.0, f64::max);
        sizes[0] = largest;
        sizes[6] = largest * (1.0 - f64::EPSILON);
        table.sizes = Some(sizes.clone());
        table.find_leaders();
        assert!(table.leaders.iter().any(Option::is_none));
        approvals_match_the_utilities(&table, &pop);
        // A negative factor: no leaders either.
        sizes[6] = -0.5;
        table.sizes = Some(sizes);
        table.find_leaders();
        assert!(table.leaders.iter().all(Option::is_none));
        approvals_match_the_utilities(&table, &pop);
    }

    #[test]
    fn leaders_are_the_largest_factor_of_each_slot_and_its_first_position() {
        // Slots 0, 2, 0, 3, 2, 0 with factors 0.5, 0.7, 0.9, 0.2, 0.7, 0.9.
        let slots = [0u8, 2, 0, 3, 2, 0];
        let sizes = [0.5, 0.7, 0.9, 0.2, 0.7, 0.9];
        let l = Leaders::of(&slots, &sizes).expect("factors far apart");
        assert_eq!((l.size[0], l.first[0]), (0.9, 2));
        assert_eq!((l.size[2], l.first[2]), (0.7, 1));
        assert_eq!((l.size[3], l.first[3]), (0.2, 3));
        assert_eq!((l.size[1], l.first[1]), (0.0, u16::MAX));
        let l = Leaders::of(&slots, &[1.0; 6]).expect("equal factors");
        assert_eq!((l.size[0], l.first[0]), (1.0, 0));
        let close = [0.5, 0.7, 0.9, 0.2, 0.7, 0.9 * (1.0 - 1e-16)];
        assert!(Leaders::of(&slots, &close).is_none());
        let apart = [0.5, 0.7, 0.9, 0.2, 0.7, 0.9 * (1.0 - 1e-14)];
        assert!(Leaders::of(&slots, &apart).is_some());
        assert!(Leaders::of(&slots, &[0.5, f64::NAN, 0.9, 0.2, 0.7, 0.9]).is_none());
    }

    fn projects() -> Vec<BallotProject> {
        vec![
            BallotProject {
                category: 0,
                district: 0,
                cost: 10,
            },
            BallotProject {
                category: 1,
                district: 1,
                cost: 10,
            },
            BallotProject {
                category: 2,
                district: 0,
                cost: 10,
            },
        ]
    }

    #[test]
    fn approval_ballots_follow_threshold_and_cap() {
        let mut s = Scenario::default();
        s.vote.threshold = 0.5;
        s.vote.district_bonus = 0.0;
        let prefs: Prefs = [0.9, 0.54, 0.36, 0.0, 0.0, 0.0];
        let mut scratch = Vec::new();
        // Normalised utilities: 1, 0.6, 0.4.
        assert_eq!(
            ballot(&prefs, 0, &projects(), &s, &mut scratch),
            BallotContent::Approval(vec![0, 1])
        );
        s.vote.max_approvals = 1;
        assert_eq!(
            ballot(&prefs, 0, &projects(), &s, &mut scratch),
            BallotContent::Approval(vec![0])
        );
        s.vote.district_bonus = 0.5;
        s.vote.max_approvals = 0;
        // Project 1 is in another district: 0.6 · 0.5 = 0.3 < 0.5.
        assert_eq!(
            ballot(&prefs, 0, &projects(), &s, &mut scratch),
            BallotContent::Approval(vec![0])
        );
    }

    #[test]
    fn cumulative_ballots_spend_exactly_the_points() {
        let mut s = Scenario::default();
        s.vote.ballot = BallotKind::Cumulative;
        s.vote.points = 10;
        s.vote.district_bonus = 0.0;
        let prefs: Prefs = [0.5, 0.3, 0.2, 0.1, 0.0, 0.0];
        let mut scratch = Vec::new();
        let BallotContent::Points(points) = ballot(&prefs, 0, &projects(), &s, &mut scratch) else {
            panic!("points expected")
        };
        assert_eq!(points.iter().map(|p| p.1).sum::<u32>(), 10);
        assert_eq!(points, vec![(0, 5), (1, 3), (2, 2)]);
    }

    #[test]
    fn drawn_lengths_never_leave_the_support() {
        let mut rng = crate::rng::stream(5, crate::rng::Stage::BallotLength);
        assert_eq!(LengthDraw::new(&[]), None);
        assert_eq!(LengthDraw::new(&[0, 0]), None);
        let one = LengthDraw::new(&[0, 0, 9]).unwrap();
        assert!((0..1_000).all(|_| one.draw(&mut rng) == 3));
        let d = LengthDraw::new(&[1, 0, 2, 0]).unwrap();
        let mut seen = [0u32; 5];
        for _ in 0..30_000 {
            seen[usize::from(d.draw(&mut rng))] += 1;
        }
        assert_eq!((seen[0], seen[2], seen[4]), (0, 0, 0), "{seen:?}");
        assert!((9_400..10_600).contains(&seen[1]), "{seen:?}");
    }

    #[test]
    fn a_cap_limits_approvals_to_the_best_and_city_wide_projects_are_local() {
        let mut s = Scenario::default();
        s.vote.threshold = 0.0;
        s.vote.district_bonus = 0.5;
        let prefs: Prefs = [0.9, 0.54, 0.36, 0.0, 0.0, 0.0];
        let mut scratch = Vec::new();
        let mut u = Vec::new();
        // Project 1 is elsewhere (0.6 · 0.5 = 0.3); city-wide it counts as local (0.6).
        utilities(&prefs, 0, &projects(), 0.5, &mut u);
        assert!((u[1] - 0.3).abs() < 1e-6, "{u:?}");
        let mut city = projects();
        city[1].district = CITY_WIDE;
        utilities(&prefs, 0, &city, 0.5, &mut u);
        assert!((u[1] - 0.6).abs() < 1e-6, "{u:?}");
        assert!((utility(&prefs, 3, &city[1], 0.5) - 0.6).abs() < 1e-6);
        assert_eq!(
            ballot_with_cap(&prefs, 0, &city, &s, 2, &mut scratch),
            BallotContent::Approval(vec![0, 1])
        );
        assert_eq!(approval_mask_with_cap(&u, &s.vote, 1, &mut scratch), 0b001);
        assert_eq!(approval_mask_with_cap(&u, &s.vote, 0, &mut scratch), 0b111);
        assert_eq!(instance(&city, 100).projects[1].district, None);
    }

    #[test]
    fn funded_flags_map_ids_back_to_positions() {
        let a = Allocation {
            winners: vec!["p03".into(), "p01".into()],
            total_cost: 20,
        };
        assert_eq!(funded_flags(&a, 3), vec![true, false, true]);
        assert_eq!(project_id(9), "p10");
    }
}
