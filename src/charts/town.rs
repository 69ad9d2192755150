//! Geometry of the town picture: one block per district on the left, the meeting hall on the
//! right, and where each figure stands at each stage. Pure and unit-tested.

/// Width of the picture (SVG user units).
pub const WIDTH: f64 = 640.0;
/// Height of the picture.
pub const HEIGHT: f64 = 300.0;
/// Right edge of the town's blocks.
const TOWN_W: f64 = 452.0;
/// The hall's box: x, y, width, height.
pub const HALL: (f64, f64, f64, f64) = (470.0, 34.0, 164.0, 258.0);
/// Height of a block's label.
const LABEL: f64 = 13.0;

/// The stages of the picture, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// Everyone at home.
    Town,
    /// Who was invited, and how.
    Invited,
    /// Who came: they walk to the hall.
    Came,
    /// Who spoke: they grow with their speaking time.
    Spoke,
    /// Who voted.
    Voted,
    /// Whose favourite project was funded.
    Funded,
}

impl Step {
    /// Every stage, in order.
    pub const ALL: [Step; 6] = [
        Step::Town,
        Step::Invited,
        Step::Came,
        Step::Spoke,
        Step::Voted,
        Step::Funded,
    ];

    /// The stage at position `k` (the last one beyond the end).
    #[must_use]
    pub fn at(k: usize) -> Step {
        Step::ALL[k.min(Step::ALL.len() - 1)]
    }

    /// Position in [`Step::ALL`].
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The first stage a change from `old` to `new` affects: the picture replays from there.
#[must_use]
pub fn affected(old: &dialoglab_engine::Scenario, new: &dialoglab_engine::Scenario) -> Step {
    if old.population != new.population || old.seed != new.seed {
        Step::Town
    } else if old.invitation != new.invitation || old.costs != new.costs {
        Step::Invited
    } else if old.attendance != new.attendance
        || old.budget != new.budget
        || old.feedback != new.feedback
        || old.cycles != new.cycles
    {
        // The budget per adult is what is at stake, which moves who comes.
        Step::Came
    } else if old.meeting != new.meeting {
        Step::Spoke
    } else if old.vote != new.vote {
        Step::Voted
    } else {
        Step::Funded
    }
}

/// A rectangle: x, y, width, height.
pub type Rect = (f64, f64, f64, f64);

/// Where everything goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Each district's block (its label sits in the top `LABEL` units).
    pub blocks: Vec<Rect>,
    /// Each figure's place at home.
    pub home: Vec<(f64, f64)>,
    /// Each figure's seat in the hall (`None` for those who did not come).
    pub seat: Vec<Option<(f64, f64)>>,
    /// Radius of a figure at home.
    pub r_home: f64,
    /// Radius of a figure in the hall.
    pub r_hall: f64,
}

/// `count` places in a grid filling `area`, row by row, and the spacing between them.
#[must_use]
pub fn grid(area: Rect, count: usize) -> (Vec<(f64, f64)>, f64) {
    let (x, y, w, h) = area;
    if count == 0 || w <= 0.0 || h <= 0.0 {
        return (Vec::new(), 0.0);
    }
    let n = count as f64;
    // The largest square cell of which `count` fit in the area.
    let mut cols = ((w * n / h).sqrt().ceil()).max(1.0);
    let mut rows = (n / cols).ceil();
    while rows * (w / cols) > h && cols < n {
        cols += 1.0;
        rows = (n / cols).ceil();
    }
    let cell = (w / cols).min(h / rows);
    let c = cols as usize;
    let places = (0..count)
        .map(|k| {
            let (i, j) = ((k % c) as f64, (k / c) as f64);
            (x + (i + 0.5) * cell, y + (j + 0.5) * cell)
        })
        .collect();
    (places, cell)
}

