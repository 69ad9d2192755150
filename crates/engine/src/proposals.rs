//! Proposals and the municipal filter (DESIGN §2.2 steps 4–5).
//!
//! Agenda-setting: each table sends `meeting.proposals_per_table` proposals (half, at least one,
//! when the municipality has the initiative). Each is drawn from the table's members in proportion
//! to their speaking time; it is a project in the proposer's favourite category *after* the
//! meeting (what the table's deliberation left them wanting, so arguments heard there can change
//! the agenda) in the proposer's district. Identical proposals (category, district) merge; a proposal's weight is
//! the speaking time of its proposers, and its *backed* part the speaking time of proposers who
//! are association members (organisational backing). It counts as association-backed when that
//! part is more than half. When the municipality has the initiative it adds
//! `municipality.municipal_proposals` projects in categories drawn by its goals.
//!
//! Municipal filter: a citizen proposal in category `c` is vetoed with probability
//! `control · (1 − goals[c])`; municipal proposals are never vetoed. The ballot holds at most
//! `vote.max_projects` proposals that survived, heaviest first (weight = speaking time of the
//! proposers; municipal proposals first). Costs are real: each proposal takes the cost of a real
//! project of its category from the catalogue ([`crate::catalogue::draw`]: one costing between
//! `budget · cost_share_min` and `budget · cost_share_max` when the category has one), so a small
//! pot buys small things and a large one structural projects.
//!
//! ## Real projects (`vote.projects`)
//!
//! When the scenario carries real projects (seeded from a pabulib file), they are the pool the
//! proposals come from; nothing is generated and no cost is drawn:
//!
//! 1. Every real project is a proposal, in the list's order, with its exact cost and category
//!    and no district ([`crate::vote::CITY_WIDE`]: local for everyone). Until someone takes it
//!    up it has no proposers and weight 0 (it was submitted outside the meeting).
//! 2. Agenda-setting: the tables draw their proposers exactly as above (the same draws). A
//!    proposer champions a real project in their favourite category: the one with the fewest
//!    proposers so far (ties: earlier in the list), or the one they already champion. Their
//!    speaking time adds to its weight (and to its backed part when they are a member). When no
//!    real project is in their category, the proposal is dropped.
//! 3. When the municipality has the initiative, it adopts up to
//!    `municipality.municipal_proposals` of the projects nobody at the meeting took up, drawn
//!    one by one with weights `goals[category]` (the first of them when every weight is 0); they
//!    become municipal proposals (first on the ballot, never vetoed).
//! 4. The municipal filter then vetoes each other project with probability
//!    `control · (1 − goals[category])`, and the ballot is built as above: the heaviest
//!    `vote.max_projects` that survived (ties: list order). With `control = 0` and
//!    `max_projects` at least the number of real projects, the ballot is the whole list.

use crate::deliberation::{Deliberation, Prefs};
use crate::population::{CATEGORY_COUNT, Population};
use crate::rng::{StageRng, below, pick, unit};
use crate::scenario::{Initiative, Scenario};

/// One proposal.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// Project category index.
    pub category: u8,
    /// District code.
    pub district: u8,
    /// Citizens who proposed it (empty for municipal proposals).
    pub proposers: Vec<u32>,
    /// Whether association-backed participants (members) account for more than half of its
    /// proposers' speaking time.
    pub backed: bool,
    /// Part of `weight` from proposers who are association members.
    pub backed_weight: f64,
    /// Whether the municipality proposed it.
    pub municipal: bool,
    /// Agenda weight: speaking time of its proposers.
    pub weight: f64,
    /// Cost in DKK.
    pub cost: u64,
    /// Whether the municipal filter vetoed it.
    pub vetoed: bool,
    /// Index into `vote.projects` when it is a real project.
    pub source: Option<u8>,
    /// The catalogue item whose cost it took ([`crate::catalogue::item`]), for generated proposals.
    pub item: Option<u16>,
}

fn favourite(p: &Prefs) -> u8 {
    let mut best = 0;
    for c in 1..CATEGORY_COUNT {
        if p[c] > p[best] {
            best = c;
        }
    }
    best as u8
}

