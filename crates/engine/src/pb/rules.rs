//! The PB rules: greedy variants, Method of Equal Shares (with greedy, Add1 and increment
//! completions) and sequential Phragmén, all on project indices with exact arithmetic.

use core::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::exact::Ratio;
use super::mes_jump::{mes_with_horizon, steps_past};
use super::{Allocation, Ballot, Instance, Profile, TieBreak};

/// Satisfaction function used by the Method of Equal Shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MesUtility {
    /// `u_i(p) = cost(p)` if `i` approves `p` (equalshares.net default).
    Cost,
    /// `u_i(p) = 1` if `i` approves `p`.
    Cardinality,
}

/// One purchase made by the Method of Equal Shares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MesPayment {
    /// Index of the funded project.
    pub project: u32,
    /// Largest payment of one supporter (`ρ · u`): supporters pay `min(budget, price)`.
    pub price: Ratio,
    /// Sum of all supporters' payments; equals the project's cost.
    pub total: Ratio,
}

/// Inspection of one MES run (see [`mes_trace`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MesTrace {
    /// Funded projects in selection order.
    pub winners: Vec<u32>,
    /// Each voter's initial endowment.
    pub endowment: Ratio,
    /// Total paid by each ballot, aligned with `Profile::ballots`.
    pub spent: Vec<Ratio>,
    /// One entry per winner.
    pub payments: Vec<MesPayment>,
}

/// Profile preprocessed for the rules: identical approval projections grouped with a multiplicity.
pub(crate) struct Prepared {
    pub(crate) costs: Vec<u64>,
    /// Number of ballots, empty ones included.
    pub(crate) n_voters: u64,
    /// Distinct non-empty approval sets (sorted, deduplicated project indices).
    pub(crate) group_items: Vec<u32>,
    /// Group `g` is `group_items[group_start[g]..group_start[g + 1]]`.
    pub(crate) group_start: Vec<u32>,
    /// Multiplicity of each group.
    pub(crate) weights: Vec<u64>,
    /// Group of each ballot (`u32::MAX` for an empty ballot).
    pub(crate) ballot_group: Vec<u32>,
    /// Groups approving each project.
    pub(crate) supporters: Vec<Vec<u32>>,
    /// Weighted approval count of each project.
    pub(crate) support: Vec<u64>,
    /// Greedy score of each project (approvals, points, or positional score).
    pub(crate) score: Vec<u128>,
    /// Position of each project in the tie-breaking order (0 wins ties).
    pub(crate) tb_rank: Vec<u32>,
}

fn approval_projection(ballot: &Ballot, m: usize) -> Vec<u32> {
    let mut v: Vec<u32> = ballot
        .projects()
        .into_iter()
        .filter(|&p| (p as usize) < m)
        .collect();
    crate::sort::unstable(&mut v);
    v.dedup();
    v
}

/// Greedy scores of a profile that is not all approval: cumulative/scoring points, ordinal
/// `len − position` within each ballot (first occurrence only), nothing for approval ballots.
fn points_scores(profile: &Profile, m: usize) -> Vec<u128> {
    let mut score = vec![0u128; m];
    for ballot in &profile.ballots {
        match ballot {
            Ballot::Approval(_) => {}
            Ballot::Points(v) => {
                for &(p, s) in v {
                    if (p as usize) < m {
                        score[p as usize] += u128::from(s);
                    }
                }
            }
            Ballot::Ranking(v) => {
                let len = v.len();
                let mut seen: Vec<u32> = Vec::with_capacity(len);
                for (pos, &p) in v.iter().enumerate() {
                    if (p as usize) < m && !seen.contains(&p) {
                        seen.push(p);
                        score[p as usize] += (len - pos) as u128;
                    }
                }
            }
        }
    }
    score
}

/// Open-addressing hash set of approval masks that numbers masks in order of first sight.
/// Only looked up, never iterated in hash order, so results do not depend on the hash.
struct MaskTable {
    /// Distinct masks, by id.
    keys: Vec<u128>,
    /// `id + 1` per slot, 0 = empty; the length is a power of two.
    slots: Vec<u32>,
}

impl MaskTable {
    fn with_capacity(capacity: usize) -> Self {
        MaskTable {
            keys: Vec::new(),
            slots: vec![0; capacity.next_power_of_two().max(16)],
        }
    }

    fn slot(&self, mask: u128) -> usize {
        let folded = (mask as u64) ^ ((mask >> 64) as u64).rotate_left(29);
        let h = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let bits = self.slots.len().trailing_zeros();
        (h >> (64 - bits)) as usize
    }

    /// The id of `mask`, adding it if it is new.
    fn id(&mut self, mask: u128) -> u32 {
        let last = self.slots.len() - 1;
        let mut s = self.slot(mask);
        loop {
            match self.slots[s] {
                0 => break,
                k if self.keys[k as usize - 1] == mask => return k - 1,
                _ => s = (s + 1) & last,
            }
        }
        let id = self.keys.len() as u32;
        self.keys.push(mask);
        self.slots[s] = id + 1;
        if self.keys.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    fn grow(&mut self) {
        self.slots = vec![0; self.slots.len() * 2];
        let last = self.slots.len() - 1;
        for (k, &mask) in self.keys.iter().enumerate() {
            let mut s = self.slot(mask);
            while self.slots[s] != 0 {
                s = (s + 1) & last;
            }
            self.slots[s] = k as u32 + 1;
        }
    }
}

/// Groups of identical non-empty approval sets: items, starts, multiplicities and the group of
/// each ballot (`u32::MAX` for an empty one).
struct Groups {
    items: Vec<u32>,
    start: Vec<u32>,
    weights: Vec<u64>,
    ballot_group: Vec<u32>,
}

/// The approval set of a ballot as a bit mask over the first `m ≤ 128` projects.
fn ballot_mask(ballot: &Ballot, m: usize) -> u128 {
    let mut mask = 0u128;
    let mut add = |p: u32| {
        if (p as usize) < m {
            mask |= 1u128 << p;
        }
    };
    match ballot {
        Ballot::Approval(v) | Ballot::Ranking(v) => v.iter().for_each(|&p| add(p)),
        Ballot::Points(v) => v.iter().for_each(|&(p, _)| add(p)),
    }
    mask
}

/// Groups ballots given as masks. Groups are ordered by mask, so the result does not depend on
/// ballot order. When ballots repeat (simulated votes over a dozen projects), distinct masks are
/// found with a hash table (looked up, never iterated) and only they are sorted; when the first
/// ballots are mostly distinct (real or random profiles over many projects), every ballot is
/// sorted instead. Both give the same groups.
fn group_masks(masks: &[u128]) -> Groups {
    const PROBE: usize = 1_024;
    let mut table = MaskTable::with_capacity(64);
    let probed = masks.len().min(PROBE);
    let mut temp_of: Vec<u32> = Vec::with_capacity(masks.len());
    for &mask in &masks[..probed] {
        temp_of.push(if mask == 0 { u32::MAX } else { table.id(mask) });
    }
    if table.keys.len() * 2 > probed {
        return group_masks_by_sorting(masks);
    }
    for &mask in &masks[probed..] {
        temp_of.push(if mask == 0 { u32::MAX } else { table.id(mask) });
    }
    let mut distinct: Vec<(u128, u32)> = table.keys.iter().copied().zip(0u32..).collect();
    crate::sort::unstable(&mut distinct);
    let mut items = Vec::new();
    let mut start = Vec::with_capacity(distinct.len() + 1);
    start.push(0);
    let mut rank = vec![0u32; distinct.len()];
    for (g, &(mask, t)) in distinct.iter().enumerate() {
        rank[t as usize] = g as u32;
        let mut bits = mask;
        while bits != 0 {
            items.push(bits.trailing_zeros());
            bits &= bits - 1;
        }
        start.push(items.len() as u32);
    }
    let mut weights = vec![0u64; distinct.len()];
    let ballot_group = temp_of
        .iter()
        .map(|&t| {
            if t == u32::MAX {
                u32::MAX
            } else {
                let g = rank[t as usize];
                weights[g as usize] += 1;
                g
            }
        })
        .collect();
    Groups {
        items,
        start,
        weights,
        ballot_group,
    }
}

/// [`group_masks`] by sorting every non-empty `(mask, ballot)` pair and cutting runs of equal
/// masks.
fn group_masks_by_sorting(masks: &[u128]) -> Groups {
    let mut keyed: Vec<(u128, u32)> = masks
        .iter()
        .zip(0u32..)
        .filter(|(m, _)| **m != 0)
        .map(|(&m, i)| (m, i))
        .collect();
    crate::sort::unstable(&mut keyed);
    let mut items = Vec::new();
    let mut start = vec![0u32];
    let mut weights: Vec<u64> = Vec::new();
    let mut ballot_group = vec![u32::MAX; masks.len()];
    let mut last = 0u128;
    for &(mask, i) in &keyed {
        if weights.is_empty() || mask != last {
            let mut bits = mask;
            while bits != 0 {
                items.push(bits.trailing_zeros());
                bits &= bits - 1;
            }
            start.push(items.len() as u32);
            weights.push(0);
            last = mask;
        }
        if let Some(w) = weights.last_mut() {
            *w += 1;
        }
        ballot_group[i as usize] = (weights.len() - 1) as u32;
    }
    Groups {
        items,
        start,
        weights,
        ballot_group,
    }
}

/// Groups ballots over more than 128 projects by their sorted approval sets.
fn group_sets(profile: &Profile, m: usize) -> Groups {
    let n = profile.ballots.len();
    let mut items: Vec<u32> = Vec::new();
    let mut start: Vec<u32> = vec![0];
    let mut weights: Vec<u64> = Vec::new();
    let mut ballot_group = vec![u32::MAX; n];
    let sets: Vec<Vec<u32>> = profile
        .ballots
        .iter()
        .map(|b| approval_projection(b, m))
        .collect();
    let mut order: Vec<u32> = (0..n as u32)
        .filter(|&i| !sets[i as usize].is_empty())
        .collect();
    crate::sort::unstable_by(&mut order, |&a, &b| {
        sets[a as usize].cmp(&sets[b as usize]).then(a.cmp(&b))
    });
    for &i in &order {
        let s = &sets[i as usize];
        let last = weights
            .len()
            .checked_sub(1)
            .map(|g| &items[start[g] as usize..start[g + 1] as usize]);
        if last != Some(s.as_slice()) {
            items.extend_from_slice(s);
            start.push(items.len() as u32);
            weights.push(0);
        }
        if let Some(w) = weights.last_mut() {
            *w += 1;
        }
        ballot_group[i as usize] = (weights.len() - 1) as u32;
    }
    Groups {
        items,
        start,
        weights,
        ballot_group,
    }
}

impl Prepared {
    pub(crate) fn new(instance: &Instance, profile: &Profile, tie_break: TieBreak) -> Self {
        let m = instance.projects.len();
        let groups = if m <= 128 {
            let masks: Vec<u128> = profile.ballots.iter().map(|b| ballot_mask(b, m)).collect();
            group_masks(&masks)
        } else {
            group_sets(profile, m)
        };
        let mut prep = Self::from_groups(instance, groups, tie_break);
        if !profile
            .ballots
            .iter()
            .all(|b| matches!(b, Ballot::Approval(_)))
        {
            prep.score = points_scores(profile, m);
        }
        prep
    }

