//! A picture-sized sample of a run's own citizens, for the app's town: who was invited and how,
//! who came, who spoke and for how long, who voted and whose favourite project was funded.
//!
//! The sample is stratified by what happened to each citizen in the first year (invited or not,
//! came or not, spoke or not, voted or not). Everyone who came to the meeting is shown when they fill at most
//! half of the picture; the rest of the picture is a simple random sample within each stratum,
//! every stratum that has members getting at least one figure. Each figure carries a weight, the
//! number of citizens of its stratum it stands for, so the weighted count of any stage equals the
//! report's count for that stage exactly, and the unweighted count of attendees and speakers is
//! the meeting's own when everyone who came is shown. The draw uses a stream of its own
//! ([`Stage::Town`]): taking a sample changes no result of the run.

use crate::Outcome;
use crate::population::Population;
use crate::rng::{Stage, stream, unit};
use crate::scenario::Strategy;

/// How a citizen heard of the meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// Not invited and did not hear of it.
    None,
    /// Heard of the open call (notice, local media, word of mouth).
    Notice,
    /// A letter (a random sample, or last year's attendees asked again).
    Letter,
    /// A knock on the door: personal outreach to the marginalised.
    Knock,
    /// A call from their association.
    Association,
}

/// One figure of the town: a real member of the simulated population.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The citizen's index in the population.
    pub citizen: u32,
    /// District code, 0-based.
    pub district: u8,
    /// Age band code (see [`crate::attributes::AGE_BANDS`]).
    pub age_band: u8,
    /// 0 = woman, 1 = man.
    pub gender: u8,
    /// Whether they have school-age children at home.
    pub children: bool,
    /// Whether they are marginalised.
    pub marginalised: bool,
    /// Whether they are a member of an association.
    pub member: bool,
    /// How they were invited ([`Channel::None`]: not invited).
    pub channel: Channel,
    /// Came to the meeting.
    pub attended: bool,
    /// Speaking time at the meeting (0 for those who did not speak or did not come).
    pub speaking: f64,
    /// Voted.
    pub voted: bool,
    /// Their favourite project on the ballot was funded.
    pub wish_funded: bool,
    /// How many citizens of the population this figure stands for (1 for everyone who came,
    /// when every attendee is shown).
    pub weight: f64,
}

impl Figure {
    /// Whether they were invited (or heard of the open call).
    #[must_use]
    pub fn invited(&self) -> bool {
        self.channel != Channel::None
    }

    /// Whether they spoke at the meeting.
    #[must_use]
    pub fn spoke(&self) -> bool {
        self.speaking > 0.0
    }
}

/// The sample.
#[derive(Clone, Debug, PartialEq)]
pub struct Town {
    /// Citizens in the population.
    pub population: u32,
    /// Number of districts.
    pub districts: u8,
    /// Whether every attendee of the meeting is among the figures.
    pub all_attendees: bool,
    /// The figures, in the population's order.
    pub figures: Vec<Figure>,
}

impl Town {
    /// The number of citizens the figures with `pick` stand for (exact per stratum).
    #[must_use]
    pub fn weighted(&self, pick: impl Fn(&Figure) -> bool) -> f64 {
        self.figures
            .iter()
            .filter(|f| pick(f))
            .map(|f| f.weight)
            .sum()
    }

    /// The number of figures with `pick`.
    #[must_use]
    pub fn count(&self, pick: impl Fn(&Figure) -> bool) -> u32 {
        self.figures.iter().filter(|f| pick(f)).count() as u32
    }
}

const STRATA: usize = 16;

/// Figures per stratum: everything for the strata in `all`, then `room` spread over the others in
/// proportion to their sizes (largest remainders; at least one figure for each non-empty one, at
/// most its size).
fn allocate(sizes: &[u32; STRATA], all: &[bool; STRATA], room: u32) -> [u32; STRATA] {
    let mut out = [0u32; STRATA];
    let mut rest_total = 0u64;
    let mut nonempty = 0u32;
    for s in 0..STRATA {
        if all[s] {
            out[s] = sizes[s];
        } else if sizes[s] > 0 {
            rest_total += u64::from(sizes[s]);
            nonempty += 1;
        }
    }
    if rest_total == 0 {
        return out;
    }
    let spread = u64::from(room.saturating_sub(nonempty));
    let mut rema = [0u64; STRATA];
    let mut given = 0u64;
    for s in 0..STRATA {
        if !all[s] && sizes[s] > 0 {
            let exact = spread * u64::from(sizes[s]);
            let share = exact / rest_total;
            rema[s] = exact % rest_total;
            out[s] = 1 + share as u32;
            given += share;
        }
    }
    // Hand out what the floors left over, largest remainder first (ties: the lower stratum).
    for _ in given..spread {
        let mut best: Option<usize> = None;
        for s in 0..STRATA {
            if !all[s] && sizes[s] > 0 && best.is_none_or(|b| rema[s] > rema[b]) {
                best = Some(s);
            }
        }
        let Some(b) = best else { break };
        out[b] += 1;
        rema[b] = 0;
    }
    for s in 0..STRATA {
        out[s] = out[s].min(sizes[s]);
    }
    out
}

