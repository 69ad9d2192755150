//! One year of the process, from invitation to allocation, and the feedback that carries into the
//! next year (DESIGN §2.2 steps 2–8).

use crate::deliberation::{Deliberation, deliberate};
use crate::invitation::{self, Invitation};
use crate::metrics::Counts;
use crate::pb::Allocation;
use crate::population::Population;
use crate::proposals::{self, Proposal};
use crate::rng::{Stage, StageRng, below_logistic, cycle_stream, unit};
use crate::scenario::{BallotKind, DecisionChannel, Initiative, RulesBy, Scenario, Strategy};
use crate::selection::Panel;
use crate::split::{Threads, kept};
use crate::vote::{self, BallotProject, LengthDraw};
use crate::{attendance, decision, need, selection};

/// Everything one year produced.
#[derive(Clone, Debug)]
pub struct Year {
    /// Who was invited.
    pub invitation: Invitation,
    /// Citizens who said yes (the pool, for stratified sortition).
    pub willing: Vec<u32>,
    /// The stratified panel, if any.
    pub panel: Option<Panel>,
    /// Attendees (citizen indices).
    pub attendees: Vec<u32>,
    /// The meeting.
    pub deliberation: Deliberation,
    /// Every proposal, vetoed ones included.
    pub proposals: Vec<Proposal>,
    /// Indices into `proposals` of the ballot, in ballot order.
    pub on_ballot: Vec<usize>,
    /// The ballot's projects.
    pub projects: Vec<BallotProject>,
    /// Voters (citizen indices).
    pub voters: Vec<u32>,
    /// The channel each voter used, in voter order.
    pub channels: Vec<vote::Channel>,
    /// Per voter, the approval limit drawn from `vote.ballot_lengths` (empty when the scenario
    /// has no length distribution or the ballots are cumulative).
    pub caps: Vec<u8>,
    /// Per ballot project: voters who approved (listed) it.
    pub supporters: Vec<Vec<u32>>,
    /// The allocation of the vote.
    pub allocation: Allocation,
    /// Funded flags per ballot project.
    pub funded: Vec<bool>,
    /// Per ballot project, whether it was carried out (funded, and completed by its proposers
    /// under `decision.implementer = proposers`; see [`crate::decision`]).
    pub completed: Vec<bool>,
    /// The counterfactual allocation (every citizen votes sincerely).
    pub allocation_all: Allocation,
    /// Counterfactual funded flags.
    pub funded_all: Vec<bool>,
    /// Each citizen's favourite ballot project by true utility (see [`favourites`]).
    pub favourites: Vec<Option<u16>>,
    /// Staff hours including responses to letters.
    pub staff_hours: f64,
}

/// Simulates year `year` (0-based) on `pop` (whose efficacy, trust and habit carry the earlier
/// years' feedback).
#[must_use]
pub fn simulate_year(
    pop: &Population,
    scenario: &Scenario,
    counts: &Counts,
    year: u32,
    trace: bool,
) -> Year {
    simulate_year_on(pop, scenario, counts, (year, trace), Threads::One)
}