    /// The preparation of an approval profile given as one mask per ballot (bit `p` = approves
    /// project `p`; an empty mask is an empty ballot, counted in `n_voters`). Equal to
    /// [`Prepared::new`] on the same ballots written as [`Ballot::Approval`]. Needs at most 128
    /// projects; bits beyond the instance's projects are ignored.
    pub(crate) fn from_approval_masks(
        instance: &Instance,
        masks: &[u128],
        tie_break: TieBreak,
    ) -> Self {
        let m = instance.projects.len();
        debug_assert!(m <= 128, "masks hold at most 128 projects");
        let keep = if m >= 128 {
            u128::MAX
        } else {
            (1u128 << m) - 1
        };
        let groups = if masks.iter().all(|&x| x & !keep == 0) {
            group_masks(masks)
        } else {
            let clipped: Vec<u128> = masks.iter().map(|&x| x & keep).collect();
            group_masks(&clipped)
        };
        Self::from_groups(instance, groups, tie_break)
    }

    /// Supports, approval scores and the tie-breaking order from the groups.
    fn from_groups(instance: &Instance, groups: Groups, tie_break: TieBreak) -> Self {
        let m = instance.projects.len();
        let costs: Vec<u64> = instance.projects.iter().map(|p| p.cost).collect();
        let Groups {
            items: group_items,
            start: group_start,
            weights,
            ballot_group,
        } = groups;
        let mut supporters: Vec<Vec<u32>> = vec![Vec::new(); m];
        let mut support = vec![0u64; m];
        for g in 0..weights.len() {
            let set = &group_items[group_start[g] as usize..group_start[g + 1] as usize];
            for &p in set {
                supporters[p as usize].push(g as u32);
                support[p as usize] += weights[g];
            }
        }
        let score: Vec<u128> = support.iter().map(|&a| u128::from(a)).collect();

        let mut idx: Vec<u32> = (0..m as u32).collect();
        let id = |p: u32| instance.projects[p as usize].id.as_str();
        crate::sort::by(&mut idx, |&a, &b| {
            let primary = match tie_break {
                TieBreak::ProjectId => Ordering::Equal,
                TieBreak::MostVotes => support[b as usize].cmp(&support[a as usize]),
                TieBreak::LowestCost => costs[a as usize].cmp(&costs[b as usize]),
                TieBreak::HighestCost => costs[b as usize].cmp(&costs[a as usize]),
            };
            primary.then_with(|| id(a).cmp(id(b))).then(a.cmp(&b))
        });
        let mut tb_rank = vec![0u32; m];
        for (r, &p) in idx.iter().enumerate() {
            tb_rank[p as usize] = r as u32;
        }

        Prepared {
            costs,
            n_voters: ballot_group.len() as u64,
            group_items,
            group_start,
            weights,
            ballot_group,
            supporters,
            support,
            score,
            tb_rank,
        }
    }

    fn group(&self, g: u32) -> &[u32] {
        &self.group_items
            [self.group_start[g as usize] as usize..self.group_start[g as usize + 1] as usize]
    }

    fn total_cost(&self, winners: &[u32]) -> u64 {
        winners
            .iter()
            .map(|&p| self.costs[p as usize])
            .fold(0u64, u64::saturating_add)
    }

    fn allocation(&self, instance: &Instance, winners: &[u32]) -> Allocation {
        Allocation {
            winners: winners
                .iter()
                .map(|&p| instance.projects[p as usize].id.clone())
                .collect(),
            total_cost: self.total_cost(winners),
        }
    }

    /// True when every project with at least one supporter is in `winners`.
    fn covers_supported(&self, winners: &[u32]) -> bool {
        let supported = self.support.iter().filter(|&&s| s > 0).count();
        let covered = winners
            .iter()
            .filter(|&&p| self.support[p as usize] > 0)
            .count();
        covered == supported
    }

    /// True when no unfunded project fits in `budget − cost(winners)`.
    fn is_exhaustive(&self, winners: &[u32], budget: u64) -> bool {
        let left = budget.saturating_sub(self.total_cost(winners));
        (0..self.costs.len() as u32).all(|p| winners.contains(&p) || self.costs[p as usize] > left)
    }

    /// Greedy selection over `order`, starting from `selected` and `budget`.
    fn greedy_fill(&self, order: &[u32], selected: &mut Vec<u32>, budget: u64, skip: bool) {
        let mut used = self.total_cost(selected);
        for &p in order {
            if selected.contains(&p) {
                continue;
            }
            let c = self.costs[p as usize];
            if used.checked_add(c).is_some_and(|t| t <= budget) {
                used += c;
                selected.push(p);
            } else if !skip {
                break;
            }
        }
    }

