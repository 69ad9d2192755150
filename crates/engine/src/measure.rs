//! What a simulated year measures: the report's stages (who was invited, came, spoke, voted),
//! the meeting, the outcome and whose preferences it reflects (DESIGN §3), the informed
//! counterfactual, the benefit shares, the channels and the panel selection. The model's stages
//! (`cycle`, `attendance`, `deliberation`, `vote`, …) decide what happens; this module counts what
//! they decided, and replays the vote for the counterfactuals (everyone votes; everyone votes
//! knowing every argument, on the Arguments random stream).

use std::collections::BTreeMap;

use crate::attributes::{Attribute, PROJECT_CATEGORIES};
use crate::cycle::Year;
use crate::metric::Stage;
use crate::metrics::{self, Counts, representativeness};
use crate::population::Population;
use crate::report::{
    self, DeliberationReport, InfluenceReport, OutcomeReport, PoolProbability, ProjectReport,
    SelectionReport, StageReport,
};
use crate::rng::indicator;
use crate::sort::IntoMap;
use crate::split::Threads;
use crate::{
    PanelSelection, Scenario, arguments, attendance, catalogue, deliberation, influence, need,
    population, proposals, rng, selection, vote,
};

/// Who voted through each channel in year `y`.
pub(crate) fn channel_reports(
    pop: &Population,
    y: &Year,
) -> BTreeMap<String, report::ChannelReport> {
    vote::Channel::ALL
        .into_iter()
        .map(|c| {
            let members = y
                .voters
                .iter()
                .zip(&y.channels)
                .filter(|(_, used)| **used == c)
                .map(|(&i, _)| i as usize);
            let counts = Counts::of(pop, members);
            (
                c.key().to_string(),
                report::ChannelReport {
                    count: counts.total,
                    shares: metrics::share_table(&counts),
                },
            )
        })
        .into_map()
}

/// How much of a report a run works out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Everything.
    Full,
    /// What every [`crate::metric::Metric`] reads: the informed counterfactual
    /// (`deliberation.informed_*`, `moved_toward_informed`, `arguments_learned`,
    /// `influence.*_informed`) and `outcome.benefit_shares*` are left at zero and empty, which
    /// saves about a fifth of a run. For designs and jobs that read only metrics (sweeps, Morris,
    /// ensembles, the Monte-Carlo and A/B jobs); never for a report that anyone reads in full.
    Headline,
}

impl Detail {
    /// The keys of a report's JSON that a [`Detail::Headline`] run leaves at zero (numbers) or
    /// empty (tables), with everything under them.
    pub const OMITTED: [&'static str; 8] = [
        "deliberation.informed_distance_before",
        "deliberation.informed_distance_after",
        "deliberation.moved_toward_informed",
        "deliberation.arguments_learned",
        "influence.legitimacy_informed",
        "influence.welfare_loss_informed",
        "outcome.benefit_shares",
        "outcome.benefit_shares_completed",
    ];

    /// The detail a reader of the report key `key` (a dotted path into the report's JSON, or a
    /// metric name) needs: [`Detail::Full`] for a key in or under [`Detail::OMITTED`], else
    /// [`Detail::Headline`].
    #[must_use]
    pub fn for_key(key: &str) -> Detail {
        let omitted = Detail::OMITTED.iter().any(|o| {
            key.strip_prefix(o)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        });
        if omitted {
            Detail::Full
        } else {
            Detail::Headline
        }
    }

    /// The finer of two details: what a reader of both needs.
    #[must_use]
    pub fn and(self, other: Detail) -> Detail {
        if self == Detail::Full || other == Detail::Full {
            Detail::Full
        } else {
            Detail::Headline
        }
    }
}

/// The report parts of one year.
#[derive(Clone, Debug)]
pub(crate) struct YearMetrics {
    pub(crate) stages: BTreeMap<String, StageReport>,
    pub(crate) deliberation: DeliberationReport,
    pub(crate) outcome: OutcomeReport,
    pub(crate) influence: InfluenceReport,
    pub(crate) inclusion: report::GroupTable,
    /// Mean efficacy per core group before the year's feedback.
    pub(crate) efficacy: report::GroupTable,
}

