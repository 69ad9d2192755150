//! Deliberation (DESIGN §2.2 step 4): attendees sit at tables, take speaking turns and move their
//! project preferences towards the speakers they hear.
//!
//! Realistic meetings draw each turn's speaker with weight `exp(status_weight · (status − ½))`,
//! `status = 0.35·civic skill + 0.35·assertiveness + 0.3·organisational backing` (association
//! member), times `language_voice` for citizens with a language barrier and no interpretation; a
//! turn lasts `½ + ½·skill + ½·assertiveness`. Ideal (facilitated) meetings give every member one
//! turn per round, in random order, lasting `facilitation + (1 − facilitation)·(½ + ½·skill +
//! ½·assertiveness)`: the facilitator evens out who speaks fully and how long partly. After each turn every listener within the confidence
//! bound moves `persuasion · ω` of the way towards the speaker's preferences, where ω is the turn's
//! argument quality (uniform 0–1) in ideal meetings and `(1 − status_persuasion)·quality +
//! status_persuasion·status` in realistic ones.

use serde::{Deserialize, Serialize};

use crate::attributes::YES;
use crate::population::{CATEGORY_COUNT, Population};
use crate::rng::{StageRng, below, pick, unit};
use crate::scenario::{MeetingFormat, Scenario};

/// Preferences of one citizen over the project categories.
pub type Prefs = [f32; CATEGORY_COUNT];

/// Most tables kept in a meeting trace.
pub const TRACE_TABLES: usize = 12;

/// The result of the meeting. Vectors indexed by *attendee slot* follow the order of the
/// `attendees` slice given to [`deliberate`].
#[derive(Clone, Debug, Default)]
pub struct Deliberation {
    /// Attendee slots seated at each table.
    pub tables: Vec<Vec<u32>>,
    /// Total speaking time per attendee slot.
    pub speaking_time: Vec<f64>,
    /// Preferences per attendee slot after the meeting.
    pub prefs_after: Vec<Prefs>,
    /// The trace, when asked for.
    pub trace: Option<MeetingTrace>,
}

/// A trace of one meeting for the animated view: per table and round, who spoke for how long and
/// where every member's preferences stood afterwards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingTrace {
    /// The format the meeting was run in.
    pub format: MeetingFormat,
    /// The first tables of the meeting (at most [`TRACE_TABLES`]).
    pub tables: Vec<TableTrace>,
}

/// One table in a trace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableTrace {
    /// The people at the table.
    pub members: Vec<TraceMember>,
    /// Each round of conversation.
    pub rounds: Vec<RoundTrace>,
    /// Members (indices into `members`) whose proposals left the table, with the category key.
    pub proposals: Vec<(u8, String)>,
}

/// A person at a traced table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraceMember {
    /// Citizen index in the population.
    pub citizen: u32,
    /// Age band key.
    pub age_band: String,
    /// Gender key.
    pub gender: String,
    /// Whether marginalised.
    pub marginalised: bool,
    /// Whether an association member.
    pub association_member: bool,
    /// Civic skill, 0 – 1.
    pub civic_skill: f32,
    /// Preferences before the meeting.
    pub prefs_before: Prefs,
}

/// One round at a traced table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundTrace {
    /// Turns in order: (member index, duration).
    pub turns: Vec<(u8, f64)>,
    /// Every member's preferences after the round.
    pub prefs_after: Vec<Prefs>,
}

/// Status of citizen `i` (0 – 1): skill, assertiveness and organisational backing.
#[must_use]
pub fn status(pop: &Population, i: usize) -> f64 {
    let backing = if pop.association[i] > 0 { 1.0 } else { 0.0 };
    0.35 * f64::from(pop.civic_skill[i]) + 0.35 * f64::from(pop.assertiveness[i]) + 0.3 * backing
}