/// [`simulate_year`] on `threads`: with two, the sincere counterfactual runs beside the vote
/// (when no ballot lengths are drawn, whose one stream both would share). The same year.
#[must_use]
#[allow(
    clippy::too_many_lines,
    reason = "model code: one year of the pipeline, stage after stage, in the order of the DESIGN pipeline"
)]
pub fn simulate_year_on(
    pop: &Population,
    scenario: &Scenario,
    counts: &Counts,
    (year, trace): (u32, bool),
    threads: Threads,
) -> Year {
    let seed = scenario.seed;
    let invitation = invitation::invite_on(pop, scenario, year, threads);
    let stakes = attendance::stakes(scenario);

    // One draw per citizen, invited or not, so the two halves of the population can be drawn
    // apart.
    let rng = cycle_stream(seed, Stage::Attendance, year);
    let own_stakes = need::stakes_table(stakes, scenario);
    let willing = threads
        .halves(pop.len(), rng, |citizens, rng| {
            kept(citizens, |i| {
                let u = unit(rng);
                invitation.invited[i]
                    && below_logistic(
                        u,
                        attendance::score_with(
                            pop,
                            i,
                            invitation.intensity[i],
                            own_stakes[usize::from(need::served_bits(pop, i) & 63)],
                            scenario,
                        ),
                    )
            })
            .into_iter()
            .map(|i| i as u32)
            .collect::<Vec<_>>()
        })
        .concat();
    let mut staff_hours = invitation.staff_hours;
    let mut panel = None;
    let attendees = match scenario.invitation.strategy {
        Strategy::Stratified => {
            staff_hours += willing.len() as f64 * scenario.costs.hours_per_response;
            let inv = &scenario.invitation;
            let mut rng = cycle_stream(seed, Stage::Selection, year);
            let p = selection::select(
                pop,
                counts,
                &willing,
                inv.panel_size,
                inv.selection_replicates,
                inv.selection,
                &mut rng,
            );
            let attendees = p
                .members
                .iter()
                .copied()
                .filter(|_| unit(&mut rng) >= inv.panel_dropout)
                .collect();
            panel = Some(p);
            attendees
        }
        Strategy::Letters => {
            staff_hours += willing.len() as f64 * scenario.costs.hours_per_response;
            willing.clone()
        }
        _ => willing.clone(),
    };

    let deliberation = deliberate(
        pop,
        &attendees,
        scenario,
        &mut cycle_stream(seed, Stage::Deliberation, year),
        trace,
    );
    let mut vote_rng = cycle_stream(seed, Stage::Vote, year);
    let (proposals, from_tables) =
        proposals::propose(pop, &attendees, &deliberation, scenario, &mut vote_rng);
    let mut deliberation = deliberation;
    if let Some(t) = deliberation.trace.as_mut() {
        for (table, picked) in t.tables.iter_mut().zip(&from_tables) {
            table.proposals = picked
                .iter()
                .map(|&(k, c)| {
                    (
                        k,
                        crate::attributes::PROJECT_CATEGORIES[usize::from(c)].to_string(),
                    )
                })
                .collect();
        }
    }
    let on_ballot = proposals::ballot(&proposals, scenario.vote.max_projects);
    let projects = vote::ballot_projects(&proposals, &on_ballot);
    let table = vote::UtilityTable::citizen(&projects, scenario, pop.districts);
    let instance = vote::instance(&projects, scenario.budget);

    // Attendees vote with their preferences after the meeting; everyone else with their own.
    let mut slot_of = vec![u32::MAX; pop.len()];
    for (slot, &i) in attendees.iter().enumerate() {
        slot_of[i as usize] = slot as u32;
    }
    let v = &scenario.vote;
    // Ballot lengths from `vote.ballot_lengths`: one draw per voter in voter order, then one per
    // citizen for the counterfactual, from a stream of their own (none without the field).
    let lengths = (v.ballot == BallotKind::Approval)
        .then(|| v.ballot_lengths.as_deref().and_then(LengthDraw::new))
        .flatten();
    let mut length_rng = cycle_stream(seed, Stage::BallotLength, year);
    let ballot = Ballot {
        projects: &projects,
        table: &table,
        instance: &instance,
        // Approval ballots travel as bit masks (no list per voter); other ballots as lists.
        masks_fit: v.ballot == BallotKind::Approval && projects.len() <= 128,
        lengths: lengths.as_ref(),
        scenario,
    };
    let meeting = Meeting {
        attendees: &attendees,
        slot_of: &slot_of,
        prefs_after: &deliberation.prefs_after,
        intensity: &invitation.intensity,
        stakes,
        proposals: &proposals,
        on_ballot: &on_ballot,
    };
    let vote_year = (seed, year);
    let (cast, sincere) = if lengths.is_none() && threads.two() {
        // No length is drawn, so the citizens' sincere ballots can be cast in any order: the
        // second thread starts on them in chunks while this one runs the vote, then helps.
        let n = pop.len();
        let (cast, parts) = threads.first_then_share(
            || ballot.cast(pop, &meeting, vote_year, &mut vote_rng, &mut length_rng),
            n.div_ceil(SINCERE_CHUNK),
            |k| {
                let citizens = k * SINCERE_CHUNK..n.min((k + 1) * SINCERE_CHUNK);
                // Never drawn from (no lengths): any stream will do.
                ballot.sincere_part(
                    pop,
                    citizens,
                    &mut cycle_stream(seed, Stage::BallotLength, year),
                )
            },
        );
        (cast, ballot.sincere(parts))
    } else {
        // In order: the voters' lengths first, then one per citizen, from the one stream.
        let cast = ballot.cast(pop, &meeting, vote_year, &mut vote_rng, &mut length_rng);
        let part = ballot.sincere_part(pop, 0..pop.len(), &mut length_rng);
        (cast, ballot.sincere(vec![part]))
    };
    let funded_all = vote::funded_flags(&sincere.allocation, projects.len());

    Year {
        invitation,
        willing,
        panel,
        attendees,
        deliberation,
        proposals,
        on_ballot,
        projects,
        voters: cast.voters,
        channels: cast.channels,
        caps: cast.caps,
        supporters: cast.supporters,
        allocation: cast.allocation,
        funded: cast.funded,
        completed: cast.completed,
        allocation_all: sincere.allocation,
        funded_all,
        favourites: sincere.favourites,
        staff_hours,
    }
}