/// Lays out figures given each one's district (0-based, below `districts`) and whether they came.
#[must_use]
pub fn layout(districts: u8, district: &[u8], came: &[bool]) -> Layout {
    let d = usize::from(districts.max(1));
    let cols = ((d as f64 * TOWN_W / HEIGHT).sqrt().round() as usize).clamp(1, d);
    let rows = d.div_ceil(cols);
    let (bw, bh) = (TOWN_W / cols as f64, HEIGHT / rows as f64);
    let blocks: Vec<Rect> = (0..d)
        .map(|k| {
            let (i, j) = ((k % cols) as f64, (k / cols) as f64);
            (i * bw + 3.0, j * bh + 3.0, bw - 6.0, bh - 6.0)
        })
        .collect();
    let mut per = vec![Vec::new(); d];
    for (f, &k) in district.iter().enumerate() {
        per[usize::from(k).min(d - 1)].push(f);
    }
    let mut home = vec![(0.0, 0.0); district.len()];
    let mut cell_home = f64::INFINITY;
    for (k, members) in per.iter().enumerate() {
        let (x, y, w, h) = blocks[k];
        let (places, cell) = grid(
            (x + 2.0, y + LABEL, w - 4.0, h - LABEL - 2.0),
            members.len(),
        );
        if !members.is_empty() {
            cell_home = cell_home.min(cell);
        }
        for (&f, p) in members.iter().zip(places) {
            home[f] = p;
        }
    }
    let attendees: Vec<usize> = (0..came.len()).filter(|&f| came[f]).collect();
    let (hx, hy, hw, hh) = HALL;
    let (places, cell_hall) = grid((hx + 4.0, hy + 4.0, hw - 8.0, hh - 8.0), attendees.len());
    let mut seat = vec![None; district.len()];
    for (&f, p) in attendees.iter().zip(places) {
        seat[f] = Some(p);
    }
    let radius = |cell: f64| (cell * 0.36).clamp(1.2, 6.0);
    Layout {
        blocks,
        home,
        seat,
        r_home: radius(if cell_home.is_finite() {
            cell_home
        } else {
            10.0
        }),
        r_hall: radius(cell_hall),
    }
}

/// How much a speaker grows at the "spoke" stage: 1 for silence, up to 2.5 for the most speaking
/// time of the meeting (by area: the square root of the share of the longest speaker's time).
#[must_use]
pub fn growth(speaking: f64, longest: f64) -> f64 {
    if speaking <= 0.0 || longest <= 0.0 {
        1.0
    } else {
        1.0 + 1.5 * (speaking / longest).min(1.0).sqrt()
    }
}

/// A figure's outline centred on (0, 0) with radius `r`: 0 circle, 1 square, 2 triangle,
/// 3 diamond.
#[must_use]
pub fn shape(kind: u8, r: f64) -> String {
    match kind % 4 {
        0 => format!(
            "M{:.2},0a{r:.2},{r:.2} 0 1,0 {:.2},0a{r:.2},{r:.2} 0 1,0 {:.2},0z",
            -r,
            2.0 * r,
            -2.0 * r
        ),
        1 => {
            let s = r * 0.9;
            format!(
                "M{:.2},{:.2}h{:.2}v{:.2}h{:.2}z",
                -s,
                -s,
                2.0 * s,
                2.0 * s,
                -2.0 * s
            )
        }
        2 => format!(
            "M0,{:.2}L{:.2},{:.2}H{:.2}z",
            -1.15 * r,
            1.1 * r,
            0.85 * r,
            -1.1 * r
        ),
        _ => format!(
            "M0,{:.2}L{:.2},0L0,{:.2}L{:.2},0z",
            -1.2 * r,
            1.2 * r,
            1.2 * r,
            -1.2 * r
        ),
    }
}

/// Whether a figure is lit (not dimmed) at a stage: the stage concerns them.
#[must_use]
pub fn lit(f: &dialoglab_engine::town::Figure, step: Step) -> bool {
    match step {
        Step::Town => true,
        Step::Invited => f.invited(),
        Step::Came => f.attended,
        Step::Spoke => f.spoke(),
        Step::Voted => f.voted,
        Step::Funded => f.wish_funded,
    }
}

// The figures' animation: each figure has a pose per stage, and a change of stage moves it from
// where it is drawn to its new pose (src/components/town_figures.rs draws it).