    fn order_by_score(&self, score: &[u128]) -> Vec<u32> {
        let mut idx: Vec<u32> = (0..self.costs.len() as u32).collect();
        crate::sort::by(&mut idx, |&a, &b| {
            score[b as usize]
                .cmp(&score[a as usize])
                .then(self.tb_rank[a as usize].cmp(&self.tb_rank[b as usize]))
        });
        idx
    }
}

/// Greedy: projects by score (approvals; cumulative/scoring points; ordinal `len − position`
/// within each ballot), highest first, ties by `tie_break`; a project is funded if it still fits,
/// otherwise skipped.
#[must_use]
pub fn greedy(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    greedy_by_score(
        instance,
        &Prepared::new(instance, profile, *tie_break),
        true,
    )
}

/// Greedy without skipping: same order as [`greedy`], stops at the first project that does not fit.
#[must_use]
pub fn greedy_no_skip(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    greedy_by_score(
        instance,
        &Prepared::new(instance, profile, *tie_break),
        false,
    )
}

/// Greedy by score, skipping projects that no longer fit (`skip`) or stopping at the first.
fn greedy_by_score(instance: &Instance, prep: &Prepared, skip: bool) -> Allocation {
    let mut w = Vec::new();
    prep.greedy_fill(
        &prep.order_by_score(&prep.score),
        &mut w,
        instance.budget,
        skip,
    );
    prep.allocation(instance, &w)
}

/// Greedy by score per unit of cost (exact cross-multiplication), skipping. Zero-cost projects
/// come first (by score), then `score/cost` descending; ties by `tie_break`.
#[must_use]
pub fn greedy_per_cost(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    greedy_per_cost_on(instance, &Prepared::new(instance, profile, *tie_break))
}

fn greedy_per_cost_on(instance: &Instance, prep: &Prepared) -> Allocation {
    let mut idx: Vec<u32> = (0..prep.costs.len() as u32).collect();
    let key = |p: u32| (prep.score[p as usize], u128::from(prep.costs[p as usize]));
    crate::sort::by(&mut idx, |&a, &b| {
        let ((sa, ca), (sb, cb)) = (key(a), key(b));
        let by_ratio = match (ca == 0, cb == 0) {
            (true, true) => sb.cmp(&sa),
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            // sa/ca > sb/cb  ⇔  sa·cb > sb·ca  (scores < 2^64·2^32, costs < 2^64: fits u128? use wide)
            (false, false) => Ratio::new(sb, 1)
                .mul_int(ca)
                .cmp(&Ratio::new(sa, 1).mul_int(cb)),
        };
        by_ratio.then(prep.tb_rank[a as usize].cmp(&prep.tb_rank[b as usize]))
    });
    let mut w = Vec::new();
    prep.greedy_fill(&idx, &mut w, instance.budget, true);
    prep.allocation(instance, &w)
}

/// Runs `rule` on an already prepared profile.
pub(crate) fn run_prepared(rule: super::Rule, instance: &Instance, prep: &Prepared) -> Allocation {
    use super::Rule;
    match rule {
        Rule::Greedy => greedy_by_score(instance, prep, true),
        Rule::GreedyNoSkip => greedy_by_score(instance, prep, false),
        Rule::GreedyPerCost => greedy_per_cost_on(instance, prep),
        Rule::Mes => mes_on(instance, prep),
        Rule::MesCardinality => mes_cardinality_on(instance, prep),
        Rule::MesGreedy => mes_greedy_on(instance, prep),
        Rule::MesAdd1 => mes_add1_on(instance, prep),
        Rule::MesAdd1Greedy => mes_add1_greedy_on(instance, prep),
        Rule::MesIncrement => mes_increment_on(instance, prep),
        Rule::Phragmen => phragmen_on(instance, prep),
    }
}

/// Arithmetic used by the MES loop. `compare` returns `None` when it cannot decide for sure; the
/// exact [`Ratio`] always decides, the [`Interval`] filter only when the answer is certain.
trait Money: Clone {
    fn frac(n: u128, d: u128) -> Self;
    fn int(v: u128) -> Self {
        Self::frac(v, 1)
    }
    fn plus(&self, o: &Self) -> Self;
    /// `max(self − o, 0)`.
    fn minus(&self, o: &Self) -> Self;
    fn times(&self, k: u128) -> Self;
    fn over(&self, k: u128) -> Self;
    fn compare(&self, o: &Self) -> Option<Ordering>;
    /// A total order used only to visit candidates in a good order; it must agree with every
    /// decided `compare`.
    fn order(&self, o: &Self) -> Ordering;
}

impl Money for Ratio {
    fn frac(n: u128, d: u128) -> Self {
        Ratio::new(n, d)
    }
    fn plus(&self, o: &Self) -> Self {
        self.add(o)
    }
    fn minus(&self, o: &Self) -> Self {
        self.sub(o)
    }
    fn times(&self, k: u128) -> Self {
        self.mul_int(k)
    }
    fn over(&self, k: u128) -> Self {
        self.div_int(k)
    }
    fn compare(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
    fn order(&self, o: &Self) -> Ordering {
        self.cmp(o)
    }
}

/// A certified enclosure `[lo, hi]` of a non-negative real, with outward rounding (one ulp per
/// operation via `next_down`/`next_up`); `lo == hi` means the value is known exactly. Used as a
/// fast filter: MES runs on intervals and falls back to exact rationals as soon as one decision
/// cannot be certified, so the result is always the exact one.
#[derive(Clone, Copy, Debug)]
struct Interval {
    lo: f64,
    hi: f64,
}

#[allow(clippy::float_cmp)] // `lo == hi` means the value is known exactly
impl Interval {
    fn exact(&self) -> bool {
        self.lo == self.hi
    }
    fn widen(lo: f64, hi: f64) -> Self {
        Interval {
            lo: lo.next_down().max(0.0),
            hi: hi.next_up(),
        }
    }
}

#[allow(clippy::float_cmp)] // equality only between exactly known values
impl Money for Interval {
    fn frac(n: u128, d: u128) -> Self {
        if n < 1 << 53 {
            let a = n as u64 as f64;
            return Interval { lo: a, hi: a }.over(d);
        }
        let a = n as f64;
        let num = if a as u128 == n && a < 9.0e15 {
            Interval { lo: a, hi: a }
        } else {
            Interval::widen(a, a)
        };
        num.over(d)
    }
    fn plus(&self, o: &Self) -> Self {
        if self.exact() && o.exact() {
            let (a, b) = (self.lo, o.lo);
            let s = a + b;
            let bb = s - a;
            if (a - (s - bb)) + (b - bb) == 0.0 {
                return Interval { lo: s, hi: s };
            }
        }
        Interval::widen(self.lo + o.lo, self.hi + o.hi)
    }
    fn minus(&self, o: &Self) -> Self {
        if self.exact() && o.exact() && self.lo >= o.lo {
            let (a, b) = (self.lo, -o.lo);
            let s = a + b;
            let bb = s - a;
            if (a - (s - bb)) + (b - bb) == 0.0 {
                return Interval { lo: s, hi: s };
            }
        }
        let w = Interval::widen(self.lo - o.hi, self.hi - o.lo);
        Interval {
            lo: w.lo.max(0.0),
            hi: w.hi.max(0.0),
        }
    }
    fn times(&self, k: u128) -> Self {
        if k < 1 << 53 {
            let kf = k as u64 as f64;
            if self.exact() {
                let p = self.lo * kf;
                if libm::fma(self.lo, kf, -p) == 0.0 {
                    return Interval { lo: p, hi: p };
                }
            }
            return Interval::widen(self.lo * kf, self.hi * kf);
        }
        let kf = k as f64;
        if kf as u128 != k || kf >= 9.0e15 {
            return Interval::widen(self.lo * kf, self.hi * kf).widen_again();
        }
        if self.exact() {
            let p = self.lo * kf;
            if libm::fma(self.lo, kf, -p) == 0.0 {
                return Interval { lo: p, hi: p };
            }
        }
        Interval::widen(self.lo * kf, self.hi * kf)
    }
    fn over(&self, k: u128) -> Self {
        if k < 1 << 53 {
            let kf = k.max(1) as u64 as f64;
            if self.exact() {
                let q = self.lo / kf;
                if libm::fma(q, kf, -self.lo) == 0.0 {
                    return Interval { lo: q, hi: q };
                }
            }
            return Interval::widen(self.lo / kf, self.hi / kf);
        }
        let kf = k.max(1) as f64;
        if kf as u128 != k.max(1) || kf >= 9.0e15 {
            return Interval::widen(self.lo / kf, self.hi / kf).widen_again();
        }
        if self.exact() {
            let q = self.lo / kf;
            if libm::fma(q, kf, -self.lo) == 0.0 {
                return Interval { lo: q, hi: q };
            }
        }
        Interval::widen(self.lo / kf, self.hi / kf)
    }
    fn compare(&self, o: &Self) -> Option<Ordering> {
        if self.hi < o.lo {
            Some(Ordering::Less)
        } else if self.lo > o.hi {
            Some(Ordering::Greater)
        } else if self.exact() && o.exact() && self.lo == o.lo {
            Some(Ordering::Equal)
        } else {
            None
        }
    }
    fn order(&self, o: &Self) -> Ordering {
        self.lo.total_cmp(&o.lo)
    }
}

impl Interval {
    /// Extra ulps when the integer factor itself was rounded to `f64`.
    fn widen_again(self) -> Self {
        Interval::widen(self.lo.next_down(), self.hi.next_up())
    }
}

/// A decision the interval filter could not certify.
struct Undecided;

/// Voter budgets stored by value class: voters with identical budgets share one value, so the
/// arithmetic is done once per class rather than once per voter.
struct Budgets<M> {
    /// Distinct budget values; class 0 is zero.
    value: Vec<M>,
    /// Class of each ballot group.
    class: Vec<u32>,
    /// Scratch: weight per class during an evaluation.
    acc: Vec<u64>,
    /// Scratch: class remapping during a payment.
    map: Vec<u32>,
    touched: Vec<u32>,
}

impl<M: Money> Budgets<M> {
    fn new(endowment: &M, groups: usize) -> Self {
        Budgets {
            value: vec![M::int(0), endowment.clone()],
            class: vec![1; groups],
            acc: vec![0; 2],
            map: vec![u32::MAX; 2],
            touched: Vec::new(),
        }
    }

