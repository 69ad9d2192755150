//! The Sweep view: the sandbox's scenario run over a grid of one parameter (budget on a log grid
//! by default), one curve per invitation strategy (or meeting format, or none), R seeds per point,
//! in Web Workers (the points split across `navigator.hardwareConcurrency` workers, at most 4;
//! each point's numbers depend only on its own runs, so the split does not change them). Progress
//! bar, charts filled point by point, Cancel (terminates the workers), and a polite sentence when
//! done. The numbers equal `dialoglab sweep` with the same `--vary` axes and seeds.

use std::rc::Rc;

use dialoglab_engine::Scenario;
use dialoglab_engine::Strategy;
use dialoglab_engine::metric::{Metric, Stage};
use dialoglab_engine::scenario::MeetingFormat;
use dialoglab_engine::sweep::{Axis, PointSummary, Sweep, SweepSpec};
use dialoglab_worker::sweep::split;
use dialoglab_worker::{Job, SweepPartial};
use yew::prelude::*;

use crate::components::sweep_chart::SweepChart;
use crate::context::use_app;
use crate::fields::{Choice, Field};
use crate::i18n::Lang;
use crate::state::View;
use crate::worker_client::{Event as JobEvent, SweepClient};

/// Most workers one sweep uses.
const MAX_WORKERS: u32 = 4;

/// A parameter the x axis can vary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XParam {
    /// `budget`, DKK (log grid).
    Budget,
    /// `invitation.letters` (log grid).
    Letters,
    /// `invitation.contacts`.
    Contacts,
    /// `invitation.outreach_reach`.
    OutreachReach,
    /// `invitation.mobilisation`.
    Mobilisation,
    /// `municipality.control`.
    Control,
    /// `meeting.table_size`.
    TableSize,
}

impl XParam {
    /// Every choice, in menu order.
    pub const ALL: [XParam; 7] = [
        XParam::Budget,
        XParam::Letters,
        XParam::Contacts,
        XParam::OutreachReach,
        XParam::Mobilisation,
        XParam::Control,
        XParam::TableSize,
    ];

    /// The scenario field.
    #[must_use]
    pub fn field(self) -> Field {
        match self {
            XParam::Budget => Field::Budget,
            XParam::Letters => Field::Letters,
            XParam::Contacts => Field::Contacts,
            XParam::OutreachReach => Field::OutreachReach,
            XParam::Mobilisation => Field::Mobilisation,
            XParam::Control => Field::Control,
            XParam::TableSize => Field::TableSize,
        }
    }

    /// Whether the grid is logarithmic.
    #[must_use]
    pub fn log(self) -> bool {
        matches!(self, XParam::Budget | XParam::Letters)
    }

    /// Default grid: from, to, points.
    #[must_use]
    pub fn grid(self) -> (f64, f64, u32) {
        match self {
            XParam::Budget => (100_000.0, 10_000_000.0, 20),
            XParam::Letters => (500.0, 10_000.0, 10),
            XParam::Contacts => (1.0, 10.0, 10),
            XParam::OutreachReach | XParam::Mobilisation | XParam::Control => (0.0, 1.0, 11),
            XParam::TableSize => (4.0, 12.0, 9),
        }
    }
}

/// What draws one curve each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesKind {
    /// One curve.
    None,
    /// The ticked invitation strategies.
    Strategy,
    /// Realistic and ideal meetings.
    Format,
}

/// The `--vary` text of the x axis (as the CLI takes it).
#[must_use]
pub fn x_vary(x: XParam, from: &str, to: &str, points: u32) -> String {
    let scale = if x.log() { "log" } else { "lin" };
    format!(
        "{}={}..{}:{scale}:{points}",
        x.field().path(),
        from.trim(),
        to.trim()
    )
}

/// The `--vary` text of the series axis, if any.
#[must_use]
pub fn series_vary(kind: SeriesKind, strategies: &[Strategy]) -> Option<String> {
    match kind {
        SeriesKind::None => None,
        SeriesKind::Strategy => Some(format!(
            "invitation.strategy={}",
            strategies
                .iter()
                .map(|s| s.key())
                .collect::<Vec<_>>()
                .join(",")
        )),
        SeriesKind::Format => Some("meeting.format=realistic,ideal".into()),
    }
}