/// The report parts of year `y` on `threads` (the same on one or two).
pub(crate) fn year_metrics(
    pop: &Population,
    scenario: &Scenario,
    counts: &Counts,
    y: &Year,
    favourite: &[Option<u16>],
    (detail, threads): (Detail, Threads),
) -> YearMetrics {
    // The figures against informed preferences on one side, everything else on the other.
    let (informed, mut m) = threads.join(
        || match detail {
            Detail::Full => informed_metrics(pop, scenario, y),
            Detail::Headline => Informed::default(),
        },
        || measured(pop, scenario, counts, y, favourite, detail),
    );
    let d = &mut m.deliberation;
    d.informed_distance_before = informed.distance_before;
    d.informed_distance_after = informed.distance_after;
    d.moved_toward_informed = informed.moved;
    d.arguments_learned = informed.learned;
    m.influence.legitimacy_informed = informed.legitimacy;
    m.influence.welfare_loss_informed = informed.welfare_loss;
    m
}

/// The year's measurements apart from those against informed preferences, which
/// [`year_metrics`] puts in.
#[allow(
    clippy::too_many_lines,
    reason = "model code: the year's measurements, each as the DESIGN metrics section defines it"
)]
fn measured(
    pop: &Population,
    scenario: &Scenario,
    counts: &Counts,
    y: &Year,
    favourite: &[Option<u16>],
    detail: Detail,
) -> YearMetrics {
    let size = pop.len() as u32;
    let n = pop.len();
    let stage = |c: &Counts| StageReport {
        count: c.total,
        share_of_population: f64::from(c.total) / f64::from(size.max(1)),
        representativeness: representativeness(counts, c),
    };
    let speakers: Vec<usize> = y
        .deliberation
        .speaking_time
        .iter()
        .enumerate()
        .filter(|(_, t)| **t > 0.0)
        .map(|(slot, _)| y.attendees[slot] as usize)
        .collect();
    let mut stages = BTreeMap::new();
    let invited: Vec<usize> = y
        .invitation
        .invited
        .iter()
        .enumerate()
        .filter(|(_, b)| **b)
        .map(|(i, _)| i)
        .collect();
    let invited_counts = Counts::of(pop, invited.iter().copied());
    let attendee_counts = Counts::of(pop, y.attendees.iter().map(|&i| i as usize));
    let speaker_counts = Counts::of(pop, speakers.iter().copied());
    stages.insert(Stage::Invited.key().to_string(), stage(&invited_counts));
    stages.insert(Stage::Attendees.key().to_string(), stage(&attendee_counts));
    stages.insert(Stage::Speakers.key().to_string(), stage(&speaker_counts));
    stages.insert(
        Stage::Voters.key().to_string(),
        stage(&Counts::of(pop, y.voters.iter().map(|&i| i as usize))),
    );

    // The meeting.
    let total_time: f64 = y.deliberation.speaking_time.iter().sum();
    let mut times = y.deliberation.speaking_time.clone();
    crate::sort::by(&mut times, |a, b| b.total_cmp(a));
    let top = times.len().div_ceil(10);
    let shift = if y.attendees.is_empty() {
        0.0
    } else {
        y.attendees
            .iter()
            .zip(&y.deliberation.prefs_after)
            .map(|(&i, after)| {
                (0..population::CATEGORY_COUNT)
                    .map(|c| f64::from((after[c] - pop.prefs[c][i as usize]).abs()))
                    .sum::<f64>()
                    / population::CATEGORY_COUNT as f64
            })
            .sum::<f64>()
            / y.attendees.len() as f64
    };
    // Filled in by `year_metrics`.
    let informed = Informed::default();
    let deliberation = DeliberationReport {
        informed_distance_before: informed.distance_before,
        informed_distance_after: informed.distance_after,
        moved_toward_informed: informed.moved,
        arguments_learned: informed.learned,
        tables: y.deliberation.tables.len() as u32,
        voice_gini: deliberation::gini(&y.deliberation.speaking_time),
        top_decile_share: if total_time > 0.0 {
            times[..top].iter().sum::<f64>() / total_time
        } else {
            0.0
        },
        preference_shift: shift,
    };

    // Outcome.
    let mut projects = Vec::with_capacity(y.proposals.len());
    let mut ballot_pos = vec![None; y.proposals.len()];
    for (k, &p) in y.on_ballot.iter().enumerate() {
        ballot_pos[p] = Some(k);
    }
    let mut order: Vec<usize> = y.on_ballot.clone();
    order.extend((0..y.proposals.len()).filter(|p| ballot_pos[*p].is_none()));
    let mut off = 0;
    for &p in &order {
        let prop = &y.proposals[p];
        let (id, supporters, funded, funded_all, ratios) = if let Some(k) = ballot_pos[p] {
            let sup = &y.supporters[k];
            let c = Counts::of(pop, sup.iter().map(|&i| i as usize));
            let r = representativeness(counts, &c)
                .ratios
                .into_iter()
                .filter(|(a, _)| a != "district")
                .into_map();
            (
                vote::project_id(k),
                sup.len() as u32,
                y.funded[k],
                y.funded_all[k],
                r,
            )
        } else {
            off += 1;
            (format!("x{off:02}"), 0, false, false, BTreeMap::new())
        };
        projects.push(ProjectReport {
            id,
            category: PROJECT_CATEGORIES[usize::from(prop.category)].to_string(),
            name: real_name(scenario, prop).map(str::to_string),
            district: if prop.district == vote::CITY_WIDE {
                "all".to_string()
            } else {
                Attribute::District.category_key(prop.district)
            },
            cost: prop.cost,
            proposers: prop.proposers.len() as u32,
            association_backed: prop.backed,
            municipal: prop.municipal,
            vetoed: prop.vetoed,
            on_ballot: ballot_pos[p].is_some(),
            supporters,
            funded,
            funded_if_all_voted: funded_all,
            completed: ballot_pos[p].is_some_and(|k| y.completed[k]),
            catalogue: prop
                .item
                .and_then(catalogue::item)
                .map(|it| format!("{} {}: {}", it.file, it.id, it.gloss)),
            supporter_ratios: ratios,
        });
    }
    let ids = |f: &dyn Fn(&ProjectReport) -> bool| {
        projects
            .iter()
            .filter(|p| f(p))
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    };
    let spent: u64 = projects.iter().filter(|p| p.funded).map(|p| p.cost).sum();
    let spent_all: u64 = projects
        .iter()
        .filter(|p| p.funded_if_all_voted)
        .map(|p| p.cost)
        .sum();
    let benefits = match detail {
        Detail::Full => benefit_shares(pop, &y.projects, &y.funded, &y.completed, scenario),
        Detail::Headline => Default::default(),
    };
    let outcome = OutcomeReport {
        funded: ids(&|p| p.funded),
        vetoed: ids(&|p| p.vetoed),
        funded_if_all_voted: ids(&|p| p.funded_if_all_voted),
        spent,
        spent_if_all_voted: spent_all,
        turnout: y.voters.len() as f64 / n.max(1) as f64,
        rule: scenario.vote.rule.name().to_string(),
        decision: scenario.decision.channel.key().to_string(),
        implementer: scenario.decision.implementer.key().to_string(),
        funded_count: y.funded.iter().filter(|f| **f).count() as u32,
        completed: ids(&|p| p.completed),
        completed_count: y.completed.iter().filter(|f| **f).count() as u32,
        spent_completed: projects
            .iter()
            .filter(|p| p.completed)
            .map(|p| p.cost)
            .sum(),
        money_by_category: PROJECT_CATEGORIES
            .iter()
            .enumerate()
            .map(|(c, name)| {
                let money = y
                    .projects
                    .iter()
                    .zip(&y.funded)
                    .filter(|(p, f)| **f && usize::from(p.category) == c)
                    .map(|(p, _)| p.cost)
                    .sum::<u64>();
                (name.to_string(), money)
            })
            .into_map(),
        benefit_shares: benefits.0,
        benefit_shares_completed: benefits.1,
        projects,
    };

    // Influence.
    let db = scenario.vote.district_bonus;
    // What was carried out counts (all that was funded, unless proposers failed to complete it).
    let (s, s_all) = influence::satisfaction_pair(
        pop,
        &y.projects,
        &y.completed,
        &y.funded_all,
        scenario.budget,
        db,
    );
    // The group sums of satisfaction, of whose favourite was funded (0 or 1: exact sums, so the
    // shares are those of `influence::group_shares`) and of efficacy before the feedback, in
    // one pass over the citizens.
    let top_funded: Vec<f64> = favourite
        .iter()
        .map(|f| indicator(f.is_some_and(|k| y.funded[usize::from(k)])))
        .collect();
    let efficacy: Vec<f64> = pop.efficacy.iter().map(|&e| f64::from(e)).collect();
    let [satisfaction_sums, funded_sums, efficacy_sums] =
        pop.category_sums_of([&s, &top_funded, &efficacy]);
    let (ratios, gap) =
        influence::ratios_and_gaps_of(&s, influence::group_means_of(satisfaction_sums, false));
    let citizen_proposals = y.proposals.iter().filter(|p| !p.municipal).count();
    let backed_money: u64 = y
        .on_ballot
        .iter()
        .enumerate()
        .filter(|(k, p)| y.funded[*k] && y.proposals[**p].backed)
        .map(|(_, p)| y.proposals[*p].cost)
        .sum();
    let influence = InfluenceReport {
        legitimacy_informed: informed.legitimacy,
        welfare_loss_informed: informed.welfare_loss,
        mean_satisfaction: if n == 0 {
            0.0
        } else {
            s.iter().sum::<f64>() / n as f64
        },
        ratios,
        gap,
        legitimacy: influence::legitimacy(&y.projects, &y.funded, &y.funded_all),
        welfare_loss: influence::welfare_loss(&s, &s_all),
        organised_capture: if spent == 0 {
            0.0
        } else {
            backed_money as f64 / spent as f64
        },
        money_per_capita: spent as f64 / n.max(1) as f64,
        veto_rate: if citizen_proposals == 0 {
            0.0
        } else {
            y.proposals.iter().filter(|p| p.vetoed).count() as f64 / citizen_proposals as f64
        },
    };

    // End-to-end inclusion: P(invited) · P(attend | invited) · P(speak | attend) · P(favourite funded).
    let mut spoke = vec![false; n];
    for &i in &speakers {
        spoke[i] = true;
    }
    let funded_share = influence::group_means_of(funded_sums, false);
    let speaker_rows = speaker_counts;
    let mut inclusion = BTreeMap::new();
    for (row, a) in Attribute::ALL.into_iter().enumerate() {
        let mut by_cat = BTreeMap::new();
        for (c, &pop_c) in counts.by_attribute[row].iter().enumerate() {
            if pop_c == 0 {
                continue;
            }
            let ratio = |num: u32, den: u32| {
                if den == 0 {
                    0.0
                } else {
                    f64::from(num) / f64::from(den)
                }
            };
            let inv = invited_counts.by_attribute[row][c];
            let att = attendee_counts.by_attribute[row][c];
            let spk = speaker_rows.by_attribute[row][c];
            let key = a.category_key(c as u8);
            let fund = funded_share
                .get(a.key())
                .and_then(|m| m.get(&key))
                .copied()
                .unwrap_or(0.0);
            by_cat.insert(
                key,
                ratio(inv, pop_c) * ratio(att, inv) * ratio(spk, att) * fund,
            );
        }
        inclusion.insert(a.key().to_string(), by_cat);
    }
    YearMetrics {
        stages,
        deliberation,
        outcome,
        influence,
        inclusion,
        efficacy: influence::group_means_of(efficacy_sums, true),
    }
}