    /// Aggregates the weights of `groups` per class.
    fn classes_of(&mut self, groups: &[u32], weights: &[u64]) -> Vec<(u32, u64)> {
        for &g in groups {
            let c = self.class[g as usize] as usize;
            if self.acc[c] == 0 {
                self.touched.push(c as u32);
            }
            self.acc[c] += weights[g as usize];
        }
        // Order of first appearance among the supporters (deterministic); it only changes how
        // interval sums round, never a certified result.
        self.touched
            .drain(..)
            .map(|c| (c, core::mem::take(&mut self.acc[c as usize])))
            .collect()
    }

    /// The smallest `price` with `Σ min(b_i, price) = cost` over the supporters (`Ok(None)` when
    /// they cannot afford `cost`), by fixed-point iteration on the set of capped classes.
    fn price(
        &mut self,
        cost: u64,
        groups: &[u32],
        weights: &[u64],
        total_w: u64,
    ) -> Result<Option<M>, Undecided> {
        let classes = self.classes_of(groups, weights);
        let cost_m = M::int(u128::from(cost));
        let mut price = M::frac(u128::from(cost), u128::from(total_w));
        let mut prev_capped_w = 0u64;
        loop {
            let mut capped_sum = M::int(0);
            let mut capped_w = 0u64;
            for &(c, w) in &classes {
                let b = &self.value[c as usize];
                match b.compare(&price) {
                    Some(Ordering::Less) => {
                        capped_sum = capped_sum.plus(&b.times(u128::from(w)));
                        capped_w += w;
                    }
                    Some(_) => {}
                    None => return Err(Undecided),
                }
            }
            // Capped sets only grow, so an equal weight means the same set: a fixed point.
            if capped_w == prev_capped_w {
                return Ok(Some(price));
            }
            if capped_w == total_w {
                return Ok(None);
            }
            price = cost_m
                .minus(&capped_sum)
                .over(u128::from(total_w - capped_w));
            prev_capped_w = capped_w;
        }
    }

