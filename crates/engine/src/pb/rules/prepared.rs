//! The profile prepared once for every rule: identical approval projections grouped with a
//! multiplicity, scores, supporters and the tie-breaking rank.

use core::cmp::Ordering;

use super::super::{Allocation, Ballot, Instance, Profile, TieBreak};

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

pub(super) fn approval_projection(ballot: &Ballot, m: usize) -> Vec<u32> {
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
pub(super) fn points_scores(profile: &Profile, m: usize) -> Vec<u128> {
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
pub(super) struct MaskTable {
    /// Distinct masks, by id.
    keys: Vec<u128>,
    /// `id + 1` per slot, 0 = empty; the length is a power of two.
    slots: Vec<u32>,
}

impl MaskTable {
    pub(super) fn with_capacity(capacity: usize) -> Self {
        MaskTable {
            keys: Vec::new(),
            slots: vec![0; capacity.next_power_of_two().max(16)],
        }
    }

    pub(super) fn slot(&self, mask: u128) -> usize {
        let folded = (mask as u64) ^ ((mask >> 64) as u64).rotate_left(29);
        let h = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let bits = self.slots.len().trailing_zeros();
        (h >> (64 - bits)) as usize
    }

    /// The id of `mask`, adding it if it is new.
    pub(super) fn id(&mut self, mask: u128) -> u32 {
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

    pub(super) fn grow(&mut self) {
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
pub(super) struct Groups {
    pub(super) items: Vec<u32>,
    pub(super) start: Vec<u32>,
    pub(super) weights: Vec<u64>,
    pub(super) ballot_group: Vec<u32>,
}

/// The approval set of a ballot as a bit mask over the first `m ≤ 128` projects.
pub(super) fn ballot_mask(ballot: &Ballot, m: usize) -> u128 {
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
pub(super) fn group_masks(masks: &[u128]) -> Groups {
    // Masks over the first few projects index a table of every possible mask (a simulated
    // ballot of a dozen projects: 4,096 masks), when the table is not much larger than the
    // profile.
    let bits = 128 - masks.iter().fold(0u128, |all, &x| all | x).leading_zeros();
    if bits <= 16 && 1usize << bits <= 4_096 + 4 * masks.len() {
        return group_masks_dense(masks, bits);
    }
    group_masks_hashed(masks)
}

/// [`group_masks`] with a hash table of the distinct masks (or by sorting, when the first ballots
/// are mostly distinct).
pub(super) fn group_masks_hashed(masks: &[u128]) -> Groups {
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

/// [`group_masks`] of masks below `2^bits`, by counting the ballots of each possible mask: the
/// groups come out in mask order without a sort.
pub(super) fn group_masks_dense(masks: &[u128], bits: u32) -> Groups {
    let size = 1usize << bits;
    let mut count = vec![0u64; size];
    for &mask in masks {
        count[mask as usize] += 1;
    }
    let mut items = Vec::new();
    let mut start = vec![0u32];
    let mut weights = Vec::new();
    // The group of each mask; the empty mask (an empty ballot) has none.
    let mut group = vec![u32::MAX; size];
    for (mask, &n) in count.iter().enumerate().skip(1) {
        if n > 0 {
            group[mask] = weights.len() as u32;
            let mut rest = mask;
            while rest != 0 {
                items.push(rest.trailing_zeros());
                rest &= rest - 1;
            }
            start.push(items.len() as u32);
            weights.push(n);
        }
    }
    Groups {
        items,
        start,
        weights,
        ballot_group: masks.iter().map(|&mask| group[mask as usize]).collect(),
    }
}

/// [`group_masks`] by sorting every non-empty `(mask, ballot)` pair and cutting runs of equal
/// masks.
pub(super) fn group_masks_by_sorting(masks: &[u128]) -> Groups {
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
pub(super) fn group_sets(profile: &Profile, m: usize) -> Groups {
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
    pub(super) fn from_groups(instance: &Instance, groups: Groups, tie_break: TieBreak) -> Self {
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

    pub(super) fn group(&self, g: u32) -> &[u32] {
        &self.group_items
            [self.group_start[g as usize] as usize..self.group_start[g as usize + 1] as usize]
    }

    pub(super) fn total_cost(&self, winners: &[u32]) -> u64 {
        winners
            .iter()
            .map(|&p| self.costs[p as usize])
            .fold(0u64, u64::saturating_add)
    }

    pub(super) fn allocation(&self, instance: &Instance, winners: &[u32]) -> Allocation {
        Allocation {
            winners: winners
                .iter()
                .map(|&p| instance.projects[p as usize].id.clone())
                .collect(),
            total_cost: self.total_cost(winners),
        }
    }

    /// True when every project with at least one supporter is in `winners`.
    pub(super) fn covers_supported(&self, winners: &[u32]) -> bool {
        let supported = self.support.iter().filter(|&&s| s > 0).count();
        let covered = winners
            .iter()
            .filter(|&&p| self.support[p as usize] > 0)
            .count();
        covered == supported
    }

    /// True when no unfunded project fits in `budget − cost(winners)`.
    pub(super) fn is_exhaustive(&self, winners: &[u32], budget: u64) -> bool {
        let left = budget.saturating_sub(self.total_cost(winners));
        (0..self.costs.len() as u32).all(|p| winners.contains(&p) || self.costs[p as usize] > left)
    }

    /// Greedy selection over `order`, starting from `selected` and `budget`.
    pub(super) fn greedy_fill(
        &self,
        order: &[u32],
        selected: &mut Vec<u32>,
        budget: u64,
        skip: bool,
    ) {
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

    pub(super) fn order_by_score(&self, score: &[u128]) -> Vec<u32> {
        let mut idx: Vec<u32> = (0..self.costs.len() as u32).collect();
        crate::sort::by(&mut idx, |&a, &b| {
            score[b as usize]
                .cmp(&score[a as usize])
                .then(self.tb_rank[a as usize].cmp(&self.tb_rank[b as usize]))
        });
        idx
    }
}