/// What the vote of a year needs from its meeting.
struct Meeting<'a> {
    attendees: &'a [u32],
    /// Each citizen's seat among the attendees (`u32::MAX` when absent).
    slot_of: &'a [u32],
    prefs_after: &'a [crate::deliberation::Prefs],
    intensity: &'a [f32],
    stakes: f64,
    proposals: &'a [Proposal],
    on_ballot: &'a [usize],
}

/// A year's ballot: its projects' utilities and PB instance, and how ballots are cast.
struct Ballot<'a> {
    projects: &'a [BallotProject],
    table: &'a vote::UtilityTable,
    instance: &'a crate::pb::Instance,
    /// Approval ballots as bit masks (at most 128 projects).
    masks_fit: bool,
    lengths: Option<&'a LengthDraw>,
    scenario: &'a Scenario,
}

/// The vote as cast ([`Ballot::cast`]).
struct Cast {
    voters: Vec<u32>,
    channels: Vec<vote::Channel>,
    caps: Vec<u8>,
    supporters: Vec<Vec<u32>>,
    allocation: Allocation,
    funded: Vec<bool>,
    completed: Vec<bool>,
}

/// Citizens per chunk of the sincere counterfactual on two threads.
const SINCERE_CHUNK: usize = 2048;

/// The sincere ballots of some citizens, in citizen order ([`Ballot::sincere_part`]).
#[derive(Default)]
struct SincerePart {
    favourites: Vec<Option<u16>>,
    /// Approval masks, when they fit.
    masks: Vec<u128>,
    /// Ballots as lists, when masks do not fit.
    ballots: Vec<vote::BallotContent>,
}

/// The counterfactual where every citizen votes sincerely ([`Ballot::sincere`]).
struct Sincere {
    allocation: Allocation,
    favourites: Vec<Option<u16>>,
}