    /// Every supporter pays `min(budget, price)`; returns the total paid.
    fn pay(&mut self, groups: &[u32], weights: &[u64], price: &M) -> Result<M, Undecided> {
        let mut total = M::int(0);
        for &g in groups {
            let c = self.class[g as usize] as usize;
            let capped = match self.value[c].compare(price) {
                Some(o) => o != Ordering::Greater,
                None => return Err(Undecided),
            };
            if self.map[c] == u32::MAX {
                self.touched.push(c as u32);
                self.map[c] = if capped {
                    0
                } else {
                    let v = self.value[c].minus(price);
                    self.value.push(v);
                    self.acc.push(0);
                    self.map.push(u32::MAX);
                    (self.value.len() - 1) as u32
                };
            }
            let paid = if capped { &self.value[c] } else { price };
            total = total.plus(&paid.times(u128::from(weights[g as usize])));
            self.class[g as usize] = self.map[c];
        }
        for c in self.touched.drain(..) {
            self.map[c as usize] = u32::MAX;
        }
        Ok(total)
    }
}

/// Result of evaluating one candidate project in an MES round.
struct Offer<M> {
    /// Comparison key (ρ): `price / cost` for cost utilities, `price` for cardinality.
    key: M,
    /// Largest individual payment.
    price: M,
}

/// Winners, final budget of each group, and `(project, price, total paid)` per winner.
type MesRun<M> = (Vec<u32>, Vec<M>, Vec<(u32, M, M)>);

/// The MES loop with the endowment `num / den` per voter.
fn mes_generic<M: Money>(
    prep: &Prepared,
    utility: MesUtility,
    endowment: (u128, u128),
) -> Result<MesRun<M>, Undecided> {
    let mut budgets = Budgets::new(&M::frac(endowment.0, endowment.1), prep.weights.len());
    let mut payments = Vec::new();
    let m = prep.costs.len();
    // Lower bounds on each project's key: keys only grow as budgets shrink.
    let mut lower: Vec<M> = vec![M::int(0); m];
    let mut cands: Vec<u32> = (0..m as u32)
        .filter(|&p| prep.support[p as usize] > 0)
        .collect();
    let mut winners = Vec::new();
    let tb = &prep.tb_rank;

    loop {
        crate::sort::by(&mut cands, |&a, &b| {
            lower[a as usize]
                .order(&lower[b as usize])
                .then(tb[a as usize].cmp(&tb[b as usize]))
        });
        let mut best: Option<(u32, Offer<M>)> = None;
        let mut unaffordable: Vec<u32> = Vec::new();
        for &p in &cands {
            if let Some((bp, offer)) = &best {
                // Every later candidate's key is at least lower[p] (in visiting order).
                let stop = match offer.key.compare(&lower[p as usize]) {
                    Some(Ordering::Less) => true,
                    Some(Ordering::Equal) => tb[*bp as usize] < tb[p as usize],
                    _ => false,
                };
                if stop {
                    break;
                }
            }
            let cost = prep.costs[p as usize];
            let Some(price) = budgets.price(
                cost,
                &prep.supporters[p as usize],
                &prep.weights,
                prep.support[p as usize],
            )?
            else {
                unaffordable.push(p);
                continue;
            };
            let key = match utility {
                MesUtility::Cost if cost > 0 => price.over(u128::from(cost)),
                MesUtility::Cost => M::int(0),
                MesUtility::Cardinality => price.clone(),
            };
            lower[p as usize] = key.clone();
            let better = match &best {
                None => true,
                Some((bp, b)) => match key.compare(&b.key) {
                    Some(Ordering::Less) => true,
                    Some(Ordering::Equal) => tb[p as usize] < tb[*bp as usize],
                    Some(Ordering::Greater) => false,
                    None => return Err(Undecided),
                },
            };
            if better {
                best = Some((p, Offer { key, price }));
            }
        }
        // Budgets only shrink, so an unaffordable project stays unaffordable.
        cands.retain(|p| !unaffordable.contains(p));
        let Some((p, offer)) = best else { break };
        let total = budgets.pay(&prep.supporters[p as usize], &prep.weights, &offer.price)?;
        payments.push((p, offer.price, total));
        winners.push(p);
        cands.retain(|&c| c != p);
    }
    let finals = budgets
        .class
        .iter()
        .map(|&c| budgets.value[c as usize].clone())
        .collect();
    Ok((winners, finals, payments))
}

/// MES winners with the endowment `num / den`: certified intervals first, exact rationals when
/// the intervals cannot decide.
fn mes_winners(prep: &Prepared, utility: MesUtility, endowment: (u128, u128)) -> Vec<u32> {
    match mes_generic::<Interval>(prep, utility, endowment) {
        Ok(run) => run.0,
        Err(Undecided) => mes_exact(prep, utility, endowment).0,
    }
}

fn mes_exact(prep: &Prepared, utility: MesUtility, endowment: (u128, u128)) -> MesRun<Ratio> {
    // `Ratio::compare` always decides, so this is never `Err`.
    mes_generic::<Ratio>(prep, utility, endowment)
        .unwrap_or_else(|Undecided| (Vec::new(), Vec::new(), Vec::new()))
}

fn endowment_of(instance: &Instance, prep: &Prepared) -> (u128, u128) {
    (
        u128::from(instance.budget),
        u128::from(prep.n_voters.max(1)),
    )
}

/// Runs MES with the endowment `budget / n` in exact arithmetic and returns the winners and every
/// payment, for inspection and tests.
#[must_use]
pub fn mes_trace(
    instance: &Instance,
    profile: &Profile,
    tie_break: &TieBreak,
    utility: MesUtility,
) -> MesTrace {
    let prep = Prepared::new(instance, profile, *tie_break);
    let (num, den) = endowment_of(instance, &prep);
    let endowment = Ratio::new(num, den);
    let (winners, finals, payments) = mes_exact(&prep, utility, (num, den));
    let spent = prep
        .ballot_group
        .iter()
        .map(|&g| {
            if g == u32::MAX {
                Ratio::zero()
            } else {
                endowment.sub(&finals[g as usize])
            }
        })
        .collect();
    MesTrace {
        winners,
        endowment,
        spent,
        payments: payments
            .into_iter()
            .map(|(project, price, total)| MesPayment {
                project,
                price,
                total,
            })
            .collect(),
    }
}

fn mes_plain(prep: &Prepared, instance: &Instance, utility: MesUtility) -> Vec<u32> {
    if prep.n_voters == 0 {
        return Vec::new();
    }
    mes_winners(prep, utility, endowment_of(instance, prep))
}

/// Method of Equal Shares with cost utilities, endowment `budget / n` (n = all ballots), no
/// completion.
#[must_use]
pub fn mes(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_on(instance, &Prepared::new(instance, profile, *tie_break))
}

fn mes_on(instance: &Instance, prep: &Prepared) -> Allocation {
    prep.allocation(instance, &mes_plain(prep, instance, MesUtility::Cost))
}

/// Method of Equal Shares with cardinality utilities, no completion.
#[must_use]
pub fn mes_cardinality(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_cardinality_on(instance, &Prepared::new(instance, profile, *tie_break))
}

fn mes_cardinality_on(instance: &Instance, prep: &Prepared) -> Allocation {
    prep.allocation(
        instance,
        &mes_plain(prep, instance, MesUtility::Cardinality),
    )
}

fn complete_by_approvals(prep: &Prepared, winners: &mut Vec<u32>, budget: u64) {
    let approvals: Vec<u128> = prep.support.iter().map(|&s| u128::from(s)).collect();
    prep.greedy_fill(&prep.order_by_score(&approvals), winners, budget, true);
}

/// MES (cost utilities), then utilitarian greedy by approval count over the leftover budget.
#[must_use]
pub fn mes_greedy(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_greedy_on(instance, &Prepared::new(instance, profile, *tie_break))
}

fn mes_greedy_on(instance: &Instance, prep: &Prepared) -> Allocation {
    let mut w = mes_plain(prep, instance, MesUtility::Cost);
    complete_by_approvals(prep, &mut w, instance.budget);
    prep.allocation(instance, &w)
}

/// The cost of every project with at least one supporter (saturating): at an endowment this
/// large every supporter alone can pay every project, so the MES outcome no longer changes.
fn supported_cost(prep: &Prepared) -> u64 {
    (0..prep.costs.len())
        .filter(|&p| prep.support[p] > 0)
        .map(|p| prep.costs[p])
        .fold(0u64, u64::saturating_add)
}

/// Walks the endowment steps `(num + k·unit·den) / den`, k = 0, 1, … for the Add1 and increment
/// completions. Most steps run the ordinary MES; now and then a step runs MES with a horizon
/// (`mes_jump`), which is slower but says how many following steps must give the same winners, so
/// they are skipped. The attempts back off while they skip little (real files, where the outcome
/// changes every few steps) and come back when they pay (huge costs: 10^15 steps become a few).
struct Steps<'a> {
    prep: &'a Prepared,
    unit: u128,
    num: u128,
    den: u128,
    /// Ordinary steps to take before the next attempt at skipping, and its least value.
    gap: u128,
    min_gap: u128,
    since: u128,
}

impl<'a> Steps<'a> {
    /// The least gap between attempts (0 in tests: an attempt at every step).
    const MIN_GAP: u128 = 4;

    fn new(prep: &'a Prepared, unit: u64, num: u128, den: u128, min_gap: u128) -> Self {
        Steps {
            prep,
            unit: u128::from(unit.max(1)),
            num,
            den,
            gap: min_gap,
            min_gap,
            since: 0,
        }
    }

    fn endowment(&self, k: u128) -> (u128, u128) {
        let e = self
            .num
            .saturating_add(k.saturating_mul(self.unit).saturating_mul(self.den));
        (e, self.den)
    }

    /// The number of steps from `k` to the first with an endowment of at least `target / den`.
    fn steps_to(&self, k: u128, target: u128) -> u128 {
        let e = self.endowment(k).0;
        target
            .saturating_sub(e)
            .div_ceil(self.unit.saturating_mul(self.den).max(1))
    }