/// The year's figures against informed preferences (issue 17; see [`arguments`]).
#[derive(Default)]
struct Informed {
    distance_before: f64,
    distance_after: f64,
    moved: f64,
    learned: f64,
    legitimacy: f64,
    welfare_loss: f64,
}

/// Attendees' distance to their informed preferences before and after the meeting, and the
/// outcome against the informed counterfactual (every citizen voting with informed preferences;
/// ballot lengths, when drawn, from the [`rng::Stage::Arguments`] stream of cycle 1).
fn informed_metrics(pop: &Population, scenario: &Scenario, y: &Year) -> Informed {
    let unknown = arguments::Unknown::new(scenario.arguments.impact);
    let knowledge = arguments::knowledge(pop, scenario);
    let informed = |i: usize| unknown.informed(&vote::true_prefs(pop, i), knowledge[i]);
    let (mut before, mut after) = (0.0, 0.0);
    for (&i, p) in y.attendees.iter().zip(&y.deliberation.prefs_after) {
        let i = i as usize;
        let inf = informed(i);
        before += f64::from(arguments::distance(&vote::true_prefs(pop, i), &inf));
        after += f64::from(arguments::distance(p, &inf));
    }
    let n = y.attendees.len();
    if n > 0 {
        before /= n as f64;
        after /= n as f64;
    }
    let mut lengths = rng::cycle_stream(scenario.seed, rng::Stage::Arguments, 1);
    let (funded_inf, totals) =
        influence::counterfactual_funded(pop, informed, &y.projects, scenario, &mut lengths);
    Informed {
        distance_before: before,
        distance_after: after,
        moved: if before > 0.0 {
            1.0 - after / before
        } else {
            0.0
        },
        learned: if n > 0 {
            f64::from(y.deliberation.learned) / n as f64
        } else {
            0.0
        },
        legitimacy: influence::legitimacy(&y.projects, &y.funded, &funded_inf),
        welfare_loss: if scenario.budget == 0 {
            0.0
        } else {
            influence::welfare_loss_from_totals(&y.projects, &totals, &y.completed, &funded_inf)
        },
    }
}