impl Ballot<'_> {
    /// Ballot lengths for approval voters, one draw per call, or `vote.max_approvals`.
    fn cap(&self, rng: &mut StageRng) -> u8 {
        self.lengths
            .map_or(self.scenario.vote.max_approvals, |d| d.draw(rng))
    }

    /// Who votes, through which channel and for what; the allocation under the decision
    /// channel, and what of it is carried out.
    fn cast(
        &self,
        pop: &Population,
        m: &Meeting,
        (seed, year): (u64, u32),
        vote_rng: &mut StageRng,
        length_rng: &mut StageRng,
    ) -> Cast {
        let scenario = self.scenario;
        let projects = self.projects.len();
        let attended: Vec<bool> = m.slot_of.iter().map(|&s| s != u32::MAX).collect();
        // Who decides (`decision.channel`): everyone may vote, or the attendees alone (who also
        // advise the municipality under `advisory`).
        let voters = match scenario.decision.channel {
            DecisionChannel::Everyone => {
                vote::voters(pop, &attended, m.intensity, m.stakes, scenario, vote_rng)
            }
            DecisionChannel::Attendees | DecisionChannel::Advisory => {
                let mut v = m.attendees.to_vec();
                crate::sort::by_key(&mut v, |&i| i);
                v
            }
        };
        let channels = vote::channels(
            pop,
            &voters,
            &attended,
            scenario,
            &mut cycle_stream(seed, Stage::Channel, year),
        );
        let v = &scenario.vote;
        let mut caps = Vec::new();
        let mut scratch = Vec::new();
        let mut u = Vec::with_capacity(projects);
        let mut supporters = vec![Vec::new(); projects];
        let mut masks = Vec::new();
        let mut ballots = Vec::new();
        for &i in &voters {
            let i = i as usize;
            let prefs = if m.slot_of[i] == u32::MAX {
                vote::true_prefs(pop, i)
            } else {
                m.prefs_after[m.slot_of[i] as usize]
            };
            let limit = self.cap(length_rng);
            if self.lengths.is_some() {
                caps.push(limit);
            }
            if self.masks_fit {
                let mask =
                    capped_approvals(self.table, &prefs, pop, i, v, limit, &mut u, &mut scratch).0;
                let mut bits = mask;
                while bits != 0 {
                    supporters[bits.trailing_zeros() as usize].push(i as u32);
                    bits &= bits - 1;
                }
                masks.push(mask);
            } else {
                self.table.fill(&prefs, pop, i, &mut u);
                let b = vote::ballot_from_utilities_with_cap(&u, v, limit, &mut scratch);
                match &b {
                    vote::BallotContent::Approval(list) => {
                        for &k in list {
                            supporters[k as usize].push(i as u32);
                        }
                    }
                    vote::BallotContent::Points(list) => {
                        for &(k, _) in list {
                            supporters[k as usize].push(i as u32);
                        }
                    }
                }
                ballots.push(b);
            }
        }
        let allocation = if scenario.decision.channel == DecisionChannel::Advisory {
            decision::advise(self.projects, &supporters, voters.len(), scenario)
        } else {
            self.allocate(&masks, ballots)
        };
        let funded = vote::funded_flags(&allocation, projects);
        let completed = decision::complete(
            pop,
            m.proposals,
            m.on_ballot,
            &funded,
            scenario,
            &mut cycle_stream(seed, Stage::Implementation, year),
        );
        Cast {
            voters,
            channels,
            caps,
            supporters,
            allocation,
            funded,
            completed,
        }
    }

    /// The sincere ballots and favourite projects of `citizens` (see [`Ballot::sincere`]), with
    /// one length drawn per citizen from `length_rng` when lengths are drawn.
    fn sincere_part(
        &self,
        pop: &Population,
        citizens: std::ops::Range<usize>,
        length_rng: &mut StageRng,
    ) -> SincerePart {
        let v = &self.scenario.vote;
        let n = citizens.len();
        let mut u = Vec::with_capacity(self.projects.len());
        let mut scratch = Vec::new();
        let mut part = SincerePart {
            favourites: Vec::with_capacity(n),
            masks: Vec::with_capacity(if self.masks_fit { n } else { 0 }),
            ballots: Vec::new(),
        };
        for i in citizens {
            let prefs = vote::true_prefs(pop, i);
            let limit = self.cap(length_rng);
            if self.masks_fit {
                let (mask, top) =
                    capped_approvals(self.table, &prefs, pop, i, v, limit, &mut u, &mut scratch);
                part.favourites.push(top);
                part.masks.push(mask);
            } else {
                self.table.fill(&prefs, pop, i, &mut u);
                part.favourites.push(favourite(&u));
                part.ballots.push(vote::ballot_from_utilities_with_cap(
                    &u,
                    v,
                    limit,
                    &mut scratch,
                ));
            }
        }
        part
    }

    /// The counterfactual: every citizen votes sincerely (true preferences), from the parts of
    /// [`Ballot::sincere_part`] in citizen order; the same pass found each citizen's favourite.
    fn sincere(&self, parts: Vec<SincerePart>) -> Sincere {
        let mut parts = parts.into_iter();
        let mut all = parts.next().unwrap_or_default();
        for part in parts {
            all.favourites.extend(part.favourites);
            all.masks.extend(part.masks);
            all.ballots.extend(part.ballots);
        }
        Sincere {
            allocation: self.allocate(&all.masks, all.ballots),
            favourites: all.favourites,
        }
    }

    /// The allocation of the ballot's rule ([`vote::allocate`]).
    fn allocate(&self, masks: &[u128], ballots: Vec<vote::BallotContent>) -> Allocation {
        vote::allocate(
            &self.scenario.vote,
            self.instance,
            (self.masks_fit, masks),
            ballots,
        )
    }
}