    /// The winners at step `k`, and the next step that can give other winners.
    fn at(&mut self, k: u128) -> (Vec<u32>, u128) {
        let e = self.endowment(k);
        if self.since < self.gap {
            self.since += 1;
            return (
                mes_winners(self.prep, MesUtility::Cost, e),
                k.saturating_add(1),
            );
        }
        self.since = 0;
        let Ok((winners, horizon)) = mes_with_horizon(self.prep, MesUtility::Cost, e) else {
            // The exact analysis outgrew 128 bits: an ordinary step, and try again later.
            self.gap = self.gap.saturating_mul(2).max(1);
            return (
                mes_winners(self.prep, MesUtility::Cost, e),
                k.saturating_add(1),
            );
        };
        let skip = horizon.map_or(u128::MAX, |d| steps_past(&d, self.unit));
        self.gap = if skip > self.gap {
            (self.gap / 2).max(self.min_gap)
        } else {
            self.gap.saturating_mul(2)
        };
        (winners, k.saturating_add(skip))
    }
}

/// The Add1 completion: endowment `⌊B/n⌋` (whole units), then one unit more per step; the result
/// is the last outcome within the budget before the first that overspends. Steps that cannot
/// change the outcome are skipped ([`Steps`]): the same winners as taking every step.
fn add1_winners(prep: &Prepared, instance: &Instance) -> Vec<u32> {
    add1_winners_with(prep, instance, Steps::MIN_GAP)
}

fn add1_winners_with(prep: &Prepared, instance: &Instance, min_gap: u128) -> Vec<u32> {
    let n = prep.n_voters;
    if n == 0 {
        return Vec::new();
    }
    let unit = instance.scale.max(1);
    let budget = instance.budget;
    let start = budget / n / unit * unit;
    let mut steps = Steps::new(prep, unit, u128::from(start), 1, min_gap);
    // Beyond this endowment every supporter alone can pay every project: the outcome is constant.
    // `last` is the first step at or past it, where stepping ends.
    let last = steps.steps_to(0, u128::from(supported_cost(prep)));
    let mut k = 0u128;
    let (mut best, mut next_k) = steps.at(0);
    loop {
        if k >= last {
            return best;
        }
        if prep.covers_supported(&best) {
            // Every later outcome is a subset of the supported projects, which fit: no later step
            // can overspend, so stepping would end at `last`. Jump there.
            return mes_winners(prep, MesUtility::Cost, steps.endowment(last));
        }
        if next_k > last {
            // `last` is among the skipped steps, whose winners are `best`.
            return best;
        }
        k = next_k;
        let (next, after) = steps.at(k);
        if prep.total_cost(&next) > budget {
            return best;
        }
        (best, next_k) = (next, after);
    }
}

/// [`add1_winners`] taking every step, for the tests that check the skipping.
#[cfg(test)]
fn add1_winners_stepwise(prep: &Prepared, instance: &Instance) -> Vec<u32> {
    let n = prep.n_voters;
    if n == 0 {
        return Vec::new();
    }
    let unit = instance.scale.max(1);
    let budget = instance.budget;
    let start = budget / n / unit * unit;
    let run = |e: u64| mes_winners(prep, MesUtility::Cost, (u128::from(e), 1));
    let ceiling = supported_cost(prep);
    let mut e = start;
    let mut best = run(e);
    loop {
        if e >= ceiling {
            return best;
        }
        let next_e = e.saturating_add(unit);
        let next = run(next_e);
        if prep.total_cost(&next) > budget {
            return best;
        }
        best = next;
        e = next_e;
    }
}

/// MES with the equalshares.net "Add1" completion: endowments `⌊B/n⌋, ⌊B/n⌋+1, ...` (whole
/// currency units, i.e. steps of `scale`); the result is the last outcome within the budget before
/// the first one that overspends (not the first exhaustive one).
#[must_use]
pub fn mes_add1(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_add1_on(instance, &Prepared::new(instance, profile, *tie_break))
}

fn mes_add1_on(instance: &Instance, prep: &Prepared) -> Allocation {
    prep.allocation(instance, &add1_winners(prep, instance))
}

/// [`mes_add1`] followed by greedy completion by approval count.
#[must_use]
pub fn mes_add1_greedy(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_add1_greedy_on(instance, &Prepared::new(instance, profile, *tie_break))
}

fn mes_add1_greedy_on(instance: &Instance, prep: &Prepared) -> Allocation {
    let mut w = add1_winners(prep, instance);
    complete_by_approvals(prep, &mut w, instance.budget);
    prep.allocation(instance, &w)
}

/// MES with pabutools' budget-increment completion: endowment `B/n`, then `B/n + 1`, `B/n + 2`,
/// ... (currency units); returns the first exhaustive outcome (or one that funds every supported
/// project), or the previous outcome once one overspends.
#[must_use]
pub fn mes_increment(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    mes_increment_on(instance, &Prepared::new(instance, profile, *tie_break))
}

fn mes_increment_on(instance: &Instance, prep: &Prepared) -> Allocation {
    prep.allocation(instance, &increment_winners(prep, instance))
}

/// The increment completion: endowment `B/n`, then one unit more per step; the first exhaustive
/// outcome (or one funding every supported project), or the previous one once an outcome
/// overspends. Steps that cannot change the outcome are skipped ([`Steps`]).
fn increment_winners(prep: &Prepared, instance: &Instance) -> Vec<u32> {
    increment_winners_with(prep, instance, Steps::MIN_GAP)
}

fn increment_winners_with(prep: &Prepared, instance: &Instance, min_gap: u128) -> Vec<u32> {
    if prep.n_voters == 0 {
        return Vec::new();
    }
    let (num, den) = endowment_of(instance, prep);
    let mut steps = Steps::new(prep, instance.scale, num, den, min_gap);
    // From this step on every supported project is bought, which ends the walk.
    let last = steps.steps_to(0, u128::from(supported_cost(prep)).saturating_mul(den));
    let mut previous: Vec<u32> = Vec::new();
    let mut k = 0u128;
    loop {
        let (w, next_k) = steps.at(k);
        if prep.total_cost(&w) > instance.budget {
            break;
        }
        let done = prep.is_exhaustive(&w, instance.budget) || prep.covers_supported(&w);
        previous = w;
        if done || k >= last {
            break;
        }
        k = next_k.min(last);
    }
    previous
}

/// [`increment_winners`] taking every step, for the tests that check the skipping.
#[cfg(test)]
fn increment_winners_stepwise(prep: &Prepared, instance: &Instance) -> Vec<u32> {
    if prep.n_voters == 0 {
        return Vec::new();
    }
    let unit = u128::from(instance.scale.max(1));
    let (num, den) = endowment_of(instance, prep);
    let mut previous: Vec<u32> = Vec::new();
    for k in 0u128.. {
        let e = (
            num.saturating_add(k.saturating_mul(unit).saturating_mul(den)),
            den,
        );
        let w = mes_winners(prep, MesUtility::Cost, e);
        if prep.total_cost(&w) > instance.budget {
            break;
        }
        if prep.is_exhaustive(&w, instance.budget) || prep.covers_supported(&w) {
            previous = w;
            break;
        }
        previous = w;
    }
    previous
}

/// Sequential Phragmén for PB: every round, each project's new maximal load is
/// `(cost + Σ loads of its supporters) / #supporters`; the smallest is selected (ties by
/// `tie_break`) and its supporters' loads set to it. Stops at the first selected project that
/// would exceed the budget. Non-approval ballots are projected to approval.
#[must_use]
pub fn phragmen(instance: &Instance, profile: &Profile, tie_break: &TieBreak) -> Allocation {
    phragmen_on(instance, &Prepared::new(instance, profile, *tie_break))
}

fn phragmen_on(instance: &Instance, prep: &Prepared) -> Allocation {
    let winners = match phragmen_generic::<Interval>(prep, instance.budget) {
        Ok(w) => w,
        // `Ratio` always decides.
        Err(Undecided) => phragmen_generic::<Ratio>(prep, instance.budget).unwrap_or_default(),
    };
    prep.allocation(instance, &winners)
}

fn phragmen_generic<M: Money>(prep: &Prepared, budget: u64) -> Result<Vec<u32>, Undecided> {
    let m = prep.costs.len();
    let tb = &prep.tb_rank;
    // Loads take few distinct values (0 and one per round): store them by class, and for each
    // project the supporters' weight in each class.
    let mut load: Vec<M> = vec![M::int(0)];
    let mut class: Vec<u32> = vec![0; prep.weights.len()];
    let mut class_weight: Vec<Vec<u64>> = prep.support.iter().map(|&w| vec![w]).collect();
    // As pabutools: projects costing more than the whole budget are never candidates.
    let mut cands: Vec<u32> = (0..m as u32)
        .filter(|&p| prep.costs[p as usize] <= budget)
        .collect();
    let mut winners = Vec::new();
    let mut used = 0u64;
    while !cands.is_empty() {
        // Projects tied for the smallest new maximal load (unsupported projects have an
        // infinite load and only tie with each other once no supported project is left).
        let mut best: Option<M> = None;
        let mut tied: Vec<u32> = Vec::new();
        for &p in &cands {
            if prep.support[p as usize] == 0 {
                continue;
            }
            let mut sum = M::int(u128::from(prep.costs[p as usize]));
            for (c, &w) in class_weight[p as usize].iter().enumerate().skip(1) {
                if w > 0 {
                    sum = sum.plus(&load[c].times(u128::from(w)));
                }
            }
            let t = sum.over(u128::from(prep.support[p as usize]));
            let ord = match &best {
                None => Ordering::Less,
                Some(bt) => t.compare(bt).ok_or(Undecided)?,
            };
            match ord {
                Ordering::Less => {
                    best = Some(t);
                    tied = vec![p];
                }
                Ordering::Equal => tied.push(p),
                Ordering::Greater => {}
            }
        }
        if best.is_none() {
            tied.clone_from(&cands);
        }
        // Stop as soon as one of the tied projects would exceed the budget.
        if tied.iter().any(|&p| {
            used.checked_add(prep.costs[p as usize])
                .is_none_or(|c| c > budget)
        }) {
            break;
        }
        let Some(&p) = tied.iter().min_by_key(|&&p| tb[p as usize]) else {
            break;
        };
        used += prep.costs[p as usize];
        let Some(t) = best else {
            winners.push(p);
            cands.retain(|&c| c != p);
            continue;
        };
        let new_class = load.len();
        load.push(t);
        for &g in &prep.supporters[p as usize] {
            let w = prep.weights[g as usize];
            let old = class[g as usize] as usize;
            for &q in prep.group(g) {
                let cw = &mut class_weight[q as usize];
                cw[old] -= w;
                if cw.len() <= new_class {
                    cw.resize(new_class + 1, 0);
                }
                cw[new_class] += w;
            }
            class[g as usize] = new_class as u32;
        }
        winners.push(p);
        cands.retain(|&c| c != p);
    }
    Ok(winners)
}

#[cfg(test)]
mod tests {
    use super::super::{Project, Rule};
    use super::*;

