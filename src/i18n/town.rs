//! Danish and English strings of the town picture, the first screen's plain-word headline and
//! workshop mode. Same rule as the main table: a field or arm missing in one language does not
//! compile.

use super::Lang;
use crate::charts::town::Step;
use crate::format;

/// Fixed strings of the town and the first screen.
pub struct TownTexts {
    /// Heading of the town.
    pub heading: &'static str,
    /// The colour-and-shape picker.
    pub colour_by: &'static str,
    /// Play button.
    pub play: &'static str,
    /// Pause button.
    pub pause: &'static str,
    /// Previous stage.
    pub previous: &'static str,
    /// Next stage.
    pub next: &'static str,
    /// The stage slider.
    pub stage_label: &'static str,
    /// The meeting hall's label.
    pub hall: &'static str,
    /// Keys of the picture.
    pub keys: &'static str,
    /// Legend: invited by letter.
    pub by_letter: &'static str,
    /// Legend: a knock on the door.
    pub by_knock: &'static str,
    /// Legend: a call from the association.
    pub by_association: &'static str,
    /// Legend: heard of the open call.
    pub by_notice: &'static str,
    /// Plain name of the attendees' count.
    pub came_label: &'static str,
    /// Plain name of the attendees' representativeness index.
    pub mirror_label: &'static str,
    /// Plain name of the cost.
    pub cost_plain: &'static str,
    /// Technical name shown one step away from the plain one.
    pub technical: &'static str,
    /// Heading of the detailed sections.
    pub details_heading: &'static str,
    /// What the last change did: prefix.
    pub last_change: &'static str,
    /// Phone: jump to the results.
    pub to_results: &'static str,
    /// Phone: jump to the settings.
    pub to_settings: &'static str,
}

/// Danish.
pub const DA: TownTexts = TownTexts {
    heading: "Byen",
    colour_by: "Farve og form efter",
    play: "Afspil",
    pause: "Pause",
    previous: "Forrige trin",
    next: "Næste trin",
    stage_label: "Trin",
    hall: "Mødesalen",
    keys: "Mellemrum: afspil eller pause. Pil venstre og højre: et trin tilbage eller frem.",
    by_letter: "Brev",
    by_knock: "Banket på døren",
    by_association: "Ringet op af foreningen",
    by_notice: "Hørte om det (opslag, lokalavis)",
    came_label: "Kom til mødet",
    mirror_label: "Hvor godt mødet spejler byen (0–100)",
    cost_plain: "Hvad invitationen kostede",
    technical: "Fagligt navn",
    details_heading: "Detaljer",
    last_change: "Sidste ændring",
    to_results: "Gå til resultaterne",
    to_settings: "Gå til indstillingerne",
};

/// English.
pub const EN: TownTexts = TownTexts {
    heading: "The town",
    colour_by: "Colour and shape by",
    play: "Play",
    pause: "Pause",
    previous: "Previous stage",
    next: "Next stage",
    stage_label: "Stage",
    hall: "The meeting hall",
    keys: "Space: play or pause. Left and right arrows: one stage back or forward.",
    by_letter: "Letter",
    by_knock: "Knock on the door",
    by_association: "Call from their association",
    by_notice: "Heard of it (notice, local paper)",
    came_label: "Came to the meeting",
    mirror_label: "How well the meeting mirrors the town (0–100)",
    cost_plain: "What the invitation cost",
    technical: "Technical name",
    details_heading: "Details",
    last_change: "Last change",
    to_results: "Go to the results",
    to_settings: "Go to the settings",
};

/// Fixed strings of workshop mode.
pub struct WorkshopTexts {
    /// Under the heading.
    pub intro: &'static str,
    /// The chapter pager's label.
    pub chapters: &'static str,
    /// Legend of the round of bets.
    pub bets_legend: &'static str,
    /// Hint for the bets.
    pub bets_hint: &'static str,
    /// The reveal button.
    pub reveal: &'static str,
    /// Start the round again.
    pub again: &'static str,
    /// Heading of the reveal.
    pub result: &'static str,
    /// The guide's button that opens the chapter in workshop mode.
    pub open: &'static str,
    /// The link to this chapter in workshop mode.
    pub link_label: &'static str,
}

/// Danish.
pub const WORKSHOP_DA: WorkshopTexts = WorkshopTexts {
    intro: "Et kapitel ad gangen, én knap at dreje på. Lad rummet gætte, skriv hvor mange der gættede hvad, og afslør så modellens svar i byen.",
    chapters: "Kapitler",
    bets_legend: "Rummets gæt: hvor mange tror på hvert svar?",
    bets_hint: "Skriv antallet af personer for hvert svar. Afsløringen kræver mindst ét gæt.",
    reveal: "Afslør",
    again: "Ny runde",
    result: "Modellens svar",
    open: "Åbn i workshoptilstand",
    link_label: "Link til kapitlet i workshoptilstand",
};

