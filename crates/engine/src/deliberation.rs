//! Deliberation (DESIGN §2.2 step 4): attendees sit at tables, take speaking turns, voice the
//! arguments they know and change their project preferences through what they hear.
//!
//! Realistic meetings draw each turn's speaker with weight `exp(status_weight · (status − ½))`,
//! `status = 0.35·civic skill + 0.35·assertiveness + 0.3·organisational backing` (association
//! member), times `language_voice` for citizens with a language barrier and no interpretation; a
//! turn lasts `½ + ½·skill + ½·assertiveness`. Ideal (facilitated) meetings give every member one
//! turn per round, in random order, lasting `facilitation + (1 − facilitation)·(½ + ½·skill +
//! ½·assertiveness)`: the facilitator evens out who speaks fully and how long partly.
//!
//! What a turn does depends on `meeting.update` ([`MeetingUpdate`]):
//!
//! - **arguments** (argument exchange, Mäs & Flache 2013): the speaker voices one argument they
//!   know ([`crate::arguments`]), a pro argument for category `c` with weight `p_c`, a con
//!   argument with weight `1 − p_c` (people argue for what they want). Each listener who did not
//!   know it takes it up with probability `q`: its strength in ideal meetings (the better
//!   argument persuades), `(1 − status_persuasion)·strength + status_persuasion·status` of the
//!   speaker in realistic ones. Taking it up moves the listener's preference for `c` by the
//!   argument's value (`± impact · strength`, clamped to 0 – 1) and adds it to what they know.
//! - **bounded-confidence**: the same, but listeners ignore speakers whose preferences differ by
//!   more than `confidence_bound` (mean absolute difference; Deffuant et al. 2000), so a
//!   like-minded table hears one side only and moves to the extreme together (group
//!   polarisation), while a mixed one keeps its camps apart.
//! - **averaging** (no argument content; the model before issue 17): every listener within the
//!   confidence bound moves `persuasion · ω` of the way towards the speaker's preferences, where
//!   ω is the turn's argument quality (uniform 0–1) in ideal meetings and `(1 −
//!   status_persuasion)·quality + status_persuasion·status` in realistic ones.

use serde::{Deserialize, Serialize};

use crate::arguments::{self, ARGUMENT_COUNT, ARGUMENTS, Known};
use crate::attributes::YES;
use crate::population::{CATEGORY_COUNT, Population};
use crate::rng::{StageRng, below, pick, unit};
use crate::scenario::{MeetingFormat, MeetingParams, MeetingUpdate, Scenario};

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
    /// Arguments taken up by listeners during the meeting, in all.
    pub learned: u32,
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
    /// The arguments they knew before the meeting (bits of [`crate::arguments::ARGUMENTS`]).
    #[serde(default)]
    pub known: u32,
}

/// One round at a traced table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundTrace {
    /// Turns in order: (member index, duration).
    pub turns: Vec<(u8, f64)>,
    /// Every member's preferences after the round.
    pub prefs_after: Vec<Prefs>,
    /// Per turn (in the order of `turns`), the argument voiced and who took it up (empty when
    /// the meeting averages preferences).
    #[serde(default)]
    pub arguments: Vec<TurnArgument>,
}

/// What one traced turn said and whom it moved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TurnArgument {
    /// Index into [`crate::arguments::ARGUMENTS`], or `None` when the speaker knew none.
    pub argument: Option<u8>,
    /// Members (indices into the table's members) who took the argument up and moved.
    pub moved: Vec<u8>,
}

/// Status of citizen `i` (0 – 1 with the default weights): skill, assertiveness and
/// organisational backing, weighted by `meeting.status_skill`, `status_assertiveness` and
/// `status_backing`.
#[must_use]
pub fn status(pop: &Population, i: usize, m: &MeetingParams) -> f64 {
    let backing = if pop.association[i] > 0 { 1.0 } else { 0.0 };
    m.status_skill * f64::from(pop.civic_skill[i])
        + m.status_assertiveness * f64::from(pop.assertiveness[i])
        + m.status_backing * backing
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
    let mut known: Vec<Known> = arguments::knowledge_of(pop, scenario, attendees);
    let mut speaking_time = vec![0.0f64; n];
    let mut learned = 0u32;

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
    let exchange = m.update != MeetingUpdate::Averaging;
    let bounded = m.update != MeetingUpdate::Arguments;
    let impact = scenario.arguments.impact;
    let mut traces = Vec::new();
    let mut weights = Vec::new();
    let mut order = Vec::new();
    let mut citizens = Vec::new();
    let mut statuses = Vec::new();
    let mut turns = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        citizens.clear();
        citizens.extend(table.iter().map(|&s| attendees[s as usize] as usize));
        statuses.clear();
        statuses.extend(citizens.iter().map(|&i| status(pop, i, m)));
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
                    known: known[slot as usize],
                })
                .collect(),
            rounds: Vec::new(),
            proposals: Vec::new(),
        });
        let len = table.len();
        for _ in 0..m.rounds {
            turns.clear();
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
                        .map(|&k| (k, f + (1.0 - f) * turn_length(pop, citizens[k], m))),
                );
            } else {
                for _ in 0..len {
                    let k = usize::from(pick(rng, &weights));
                    turns.push((k, turn_length(pop, citizens[k], m)));
                }
            }
            let mut said = Vec::new();
            for &(k, duration) in &turns {
                let speaker_slot = table[k] as usize;
                speaking_time[speaker_slot] += duration;
                if exchange {
                    let voiced = exchange_turn(
                        &mut Exchange {
                            prefs: &mut prefs,
                            known: &mut known,
                            learned: &mut learned,
                        },
                        table,
                        k,
                        statuses[k],
                        scenario,
                        (ideal, bounded, impact),
                        rng,
                        traced,
                    );
                    if traced {
                        said.push(voiced);
                    }
                    continue;
                }
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
                    if f64::from(arguments::distance(&spoken, listener)) <= m.confidence_bound {
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
                    arguments: said,
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
        learned,
        trace: trace.then_some(MeetingTrace {
            format: m.format,
            tables: traces,
        }),
    }
}