/// Share of the money of the `funded` projects benefiting each group, and the same over the
/// `completed` ones (see [`report::OutcomeReport::benefit_shares`]). Two passes over the
/// citizens: what each funded project does in total, then each citizen's part of its cost.
fn benefit_shares(
    pop: &Population,
    projects: &[vote::BallotProject],
    funded: &[bool],
    completed: &[bool],
    scenario: &Scenario,
) -> (report::GroupTable, report::GroupTable) {
    let p = &scenario.need;
    // Per funded project: its category (as a bit), district, what it does for a local citizen it
    // serves and for one it does not (`need_c · effect`, the two values `need_c` takes) and for
    // a citizen elsewhere (nothing, twice: a table rather than a select, which compiles to a jump
    // on random districts), its cost and whether it was completed.
    let hi = p.base + p.served;
    let won: Vec<(u8, u8, [f64; 4], f64, bool)> = projects
        .iter()
        .zip(funded.iter().zip(completed))
        .filter(|(_, (f, _))| **f)
        .map(|(q, (_, c))| {
            let effect = need::effect(q.cost as f64, p);
            (
                1 << q.category,
                q.district,
                [hi * effect, p.base * effect, 0.0, 0.0],
                q.cost as f64,
                *c,
            )
        })
        .collect();
    // What project `w` does for citizen `i` (who is served by the categories in `served`).
    let does = |i: usize, served: u8, w: &(u8, u8, [f64; 4], f64, bool)| {
        let away = !vote::is_local(w.1, pop.district[i]);
        w.2[usize::from(served & w.0 == 0) | usize::from(away) << 1]
    };
    let served: Vec<u8> = (0..pop.len()).map(|i| need::served_bits(pop, i)).collect();
    let mut totals = vec![0.0f64; won.len()];
    for (i, &s) in served.iter().enumerate() {
        for (t, w) in totals.iter_mut().zip(&won) {
            *t += does(i, s, w);
        }
    }
    let per: Vec<f64> = won
        .iter()
        .zip(&totals)
        .map(|(w, t)| if *t > 0.0 { w.3 / t } else { 0.0 })
        .collect();
    // A citizen's money depends only on their district and served categories: worked out once
    // for each combination (the same sums, in the same order, as one per citizen).
    let money_of = |d: u8, s: u8| {
        let mut money = [0.0f64; 2];
        for (w, x) in won.iter().zip(&per) {
            let m = if vote::is_local(w.1, d) {
                w.2[usize::from(s & w.0 == 0)]
            } else {
                0.0
            } * x;
            money[0] += m;
            if w.4 {
                money[1] += m;
            }
        }
        money
    };
    let money: Vec<[[f64; 2]; 64]> = (0..pop.districts)
        .map(|d| std::array::from_fn(|s| money_of(d, s as u8)))
        .collect();
    // Sums per attribute row and category, in one flat table (`Population::category_slots`).
    let (offsets, sizes) = pop.category_slots();
    let mut sums = vec![[0.0f64; 2]; offsets[8] + sizes[8]];
    let mut all = [0.0f64; 2];
    for (i, &s) in served.iter().enumerate() {
        let d = pop.district[i];
        let money = money
            .get(usize::from(d))
            .map_or_else(|| money_of(d, s), |row| row[usize::from(s & 63)]);
        if money[0] == 0.0 {
            continue;
        }
        all[0] += money[0];
        all[1] += money[1];
        for slot in pop.slots(i, &offsets) {
            sums[slot][0] += money[0];
            sums[slot][1] += money[1];
        }
    }
    let table = |k: usize| {
        Attribute::ALL
            .into_iter()
            .enumerate()
            .map(|(row, a)| {
                let by_cat = sums[offsets[row]..offsets[row] + sizes[row]]
                    .iter()
                    .enumerate()
                    .map(|(c, x)| {
                        let share = if all[k] > 0.0 { x[k] / all[k] } else { 0.0 };
                        (a.category_key(c as u8), share)
                    })
                    .into_map();
                (a.key().to_string(), by_cat)
            })
            .into_map()
    };
    (table(0), table(1))
}