/// Collects proposals from the tables, adds municipal ones, sets costs and applies the filter.
/// Returns every proposal (vetoed ones included), and for traced tables the proposers per table.
#[must_use]
#[allow(
    clippy::too_many_lines,
    reason = "model code: agenda-setting, steps 1-4 of the module documentation"
)]
pub fn propose(
    pop: &Population,
    attendees: &[u32],
    delib: &Deliberation,
    scenario: &Scenario,
    rng: &mut StageRng,
) -> (Vec<Proposal>, Vec<Vec<(u8, u8)>>) {
    let per_table = match scenario.municipality.initiative {
        Initiative::Citizens => scenario.meeting.proposals_per_table,
        Initiative::Municipality => scenario.meeting.proposals_per_table.div_ceil(2),
    };
    let pool = scenario.vote.projects.as_deref().unwrap_or(&[]);
    let has_pool = scenario.vote.projects.is_some();
    let mut proposals: Vec<Proposal> = pool
        .iter()
        .enumerate()
        .map(|(k, p)| Proposal {
            category: p.category.index(),
            district: crate::vote::CITY_WIDE,
            proposers: Vec::new(),
            backed: false,
            backed_weight: 0.0,
            municipal: false,
            weight: 0.0,
            cost: p.cost,
            vetoed: false,
            // At most 60 after validation.
            source: u8::try_from(k).ok(),
            item: None,
        })
        .collect();
    let mut from_tables = Vec::with_capacity(delib.tables.len());
    for table in &delib.tables {
        let weights: Vec<f64> = table
            .iter()
            .map(|&s| delib.speaking_time[s as usize])
            .collect();
        let total: f64 = weights.iter().sum();
        let mut picked = Vec::new();
        for _ in 0..per_table {
            let k = if total > 0.0 {
                usize::from(pick(rng, &weights))
            } else {
                below(rng, table.len() as u32) as usize
            };
            let slot = table[k] as usize;
            let citizen = attendees[slot];
            let i = citizen as usize;
            let category = favourite(&delib.prefs_after[slot]);
            let district = pop.district[i];
            let member_weight = if pop.association[i] > 0 {
                weights[k]
            } else {
                0.0
            };
            picked.push((k as u8, category));
            if has_pool {
                champion(&mut proposals, category, citizen, weights[k], member_weight);
                continue;
            }
            match proposals
                .iter_mut()
                .find(|p| !p.municipal && p.category == category && p.district == district)
            {
                Some(p) => {
                    if !p.proposers.contains(&citizen) {
                        p.proposers.push(citizen);
                        p.weight += weights[k];
                        p.backed_weight += member_weight;
                    }
                }
                None => proposals.push(Proposal {
                    category,
                    district,
                    proposers: vec![citizen],
                    backed: false,
                    backed_weight: member_weight,
                    municipal: false,
                    weight: weights[k],
                    cost: 0,
                    vetoed: false,
                    source: None,
                    item: None,
                }),
            }
        }
        from_tables.push(picked);
    }
    let mu = &scenario.municipality;
    if has_pool {
        if mu.initiative == Initiative::Municipality {
            adopt(&mut proposals, mu.municipal_proposals, &mu.goals, rng);
        }
        for p in &mut proposals {
            p.backed = !p.municipal && p.weight > 0.0 && p.backed_weight * 2.0 > p.weight;
            let conflict = mu.control * (1.0 - mu.goals[usize::from(p.category)]);
            p.vetoed = !p.municipal && unit(rng) < conflict;
        }
        return (proposals, from_tables);
    }
    if mu.initiative == Initiative::Municipality {
        for _ in 0..mu.municipal_proposals {
            let category = pick(rng, &mu.goals);
            let district = below(rng, u32::from(pop.districts)) as u8;
            proposals.push(Proposal {
                category,
                district,
                proposers: Vec::new(),
                backed: false,
                backed_weight: 0.0,
                municipal: true,
                weight: f64::INFINITY,
                cost: 0,
                vetoed: false,
                source: None,
                item: None,
            });
        }
    }
    let v = &scenario.vote;
    for p in &mut proposals {
        p.backed = !p.municipal && p.weight > 0.0 && p.backed_weight * 2.0 > p.weight;
        p.item = crate::catalogue::draw(
            v.costs_by_category.then_some(p.category),
            scenario.budget,
            v.cost_share_min,
            v.cost_share_max,
            rng,
        );
        p.cost = p
            .item
            .and_then(crate::catalogue::item)
            .map_or(1, |it| it.cost_dkk.max(1));
        let conflict = mu.control * (1.0 - mu.goals[usize::from(p.category)]);
        p.vetoed = !p.municipal && unit(rng) < conflict;
    }
    (proposals, from_tables)
}

