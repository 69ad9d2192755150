//! Geometry and state of one traced meeting table, step by step (one step = one speaking turn):
//! cumulative speaking time, the current speaker, and how far each member's preferences have
//! drifted from where they started.

use dialoglab_engine::deliberation::{Prefs, TableTrace, TurnArgument};

/// One member's state after a number of turns.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberState {
    /// Speaking time so far.
    pub talk: f64,
    /// Whether this member holds the current turn.
    pub speaking: bool,
    /// Mean absolute change of preferences since the start of the meeting (0 – 1).
    pub drift: f64,
}

/// Number of turns at the table (the last step).
#[must_use]
pub fn steps(table: &TableTrace) -> usize {
    table.rounds.iter().map(|r| r.turns.len()).sum()
}

fn drift(a: &Prefs, b: &Prefs) -> f64 {
    let n = a.len().max(1) as f64;
    a.iter()
        .zip(b)
        .map(|(x, y)| f64::from((x - y).abs()))
        .sum::<f64>()
        / n
}

/// Every member's state after `step` turns (0 = before anyone spoke). Preferences move at the end
/// of each round, as in the trace.
#[must_use]
pub fn state_at(table: &TableTrace, step: usize) -> Vec<MemberState> {
    let n = table.members.len();
    let mut talk = vec![0.0; n];
    let mut speaker = None;
    let mut left = step;
    let mut prefs: Vec<Prefs> = table.members.iter().map(|m| m.prefs_before).collect();
    for round in &table.rounds {
        if left == 0 {
            break;
        }
        let taken = left.min(round.turns.len());
        for &(m, d) in &round.turns[..taken] {
            if let Some(t) = talk.get_mut(usize::from(m)) {
                *t += d;
            }
            speaker = Some(usize::from(m));
        }
        left -= taken;
        if taken == round.turns.len() {
            prefs.clone_from(&round.prefs_after);
        }
    }
    (0..n)
        .map(|k| MemberState {
            talk: talk[k],
            speaking: speaker == Some(k) && step > 0,
            drift: prefs
                .get(k)
                .map_or(0.0, |p| drift(&table.members[k].prefs_before, p)),
        })
        .collect()
}

/// The turns taken after `step` steps, oldest first: the speaker (member index) and what they
/// said (`None` when the trace has no arguments, as under averaging).
#[must_use]
pub fn said_until(table: &TableTrace, step: usize) -> Vec<(usize, Option<&TurnArgument>)> {
    table
        .rounds
        .iter()
        .flat_map(|round| {
            round
                .turns
                .iter()
                .enumerate()
                .map(move |(k, &(m, _))| (usize::from(m), round.arguments.get(k)))
        })
        .take(step)
        .collect()
}

/// Seats evenly around a circle, the first at the top, clockwise.
#[must_use]
pub fn seats(n: usize, cx: f64, cy: f64, r: f64) -> Vec<(f64, f64)> {
    (0..n)
        .map(|k| {
            let (cos, sin) = cos_sin_turns(k as f64 / n.max(1) as f64 - 0.25);
            (cx + r * cos, cy + r * sin)
        })
        .collect()
}

/// Cosine and sine of `turns` whole turns (the angle `turns · 2π`). The angle is reduced to within
/// an eighth of a turn of a quarter turn and summed as a short Taylor series there (error below
/// 1e-15, far under a pixel). Plenty for placing seats, and without the general range reduction of
/// `f64::cos`/`f64::sin`, whose code and tables would add several kB to the initial download.
#[must_use]
pub fn cos_sin_turns(turns: f64) -> (f64, f64) {
    let t = turns - turns.floor();
    let quarter = (t * 4.0 + 0.5).floor();
    let x = (t - quarter / 4.0) * std::f64::consts::TAU;
    let x2 = x * x;
    // Horner form of cos x = Σ (−x²)ᵏ/(2k)! and sin x = x Σ (−x²)ᵏ/(2k+1)!, k ≤ 8.
    let (mut cos, mut sin) = (1.0, 1.0);
    for k in (1..=8).rev() {
        let k = f64::from(k);
        cos = 1.0 - x2 / ((2.0 * k - 1.0) * (2.0 * k)) * cos;
        sin = 1.0 - x2 / ((2.0 * k) * (2.0 * k + 1.0)) * sin;
    }
    let sin = x * sin;
    match quarter as u8 % 4 {
        0 => (cos, sin),
        1 => (-sin, cos),
        2 => (-cos, -sin),
        _ => (sin, -cos),
    }
}