/// The sweep of `base` with these axes and seeds (the base's seed is the first seed).
pub fn build_spec(
    base: &Scenario,
    x: &str,
    series: Option<&str>,
    seeds: u32,
) -> Result<Sweep, String> {
    let x = Axis::parse(x, base).map_err(|e| e.to_string())?;
    let series = series
        .map(|s| Axis::parse(s, base))
        .transpose()
        .map_err(|e| e.to_string())?;
    Sweep::new(SweepSpec {
        base: base.clone(),
        x,
        series,
        seeds,
        first_seed: base.seed,
    })
    .map_err(|e| e.to_string())
}

/// Where the run is.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Phase {
    /// Nothing run yet.
    #[default]
    Idle,
    /// Running.
    Running,
    /// Finished, in this many milliseconds.
    Done(f64),
    /// Cancelled by the user.
    Cancelled,
    /// Failed.
    Failed(String),
}

/// The run's progress and results (the view's own reducer: nothing here outlives the view).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RunState {
    /// Counts the runs started, so that late events of an older run are ignored.
    pub generation: u32,
    /// The sweep being shown.
    pub spec: Option<Rc<SweepSpec>>,
    /// Finished points.
    pub points: Rc<Vec<PointSummary>>,
    /// Runs done per worker.
    pub done: Vec<u32>,
    /// Runs in the sweep.
    pub total: u32,
    /// Workers finished.
    pub finished: u32,
    /// When the run started (ms, Performance clock).
    pub started: f64,
    /// Where it is.
    pub phase: Phase,
}

/// Changes to [`RunState`].
#[derive(Clone, Debug, PartialEq)]
pub enum RunAction {
    /// A new run over `parts` workers.
    Start {
        /// The sweep.
        spec: Rc<SweepSpec>,
        /// Workers.
        parts: u32,
        /// Runs in all.
        total: u32,
        /// Start time (ms).
        now: f64,
    },
    /// Worker `part` has done `done` runs and finished `points` since its last progress (one
    /// action, so one re-render, per step of a worker: the page's rendering competes with the
    /// workers for the cores).
    Progress(u32, u32, u32, Vec<PointSummary>),
    /// Worker `part` is finished (at time `now`, ms).
    PartDone(u32, f64),
    /// A worker failed.
    Failed(u32, String),
    /// The user cancelled.
    Cancel,
}

impl RunAction {
    fn generation(&self) -> Option<u32> {
        match self {
            RunAction::Progress(g, ..) | RunAction::PartDone(g, _) | RunAction::Failed(g, _) => {
                Some(*g)
            }
            RunAction::Start { .. } | RunAction::Cancel => None,
        }
    }
}

impl Reducible for RunState {
    type Action = RunAction;

    fn reduce(self: Rc<Self>, action: RunAction) -> Rc<Self> {
        if action.generation().is_some_and(|g| g != self.generation)
            || (self.phase != Phase::Running && !matches!(action, RunAction::Start { .. }))
        {
            return self;
        }
        let mut next = (*self).clone();
        match action {
            RunAction::Start {
                spec,
                parts,
                total,
                now,
            } => {
                next = RunState {
                    generation: self.generation + 1,
                    spec: Some(spec),
                    points: Rc::new(Vec::new()),
                    done: vec![0; parts as usize],
                    total,
                    finished: 0,
                    started: now,
                    phase: Phase::Running,
                };
            }
            RunAction::Progress(_, part, done, finished) => {
                if let Some(d) = next.done.get_mut(part as usize) {
                    *d = done;
                }
                if !finished.is_empty() {
                    let mut points = (*self.points).clone();
                    points.extend(finished);
                    next.points = Rc::new(points);
                }
            }
            RunAction::PartDone(_, now) => {
                next.finished += 1;
                if next.finished as usize >= next.done.len() {
                    next.phase = Phase::Done(now - self.started);
                }
            }
            RunAction::Failed(_, message) => next.phase = Phase::Failed(message),
            RunAction::Cancel => next.phase = Phase::Cancelled,
        }
        Rc::new(next)
    }
}

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

