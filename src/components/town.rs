//! The town: a sample of the run's own citizens (`dialoglab_engine::town::sample`), laid out by
//! district, who are invited, walk to the meeting hall, speak, vote and see their wish funded.
//! Play, pause, step and a stage slider; Space and the arrow keys on the picture; one sentence
//! per stage in a polite live region. The figures are drawn on a canvas over the picture and move
//! from stage to stage (`town_figures`); under `prefers-reduced-motion` each stage shows its end
//! state at once. A change of the scenario replays the picture from the first stage it affects up
//! to the stage shown.

use dialoglab_engine::metric::Stage;
use std::rc::Rc;

use dialoglab_engine::attributes::{AGE_BANDS, Attribute};
use dialoglab_engine::town::{Channel, Figure, Town};
use yew::prelude::*;

use crate::charts::palette;
pub use crate::charts::town::lit;
use crate::charts::town::{self as geo, Step};
use crate::context::use_app;
use crate::format;
use crate::i18n::Lang;
use crate::i18n::town::StageFacts;
use crate::state::{Run, TownRun};

use super::town_figures::Figures;

/// What the figures' colour and shape show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Age band (four colours and shapes).
    Age,
    /// School-age children at home.
    Children,
    /// Marginalised.
    Marginalised,
    /// Association member.
    Member,
    /// Gender.
    Gender,
}

impl Key {
    /// Every key, in menu order.
    pub const ALL: [Key; 5] = [
        Key::Age,
        Key::Children,
        Key::Marginalised,
        Key::Member,
        Key::Gender,
    ];

    /// The attribute shown.
    #[must_use]
    pub fn attribute(self) -> Attribute {
        match self {
            Key::Age => Attribute::AgeBand,
            Key::Children => Attribute::Children,
            Key::Marginalised => Attribute::Marginalised,
            Key::Member => Attribute::AssociationMember,
            Key::Gender => Attribute::Gender,
        }
    }

    /// Category keys, in code order.
    #[must_use]
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            Key::Age => &AGE_BANDS,
            Key::Gender => &["woman", "man"],
            _ => &["yes", "no"],
        }
    }

    /// The category of a figure (an index into [`Key::categories`]).
    #[must_use]
    pub fn of(self, f: &Figure) -> u8 {
        match self {
            Key::Age => f.age_band,
            Key::Children => u8::from(!f.children),
            Key::Marginalised => u8::from(!f.marginalised),
            Key::Member => u8::from(!f.member),
            Key::Gender => f.gender,
        }
    }

    /// Colour of a category.
    #[must_use]
    pub fn colour(self, category: u8) -> &'static str {
        match (self, category) {
            (Key::Age, 0) => palette::GREEN,
            (Key::Age | Key::Gender, 1) | (Key::Children | Key::Member, 0) => palette::BLUE,
            (Key::Age, 2) => palette::PURPLE,
            (Key::Age, _) | (Key::Gender, 0) => palette::ORANGE,
            (Key::Marginalised, 0) => palette::VERMILLION,
            (_, _) => palette::GREY,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Key::Age => "age",
            Key::Children => "children",
            Key::Marginalised => "marginalised",
            Key::Member => "member",
            Key::Gender => "gender",
        }
    }
}

/// The sentences' figures: the report's counts, and the sample's weighted shares.
#[must_use]
pub fn facts(lang: Lang, town: &Town, report: &dialoglab_engine::Report, key: Key) -> StageFacts {
    let count = |s: Stage| report.stage(s).map_or(0, |x| x.count);
    let share = |num: f64, den: f64| if den > 0.0 { num / den } else { 0.0 };
    let all = town.weighted(|_| true);
    let came = town.weighted(|f| f.attended);
    // The category most over-represented among those who came, against the town.
    let over = (0..key.categories().len())
        .filter_map(|c| {
            let c = c as u8;
            let a = share(town.weighted(|f| f.attended && key.of(f) == c), came);
            let t = share(town.weighted(|f| key.of(f) == c), all);
            (a > 0.0 && t > 0.0).then_some((c, a, t))
        })
        .max_by(|x, y| (x.1 / x.2).total_cmp(&(y.1 / y.2)))
        .map(|(c, a, t)| {
            let attr = key.attribute();
            let category = key.categories()[usize::from(c)];
            let name = if key == Key::Age {
                crate::i18n::lower(&lang.category(attr, category))
            } else {
                lang.group_name(attr, category)
            };
            (name, a, t)
        });
    StageFacts {
        population: town.population,
        districts: town.districts,
        figures: town.figures.len() as u32,
        invited: count(Stage::Invited),
        came: count(Stage::Attendees),
        spoke: count(Stage::Speakers),
        top_decile: report.deliberation.top_decile_share,
        voted: count(Stage::Voters),
        turnout: report.outcome.turnout,
        funded_town: share(town.weighted(|f| f.wish_funded), all),
        funded_came: share(town.weighted(|f| f.attended && f.wish_funded), came),
        all_attendees: town.all_attendees,
        over,
    }
}

