//! The town's figures, drawn on a canvas laid over the town's SVG (the districts and the hall).
//!
//! A thousand SVG paths moved by CSS transitions cost the page's thread a style recalculation and
//! a repaint of every path on every frame (traced in headless Chromium: 30–50 ms frames at each
//! stage change, `tests/e2e/bench-town.mjs`). On a canvas a frame is one clear and a fill per
//! figure, so the stage animation holds the display's frame rate. The canvas is decoration
//! (`aria-hidden`): the picture's meaning is in the SVG's label and the live sentence beside it.
//!
//! Each figure has a [`Pose`] (where it stands, how large, how opaque) per stage
//! ([`crate::charts::town::poses`]); a change of stage moves every figure from where it is drawn now to its new
//! pose, in 0.9 s for the place and size and 0.5 s for the opacity, eased in and out
//! ([`crate::charts::town::between`]). Under `prefers-reduced-motion` each stage's poses are drawn at once.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::charts::town::{FADE_MS, MOVE_MS, Pose, between, drawing_order};
use crate::state::Theme;

/// Props of [`Figures`].
#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    /// Every figure's pose at the stage shown ([`crate::charts::town::poses`]).
    pub poses: Rc<Vec<Pose>>,
    /// Every figure's category under the chosen key (its colour and outline).
    pub category: Rc<Vec<u8>>,
    /// The colour of each category.
    pub colours: [&'static str; 4],
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
    colours: [&'static str; 4],
    /// The order of drawing: the figures the stage does not concern first, so that those it
    /// concerns are on top; by category within each, so that the colour changes seldom.
    order: Vec<usize>,
    /// When the current move began (`performance.now()`, ms).
    start: f64,
    /// Moves animated so far (a change whose end differs from what is drawn, with motion).
    moves: u32,
}

impl Scene {
    /// Figure `k`'s pose `now`.
    fn pose(&self, k: usize, now: f64) -> Option<Pose> {
        let to = *self.to.get(k)?;
        let elapsed = now - self.start;
        Some(match self.from.get(k) {
            Some(&from) if self.from.len() == self.to.len() && elapsed < MOVE_MS.max(FADE_MS) => {
                between(from, to, elapsed)
            }
            _ => to,
        })
    }

    /// The poses `now`.
    fn at(&self, now: f64) -> Vec<Pose> {
        (0..self.to.len())
            .filter_map(|k| self.pose(k, now))
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
        let colours = props.colours;
        use_effect_with(
            (
                props.poses.clone(),
                props.category.clone(),
                props.still,
                props.theme,
            ),
            move |(to, category, still, _)| {
                let (to, category) = (&**to, &**category);
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
    use super::{Pose, Rc, RefCell, Scene};
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
        now - scene.start >= super::MOVE_MS.max(super::FADE_MS)
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
        /// The four outlines at radius 1, made once.
        shapes: Vec<web_sys::Path2d>,
        /// The page's background colour (the figures' outline), read when a move starts.
        background: String,
    }

    impl Player {
        pub fn new(canvas: NodeRef, scene: Rc<RefCell<Scene>>) -> Player {
            Player {
                canvas,
                scene,
                frame: None,
                request: None,
                resized: None,
                shapes: Vec::new(),
                background: String::new(),
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
            this.borrow_mut().paint();
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

        /// Makes the outlines (once) and reads the background colour (the theme may have
        /// changed), so that frames do neither.
        fn paint(&mut self) {
            if self.shapes.is_empty() {
                self.shapes = (0..4u8)
                    .filter_map(|k| web_sys::Path2d::new_with_path_string(&geo::shape(k, 1.0)).ok())
                    .collect();
            }
            self.background = self
                .canvas
                .cast::<web_sys::Element>()
                .and_then(|canvas| {
                    gloo::utils::window()
                        .get_computed_style(&canvas)
                        .ok()
                        .flatten()
                })
                .and_then(|s| s.get_property_value("--bg").ok())
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "#fff".to_owned());
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
                draw(&me, &scene, t);
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
    fn draw(player: &Player, scene: &Scene, t: f64) {
        let Some(canvas) = player.canvas.cast::<web_sys::HtmlCanvasElement>() else {
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
        let shapes = &player.shapes;
        if shapes.len() != 4 {
            return;
        }
        let scale = w / geo::WIDTH;
        let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, w, h);
        ctx.set_stroke_style_str(&player.background);
        let mut colour = u8::MAX;
        for &k in &scene.order {
            let Some(Pose { x, y, r, alpha }) = scene.pose(k, t) else {
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