fn workers_for(points: u32) -> u32 {
    let cores = gloo::utils::window().navigator().hardware_concurrency();
    let cores = if cores.is_finite() && cores >= 1.0 {
        cores as u32
    } else {
        1
    };
    cores.clamp(1, MAX_WORKERS).min(points.max(1))
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

fn number_text(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        v.to_string()
    }
}

/// The Sweep view.
#[component]
pub fn SweepView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let s = lang.sweep();
    let x = use_state(|| XParam::Budget);
    let from = use_state(|| number_text(XParam::Budget.grid().0));
    let to = use_state(|| number_text(XParam::Budget.grid().1));
    let npoints = use_state(|| XParam::Budget.grid().2);
    let series = use_state(|| SeriesKind::Strategy);
    let strategies = use_state(|| {
        vec![
            Strategy::OpenCall,
            Strategy::Letters,
            Strategy::Stratified,
            Strategy::Targeted,
        ]
    });
    let metrics = use_state(|| vec![Metric::Representativeness(Stage::Attendees)]);
    let seeds = use_state(|| 20u32);
    let problem = use_state(|| None::<String>);
    let run = use_reducer(RunState::default);
    let clients = use_mut_ref(Vec::<SweepClient>::new);

    let on_x = {
        let (x, from, to, npoints) = (x.clone(), from.clone(), to.clone(), npoints.clone());
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            if let Some(p) = XParam::ALL.into_iter().find(|p| p.field().path() == v) {
                let (a, b, n) = p.grid();
                x.set(p);
                from.set(number_text(a));
                to.set(number_text(b));
                npoints.set(n);
            }
        })
    };
    let text_setter = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: Event| h.set(input_value(&e)))
    };
    let on_points = {
        let npoints = npoints.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = input_value(&e).trim().parse::<u32>() {
                npoints.set(v);
            }
        })
    };
    let on_seeds = {
        let seeds = seeds.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = input_value(&e).trim().parse::<u32>() {
                seeds.set(v);
            }
        })
    };
    let on_series = {
        let series = series.clone();
        Callback::from(move |e: Event| {
            series.set(match select_value(&e).as_str() {
                "strategy" => SeriesKind::Strategy,
                "format" => SeriesKind::Format,
                _ => SeriesKind::None,
            });
        })
    };
    let on_run = {
        let (x, from, to, npoints, series, strategies, metrics, seeds, problem, run, clients) = (
            x.clone(),
            from.clone(),
            to.clone(),
            npoints.clone(),
            series.clone(),
            strategies.clone(),
            metrics.clone(),
            seeds.clone(),
            problem.clone(),
            run.clone(),
            clients.clone(),
        );
        let base = app.scenario.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if metrics.is_empty() || (*series == SeriesKind::Strategy && strategies.is_empty()) {
                problem.set(Some(lang.sweep().pick_something.to_string()));
                return;
            }
            let xv = x_vary(*x, &from, &to, *npoints);
            let sv = series_vary(*series, &strategies);
            let sweep = match build_spec(&base, &xv, sv.as_deref(), *seeds) {
                Ok(sweep) => sweep,
                Err(message) => {
                    problem.set(Some(message));
                    return;
                }
            };
            problem.set(None);
            for c in clients.borrow().iter() {
                c.cancel();
            }
            let points = sweep.point_count();
            let parts = split(points, workers_for(points));
            let spec = Rc::new(sweep.spec().clone());
            let generation = run.generation + 1;
            if let Some(p) = gloo::utils::window().performance() {
                let _ = p.mark("dialoglab-sweep-start");
            }
            run.dispatch(RunAction::Start {
                spec: spec.clone(),
                parts: parts.len() as u32,
                total: sweep.job_count(),
                now: now(),
            });
            let mut pool = clients.borrow_mut();
            while pool.len() < parts.len() {
                pool.push(SweepClient::new());
            }
            for (k, range) in parts.into_iter().enumerate() {
                let run = run.clone();
                let part = k as u32;
                let waiting = Rc::new(std::cell::RefCell::new(Vec::<PointSummary>::new()));
                pool[k].run(
                    Job::Sweep {
                        spec: (*spec).clone(),
                        points: Some(range),
                    },
                    Callback::from(move |event| match event {
                        // A point comes just before the progress that counts it: it waits
                        // for that progress, and both make one action.
                        JobEvent::Progress { done, .. } => {
                            let finished = std::mem::take(&mut *waiting.borrow_mut());
                            run.dispatch(RunAction::Progress(generation, part, done, finished));
                        }
                        JobEvent::Partial(SweepPartial::SweepPoint(p)) => {
                            waiting.borrow_mut().push(p);
                        }
                        JobEvent::Done(_) => {
                            let t = now();
                            if let Some(p) = gloo::utils::window().performance() {
                                let _ = p.measure_with_start_mark(
                                    "dialoglab-sweep",
                                    "dialoglab-sweep-start",
                                );
                            }
                            run.dispatch(RunAction::PartDone(generation, t));
                        }
                        JobEvent::Error(message) => {
                            run.dispatch(RunAction::Failed(generation, message));
                        }
                    }),
                );
            }
        })
    };
    let on_cancel = {
        let (run, clients) = (run.clone(), clients.clone());
        Callback::from(move |_: MouseEvent| {
            for c in clients.borrow().iter() {
                c.cancel();
            }
            run.dispatch(RunAction::Cancel);
        })
    };
    // Leaving the view stops the workers.
    {
        let clients = clients.clone();
        use_effect_with((), move |()| {
            move || {
                for c in clients.borrow().iter() {
                    c.cancel();
                }
            }
        });
    }

    let strategy_box = |st: Strategy| {
        let strategies = strategies.clone();
        let checked = strategies.contains(&st);
        let onchange = Callback::from(move |_: Event| {
            let mut v: Vec<Strategy> = (*strategies).clone();
            if v.contains(&st) {
                v.retain(|x| *x != st);
            } else {
                v.push(st);
                v.sort_by_key(|x| Strategy::ALL.iter().position(|y| y == x));
            }
            strategies.set(v);
        });
        let id = format!("sweep-strategy-{}", st.key());
        html! {
            <label for={id.clone()} class="check">
                <input type="checkbox" id={id} {checked} {onchange} />{ " " }{ lang.strategy(st) }
            </label>
        }
    };
    let metric_box = |metric: Metric| {
        let metrics = metrics.clone();
        let checked = metrics.contains(&metric);
        let onchange = Callback::from(move |_: Event| {
            let mut v: Vec<Metric> = (*metrics).clone();
            if v.contains(&metric) {
                v.retain(|x| *x != metric);
            } else {
                v.push(metric);
                v.sort_by_key(|x| Metric::SWEEP.iter().position(|y| y == x));
            }
            metrics.set(v);
        });
        let id = format!("sweep-metric-{}", metric.name().replace(['.', '_'], "-"));
        html! {
            <label for={id.clone()} class="check">
                <input type="checkbox" id={id} {checked} {onchange} />{ " " }{ lang.metric(metric) }
            </label>
        }
    };

    let running = run.phase == Phase::Running;
    let done: u32 = run.done.iter().sum();
    let status = match &run.phase {
        Phase::Idle | Phase::Done(_) => Html::default(),
        Phase::Running => html! {
            <div class="job-progress">
                <progress id="sweep-progress" max={run.total.to_string()} value={done.to_string()}
                    aria-label={s.progress_label}>{ lang.runs_done(done, run.total) }</progress>
                <span class="job-progress-text" id="sweep-progress-text">{ lang.runs_done(done, run.total) }</span>
                <button type="button" id="sweep-cancel" onclick={on_cancel}>{ s.cancel }</button>
            </div>
        },
        Phase::Cancelled => html! { <p class="hint">{ s.cancelled }</p> },
        Phase::Failed(message) => {
            html! { <p class="error" role="alert">{ lang.job_failed(message) }</p> }
        }
    };
    let live = match &run.phase {
        Phase::Done(ms) => lang.sweep_done(
            run.total,
            run.spec
                .as_ref()
                .map_or(0, |sp| sp.x.len() * sp.series.as_ref().map_or(1, Axis::len)),
            ms / 1000.0,
        ),
        Phase::Cancelled => s.cancelled.to_string(),
        _ => String::new(),
    };
    let charts = run.spec.as_ref().map(|spec| {
        let xp = XParam::ALL
            .into_iter()
            .find(|p| p.field().path() == spec.x.path)
            .unwrap_or(XParam::Budget);
        let xs: Rc<Vec<f64>> = Rc::new(spec.x.values.iter().map(|v| v.as_f64().unwrap_or(0.0)).collect());
        let names: Rc<Vec<String>> = Rc::new(
            spec.series
                .as_ref()
                .map_or_else(|| vec![String::new()], |a| a.values.iter().map(|v| series_name(lang, &a.path, v)).collect()),
        );
        let x_name = AttrValue::from(lang.field(xp.field()));
        html! {
            <>
                <p class="hint">{ s.band_note }</p>
                { for metrics.iter().map(|m| html! {
                    <SweepChart {lang} metric={*m} x_name={x_name.clone()} money={xp == XParam::Budget}
                        scale={spec.x.scale} xs={xs.clone()} series={names.clone()} points={run.points.clone()} />
                }) }
            </>
        }
    });
    let grid_hint = if x.log() {
        s.grid_hint_log
    } else {
        s.grid_hint_lin
    };
    html! {
        <section class="view-page sweep-view" aria-labelledby="view-heading" data-elapsed-ms={match run.phase { Phase::Done(ms) => format!("{ms:.0}"), _ => String::new() }}>
            <h2 id="view-heading">{ lang.view(View::Sweep) }</h2>
            <p>{ s.intro }</p>
            <form class="sweep-form" onsubmit={on_run}>
                <fieldset>
                    <legend>{ s.x_label }</legend>
                    <div class="sweep-row">
                        <label for="sweep-x">{ s.x_label }</label>
                        <select id="sweep-x" onchange={on_x}>
                            { for XParam::ALL.iter().map(|p| html! {
                                <option value={p.field().path()} selected={*p == *x}>{ lang.field(p.field()) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="sweep-row">
                        <label for="sweep-from">{ s.from_label }</label>
                        <input id="sweep-from" type="number" inputmode="decimal" step="any" value={(*from).clone()} onchange={text_setter(&from)} />
                        <label for="sweep-to">{ s.to_label }</label>
                        <input id="sweep-to" type="number" inputmode="decimal" step="any" value={(*to).clone()} onchange={text_setter(&to)} />
                        <label for="sweep-points">{ s.points_label }</label>
                        <input id="sweep-points" type="number" min="2" max="200" step="1" value={npoints.to_string()} onchange={on_points} />
                    </div>
                    <p class="hint">{ grid_hint }</p>
                </fieldset>
                <fieldset>
                    <legend>{ s.series_label }</legend>
                    <div class="sweep-row">
                        <label for="sweep-series">{ s.series_label }</label>
                        <select id="sweep-series" onchange={on_series}>
                            <option value="strategy" selected={*series == SeriesKind::Strategy}>{ s.series_strategy }</option>
                            <option value="format" selected={*series == SeriesKind::Format}>{ s.series_format }</option>
                            <option value="none" selected={*series == SeriesKind::None}>{ s.series_none }</option>
                        </select>
                    </div>
                    if *series == SeriesKind::Strategy {
                        <fieldset class="checks">
                            <legend>{ s.strategies_legend }</legend>
                            { for Strategy::ALL.into_iter().map(strategy_box) }
                        </fieldset>
                    }
                </fieldset>
                <fieldset class="checks">
                    <legend>{ s.metrics_legend }</legend>
                    { for Metric::SWEEP.into_iter().map(metric_box) }
                </fieldset>
                <div class="sweep-row">
                    <label for="sweep-seeds">{ s.seeds_label }</label>
                    <input id="sweep-seeds" type="number" min="1" max="1000" step="1" value={seeds.to_string()} onchange={on_seeds} />
                    <button type="submit" id="sweep-run" class="primary" disabled={running}>{ s.run }</button>
                </div>
                if let Some(message) = &*problem {
                    <p class="error" role="alert" id="sweep-problem">{ message.clone() }</p>
                }
            </form>
            { status }
            { charts }
            <p class="visually-hidden" aria-live="polite" id="sweep-live">{ live }</p>
        </section>
    }
}

/// The name of a series value (a strategy or a meeting format).
fn series_name(lang: Lang, path: &str, v: &serde_json::Value) -> String {
    let key = v.as_str().unwrap_or_default();
    if path == "invitation.strategy"
        && let Some(st) = Strategy::from_key(key)
    {
        return lang.strategy(st).to_string();
    }
    if path == "meeting.format"
        && let Ok(f) = serde_json::from_value::<MeetingFormat>(v.clone())
    {
        return lang.choice(Choice::Format(f)).to_string();
    }
    v.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_sweep_is_the_issue_s_budget_by_strategy_grid() {
        let base = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
        let (a, b, n) = XParam::Budget.grid();
        let x = x_vary(XParam::Budget, &number_text(a), &number_text(b), n);
        assert_eq!(x, "budget=100000..10000000:log:20");
        let series = series_vary(
            SeriesKind::Strategy,
            &[Strategy::OpenCall, Strategy::Stratified],
        );
        assert_eq!(
            series.as_deref(),
            Some("invitation.strategy=open-call,stratified")
        );
        let sweep = build_spec(&base, &x, series.as_deref(), 3).unwrap();
        assert_eq!((sweep.point_count(), sweep.job_count()), (40, 120));
        assert_eq!(sweep.spec().first_seed, base.seed);
        assert_eq!(sweep.spec().x.scale, dialoglab_engine::sweep::Scale::Log);
    }

    #[test]
    fn bad_grids_are_messages_not_panics() {
        let base = Scenario::default();
        let e = build_spec(&base, &x_vary(XParam::Budget, "abc", "10", 5), None, 2).unwrap_err();
        assert!(e.contains("budget"), "{e}");
        assert!(build_spec(&base, &x_vary(XParam::Control, "0", "1", 5), None, 0).is_err());
        let e = build_spec(&base, &x_vary(XParam::Control, "0", "7", 5), None, 2).unwrap_err();
        assert!(e.contains("municipality.control"), "{e}");
    }

    #[test]
    fn late_events_of_an_older_run_are_ignored() {
        let spec = Rc::new(
            build_spec(&Scenario::default(), "budget=1000..2000:lin:2", None, 1)
                .unwrap()
                .spec()
                .clone(),
        );
        let start = |s: Rc<RunState>| {
            s.reduce(RunAction::Start {
                spec: spec.clone(),
                parts: 2,
                total: 2,
                now: 10.0,
            })
        };
        let s = start(Rc::new(RunState::default()));
        assert_eq!(s.generation, 1);
        let s = s.reduce(RunAction::Progress(1, 0, 1, Vec::new()));
        let s = s.reduce(RunAction::PartDone(1, 20.0));
        assert_eq!(s.phase, Phase::Running);
        let s = s.reduce(RunAction::PartDone(1, 30.0));
        assert_eq!(s.phase, Phase::Done(20.0));
        let s = start(s);
        let s = s.reduce(RunAction::Progress(1, 0, 1, Vec::new()));
        assert_eq!(s.done, vec![0, 0], "an event of run 1 during run 2");
        let s = s.reduce(RunAction::Cancel);
        assert_eq!(s.phase, Phase::Cancelled);
        let s = s.reduce(RunAction::Progress(2, 0, 1, Vec::new()));
        assert_eq!(s.done, vec![0, 0], "nothing after a cancel");
    }
}