/// English.
pub const WORKSHOP_EN: WorkshopTexts = WorkshopTexts {
    intro: "One chapter at a time, one lever to turn. Let the room bet, enter how many bet on each answer, then reveal the model's answer in the town.",
    chapters: "Chapters",
    bets_legend: "The room's bets: how many people chose each answer?",
    bets_hint: "Enter the number of people for each answer. The reveal needs at least one bet.",
    reveal: "Reveal",
    again: "New round",
    result: "The model's answer",
    open: "Open in workshop mode",
    link_label: "Link to the chapter in workshop mode",
};

/// Figures of a run for the town's sentences (the report's counts, exact).
#[derive(Clone, Debug, PartialEq)]
pub struct StageFacts {
    /// Adults in the town.
    pub population: u32,
    /// Districts.
    pub districts: u8,
    /// Figures drawn.
    pub figures: u32,
    /// Invited or heard of it.
    pub invited: u32,
    /// Came.
    pub came: u32,
    /// Spoke.
    pub spoke: u32,
    /// The top tenth's share of the speaking time.
    pub top_decile: f64,
    /// Voted.
    pub voted: u32,
    /// Turnout.
    pub turnout: f64,
    /// The share of the town whose favourite project was funded (weighted sample).
    pub funded_town: f64,
    /// The same among those who came.
    pub funded_came: f64,
    /// Whether every attendee is drawn.
    pub all_attendees: bool,
    /// The group most over-represented among those who came: its name, its share of them and
    /// of the town.
    pub over: Option<(String, f64, f64)>,
}

impl Lang {
    /// The fixed strings of the town.
    #[must_use]
    pub fn town(self) -> &'static TownTexts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }

    /// The fixed strings of workshop mode.
    #[must_use]
    pub fn workshop(self) -> &'static WorkshopTexts {
        match self {
            Lang::Da => &WORKSHOP_DA,
            Lang::En => &WORKSHOP_EN,
        }
    }

    /// How the room's bets fared: `right` of `total` chose the model's answer.
    #[must_use]
    pub fn room_result(self, right: u32, total: u32, answer: &str) -> String {
        let answer = crate::i18n::lower(answer);
        match self {
            Lang::Da => format!("{right} af {total} i rummet gættede rigtigt (»{answer}«)."),
            Lang::En => format!("{right} of {total} in the room bet right (“{answer}”)."),
        }
    }

    /// Before → after of the chapter's number (the same words in both languages: the parts are
    /// already translated).
    #[must_use]
    pub fn before_after(self, metric: &str, before: &str, after: &str) -> String {
        let _ = self;
        format!("{metric}: {before} → {after}")
    }

    /// Name of a stage of the picture.
    #[must_use]
    pub fn step(self, s: Step) -> &'static str {
        match (self, s) {
            (Lang::Da, Step::Town) => "Byen",
            (Lang::Da, Step::Invited) => "Inviteret",
            (Lang::Da, Step::Came) => "Mødte op",
            (Lang::Da, Step::Spoke) => "Tog ordet",
            (Lang::Da, Step::Voted) => "Stemte",
            (Lang::Da, Step::Funded) => "Ønske opfyldt",
            (Lang::En, Step::Town) => "The town",
            (Lang::En, Step::Invited) => "Invited",
            (Lang::En, Step::Came) => "Came",
            (Lang::En, Step::Spoke) => "Spoke",
            (Lang::En, Step::Voted) => "Voted",
            (Lang::En, Step::Funded) => "Wish funded",
        }
    }

    /// One sentence for a stage, read out by screen readers and shown under the picture.
    #[must_use]
    #[allow(
        clippy::too_many_lines,
        reason = "one sentence per stage, in both languages side by side"
    )]
    pub fn step_sentence(self, s: Step, f: &StageFacts) -> String {
        let n = |x: u32| format::int(self, x.into());
        let pc = |x: f64| format::percent(self, x, 0);
        match s {
            Step::Town => {
                let per = f64::from(f.population) / f64::from(f.figures.max(1));
                let shown = match (self, f.all_attendees) {
                    (Lang::Da, true) => format!(" Alle {} deltagere er med.", n(f.came)),
                    (Lang::En, true) => format!(" All {} who came are shown.", n(f.came)),
                    _ => String::new(),
                };
                self.pick(format!(
                        "{} voksne i {} bydele. Hver af de {} figurer er en af byens borgere og står for omkring {} andre.{shown}",
                        n(f.population),
                        f.districts,
                        n(f.figures),
                        format::dec(self, per, 0)
                    ), format!(
                        "{} adults in {} districts. Each of the {} figures is one of the town's citizens and stands for about {}.{shown}",
                        n(f.population),
                        f.districts,
                        n(f.figures),
                        format::dec(self, per, 0)
                    ))
            }
            Step::Invited => {
                self.pick(format!(
                        "{} af {} blev inviteret eller hørte om mødet.",
                        n(f.invited),
                        n(f.population)
                    ), format!(
                        "{} of {} were invited or heard of the meeting.",
                        n(f.invited),
                        n(f.population)
                    ))
            }
            Step::Came => {
                let over = f.over.as_ref().map_or_else(String::new, |(g, a, t)| {
                    self.pick(format!("; {} af dem var {g}, mod {} af byen", pc(*a), pc(*t)), format!(
                            "; {} of them were {g}, against {} of the town",
                            pc(*a),
                            pc(*t)
                        ))
                });
                self.pick(format!("{} af {} kom{over}.", n(f.came), n(f.population)), format!("{} of {} came{over}.", n(f.came), n(f.population)))
            }
            Step::Spoke => {
                self.pick(format!(
                        "{} af de {} tog ordet; den tiendedel, der talte mest, havde {} af taletiden.",
                        n(f.spoke),
                        n(f.came),
                        pc(f.top_decile)
                    ), format!(
                        "{} of the {} spoke; the tenth who spoke most had {} of the speaking time.",
                        n(f.spoke),
                        n(f.came),
                        pc(f.top_decile)
                    ))
            }
            Step::Voted => {
                self.pick(format!(
                        "{} af {} stemte ({} stemmeprocent).",
                        n(f.voted),
                        n(f.population),
                        format::percent(self, f.turnout, 1)
                    ), format!(
                        "{} of {} voted (turnout {}).",
                        n(f.voted),
                        n(f.population),
                        format::percent(self, f.turnout, 1)
                    ))
            }
            Step::Funded => {
                self.pick(format!(
                        "Yndlingsprojektet blev til noget for {} af byen og for {} af dem, der kom.",
                        pc(f.funded_town),
                        pc(f.funded_came)
                    ), format!(
                        "The favourite project was funded for {} of the town and for {} of those who came.",
                        pc(f.funded_town),
                        pc(f.funded_came)
                    ))
            }
        }
    }

    /// Title of a detailed section: 0 from town to meeting, 1 the meeting and the vote,
    /// 2 inclusion, 3 the years, 4 the cost.
    #[must_use]
    pub fn town_section(self, k: usize) -> &'static str {
        let (da, en) = match k {
            0 => ("Fra by til møde", "From the town to the meeting"),
            1 => ("Mødet og afstemningen", "The meeting and the vote"),
            2 => ("Med hele vejen", "Included all the way"),
            3 => ("År for år", "Year by year"),
            _ => ("Omkostningen", "The cost"),
        };
        self.pick(da, en)
    }

    /// The finding of the meeting-and-vote section.
    #[must_use]
    pub fn vote_finding(self, turnout: f64, legitimacy: f64) -> String {
        let (t, l) = (
            format::percent(self, turnout, 1),
            format::percent(self, legitimacy, 0),
        );
        match self {
            Lang::Da => {
                format!("{t} stemte, og resultatet svarer {l} til det, alle ville have valgt.")
            }
            Lang::En => format!(
                "{t} voted, and the outcome overlaps {l} with what everyone would have chosen."
            ),
        }
    }

    /// What the last change did, e.g. `+42 at the meeting; mirror −3 points; cost +DKK 1,200`.
    #[must_use]
    pub fn change_line(self, came: i64, mirror: i64, cost: i64) -> String {
        let signed = |x: i64| {
            let v = format::int(self, x.unsigned_abs());
            match x.signum() {
                1 => format!("+{v}"),
                -1 => format!("−{v}"),
                _ => "±0".to_string(),
            }
        };
        let money = |x: i64| {
            let v = format::money(self, x.unsigned_abs());
            match x.signum() {
                1 => format!("+{v}"),
                -1 => format!("−{v}"),
                _ => "±0".to_string(),
            }
        };
        match self {
            Lang::Da => format!(
                "{} til mødet; spejlet {} point; omkostning {}",
                signed(came),
                signed(mirror),
                money(cost)
            ),
            Lang::En => format!(
                "{} at the meeting; mirror {} points; cost {}",
                signed(came),
                signed(mirror),
                money(cost)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> StageFacts {
        StageFacts {
            population: 29_500,
            districts: 5,
            figures: 1_000,
            invited: 5_000,
            came: 368,
            spoke: 300,
            top_decile: 0.31,
            voted: 3_000,
            turnout: 0.1017,
            funded_town: 0.4,
            funded_came: 0.55,
            all_attendees: true,
            over: Some(("67+ år".into(), 0.7, 0.24)),
        }
    }

    #[test]
    fn every_stage_has_a_sentence_in_both_languages() {
        for s in Step::ALL {
            let (da, en) = (
                Lang::Da.step_sentence(s, &facts()),
                Lang::En.step_sentence(s, &facts()),
            );
            assert!(da.ends_with('.') && en.ends_with('.'), "{s:?}");
            assert_ne!(da, en);
        }
        assert_eq!(
            Lang::En.step_sentence(Step::Came, &facts()),
            "368 of 29,500 came; 70% of them were 67+ år, against 24% of the town."
        );
        assert!(
            Lang::Da
                .step_sentence(Step::Came, &facts())
                .starts_with("368 af 29.500 kom")
        );
    }

    #[test]
    fn the_change_line_signs_each_number() {
        assert_eq!(
            Lang::En.change_line(42, -3, 0),
            "+42 at the meeting; mirror −3 points; cost ±0"
        );
        assert_eq!(
            Lang::Da.change_line(-1_200, 0, 12_000),
            "−1.200 til mødet; spejlet ±0 point; omkostning +12.000\u{a0}kr."
        );
    }
}