/// A proposer of `category` takes up a real project: the one they already champion, else the
/// one in the category with the fewest proposers (ties: earlier). No project in the category:
/// nothing happens.
fn champion(
    proposals: &mut [Proposal],
    category: u8,
    citizen: u32,
    weight: f64,
    member_weight: f64,
) {
    let in_category = || {
        proposals
            .iter()
            .enumerate()
            .filter(|(_, p)| p.category == category)
    };
    if in_category().any(|(_, p)| p.proposers.contains(&citizen)) {
        return;
    }
    let Some(k) = in_category()
        .min_by_key(|(k, p)| (p.proposers.len(), *k))
        .map(|(k, _)| k)
    else {
        return;
    };
    let p = &mut proposals[k];
    p.proposers.push(citizen);
    p.weight += weight;
    p.backed_weight += member_weight;
}

/// The municipality adopts up to `count` real projects nobody proposed, drawn one by one with
/// weights `goals[category]` (the first candidate when every weight is 0).
fn adopt(proposals: &mut [Proposal], count: u8, goals: &[f64; 6], rng: &mut StageRng) {
    for _ in 0..count {
        let candidates: Vec<usize> = (0..proposals.len())
            .filter(|&k| proposals[k].proposers.is_empty() && !proposals[k].municipal)
            .collect();
        let Some(&first) = candidates.first() else {
            return;
        };
        let weights: Vec<f64> = candidates
            .iter()
            .map(|&k| goals[usize::from(proposals[k].category)])
            .collect();
        let chosen = if weights.iter().sum::<f64>() > 0.0 {
            candidates
                .get(usize::from(pick(rng, &weights)))
                .copied()
                .unwrap_or(first)
        } else {
            first
        };
        proposals[chosen].municipal = true;
        proposals[chosen].weight = f64::INFINITY;
    }
}