/// The name of a real project (`vote.projects`) behind a proposal.
pub(crate) fn real_name<'a>(
    scenario: &'a Scenario,
    proposal: &proposals::Proposal,
) -> Option<&'a str> {
    let k = usize::from(proposal.source?);
    scenario
        .vote
        .projects
        .as_ref()?
        .get(k)
        .map(|p| p.name.as_str())
}

/// The population's mean of each trait ([`population::mean`] of each column, the seven sums
/// taken in one pass: each column is still summed in citizen order).
pub(crate) fn trait_means(pop: &Population) -> BTreeMap<String, f64> {
    let traits = [
        ("free_time_hours", &pop.free_time),
        ("civic_skill", &pop.civic_skill),
        ("interest", &pop.interest),
        ("efficacy", &pop.efficacy),
        ("trust", &pop.trust),
        ("assertiveness", &pop.assertiveness),
        ("habit", &pop.habit),
    ];
    let n = pop.len();
    let columns = traits.map(|t| &t.1[..n]);
    // -0.0, where `Iterator::sum` of floats starts.
    let mut sums = [-0.0f64; 7];
    for i in 0..n {
        for (sum, column) in sums.iter_mut().zip(&columns) {
            *sum += f64::from(column[i]);
        }
    }
    traits
        .iter()
        .zip(sums)
        .map(|((k, _), sum)| (k.to_string(), if n == 0 { 0.0 } else { sum / n as f64 }))
        .into_map()
}