    mod skipping {
        use super::super::super::{Project, TieBreak};
        use super::super::*;
        use proptest::prelude::*;

        fn case() -> impl Strategy<Value = (Instance, Profile, TieBreak)> {
            (1u32..7, 1u64..400, 1u64..4).prop_flat_map(|(m, budget, scale)| {
                let costs = proptest::collection::vec(0u64..160, m as usize);
                let ballots = proptest::collection::vec(
                    proptest::collection::btree_set(0..m, 0..=m as usize),
                    1..12,
                );
                let tb = proptest::sample::select(TieBreak::ALL.to_vec());
                (costs, ballots, tb).prop_map(move |(costs, ballots, tb)| {
                    let projects = costs
                        .iter()
                        .enumerate()
                        .map(|(i, &c)| Project::new(format!("p{i}"), c * scale))
                        .collect();
                    let mut inst = Instance::new(projects, budget * scale);
                    inst.scale = scale;
                    let ballots = ballots
                        .into_iter()
                        .map(|b| b.into_iter().collect())
                        .collect();
                    (inst, Profile::approval(ballots), tb)
                })
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]

            /// The run with a horizon picks the ordinary run's winners, and every endowment short
            /// of the horizon gives them again.
            #[test]
            fn the_horizon_is_safe((inst, profile, tb) in case(), e in 0u64..200, den in 1u128..5) {
                let prep = Prepared::new(&inst, &profile, tb);
                for utility in [MesUtility::Cost, MesUtility::Cardinality] {
                    let e0 = (u128::from(e), den);
                    let (winners, horizon) =
                        mes_with_horizon(&prep, utility, e0).expect("small numbers");
                    prop_assert_eq!(&winners, &mes_winners(&prep, utility, e0));
                    // Probe endowments e0 + j/4 up to the horizon (or 300 when there is none).
                    let limit = horizon.clone().unwrap_or(Ratio::from_int(300));
                    for j in 1u128..1200 {
                        let d = Ratio::new(j, 4);
                        if d >= limit {
                            break;
                        }
                        let probe = Ratio::new(e0.0, e0.1).add(&d);
                        let (n, q) = probe.as_small().expect("small");
                        prop_assert_eq!(&mes_winners(&prep, utility, (n, q)), &winners, "d = {}/4", j);
                    }
                }
            }

            /// Skipping steps gives the same winners as taking every step.
            #[test]
            fn completions_match_taking_every_step((inst, profile, tb) in case()) {
                let prep = Prepared::new(&inst, &profile, tb);
                let add1 = add1_winners_stepwise(&prep, &inst);
                let increment = increment_winners_stepwise(&prep, &inst);
                // An attempt at skipping at every step, and the backing-off default.
                for min_gap in [0, Steps::MIN_GAP] {
                    prop_assert_eq!(&add1_winners_with(&prep, &inst, min_gap), &add1);
                    prop_assert_eq!(&increment_winners_with(&prep, &inst, min_gap), &increment);
                }
            }
        }

        #[test]
        fn steps_past_rounds_up_to_whole_steps() {
            assert_eq!(steps_past(&Ratio::zero(), 10), 1);
            assert_eq!(steps_past(&Ratio::from_int(10), 10), 1);
            assert_eq!(steps_past(&Ratio::from_int(11), 10), 2);
            assert_eq!(steps_past(&Ratio::new(201, 10), 1), 21);
            assert_eq!(
                steps_past(&Ratio::from_int(1_000_000_000_000_000), 1),
                1_000_000_000_000_000
            );
        }

        /// A project of 10^15 on a budget of 1: stepping would take 10^15 runs; skipping ends.
        /// `b` (cost 1) is bought at an endowment of 1; `a` only where it overspends.
        #[test]
        fn huge_costs_end() {
            let projects = vec![
                Project::new("a", 1_000_000_000_000_000),
                Project::new("b", 1),
            ];
            let inst = Instance::new(projects, 1);
            let profile = Profile::approval(vec![vec![0], vec![0, 1], vec![0]]);
            let prep = Prepared::new(&inst, &profile, TieBreak::default());
            assert_eq!(add1_winners(&prep, &inst), vec![1]);
            assert_eq!(increment_winners(&prep, &inst), vec![1]);
            // With a budget that fits both: `a` (key ≈ 1/3) before `b` (key 1) once `a` is
            // affordable, one unit above ⌊B/n⌋.
            let inst = Instance::new(inst.projects.clone(), 1_000_000_000_000_001);
            let prep = Prepared::new(&inst, &profile, TieBreak::default());
            assert_eq!(add1_winners(&prep, &inst), vec![0, 1]);
        }
    }

    fn ids(a: &Allocation) -> Vec<&str> {
        a.winners.iter().map(String::as_str).collect()
    }

    /// equalshares.net "Explanation" page, example 1 (docs/explanation.mdx in
    /// github.com/equalshares/equalshares.net): budget 1100, 11 voters; columns of the vote table
    /// give each voter's approvals.
    fn example(second: bool) -> (Instance, Profile) {
        let projects = vec![
            Project::new("bike path", 700),
            Project::new("outdoor gym", 400),
            Project::new("new park", 250),
            Project::new("new playground", 200),
            Project::new("library for kids", 100),
        ];
        let (bike, gym, park, play, lib) = (0, 1, 2, 3, 4);
        let mut ballots = vec![
            vec![bike, gym],
            vec![bike, gym, park],
            vec![bike, gym],
            vec![bike, gym, park],
            vec![bike, gym, park],
            vec![bike, gym],
            vec![park, play, lib],
            vec![play],
            vec![play, lib],
            vec![park, play, lib],
            vec![bike],
        ];
        if second {
            // Example 2: the right-most voter votes for the gym instead of the bike path.
            ballots[10] = vec![gym];
        }
        (Instance::new(projects, 1100), Profile::approval(ballots))
    }

    #[test]
    fn equalshares_example_1() {
        let (i, p) = example(false);
        let t = TieBreak::default();
        assert_eq!(ids(&greedy(&i, &p, &t)), ["bike path", "outdoor gym"]);
        assert_eq!(
            ids(&mes(&i, &p, &t)),
            ["bike path", "new playground", "library for kids"]
        );
        let trace = mes_trace(&i, &p, &t, MesUtility::Cost);
        // The bike path costs 700 = 7 × 100: each supporter pays exactly their 100.
        assert_eq!(trace.payments[0].price, Ratio::from_int(100));
        assert_eq!(trace.spent[7], Ratio::from_int(50));
        assert_eq!(trace.spent[6], Ratio::new(250, 3));
    }

    #[test]
    fn equalshares_example_2() {
        let (i, p) = example(true);
        let t = TieBreak::default();
        let out = mes(&i, &p, &t);
        assert_eq!(ids(&out), ["outdoor gym", "new park", "new playground"]);
        let trace = mes_trace(&i, &p, &t, MesUtility::Cost);
        assert_eq!(trace.payments[0].price, Ratio::new(400, 7));
        // Park: three supporters pay their remaining 300/7, the two others (250 − 900/7)/2 = 60.5…
        assert_eq!(trace.payments[1].price, Ratio::new(850, 14));
        for pay in &trace.payments {
            assert_eq!(
                pay.total,
                Ratio::from_int(u128::from(i.projects[pay.project as usize].cost))
            );
        }
    }