fn reduced_motion() -> bool {
    cfg!(target_arch = "wasm32")
        && gloo::utils::window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
}

/// The sandbox's town: the picture of the current run.
#[component]
pub fn TownView() -> Html {
    let app = use_app();
    match (app.town.clone(), app.report.clone()) {
        (Some(town), Some(report)) => html! { <TownPicture {town} {report} /> },
        _ => html! {
            <section class="town" aria-labelledby="town-heading">
                <h3 id="town-heading">{ app.lang.town().heading }</h3>
            </section>
        },
    }
}

/// Props of [`TownPicture`].
#[derive(Properties, PartialEq)]
pub struct TownPictureProps {
    /// The town drawn from a run.
    pub town: TownRun,
    /// That run's report.
    pub report: Run,
    /// The stage shown first ([`Step::Came`] when not given).
    #[prop_or(Step::Came)]
    pub start: Step,
    /// Play from the stage before `start` up to `start` when first shown (workshop reveals).
    #[prop_or_default]
    pub replay: bool,
}

/// The town picture with its controls.
#[component]
pub fn TownPicture(props: &TownPictureProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let tt = lang.town();
    let first = if props.replay && !reduced_motion() {
        props.start.index().saturating_sub(1)
    } else {
        props.start.index()
    };
    let step = use_state_eq(|| first);
    let stop_at = use_state_eq(|| props.start.index());
    let playing = use_state_eq(|| first < props.start.index());
    let key = use_state_eq(|| Key::Age);
    let shown = use_mut_ref(|| None::<dialoglab_engine::Scenario>);
    let (town, report) = (props.town.clone(), props.report.clone());
    let last = Step::ALL.len() - 1;

    // A new run: replay from the first stage the change affects, up to the stage shown.
    {
        let (step, stop_at, playing) = (step.clone(), stop_at.clone(), playing.clone());
        let scenario = Some(town.0.clone());
        use_effect_with(scenario, move |scenario| {
            if let Some(new) = scenario {
                let old = shown.borrow_mut().replace(new.clone());
                if let Some(old) = old {
                    let from = geo::affected(&old, new).index();
                    let target = (*step).max(*stop_at).min(last).max(from);
                    if !reduced_motion() && from <= *step {
                        step.set(from.saturating_sub(1));
                        stop_at.set(target.max(*step));
                        playing.set(true);
                    }
                }
            }
        });
    }
    // Playing: one stage every 1.4 s until the stop.
    {
        let (step, playing) = (step.clone(), playing.clone());
        use_effect_with((*playing, *step, *stop_at), move |(on, now, stop)| {
            let timer = on.then(|| {
                let (now, stop) = (*now, *stop);
                gloo::timers::callback::Timeout::new(1_400, move || {
                    if now < stop {
                        step.set(now + 1);
                    }
                    if now + 1 >= stop {
                        playing.set(false);
                    }
                })
            });
            move || drop(timer)
        });
    }
    // The stage as last asked for: keys pressed faster than the page redraws count from it.
    let at = use_mut_ref(|| first);
    *at.borrow_mut() = *step;
    let go = {
        let (step, stop_at, playing, at) =
            (step.clone(), stop_at.clone(), playing.clone(), at.clone());
        Callback::from(move |to: usize| {
            let to = to.min(last);
            *at.borrow_mut() = to;
            playing.set(false);
            stop_at.set(last);
            step.set(to);
        })
    };
    let toggle = {
        let (step, stop_at, playing) = (step.clone(), stop_at.clone(), playing.clone());
        Callback::from(move |()| {
            if *playing {
                playing.set(false);
            } else {
                if *step >= last {
                    step.set(0);
                }
                stop_at.set(last);
                playing.set(true);
            }
        })
    };
    let now = *step;
    let on_key = {
        let (go, toggle) = (go.clone(), toggle.clone());
        Callback::from(move |e: KeyboardEvent| {
            let now = *at.borrow();
            match e.key().as_str() {
                " " => {
                    e.prevent_default();
                    toggle.emit(());
                }
                "ArrowRight" => {
                    e.prevent_default();
                    go.emit(now + 1);
                }
                "ArrowLeft" => {
                    e.prevent_default();
                    go.emit(now.saturating_sub(1));
                }
                "Home" => {
                    e.prevent_default();
                    go.emit(0);
                }
                "End" => {
                    e.prevent_default();
                    go.emit(last);
                }
                _ => {}
            }
        })
    };
    let on_slider = {
        let go = go.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<usize>() {
                go.emit(v);
            }
        })
    };
    let on_key_pick = {
        let key = key.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(k) = Key::ALL.into_iter().find(|k| k.key() == select.value()) {
                key.set(k);
            }
        })
    };
    let sample = Rc::new(town.1.clone());
    let layout = {
        let district: Vec<u8> = sample.figures.iter().map(|f| f.district).collect();
        let came: Vec<bool> = sample.figures.iter().map(|f| f.attended).collect();
        Rc::new(geo::layout(sample.districts, &district, &came))
    };
    let current = Step::at(now);
    let facts = facts(lang, &sample, &report.1, *key);
    let sentence = lang.step_sentence(current, &facts);
    let attr = key.attribute();
    let channels = [
        (Channel::Letter, tt.by_letter),
        (Channel::Knock, tt.by_knock),
        (Channel::Association, tt.by_association),
        (Channel::Notice, tt.by_notice),
    ];
    let channel_line = channels
        .iter()
        .filter_map(|(c, name)| {
            let n = sample.weighted(|f| f.channel == *c);
            (n > 0.0).then(|| format!("{name}: {}", format::int(lang, n.round() as u64)))
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let (hx, hy, hw, hh) = geo::HALL;
    let on_prev = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go.emit(now.saturating_sub(1)))
    };
    let on_next = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go.emit(now + 1))
    };
    let on_play = Callback::from(move |_: MouseEvent| toggle.emit(()));
    let count_at = |s: Step| sample.count(|f| lit(f, s));
    html! {
        <section class="town" aria-labelledby="town-heading" data-step={current.index().to_string()}>
            <h3 id="town-heading">{ tt.heading }</h3>
            <div class="town-controls">
                <button type="button" id="town-play" class="primary" onclick={on_play} aria-pressed={playing.to_string()}>
                    { if *playing { tt.pause } else { tt.play } }
                </button>
                <button type="button" id="town-prev" onclick={on_prev} disabled={now == 0}>{ tt.previous }</button>
                <button type="button" id="town-next" onclick={on_next} disabled={now >= last}>{ tt.next }</button>
                <label class="town-slider">
                    <span>{ tt.stage_label }</span>
                    <input type="range" id="town-step" min="0" max={last.to_string()} step="1" value={now.to_string()}
                        aria-valuetext={lang.step(current)} oninput={on_slider} />
                    <output for="town-step" id="town-step-name">{ lang.step(current) }</output>
                </label>
                <label class="town-key">
                    <span>{ tt.colour_by }</span>
                    <select id="town-key" onchange={on_key_pick}>
                        { for Key::ALL.iter().map(|k| html! {
                            <option value={k.key()} selected={*k == *key}>{ lang.attribute(k.attribute()) }</option>
                        }) }
                    </select>
                </label>
            </div>
            <div class="town-picture" tabindex="0" role="group" id="town-picture"
                aria-label={format!("{}. {}", tt.heading, tt.keys)} onkeydown={on_key}>
                <svg viewBox={format!("0 0 {} {}", geo::WIDTH, geo::HEIGHT)} role="img" aria-labelledby="town-sentence"
                    data-figures={sample.figures.len().to_string()}
                    data-lit={count_at(current).to_string()}>
                    { for layout.blocks.iter().enumerate().map(|(k, &(x, y, w, h))| html! {
                        <g class="district">
                            <rect x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{w:.1}")} height={format!("{h:.1}")} rx="4" />
                            <text x={format!("{:.1}", x + 4.0)} y={format!("{:.1}", y + 10.0)}>{ lang.category(Attribute::District, &format!("d{}", k + 1)) }</text>
                        </g>
                    }) }
                    <g class="hall">
                        <rect x={hx.to_string()} y={hy.to_string()} width={hw.to_string()} height={hh.to_string()} rx="6" />
                        <text x={format!("{:.1}", hx + hw / 2.0)} y={format!("{:.1}", hy - 8.0)} text-anchor="middle">{ tt.hall }</text>
                    </g>
                </svg>
                <Figures poses={Rc::new(geo::poses(&sample, &layout, current))}
                    category={Rc::new(sample.figures.iter().map(|f| key.of(f)).collect::<Vec<u8>>())}
                    colours={[0, 1, 2, 3].map(|c| key.colour(c))}
                    still={reduced_motion()} theme={app.theme} />
            </div>
            <ul class="town-legend">
                { for key.categories().iter().enumerate().map(|(c, cat)| {
                    let c = c as u8;
                    html! {
                        <li>
                            <svg viewBox="-6 -6 12 12" width="12" height="12" aria-hidden="true">
                                <path d={geo::shape(c, 4.5)} fill={key.colour(c)} />
                            </svg>
                            { lang.category(attr, cat) }
                        </li>
                    }
                }) }
            </ul>
            if current == Step::Invited && !channel_line.is_empty() {
                <p class="town-channels" id="town-channels">{ channel_line }</p>
            }
            <p class="town-sentence" id="town-sentence" aria-live="polite">{ sentence }</p>
        </section>
    }
}