/// Indices of the proposals that make the ballot: not vetoed, heaviest first (ties: earlier
/// first), at most `max_projects`.
#[must_use]
pub fn ballot(proposals: &[Proposal], max_projects: u8) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..proposals.len())
        .filter(|&k| !proposals[k].vetoed)
        .collect();
    crate::sort::by(&mut idx, |&a, &b| {
        proposals[b]
            .weight
            .total_cmp(&proposals[a].weight)
            .then(a.cmp(&b))
    });
    idx.truncate(usize::from(max_projects));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deliberation::deliberate;
    use crate::population::generate;
    use crate::rng::{Stage, stream};

    fn run(control: f64, initiative: Initiative) -> Vec<Proposal> {
        run_seed(control, initiative, 1)
    }

    fn run_seed(control: f64, initiative: Initiative, seed: u64) -> Vec<Proposal> {
        let mut s = Scenario::default();
        s.population.size = 3_000;
        s.municipality.control = control;
        s.municipality.initiative = initiative;
        let pop = generate(&s.population, 2);
        let attendees: Vec<u32> = (0..120).map(|k| k * 13).collect();
        let d = deliberate(
            &pop,
            &attendees,
            &s,
            &mut stream(seed, Stage::Deliberation),
            false,
        );
        propose(&pop, &attendees, &d, &s, &mut stream(seed, Stage::Vote)).0
    }

    #[test]
    fn no_control_no_veto_and_full_control_vetoes_conflicts() {
        let free = run(0.0, Initiative::Citizens);
        assert!(!free.is_empty());
        assert!(free.iter().all(|p| !p.vetoed && !p.municipal));
        // A 250,000 DKK pot: costs from the catalogue, in the pot's range (10,000 – 75,000 DKK)
        // or, for a category with nothing in range, its cheapest item.
        for p in &free {
            let item = crate::catalogue::item(p.item.unwrap()).unwrap();
            assert_eq!((item.cost_dkk, item.category), (p.cost, p.category));
            let cheapest = crate::catalogue::of_category(p.category)[0];
            assert!(
                (10_000..=75_000).contains(&p.cost) || p.item == Some(cheapest),
                "{p:?}"
            );
        }
        // Vetoes are draws: over a few seeds, full control vetoes some proposal.
        assert!((1..=4).any(|seed| {
            run_seed(1.0, Initiative::Municipality, seed)
                .iter()
                .any(|p| p.vetoed)
        }));
        let strict = run(1.0, Initiative::Municipality);
        assert!(strict.iter().filter(|p| p.municipal).all(|p| !p.vetoed));
        assert_eq!(strict.iter().filter(|p| p.municipal).count(), 4);
    }

    #[test]
    fn real_projects_are_the_pool_and_keep_their_costs() {
        use crate::scenario::{ProjectCategory, RealProject};
        let mut s = Scenario::default();
        s.population.size = 3_000;
        s.municipality.control = 0.0;
        // Two green projects, one for the elderly, none in the other categories.
        let cats = [
            ProjectCategory::GreenAreas,
            ProjectCategory::Elderly,
            ProjectCategory::GreenAreas,
        ];
        s.vote.projects = Some(
            cats.iter()
                .zip(1u64..)
                .map(|(&category, k)| RealProject {
                    name: format!("r{k}"),
                    cost: 777 * k,
                    category,
                })
                .collect(),
        );
        let pop = generate(&s.population, 2);
        let attendees: Vec<u32> = (0..120).map(|k| k * 13).collect();
        let d = deliberate(
            &pop,
            &attendees,
            &s,
            &mut stream(1, Stage::Deliberation),
            false,
        );
        // Without table proposals, the municipality adopts one project nobody took up.
        for (initiative, per_table, municipal) in [
            (Initiative::Citizens, 2, 0),
            (Initiative::Municipality, 0, 1),
        ] {
            s.municipality.initiative = initiative;
            s.municipality.municipal_proposals = 1;
            s.meeting.proposals_per_table = per_table;
            let props = propose(&pop, &attendees, &d, &s, &mut stream(1, Stage::Vote)).0;
            assert_eq!(props.len(), 3, "every real project, nothing generated");
            for (k, p) in props.iter().enumerate() {
                assert_eq!((p.cost, p.source), (777 * (k as u64 + 1), Some(k as u8)));
                assert_eq!(p.district, crate::vote::CITY_WIDE);
                for &c in &p.proposers {
                    let slot = attendees.iter().position(|&i| i == c).unwrap();
                    let fav = favourite(&d.prefs_after[slot]);
                    assert_eq!(
                        fav, p.category,
                        "proposers champion their favourite category after the meeting"
                    );
                }
            }
            assert_eq!(props.iter().filter(|p| p.municipal).count(), municipal);
            assert_eq!(props.iter().any(|p| !p.proposers.is_empty()), per_table > 0);
            assert!(
                props
                    .iter()
                    .filter(|p| p.municipal)
                    .all(|p| p.proposers.is_empty())
            );
            assert_eq!(ballot(&props, 60).len(), 3, "no control: the whole list");
            assert_eq!(ballot(&props, 2).len(), 2);
        }
    }

    #[test]
    fn the_ballot_skips_vetoed_and_respects_the_cap() {
        let props = run(1.0, Initiative::Municipality);
        let b = ballot(&props, 5);
        assert!(b.len() <= 5);
        assert!(b.iter().all(|&k| !props[k].vetoed));
        assert!(props[b[0]].municipal);
    }
}