    #[test]
    fn tie_breaks_change_equal_score_outcomes() {
        let projects = vec![
            Project::new("b", 10),
            Project::new("a", 10),
            Project::new("c", 5),
        ];
        let i = Instance::new(projects, 10);
        let p = Profile::approval(vec![vec![0, 1, 2]]);
        assert_eq!(ids(&greedy(&i, &p, &TieBreak::ProjectId)), ["a"]);
        assert_eq!(ids(&greedy(&i, &p, &TieBreak::LowestCost)), ["c"]);
        assert_eq!(ids(&greedy(&i, &p, &TieBreak::HighestCost)), ["a"]);
        assert_eq!(ids(&greedy_no_skip(&i, &p, &TieBreak::HighestCost)), ["a"]);
    }

    #[test]
    fn greedy_no_skip_stops_and_per_cost_prefers_cheap() {
        let projects = vec![
            Project::new("x", 8),
            Project::new("y", 5),
            Project::new("z", 2),
        ];
        let i = Instance::new(projects, 10);
        let p = Profile::approval(vec![vec![0, 1, 2], vec![0, 1], vec![0]]);
        assert_eq!(ids(&greedy(&i, &p, &TieBreak::default())), ["x", "z"]);
        assert_eq!(ids(&greedy_no_skip(&i, &p, &TieBreak::default())), ["x"]);
        // per cost: z 1/2, y 2/5, x 3/8 → z, y, then x does not fit.
        assert_eq!(
            ids(&greedy_per_cost(&i, &p, &TieBreak::default())),
            ["z", "y"]
        );
    }

    #[test]
    fn completions_spend_more_than_plain_mes() {
        let (i, p) = example(true);
        let t = TieBreak::default();
        let plain = mes(&i, &p, &t);
        for rule in [
            Rule::MesGreedy,
            Rule::MesAdd1,
            Rule::MesAdd1Greedy,
            Rule::MesIncrement,
        ] {
            let out = rule.run(&i, &p, &t);
            assert!(out.total_cost <= i.budget, "{rule}");
            assert!(out.total_cost >= plain.total_cost, "{rule}");
        }
        // Add1 and greedy completion fund the remaining library (cost 100 ≤ leftover 250).
        assert!(ids(&mes_greedy(&i, &p, &t)).contains(&"library for kids"));
    }

    /// Random profiles large enough that the interval filter usually decides on its own: its
    /// winners must equal the exact engine's whenever it does not defer.
    #[test]
    fn interval_filter_agrees_with_exact_arithmetic() {
        let mut state = 7u64;
        let mut next = move || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        let mut decided = 0;
        for case in 0..60u32 {
            let m = 3 + (next() % 12) as u32;
            let n = 20 + next() % 300;
            let projects: Vec<Project> = (0..m)
                .map(|i| Project::new(format!("p{i:02}"), 1 + next() % 10_000))
                .collect();
            let total: u64 = projects.iter().map(|p| p.cost).sum();
            let ballots: Vec<Vec<u32>> = (0..n)
                .map(|_| (0..m).filter(|_| next() % 4 == 0).collect())
                .collect();
            let inst = Instance::new(projects, total * (1 + next() % 6) / 10);
            let prof = Profile::approval(ballots);
            let prep = Prepared::new(&inst, &prof, TieBreak::default());
            for utility in [MesUtility::Cost, MesUtility::Cardinality] {
                for e in [
                    (u128::from(inst.budget), u128::from(n)),
                    (u128::from(inst.budget / n + 3), 1),
                ] {
                    let exact = mes_generic::<Ratio>(&prep, utility, e).ok().map(|r| r.0);
                    if let Ok(fast) = mes_generic::<Interval>(&prep, utility, e) {
                        decided += 1;
                        assert_eq!(Some(fast.0), exact, "case {case}");
                    }
                }
            }
            let exact = phragmen_generic::<Ratio>(&prep, inst.budget).ok();
            if let Ok(fast) = phragmen_generic::<Interval>(&prep, inst.budget) {
                decided += 1;
                assert_eq!(Some(fast), exact, "case {case}");
            }
        }
        assert!(decided > 150, "the filter decided only {decided} runs");
    }

    /// Mask grouping (hash table, then the distinct masks sorted) gives the same groups as
    /// sorting the approval sets, and every rule gives the same outcome on masks as on ballots.
    #[test]
    fn mask_grouping_and_mask_profiles_match_ballot_lists() {
        let mut state = 11u64;
        let mut next = move || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z ^ (z >> 31)
        };
        for case in 0..12u64 {
            // Even cases: few projects, so ballots repeat (the hash-table path); odd cases: up
            // to 21 projects, mostly distinct ballots (the sort-everything path).
            let m = if case % 2 == 0 {
                2 + (next() % 6) as u32
            } else {
                12 + (next() % 10) as u32
            };
            // Enough voters and distinct sets that the hash table grows several times.
            let n = 300 + next() % 2_000;
            let projects: Vec<Project> = (0..m)
                .map(|i| Project::new(format!("p{i:02}"), 1 + next() % 5_000))
                .collect();
            let total: u64 = projects.iter().map(|p| p.cost).sum();
            let inst = Instance::new(projects, total * (2 + next() % 5) / 10);
            let ballots: Vec<Vec<u32>> = (0..n)
                .map(|_| (0..m).filter(|_| next() % 3 == 0).collect())
                .collect();
            let masks: Vec<u128> = ballots
                .iter()
                .map(|b| b.iter().fold(0u128, |x, &p| x | 1u128 << p))
                .collect();
            let prof = Profile::approval(ballots);
            // Reference: sort every (mask, ballot) pair and cut runs of equal masks.
            let mut keyed: Vec<(u128, usize)> = masks
                .iter()
                .enumerate()
                .filter(|(_, x)| **x != 0)
                .map(|(i, &x)| (x, i))
                .collect();
            crate::sort::unstable(&mut keyed);
            let mut weights: Vec<u64> = Vec::new();
            let mut ballot_group = vec![u32::MAX; masks.len()];
            let mut distinct: Vec<u128> = Vec::new();
            for &(x, i) in &keyed {
                if distinct.last() != Some(&x) {
                    distinct.push(x);
                    weights.push(0);
                }
                *weights.last_mut().unwrap() += 1;
                ballot_group[i] = (distinct.len() - 1) as u32;
            }
            let sorted = group_masks_by_sorting(&masks);
            assert_eq!(sorted.weights, weights, "case {case}");
            assert_eq!(sorted.ballot_group, ballot_group, "case {case}");
            let prep = Prepared::from_approval_masks(&inst, &masks, TieBreak::default());
            assert_eq!(prep.group_items, sorted.items, "case {case}");
            assert_eq!(prep.group_start, sorted.start, "case {case}");
            assert_eq!(prep.weights, weights, "case {case}");
            assert_eq!(prep.ballot_group, ballot_group, "case {case}");
            for (g, &x) in distinct.iter().enumerate() {
                let items: Vec<u32> = (0..m).filter(|&p| x >> p & 1 == 1).collect();
                assert_eq!(prep.group(g as u32), items.as_slice(), "case {case}");
            }
            if case % 2 == 0 {
                assert!(distinct.len() * 2 <= masks.len().min(1_024), "case {case}");
            }
            assert_eq!(prep.n_voters, n);
            for rule in Rule::ALL {
                for tie in TieBreak::ALL {
                    assert_eq!(
                        rule.run_approval_masks(&inst, &masks, &tie),
                        Some(rule.run(&inst, &prof, &tie)),
                        "case {case} {rule} {tie}"
                    );
                }
            }
        }
    }

    #[test]
    fn phragmen_stops_at_first_unaffordable() {
        let projects = vec![
            Project::new("a", 6),
            Project::new("b", 6),
            Project::new("c", 1),
        ];
        let i = Instance::new(projects, 7);
        let p = Profile::approval(vec![vec![0], vec![0], vec![1], vec![1], vec![2]]);
        // loads: a 6/2=3, b 6/2=3, c 1/1=1 → c, then a (tie with b, id), then b does not fit: stop.
        assert_eq!(ids(&phragmen(&i, &p, &TieBreak::default())), ["c", "a"]);
    }
}