/// How long a figure takes to move to its new place (ms).
pub const MOVE_MS: f64 = 900.0;
/// How long a figure takes to light up or dim (ms).
pub const FADE_MS: f64 = 500.0;
/// Opacity of a figure the stage does not concern.
pub const DIM: f64 = 0.16;

/// Where a figure stands (SVG user units), its radius and its opacity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pose {
    /// Centre, x.
    pub x: f64,
    /// Centre, y.
    pub y: f64,
    /// Radius (the outline's size).
    pub r: f64,
    /// Opacity, 0–1.
    pub alpha: f64,
}

/// Ease in and out (smoothstep) of the share `t` of a transition, clamped to 0–1.
#[must_use]
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// The pose `elapsed` ms into the move from `from` to `to`.
#[must_use]
pub fn between(from: Pose, to: Pose, elapsed: f64) -> Pose {
    let m = ease(elapsed / MOVE_MS);
    let f = ease(elapsed / FADE_MS);
    let mix = |a: f64, b: f64, s: f64| a + (b - a) * s;
    Pose {
        x: mix(from.x, to.x, m),
        y: mix(from.y, to.y, m),
        r: mix(from.r, to.r, m),
        alpha: mix(from.alpha, to.alpha, f),
    }
}

/// Every figure's pose at `step`: at home, or seated in the hall from "came" on (grown with
/// their speaking time from "spoke" on); dimmed when the stage does not concern them.
#[must_use]
pub fn poses(town: &dialoglab_engine::town::Town, l: &Layout, step: Step) -> Vec<Pose> {
    let longest = town
        .figures
        .iter()
        .map(|f| f.speaking)
        .fold(0.0_f64, f64::max);
    town.figures
        .iter()
        .enumerate()
        .map(|(k, f): (usize, &dialoglab_engine::town::Figure)| {
            let seat = if step >= Step::Came { l.seat[k] } else { None };
            let (x, y) = seat.unwrap_or(l.home[k]);
            let r = match seat {
                Some(_) if step >= Step::Spoke => l.r_hall * growth(f.speaking, longest),
                Some(_) => l.r_hall,
                None => l.r_home,
            };
            let alpha = if lit(f, step) { 1.0 } else { DIM };
            Pose { x, y, r, alpha }
        })
        .collect()
}

