//! The town's figures, drawn on a canvas laid over the town's SVG (the districts and the hall).
//!
//! A thousand SVG paths moved by CSS transitions cost the page's thread a style recalculation and
//! a repaint of every path on every frame (traced in headless Chromium: 30–50 ms frames at each
//! stage change, `tests/e2e/bench-town.mjs`). On a canvas a frame is one clear and a fill per
//! figure, so the stage animation holds the display's frame rate. The canvas is decoration
//! (`aria-hidden`): the picture's meaning is in the SVG's label and the live sentence beside it.
//!
//! Each figure has a [`Pose`] (where it stands, how large, how opaque) per stage; a change of
//! stage moves every figure from where it is drawn now to its new pose, in 0.9 s for the place and
//! size and 0.5 s for the opacity, eased in and out. Under `prefers-reduced-motion` each stage's
//! poses are drawn at once.

use std::cell::RefCell;
use std::rc::Rc;

use dialoglab_engine::town::{Figure, Town};
use yew::prelude::*;

use super::town::{Key, lit};
use crate::charts::town::{self as geo, Layout, Step};
use crate::state::Theme;

/// How long a figure takes to move to its new place (ms).
const MOVE_MS: f64 = 900.0;
/// How long a figure takes to light up or dim (ms).
const FADE_MS: f64 = 500.0;
/// Opacity of a figure the stage does not concern.
const DIM: f64 = 0.16;

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
pub fn poses(town: &Town, l: &Layout, step: Step) -> Vec<Pose> {
    let longest = town
        .figures
        .iter()
        .map(|f| f.speaking)
        .fold(0.0_f64, f64::max);
    town.figures
        .iter()
        .enumerate()
        .map(|(k, f): (usize, &Figure)| {
            let seat = if step >= Step::Came { l.seat[k] } else { None };
            let (x, y) = seat.unwrap_or(l.home[k]);
            let r = match seat {
                Some(_) if step >= Step::Spoke => l.r_hall * geo::growth(f.speaking, longest),
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

/// Props of [`Figures`].
#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    /// The sample drawn.
    pub town: Rc<Town>,
    /// Where its figures stand.
    pub layout: Rc<Layout>,
    /// The stage shown.
    pub step: Step,
    /// What colour and shape show.
    pub key_by: Key,
    /// Reduced motion: each stage's poses at once.
    pub still: bool,
    /// The colour theme (the outline is the page's background colour).
    pub theme: Theme,
}

/// What the canvas shows and is moving to.
#[derive(Default)]
struct Scene {
    /// Poses when the current move began.
    from: Vec<Pose>,
    /// Poses it moves to.
    to: Vec<Pose>,
    /// Each figure's category under the key (colour and outline).
    category: Vec<u8>,
    /// The colour of each category.
    colours: Vec<&'static str>,
    /// The order of drawing: the figures the stage does not concern first, so that those it
    /// concerns are on top; by category within each, so that the colour changes seldom.
    order: Vec<usize>,
    /// When the current move began (`performance.now()`, ms).
    start: f64,
    /// Moves animated so far (a change whose end differs from what is drawn, with motion).
    moves: u32,
}

impl Scene {
    /// The poses `now`.
    fn at(&self, now: f64) -> Vec<Pose> {
        if self.from.len() != self.to.len() {
            return self.to.clone();
        }
        self.from
            .iter()
            .zip(&self.to)
            .map(|(&a, &b)| between(a, b, now - self.start))
            .collect()
    }
}

/// The figures: a canvas over the town's SVG.
#[component]
pub fn Figures(props: &FiguresProps) -> Html {
    let canvas = use_node_ref();
    let scene = use_mut_ref(Scene::default);
    let player = use_mut_ref(|| web::Player::new(canvas.clone(), scene.clone()));
    {
        let (scene, player) = (scene.clone(), player.clone());
        let to = poses(&props.town, &props.layout, props.step);
        let key = props.key_by;
        let category: Vec<u8> = props.town.figures.iter().map(|f| key.of(f)).collect();
        let colours: Vec<&'static str> = (0..4).map(|c| key.colour(c)).collect();
        let still = props.still;
        use_effect_with(
            (to, category, still, props.theme),
            move |(to, category, still, _)| {
                let now = web::now();
                {
                    let mut s = scene.borrow_mut();
                    let fresh = s.to.len() != to.len();
                    s.from = if *still || fresh {
                        to.clone()
                    } else {
                        s.at(now)
                    };
                    s.to.clone_from(to);
                    s.category.clone_from(category);
                    s.colours = colours;
                    s.order = drawing_order(to, category);
                    s.start = now;
                    if s.from != *to {
                        s.moves += 1;
                    }
                }
                web::Player::play(&player);
            },
        );
    }
    // Redraw at the new size when the canvas changes size, and stop when the picture goes.
    use_effect_with((), move |()| {
        web::Player::listen(&player);
        move || player.borrow_mut().stop()
    });
    html! {
        <canvas class="town-figures" ref={canvas} aria-hidden="true"
            data-motion={if props.still { "still" } else { "moving" }} />
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use super::{FADE_MS, MOVE_MS, Pose, Rc, RefCell, Scene};
    use crate::charts::town as geo;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    use yew::NodeRef;

    pub fn now() -> f64 {
        gloo::utils::window().performance().map_or(0.0, |p| p.now())
    }

    /// Width of the line round each figure (SVG user units), in the page's background colour,
    /// so that figures standing close stay apart.
    const OUTLINE: f64 = 0.4;

    /// The move is over at `now`.
    fn done(scene: &Scene, now: f64) -> bool {
        now - scene.start >= MOVE_MS.max(FADE_MS)
    }

    /// The animation-frame callback.
    type Frame = Closure<dyn FnMut(f64)>;

    /// Draws the scene on animation frames while it moves.
    pub struct Player {
        canvas: NodeRef,
        scene: Rc<RefCell<Scene>>,
        /// The callback, made on the first play (it holds a handle to this player, a cycle
        /// that [`Player::stop`] breaks).
        frame: Option<Frame>,
        /// The frame asked for and not yet drawn.
        request: Option<i32>,
        /// Watches the canvas's size (redraws at the new size) with its callback.
        resized: Option<(web_sys::ResizeObserver, Closure<dyn Fn()>)>,
    }

    impl Player {
        pub fn new(canvas: NodeRef, scene: Rc<RefCell<Scene>>) -> Player {
            Player {
                canvas,
                scene,
                frame: None,
                request: None,
                resized: None,
            }
        }

        /// Redraws whenever the canvas changes size (it is sized in pixels): the window or the
        /// column changes width, or the picture is shown after being laid out hidden.
        pub fn listen(this: &Rc<RefCell<Player>>) {
            let Some(canvas) = this.borrow().canvas.cast::<web_sys::Element>() else {
                return;
            };
            let me = this.clone();
            let resized = Closure::<dyn Fn()>::new(move || Player::play(&me));
            if let Ok(observer) = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()) {
                observer.observe(&canvas);
                this.borrow_mut().resized = Some((observer, resized));
            }
        }

        /// Draws on the next frame, and on every frame after it until the scene rests.
        pub fn play(this: &Rc<RefCell<Player>>) {
            if this.borrow().request.is_some() {
                return;
            }
            if this.borrow().frame.is_none() {
                let me = this.clone();
                let frame = Closure::new(move |_: f64| Player::tick(&me));
                this.borrow_mut().frame = Some(frame);
            }
            Player::ask(this);
        }

        fn ask(this: &Rc<RefCell<Player>>) {
            let request = this.borrow().frame.as_ref().and_then(|f| {
                gloo::utils::window()
                    .request_animation_frame(f.as_ref().unchecked_ref())
                    .ok()
            });
            this.borrow_mut().request = request;
        }

        fn tick(this: &Rc<RefCell<Player>>) {
            this.borrow_mut().request = None;
            let t = now();
            let more = {
                let me = this.borrow();
                let scene = me.scene.borrow();
                draw(&me.canvas, &scene, t);
                let more = !done(&scene, t);
                // For tests and tools: whether figures are on their way, and how many moves
                // have been animated (none under reduced motion).
                if let Some(canvas) = me.canvas.cast::<web_sys::Element>() {
                    let _ =
                        canvas.set_attribute("data-moving", if more { "true" } else { "false" });
                    let _ = canvas.set_attribute("data-moves", &scene.moves.to_string());
                }
                more
            };
            if more {
                Player::ask(this);
            }
        }

        /// Cancels the frame asked for, stops listening and drops the callbacks (never from
        /// inside one), which breaks their cycles through this player.
        pub fn stop(&mut self) {
            if let Some(id) = self.request.take() {
                let _ = gloo::utils::window().cancel_animation_frame(id);
            }
            if let Some((observer, _)) = self.resized.take() {
                observer.disconnect();
            }
            self.frame = None;
        }
    }

    /// One frame: the canvas is sized to its box in device pixels, cleared, and every figure is
    /// filled in its category's colour and outlined in the page's background colour.
    fn draw(canvas: &NodeRef, scene: &Scene, t: f64) {
        let Some(canvas) = canvas.cast::<web_sys::HtmlCanvasElement>() else {
            return;
        };
        let window = gloo::utils::window();
        let ratio = window.device_pixel_ratio().max(1.0);
        let px = |css: i32| (f64::from(css) * ratio).round() as u32;
        let (wp, hp) = (px(canvas.client_width()), px(canvas.client_height()));
        if wp == 0 || hp == 0 {
            return;
        }
        if canvas.width() != wp || canvas.height() != hp {
            canvas.set_width(wp);
            canvas.set_height(hp);
        }
        let (w, h) = (f64::from(wp), f64::from(hp));
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let background = window
            .get_computed_style(&canvas)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("--bg").ok())
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "#fff".to_owned());
        let shapes: Vec<web_sys::Path2d> = (0..4u8)
            .filter_map(|k| web_sys::Path2d::new_with_path_string(&geo::shape(k, 1.0)).ok())
            .collect();
        if shapes.len() != 4 {
            return;
        }
        let scale = w / geo::WIDTH;
        let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, w, h);
        ctx.set_stroke_style_str(&background);
        let poses = if done(scene, t) {
            scene.to.clone()
        } else {
            scene.at(t)
        };
        let mut colour = u8::MAX;
        for &k in &scene.order {
            let Some(&Pose { x, y, r, alpha }) = poses.get(k) else {
                continue;
            };
            let c = scene.category.get(k).copied().unwrap_or(0);
            if c != colour {
                colour = c;
                ctx.set_fill_style_str(
                    scene.colours.get(usize::from(c)).copied().unwrap_or("#000"),
                );
            }
            ctx.set_global_alpha(alpha);
            let s = scale * r;
            let _ = ctx.set_transform(s, 0.0, 0.0, s, scale * x, scale * y);
            let shape = &shapes[usize::from(c % 4)];
            ctx.fill_with_path_2d(shape);
            ctx.set_line_width(OUTLINE / r);
            ctx.stroke_with_path(shape);
        }
    }
}

/// Off the web (server rendering, native tests) nothing is drawn.
#[cfg(not(target_arch = "wasm32"))]
mod web {
    use super::{Rc, RefCell, Scene};
    use yew::NodeRef;

    pub fn now() -> f64 {
        0.0
    }

    pub struct Player;

    impl Player {
        pub fn new(_: NodeRef, _: Rc<RefCell<Scene>>) -> Player {
            Player
        }

        pub fn play(_: &Rc<RefCell<Player>>) {}

        pub fn listen(_: &Rc<RefCell<Player>>) {}

        #[allow(clippy::unused_self, reason = "the same call as the web's")]
        pub fn stop(&mut self) {}
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the ends of a move are exact")]
mod tests {
    use super::*;

    #[test]
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