/// The meeting's state an argument-exchange turn changes.
struct Exchange<'a> {
    prefs: &'a mut [Prefs],
    known: &'a mut [Known],
    learned: &'a mut u32,
}

/// One argument-exchange turn of member `k` at `table` (see the module documentation). `mode`
/// is (ideal format, bounded confidence, impact). Returns what was said and whom it moved (the
/// list of members only when `traced`).
#[allow(clippy::too_many_arguments)]
fn exchange_turn(
    state: &mut Exchange<'_>,
    table: &[u32],
    k: usize,
    speaker_status: f64,
    scenario: &Scenario,
    (ideal, bounded, impact): (bool, bool, f64),
    rng: &mut StageRng,
    traced: bool,
) -> TurnArgument {
    let m = &scenario.meeting;
    let speaker_slot = table[k] as usize;
    let spoken = state.prefs[speaker_slot];
    let mine = state.known[speaker_slot];
    let mut w = [0.0f64; ARGUMENT_COUNT];
    let mut total = 0.0;
    for (a, x) in ARGUMENTS.iter().enumerate() {
        // The weight `p` (for) or `1 − p` (against) where the speaker knows the argument, and 0
        // where not, looked up rather than chosen by jumps on the speaker's knowledge (random,
        // so mispredicted); adding the zeros leaves `total` as it was.
        let p = f64::from(spoken[usize::from(x.category)]);
        let unknown = usize::from(mine & (1 << a) == 0);
        w[a] = [1.0 - p, p, 0.0, 0.0][usize::from(x.pro) | unknown << 1];
        total += w[a];
    }
    let mut said = TurnArgument {
        argument: None,
        moved: Vec::new(),
    };
    if total <= 0.0 {
        return said;
    }
    let a = usize::from(pick(rng, &w));
    said.argument = Some(a as u8);
    let x = &ARGUMENTS[a];
    let c = usize::from(x.category);
    let q = if ideal {
        x.strength
    } else {
        (1.0 - m.status_persuasion) * x.strength + m.status_persuasion * speaker_status
    };
    let v = arguments::value(a, impact);
    let bit: Known = 1 << a;
    for (l, &slot) in table.iter().enumerate() {
        let slot = slot as usize;
        if l == k || state.known[slot] & bit != 0 {
            continue;
        }
        if bounded
            && f64::from(arguments::distance(&spoken, &state.prefs[slot])) > m.confidence_bound
        {
            continue;
        }
        if unit(rng) < q {
            state.known[slot] |= bit;
            let p = &mut state.prefs[slot][c];
            *p = (*p + v).clamp(0.0, 1.0);
            *state.learned += 1;
            if traced {
                said.moved.push(l as u8);
            }
        }
    }
    said
}

/// How long citizen `i` holds the floor when nobody evens it out:
/// `½ + turn_skill·skill + turn_assertiveness·assertiveness` (`meeting.turn_*`, ½ each by default).
fn turn_length(pop: &Population, i: usize, m: &MeetingParams) -> f64 {
    0.5 + m.turn_skill * f64::from(pop.civic_skill[i])
        + m.turn_assertiveness * f64::from(pop.assertiveness[i])
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
        s.meeting.update = MeetingUpdate::Averaging;
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

    #[test]
    fn arguments_move_listeners_by_their_value_and_the_trace_says_who() {
        let (pop, attendees, mut s) = setup(MeetingFormat::Realistic);
        let before: Vec<Prefs> = attendees
            .iter()
            .map(|&i| std::array::from_fn(|c| pop.prefs[c][i as usize]))
            .collect();
        let d = meet(&pop, &attendees, &s, true);
        assert!(d.learned > 0);
        assert_ne!(d.prefs_after, before);
        let trace = d.trace.unwrap();
        let mut moved = 0;
        for table in &trace.tables {
            // What each member knows so far: what they came with and what they took up.
            let mut known: Vec<u32> = table.members.iter().map(|m| m.known).collect();
            for round in &table.rounds {
                assert_eq!(round.arguments.len(), round.turns.len());
                for (turn, said) in round.turns.iter().zip(&round.arguments) {
                    let Some(a) = said.argument else {
                        assert!(said.moved.is_empty());
                        continue;
                    };
                    // The speaker knew it; nobody who moved is the speaker or knew it before.
                    assert!(known[usize::from(turn.0)] & (1 << a) != 0);
                    for &l in &said.moved {
                        assert_ne!(l, turn.0);
                        assert_eq!(known[usize::from(l)] & (1 << a), 0);
                        known[usize::from(l)] |= 1 << a;
                        moved += 1;
                    }
                }
            }
        }
        assert!(moved > 0);
        // Arguments without impact change nothing, though they are still learned.
        s.arguments.impact = 0.0;
        let d = meet(&pop, &attendees, &s, false);
        assert!(d.learned > 0);
        assert_eq!(d.prefs_after, before);
    }
}