/// The selection report of a stratified panel.
pub(crate) fn selection_report(
    pop: &Population,
    scenario: &Scenario,
    population_counts: &Counts,
    pool: &[u32],
    panel: &selection::Panel,
) -> SelectionReport {
    let inv = &scenario.invitation;
    let stakes = attendance::stakes(scenario);
    // End-to-end estimate: letters/N · P(answer | letter) · mean selection probability of pool
    // members in the same age × gender × education cell (overall mean where the cell is empty).
    let cell = |i: usize| {
        usize::from(pop.age_band[i]) * 6
            + usize::from(pop.gender[i]) * 3
            + usize::from(pop.education[i])
    };
    let mut cell_sum = [0.0f64; 24];
    let mut cell_n = [0u32; 24];
    for p in &panel.probabilities {
        let c = cell(p.0 as usize);
        cell_sum[c] += p.1;
        cell_n[c] += 1;
    }
    let overall = if pool.is_empty() {
        0.0
    } else {
        cell_sum.iter().sum::<f64>() / pool.len() as f64
    };
    let p_letter = f64::from(inv.letters) / pop.len() as f64;
    let letter_intensity = scenario.attendance.intensity_letter as f32;
    let mut sums: Vec<Vec<f64>> = Attribute::ALL
        .iter()
        .map(|a| vec![0.0; a.category_count(pop.districts)])
        .collect();
    for i in 0..pop.len() {
        let c = cell(i);
        let s = if cell_n[c] > 0 {
            cell_sum[c] / f64::from(cell_n[c])
        } else {
            overall
        };
        let e2e =
            p_letter * attendance::probability(pop, i, letter_intensity, stakes, scenario) * s;
        for (row, a) in Attribute::ALL.into_iter().enumerate() {
            sums[row][usize::from(pop.category(a, i))] += e2e;
        }
    }
    let end_to_end = Attribute::ALL
        .into_iter()
        .enumerate()
        .map(|(row, a)| {
            let by_cat = sums[row]
                .iter()
                .enumerate()
                .filter(|(c, _)| population_counts.by_attribute[row][*c] > 0)
                .map(|(c, s)| {
                    (
                        a.category_key(c as u8),
                        s / f64::from(population_counts.by_attribute[row][c]),
                    )
                })
                .into_map();
            (a.key().to_string(), by_cat)
        })
        .into_map();
    let probs: Vec<f64> = panel.probabilities.iter().map(|p| p.1).collect();
    SelectionReport {
        pool: pool.len() as u32,
        panel: panel.members.len() as u32,
        quotas_met: panel.quotas_met,
        replicates: if panel.method == PanelSelection::Leximin {
            0
        } else {
            inv.selection_replicates
        },
        method: panel.method,
        min_probability: if probs.is_empty() {
            0.0
        } else {
            probs.iter().copied().fold(1.0, f64::min)
        },
        max_probability: probs.iter().copied().fold(0.0, f64::max),
        probabilities: panel
            .probabilities
            .iter()
            .map(|&(citizen, probability)| PoolProbability {
                citizen,
                probability,
            })
            .collect(),
        end_to_end,
    }
}