/// Citizen `i`'s approval ballot as a mask (at most 128 projects) with at most `cap` approvals
/// (0 = no limit), as [`vote::approval_mask_with_cap`] of the utilities of `table`, and their
/// favourite project ([`favourite`]). The utilities are stored (in `u`) only when the citizen
/// approves of more than `cap` projects and the best must be chosen. Always inlined, so that the
/// callers who have no use for the favourite do not work it out.
#[allow(
    clippy::too_many_arguments,
    reason = "the citizen, the vote and two scratch buffers reused across citizens"
)]
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn capped_approvals(
    table: &vote::UtilityTable,
    prefs: &crate::deliberation::Prefs,
    pop: &Population,
    i: usize,
    v: &crate::scenario::VoteParams,
    cap: u8,
    u: &mut Vec<f64>,
    scratch: &mut Vec<(f64, u32)>,
) -> (u128, Option<u16>) {
    let (mask, top) = table.approvals(prefs, pop, i, v.threshold);
    if cap > 0 && mask.count_ones() > u32::from(cap) {
        table.fill(prefs, pop, i, u);
        return (vote::approval_mask_with_cap(u, v, cap, scratch), top);
    }
    (mask, top)
}

/// Citizen `i`'s utilities for the ballot's `projects` with preferences `prefs`: the preferences
/// tilted by need ([`need::weigh`]), [`vote::utilities`] of them, times each project's scale
/// factor (`sizes`, from [`need::sizes`]).
#[inline]
pub fn citizen_utilities(
    prefs: &crate::deliberation::Prefs,
    pop: &Population,
    i: usize,
    projects: &[BallotProject],
    sizes: &[f64],
    scenario: &Scenario,
    out: &mut Vec<f64>,
) {
    let weighed = need::weigh(prefs, pop, i, &scenario.need);
    vote::utilities(
        &weighed,
        pop.district[i],
        projects,
        scenario.vote.district_bonus,
        out,
    );
    for (x, f) in out.iter_mut().zip(sizes) {
        *x *= f;
    }
}

/// Index of each citizen's favourite ballot project by true utility ([`citizen_utilities`];
/// ties: earlier on the ballot), or `None` when the ballot is empty or every utility is zero.
#[must_use]
pub fn favourites(
    pop: &Population,
    projects: &[BallotProject],
    scenario: &Scenario,
) -> Vec<Option<u16>> {
    let table = vote::UtilityTable::citizen(projects, scenario, pop.districts);
    let mut u = Vec::with_capacity(projects.len());
    (0..pop.len())
        .map(|i| {
            if projects.len() <= 128 {
                table.approvals(&vote::true_prefs(pop, i), pop, i, 0.0).1
            } else {
                table.fill(&vote::true_prefs(pop, i), pop, i, &mut u);
                favourite(&u)
            }
        })
        .collect()
}