/// Seats `attendees` at tables and runs the meeting.
#[must_use]
#[allow(
    clippy::too_many_lines,
    reason = "model code: one meeting, round after round, with the trace beside the numbers"
)]
pub fn deliberate(
    pop: &Population,
    attendees: &[u32],
    scenario: &Scenario,
    rng: &mut StageRng,
    trace: bool,
) -> Deliberation {
    let m = &scenario.meeting;
    let n = attendees.len();
    let mut prefs: Vec<Prefs> = attendees
        .iter()
        .map(|&i| std::array::from_fn(|c| pop.prefs[c][i as usize]))
        .collect();
    let mut speaking_time = vec![0.0f64; n];

    // Seating: shuffle the slots, cut into tables; a last table of one joins the one before.
    let mut seats: Vec<u32> = (0..n as u32).collect();
    for k in (1..n).rev() {
        let j = below(rng, k as u32 + 1) as usize;
        seats.swap(k, j);
    }
    let size = usize::from(m.table_size);
    let mut tables: Vec<Vec<u32>> = seats.chunks(size).map(<[u32]>::to_vec).collect();
    if tables.len() > 1 && tables.last().is_some_and(|t| t.len() == 1) {
        let last = tables.pop().unwrap_or_default();
        if let Some(prev) = tables.last_mut() {
            prev.extend(last);
        }
    }

    let interpretation = scenario.effective_supports().interpretation;
    let ideal = m.format == MeetingFormat::Ideal;
    let mut traces = Vec::new();
    let mut weights = Vec::new();
    let mut order = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        let citizens: Vec<usize> = table
            .iter()
            .map(|&s| attendees[s as usize] as usize)
            .collect();
        let statuses: Vec<f64> = citizens.iter().map(|&i| status(pop, i)).collect();
        weights.clear();
        weights.extend(citizens.iter().zip(&statuses).map(|(&i, &st)| {
            let mut w = libm::exp(m.status_weight * (st - 0.5));
            if pop.language_barrier[i] == 1 && !interpretation {
                w *= m.language_voice;
            }
            w
        }));
        let traced = trace && t < TRACE_TABLES;
        let mut table_trace = traced.then(|| TableTrace {
            members: citizens
                .iter()
                .zip(table)
                .map(|(&i, &slot)| TraceMember {
                    citizen: i as u32,
                    age_band: crate::attributes::Attribute::AgeBand.category_key(pop.age_band[i]),
                    gender: crate::attributes::Attribute::Gender.category_key(pop.gender[i]),
                    marginalised: pop.marginalised[i] == YES,
                    association_member: pop.association[i] > 0,
                    civic_skill: pop.civic_skill[i],
                    prefs_before: prefs[slot as usize],
                })
                .collect(),
            rounds: Vec::new(),
            proposals: Vec::new(),
        });
        let len = table.len();
        for _ in 0..m.rounds {
            let mut turns = Vec::with_capacity(len);
            if ideal {
                order.clear();
                order.extend(0..len);
                for k in (1..len).rev() {
                    let j = below(rng, k as u32 + 1) as usize;
                    order.swap(k, j);
                }
                let f = m.facilitation;
                turns.extend(
                    order
                        .iter()
                        .map(|&k| (k, f + (1.0 - f) * turn_length(pop, citizens[k]))),
                );
            } else {
                for _ in 0..len {
                    let k = usize::from(pick(rng, &weights));
                    turns.push((k, turn_length(pop, citizens[k])));
                }
            }
            for &(k, duration) in &turns {
                let speaker_slot = table[k] as usize;
                speaking_time[speaker_slot] += duration;
                let quality = unit(rng);
                let omega = if ideal {
                    quality
                } else {
                    (1.0 - m.status_persuasion) * quality + m.status_persuasion * statuses[k]
                };
                let step = (m.persuasion * omega) as f32;
                let spoken = prefs[speaker_slot];
                for (l, &slot) in table.iter().enumerate() {
                    if l == k {
                        continue;
                    }
                    let listener = &mut prefs[slot as usize];
                    let distance: f32 = spoken
                        .iter()
                        .zip(listener.iter())
                        .map(|(a, b)| (a - b).abs())
                        .sum::<f32>()
                        / CATEGORY_COUNT as f32;
                    if f64::from(distance) <= m.confidence_bound {
                        for (p, s) in listener.iter_mut().zip(spoken.iter()) {
                            *p += step * (s - *p);
                        }
                    }
                }
            }
            if let Some(tt) = table_trace.as_mut() {
                tt.rounds.push(RoundTrace {
                    turns: turns.iter().map(|&(k, d)| (k as u8, d)).collect(),
                    prefs_after: table.iter().map(|&s| prefs[s as usize]).collect(),
                });
            }
        }
        if let Some(tt) = table_trace {
            traces.push(tt);
        }
    }
    Deliberation {
        tables,
        speaking_time,
        prefs_after: prefs,
        trace: trace.then_some(MeetingTrace {
            format: m.format,
            tables: traces,
        }),
    }
}

/// How long citizen `i` holds the floor when nobody evens it out: `½ + ½·skill + ½·assertiveness`.
fn turn_length(pop: &Population, i: usize) -> f64 {
    0.5 + 0.5 * f64::from(pop.civic_skill[i]) + 0.5 * f64::from(pop.assertiveness[i])
}