/// Marker radius for a speaking time (area proportional to the share of the largest).
#[must_use]
pub fn radius(talk: f64, max_talk: f64) -> f64 {
    if max_talk <= 0.0 {
        6.0
    } else {
        6.0 + 12.0 * (talk / max_talk).clamp(0.0, 1.0).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cos_sin_turns_matches_the_standard_library() {
        for i in -2000..=2000 {
            let turns = f64::from(i) / 997.0;
            let (c, s) = cos_sin_turns(turns);
            let a = turns * std::f64::consts::TAU;
            assert!(
                (c - a.cos()).abs() < 1e-14,
                "cos at {turns} turns: {c} vs {}",
                a.cos()
            );
            assert!(
                (s - a.sin()).abs() < 1e-14,
                "sin at {turns} turns: {s} vs {}",
                a.sin()
            );
        }
        assert_eq!(cos_sin_turns(0.0), (1.0, 0.0));
        let (c, s) = cos_sin_turns(0.25);
        assert!(c.abs() < 1e-15 && (s - 1.0).abs() < 1e-15);
    }

    #[test]
    fn the_trace_adds_up_step_by_step() {
        let s = dialoglab_engine::Scenario::default();
        let (_, trace) = dialoglab_engine::run_traced(&s).unwrap();
        let table = &trace.tables[0];
        let last = steps(table);
        assert!(last > 0);
        let start = state_at(table, 0);
        assert!(
            start
                .iter()
                .all(|m| m.talk == 0.0 && !m.speaking && m.drift == 0.0)
        );
        let end = state_at(table, last);
        let total: f64 = table
            .rounds
            .iter()
            .flat_map(|r| &r.turns)
            .map(|t| t.1)
            .sum();
        let summed: f64 = end.iter().map(|m| m.talk).sum();
        assert!((total - summed).abs() < 1e-9);
        assert_eq!(end.iter().filter(|m| m.speaking).count(), 1);
        // Talk never decreases from one step to the next.
        for k in 0..last {
            let (a, b) = (state_at(table, k), state_at(table, k + 1));
            assert!(a.iter().zip(&b).all(|(x, y)| y.talk >= x.talk));
        }
    }

    #[test]
    fn what_was_said_follows_the_turns() {
        let s = dialoglab_engine::Scenario::default();
        let (_, trace) = dialoglab_engine::run_traced(&s).unwrap();
        let table = &trace.tables[0];
        let last = steps(table);
        assert!(said_until(table, 0).is_empty());
        let all = said_until(table, last);
        assert_eq!(all.len(), last);
        let speakers: Vec<usize> = table
            .rounds
            .iter()
            .flat_map(|r| r.turns.iter().map(|t| usize::from(t.0)))
            .collect();
        assert_eq!(all.iter().map(|t| t.0).collect::<Vec<_>>(), speakers);
        assert!(all.iter().all(|t| t.1.is_some()), "arguments by default");
        assert!(
            all.iter()
                .any(|t| t.1.is_some_and(|a| a.argument.is_some()))
        );
        assert_eq!(said_until(table, 3), all[..3].to_vec());
    }

    #[test]
    fn seats_sit_on_the_circle_and_radii_grow_with_talk() {
        let p = seats(4, 100.0, 100.0, 50.0);
        assert!((p[0].0 - 100.0).abs() < 1e-9 && (p[0].1 - 50.0).abs() < 1e-9);
        assert!((p[1].0 - 150.0).abs() < 1e-9);
        assert!(radius(0.0, 10.0) < radius(5.0, 10.0));
        assert!((radius(10.0, 10.0) - 18.0).abs() < 1e-9);
    }
}