/// The order in which to draw the figures posed `to` with these categories: those dimmed
/// first, then those lit; by category within each (a bucket pass, no sort).
#[must_use]
pub fn drawing_order(to: &[Pose], category: &[u8]) -> Vec<usize> {
    let most = category.iter().copied().max().unwrap_or(0);
    let mut order = Vec::with_capacity(to.len());
    for lit in [false, true] {
        for c in 0..=most {
            order.extend(
                (0..to.len().min(category.len()))
                    .filter(|&k| (to[k].alpha > DIM) == lit && category[k] == c),
            );
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(p: (f64, f64), r: Rect) -> bool {
        p.0 >= r.0 && p.0 <= r.0 + r.2 && p.1 >= r.1 && p.1 <= r.1 + r.3
    }

    #[test]
    fn a_grid_fits_its_area_without_overlap() {
        for count in [1, 2, 7, 50, 333, 1000] {
            let area = (10.0, 20.0, 200.0, 120.0);
            let (places, cell) = grid(area, count);
            assert_eq!(places.len(), count);
            assert!(places.iter().all(|&p| inside(p, area)), "{count}");
            assert!(cell > 0.0);
            for w in places.windows(2) {
                let d = ((w[0].0 - w[1].0).powi(2) + (w[0].1 - w[1].1).powi(2)).sqrt();
                assert!(d >= cell - 1e-9, "{count}: {d} < {cell}");
            }
        }
        assert!(grid((0.0, 0.0, 10.0, 10.0), 0).0.is_empty());
    }

    #[test]
    fn figures_live_in_their_district_and_only_attendees_get_a_seat() {
        let district: Vec<u8> = (0..1000).map(|k| (k % 7) as u8).collect();
        let came: Vec<bool> = (0..1000).map(|k| k % 9 == 0).collect();
        let l = layout(7, &district, &came);
        assert_eq!(l.blocks.len(), 7);
        for f in 0..1000 {
            assert!(inside(l.home[f], l.blocks[usize::from(district[f])]), "{f}");
            assert_eq!(l.seat[f].is_some(), came[f]);
            if let Some(s) = l.seat[f] {
                assert!(inside(s, HALL));
            }
        }
        for b in &l.blocks {
            assert!(b.0 >= 0.0 && b.0 + b.2 <= TOWN_W && b.1 + b.3 <= HEIGHT);
        }
        assert!(l.r_home >= 1.2 && l.r_hall <= 6.0);
    }

    #[test]
    fn speakers_grow_with_their_time() {
        assert!((growth(0.0, 10.0) - 1.0).abs() < 1e-12);
        assert!((growth(10.0, 10.0) - 2.5).abs() < 1e-12);
        assert!(growth(2.0, 10.0) < growth(5.0, 10.0));
        assert!(shape(0, 3.0).starts_with('M') && shape(5, 3.0) != shape(0, 3.0));
    }

    #[test]
    fn a_change_replays_from_the_stage_it_affects() {
        let a = dialoglab_engine::Scenario::default();
        let mut b = a.clone();
        assert_eq!(affected(&a, &b), Step::Funded);
        b.municipality = dialoglab_engine::Scenario::default().municipality;
        b.vote.max_approvals += 1;
        assert_eq!(affected(&a, &b), Step::Voted);
        b.budget += 1;
        assert_eq!(affected(&a, &b), Step::Came, "the stakes move attendance");
        b.invitation.letters += 1;
        assert_eq!(affected(&a, &b), Step::Invited);
        b.seed += 1;
        assert_eq!(affected(&a, &b), Step::Town);
    }

    #[test]
    #[allow(clippy::float_cmp, reason = "the ends of a move are exact")]
    fn easing_starts_and_ends_at_rest() {
        assert_eq!(ease(-1.0), 0.0);
        assert_eq!(ease(0.0), 0.0);
        assert_eq!(ease(0.5), 0.5);
        assert_eq!(ease(1.0), 1.0);
        assert_eq!(ease(2.0), 1.0);
        // Slow at both ends: the first and last tenth cover less than a tenth of the way.
        assert!(ease(0.1) < 0.05 && ease(0.9) > 0.95);
        let mut last = 0.0;
        for i in 0..=100 {
            let e = ease(f64::from(i) / 100.0);
            assert!(e >= last);
            last = e;
        }
    }

    #[test]
    fn the_lit_are_drawn_last_by_category() {
        let pose = |alpha| Pose {
            x: 0.0,
            y: 0.0,
            r: 1.0,
            alpha,
        };
        let to = [pose(1.0), pose(DIM), pose(1.0), pose(DIM), pose(1.0)];
        let category = [2, 1, 0, 0, 2];
        assert_eq!(drawing_order(&to, &category), vec![3, 1, 2, 0, 4]);
    }

    #[test]
    #[allow(clippy::float_cmp, reason = "the ends of a move are exact")]
    fn a_move_fades_before_it_arrives() {
        let a = Pose {
            x: 0.0,
            y: 0.0,
            r: 2.0,
            alpha: DIM,
        };
        let b = Pose {
            x: 100.0,
            y: 50.0,
            r: 4.0,
            alpha: 1.0,
        };
        assert_eq!(between(a, b, 0.0), a);
        assert_eq!(between(a, b, MOVE_MS), b);
        let half_fade = between(a, b, FADE_MS);
        assert_eq!(half_fade.alpha, 1.0, "lit after the fade");
        assert!(half_fade.x > 0.0 && half_fade.x < 100.0, "still walking");
        let mid = between(a, b, MOVE_MS / 2.0);
        assert!((mid.x - 50.0).abs() < 1e-9 && (mid.r - 3.0).abs() < 1e-9);
    }
}