/// Gini coefficient of non-negative values (0 = equal, → 1 = one has everything); 0 when empty
/// or all zero. Computed from sorted values: `G = Σ (2k − n − 1)·x_k / (n · Σ x)`.
#[must_use]
pub fn gini(values: &[f64]) -> f64 {
    let n = values.len();
    let total: f64 = values.iter().sum();
    if n == 0 || total <= 0.0 {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    crate::sort::by(&mut sorted, f64::total_cmp);
    let weighted: f64 = sorted
        .iter()
        .enumerate()
        .map(|(k, x)| (2.0 * (k as f64 + 1.0) - n as f64 - 1.0) * x)
        .sum();
    weighted / (n as f64 * total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::generate;
    use crate::rng::{Stage, stream};

    fn setup(format: MeetingFormat) -> (Population, Vec<u32>, Scenario) {
        let mut s = Scenario::default();
        s.population.size = 2_000;
        s.meeting.format = format;
        let pop = generate(&s.population, 4);
        let attendees: Vec<u32> = (0..83).map(|k| k * 7).collect();
        (pop, attendees, s)
    }

    /// The meeting of `attendees` with seed 1's deliberation stream.
    fn meet(pop: &Population, attendees: &[u32], s: &Scenario, trace: bool) -> Deliberation {
        deliberate(
            pop,
            attendees,
            s,
            &mut stream(1, Stage::Deliberation),
            trace,
        )
    }

    #[test]
    fn gini_of_known_distributions() {
        assert!(gini(&[1.0, 1.0, 1.0]).abs() < 1e-12);
        assert!((gini(&[0.0, 0.0, 0.0, 1.0]) - 0.75).abs() < 1e-12);
        assert!(gini(&[]).abs() < 1e-12);
    }

    #[test]
    fn everyone_is_seated_once_and_facilitation_evens_out_turns() {
        let (pop, attendees, s) = setup(MeetingFormat::Ideal);
        let d = meet(&pop, &attendees, &s, false);
        let mut seated: Vec<u32> = d.tables.iter().flatten().copied().collect();
        crate::sort::unstable(&mut seated);
        assert_eq!(seated, (0..attendees.len() as u32).collect::<Vec<_>>());
        assert!(d.tables.iter().all(|t| t.len() >= 2 && t.len() <= 9));
        // Everyone speaks every round; only turn lengths differ, by the facilitation left out.
        let ideal = gini(&d.speaking_time);
        assert!(d.speaking_time.iter().all(|&t| t > 0.0));
        assert!(ideal > 0.0 && ideal < 0.1, "{ideal}");
        let mut full = s.clone();
        full.meeting.facilitation = 1.0;
        assert!(gini(&meet(&pop, &attendees, &full, false).speaking_time) < 1e-12);
        let (pop, attendees, s) = setup(MeetingFormat::Realistic);
        let r = meet(&pop, &attendees, &s, false);
        assert!(gini(&r.speaking_time) > 0.2, "{}", gini(&r.speaking_time));
    }

    #[test]
    fn listeners_move_towards_speakers_and_no_persuasion_means_no_change() {
        let (pop, attendees, mut s) = setup(MeetingFormat::Realistic);
        let before: Vec<Prefs> = attendees
            .iter()
            .map(|&i| std::array::from_fn(|c| pop.prefs[c][i as usize]))
            .collect();
        let d = meet(&pop, &attendees, &s, true);
        assert_ne!(d.prefs_after, before);
        // Preferences within each table come closer together.
        let spread = |p: &[Prefs], t: &[u32]| -> f32 {
            let mean: Vec<f32> = (0..CATEGORY_COUNT)
                .map(|c| t.iter().map(|&s| p[s as usize][c]).sum::<f32>() / t.len() as f32)
                .collect();
            t.iter()
                .map(|&s| {
                    (0..CATEGORY_COUNT)
                        .map(|c| (p[s as usize][c] - mean[c]).abs())
                        .sum::<f32>()
                })
                .sum()
        };
        let t0 = &d.tables[0];
        assert!(spread(&d.prefs_after, t0) < spread(&before, t0));
        let trace = d.trace.unwrap();
        assert_eq!(trace.tables[0].rounds.len(), usize::from(s.meeting.rounds));
        s.meeting.persuasion = 0.0;
        let d = meet(&pop, &attendees, &s, false);
        assert_eq!(d.prefs_after, before);
    }
}