/// Up to `n` of the run's citizens (at least 16 when the population has them), drawn as described
/// in the module's documentation. `pop` must be the population `out` was simulated on.
#[must_use]
#[allow(
    clippy::too_many_lines,
    reason = "one stratified draw: the strata, their quotas, the draw and the weights in order"
)]
pub fn sample(pop: &Population, out: &Outcome, n: u32) -> Town {
    let y = &out.first;
    let size = pop.len();
    let n = n.max(STRATA as u32);
    let mut slot = vec![u32::MAX; size];
    for (k, &i) in y.attendees.iter().enumerate() {
        slot[i as usize] = k as u32;
    }
    let mut voted = vec![false; size];
    for &i in &y.voters {
        voted[i as usize] = true;
    }
    let stratum = |i: usize| {
        usize::from(y.invitation.invited[i])
            | usize::from(slot[i] != u32::MAX) << 1
            | usize::from(voted[i]) << 2
            | usize::from(
                slot[i] != u32::MAX && y.deliberation.speaking_time[slot[i] as usize] > 0.0,
            ) << 3
    };
    let mut sizes = [0u32; STRATA];
    for i in 0..size {
        sizes[stratum(i)] += 1;
    }
    let attendees = y.attendees.len() as u32;
    let everyone = size as u64 <= u64::from(n);
    let mut all = [everyone; STRATA];
    let all_attendees = everyone || attendees <= n / 2;
    if all_attendees {
        for (s, a) in all.iter_mut().enumerate() {
            *a |= s & 2 != 0;
        }
    }
    let taken: u32 = (0..STRATA).filter(|&s| all[s]).map(|s| sizes[s]).sum();
    let want = allocate(&sizes, &all, n.saturating_sub(taken));
    let weight: Vec<f64> = (0..STRATA)
        .map(|s| {
            if want[s] == 0 {
                0.0
            } else {
                f64::from(sizes[s]) / f64::from(want[s])
            }
        })
        .collect();
    let letter_like = matches!(
        out.report.strategy,
        Strategy::Letters | Strategy::Stratified | Strategy::OpenCall
    );
    let channel = |i: usize| {
        if !y.invitation.invited[i] {
            Channel::None
        } else if y.invitation.intensity[i] <= 0.0 {
            Channel::Notice
        } else if letter_like || pop.habit[i] >= 1.0 {
            Channel::Letter
        } else if out.report.strategy == Strategy::Targeted {
            Channel::Knock
        } else {
            Channel::Association
        }
    };
    // Selection sampling (Knuth's algorithm S) within each stratum, in the population's order.
    let mut rng = stream(out.report.seed, Stage::Town);
    let mut left = sizes;
    let mut need = want;
    let mut figures = Vec::with_capacity(want.iter().sum::<u32>() as usize);
    for i in 0..size {
        let s = stratum(i);
        let take = need[s] > 0 && unit(&mut rng) * f64::from(left[s]) < f64::from(need[s]);
        left[s] -= 1;
        if !take {
            continue;
        }
        need[s] -= 1;
        let speaking = match slot[i] {
            u32::MAX => 0.0,
            k => y.deliberation.speaking_time[k as usize],
        };
        let wish_funded = y
            .favourites
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|k| y.funded.get(usize::from(k)).copied().unwrap_or(false));
        figures.push(Figure {
            citizen: i as u32,
            district: pop.district[i],
            age_band: pop.age_band[i],
            gender: pop.gender[i],
            children: pop.children[i] == crate::attributes::YES,
            marginalised: pop.marginalised[i] == crate::attributes::YES,
            member: pop.association[i] > 0,
            channel: channel(i),
            attended: slot[i] != u32::MAX,
            speaking,
            voted: voted[i],
            wish_funded,
            weight: weight[s],
        });
    }
    Town {
        population: size as u32,
        districts: pop.districts,
        all_attendees,
        figures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocation_is_proportional_with_one_each_and_exact_room() {
        let mut sizes = [0; STRATA];
        sizes[..3].copy_from_slice(&[900, 90, 10]);
        let got = allocate(&sizes, &[false; STRATA], 100);
        assert_eq!(got.iter().sum::<u32>(), 100);
        assert!(got[0] >= 88 && got[1] >= 9 && got[2] >= 1, "{got:?}");
        let got = allocate(
            &sizes,
            &{
                let mut all = [false; STRATA];
                all[2] = true;
                all
            },
            50,
        );
        assert_eq!(got[2], 10, "a take-all stratum is taken whole");
        assert_eq!(got[0] + got[1], 50);
        assert_eq!(
            allocate(
                &{
                    let mut s = [0; STRATA];
                    s[0] = 3;
                    s
                },
                &[false; STRATA],
                50
            )[0],
            3
        );
    }
}