/// The first ballot position with the highest positive utility, or `None` if none is positive.
pub(crate) fn favourite(utilities: &[f64]) -> Option<u16> {
    // `best` starts at 0, so only a positive utility is taken, and only a strictly higher one
    // replaces it (ties keep the earlier position).
    let (mut best, mut at) = (0.0, u16::MAX);
    for (k, &x) in utilities.iter().enumerate() {
        let higher = x > best;
        best = if higher { x } else { best };
        at = if higher { k as u16 } else { at };
    }
    (at != u16::MAX).then_some(at)
}

/// Applies the year's feedback to efficacy, trust and habit (DESIGN §2.2 step 8).
pub fn feedback(pop: &mut Population, y: &Year, scenario: &Scenario, favourite: &[Option<u16>]) {
    let mut traits = Feedback {
        efficacy: &mut pop.efficacy,
        trust: &mut pop.trust,
        habit: &mut pop.habit,
    };
    feedback_on(&mut traits, y, scenario, favourite);
}

/// The columns of a population that the yearly feedback changes, one entry per citizen.
pub struct Feedback<'a> {
    /// Political efficacy.
    pub efficacy: &'a mut [f32],
    /// Trust in the municipality.
    pub trust: &'a mut [f32],
    /// Habit of taking part.
    pub habit: &'a mut [f32],
}

/// [`feedback`] applied to the columns `pop` (of the population the year was simulated on).
pub fn feedback_on(
    pop: &mut Feedback<'_>,
    y: &Year,
    scenario: &Scenario,
    favourite: &[Option<u16>],
) {
    let f = &scenario.feedback;
    let n = pop.efficacy.len();
    let mut attended = vec![false; n];
    for &i in &y.attendees {
        attended[i as usize] = true;
    }
    let mut participant = attended.clone();
    for &i in &y.voters {
        participant[i as usize] = true;
    }
    let gain = |x: &mut f32, rate: f64| *x += (rate * (1.0 - f64::from(*x))) as f32;
    let lose = |x: &mut f32, rate: f64| *x -= (rate * f64::from(*x)) as f32;
    for i in 0..n {
        if participant[i] {
            let won = favourite[i].is_some_and(|k| y.completed[usize::from(k)]);
            if won {
                gain(&mut pop.efficacy[i], f.efficacy_gain);
                gain(&mut pop.trust[i], f.trust_gain);
            } else {
                lose(&mut pop.efficacy[i], f.efficacy_loss);
            }
        }
        if attended[i] {
            pop.habit[i] = 1.0;
            if scenario.municipality.initiative == Initiative::Citizens {
                gain(&mut pop.efficacy[i], scenario.municipality.ownership);
            }
        } else {
            pop.habit[i] *= (1.0 - f.habit_decay) as f32;
        }
        if scenario.municipality.rules_by == RulesBy::CoDesigned && attended[i] {
            gain(&mut pop.trust[i], scenario.municipality.co_design_trust);
        }
    }
    for p in y.proposals.iter().filter(|p| p.vetoed) {
        for &i in &p.proposers {
            lose(&mut pop.efficacy[i as usize], f.veto_efficacy_loss);
            lose(&mut pop.trust[i as usize], f.veto_trust_loss);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::favourite;

    #[test]
    fn favourite_is_the_first_highest_positive_utility() {
        assert_eq!(favourite(&[]), None);
        assert_eq!(favourite(&[0.0, 0.0]), None);
        assert_eq!(favourite(&[0.2, 0.7, 0.7, 0.1]), Some(1));
        assert_eq!(favourite(&[0.0, 0.3]), Some(1));
        assert_eq!(favourite(&[f64::NAN, 0.3, 0.9]), Some(2));
        assert_eq!(favourite(&[0.5, f64::NAN]), Some(0));
    }
}
