//! Strings of the guide's frame (the chapters' own texts are typed data in `crate::guide`).

use crate::guide::Direction;

use super::Lang;

/// Fixed strings of the guide.
pub struct GuideTexts {
    /// One line under the heading.
    pub lead: &'static str,
    /// Label of the chapter list.
    pub chapters_label: &'static str,
    /// Caption of the translation of a quote.
    pub translation: &'static str,
    /// Label before the starting setting of the lever.
    pub starts_at: &'static str,
    /// Legend of the bet.
    pub bet_legend: &'static str,
    /// The reveal button.
    pub reveal: &'static str,
    /// Hint while no bet is chosen.
    pub bet_first: &'static str,
    /// Heading of the result.
    pub result_heading: &'static str,
    /// Heading of the finding.
    pub finding_heading: &'static str,
    /// Bet again.
    pub bet_again: &'static str,
    /// Open the chapter's scenario in the sandbox.
    pub open_sandbox: &'static str,
    /// Heading of the workshop box.
    pub workshop_heading: &'static str,
    /// What the workshop box is for.
    pub workshop_hint: &'static str,
    /// Label of the facilitator link.
    pub facilitator_link: &'static str,
    /// Copy the link.
    pub copy_link: &'static str,
    /// Print the card.
    pub print_card: &'static str,
    /// Title of the QR code.
    pub qr_title: &'static str,
    /// Scenario summary: preset.
    pub card_preset: &'static str,
    /// Scenario summary: population.
    pub card_population: &'static str,
    /// Scenario summary: budget.
    pub card_budget: &'static str,
    /// Scenario summary: seed.
    pub card_seed: &'static str,
    /// Previous chapter.
    pub previous: &'static str,
    /// Next chapter.
    pub next: &'static str,
    /// Column of the chart's table: setting.
    pub col_setting: &'static str,
    /// Column of the chart's table: value.
    pub col_value: &'static str,
    /// Print the card without the model's answer (before the class guesses).
    pub print_blank: &'static str,
    /// Link from a reveal to what the model leaves out.
    pub model_limits: &'static str,
    /// Heading of the teacher's guide.
    pub teacher_heading: &'static str,
    /// What the teacher's guide is for.
    pub teacher_intro: &'static str,
    /// The suggested 45-minute lesson: (minutes, chapter if any, what happens).
    pub teacher_steps: &'static [(&'static str, Option<u8>, &'static str)],
    /// Practical advice after the sequence.
    pub teacher_tips: &'static [&'static str],
    /// While the towns are being simulated.
    pub towns_running: &'static str,
    /// Before the one town shown as an example.
    pub one_town: &'static str,
}

/// Danish.
pub const DA: GuideTexts = GuideTexts {
    lead: "Syv dilemmaer fra en dansk workshop om borgerinddragelse. Gæt først, kør så modellen.",
    chapters_label: "Kapitler",
    translation: "Oversættelse",
    starts_at: "Starter ved",
    bet_legend: "Dit gæt",
    reveal: "Lås gættet og kør modellen",
    bet_first: "Vælg et gæt først.",
    result_heading: "Hvad modellen siger",
    finding_heading: "Fortolkning",
    bet_again: "Gæt igen",
    open_sandbox: "Åbn i sandkassen",
    workshop_heading: "Workshop",
    workshop_hint: "Del linket med grupperne (det åbner dette kapitel med samme scenarie), eller print et kort med scenariet, resultatet og en QR-kode.",
    facilitator_link: "Link til gruppeøvelsen",
    copy_link: "Kopiér link",
    print_card: "Print kort",
    qr_title: "QR-kode til kapitlet",
    card_preset: "Scenarie",
    card_population: "Voksne borgere",
    card_budget: "Budget",
    card_seed: "Frø",
    previous: "Forrige kapitel",
    next: "Næste kapitel",
    col_setting: "Indstilling",
    col_value: "Værdi",
    print_blank: "Print kort uden svar",
    model_limits: "Hvad modellen ikke kan",
    teacher_heading: "Lærervejledning: et modul på 45 minutter",
    teacher_intro: "Til gymnasiets samfundsfag og lignende: eleverne gætter, hvad en kommunes valg gør ved, hvem der bliver hørt, og ser modellen svare. Print kortene uden svar på forhånd, og giv hver gruppe et kort og QR-koden.",
    teacher_steps: &[
        (
            "0–5 min.",
            None,
            "Introduktion: Hvad er et borgerbudget, og hvem kommer til et borgermøde? Vis sandkassens tragt fra borgere til deltagere på projektoren.",
        ),
        (
            "5–15 min.",
            Some(1),
            "Grupperne gætter på kortet uden svar og begrunder gættet. Kør modellen i fællesskab, og tal om, hvem der mangler.",
        ),
        (
            "15–25 min.",
            Some(3),
            "Hvad gør opsøgende arbejde ved de udsattes andel – og ved deres indflydelse på, hvad der finansieres?",
        ),
        (
            "25–35 min.",
            Some(4),
            "Ændrer et større budget, hvem der kommer? Lad en gruppe prøve andre beløb i sandkassen.",
        ),
        (
            "35–42 min.",
            Some(7),
            "Hvor mange skal stemme, før resultatet ligner det, alle ville have valgt?",
        ),
        (
            "42–45 min.",
            None,
            "Opsamling: Hvor mange gæt ramte? Hvad kan en model ikke fortælle os? Se »Modellens grænser« i ordlisten.",
        ),
    ],
    teacher_tips: &[
        "Svarene kommer fra én simuleret by (ét frø). Under »× N frø« i sandkassen kan I se, hvor meget resultatet svinger fra by til by.",
        "Linket under hvert kapitel åbner præcis samme scenarie hos eleverne, så alle ser de samme tal.",
        "Projektortemaet (øverst) giver stor skrift og høj kontrast.",
    ],
    towns_running: "Simulerer 20 byer …",
    one_town: "Én by som eksempel",
};

/// English.
pub const EN: GuideTexts = GuideTexts {
    lead: "Seven dilemmas from a Danish workshop on citizen participation. Place your bet, then run the model.",
    chapters_label: "Chapters",
    translation: "Translation",
    starts_at: "Starts at",
    bet_legend: "Your bet",
    reveal: "Lock in the bet and run the model",
    bet_first: "Choose a bet first.",
    result_heading: "What the model says",
    finding_heading: "Reading it",
    bet_again: "Bet again",
    open_sandbox: "Open in the sandbox",
    workshop_heading: "Workshop",
    workshop_hint: "Share the link with the groups (it opens this chapter with the same scenario), or print a card with the scenario, the result and a QR code.",
    facilitator_link: "Link for the group exercise",
    copy_link: "Copy link",
    print_card: "Print card",
    qr_title: "QR code to the chapter",
    card_preset: "Scenario",
    card_population: "Adult citizens",
    card_budget: "Budget",
    card_seed: "Seed",
    previous: "Previous chapter",
    next: "Next chapter",
    col_setting: "Setting",
    col_value: "Value",
    print_blank: "Print card without the answer",
    model_limits: "What the model leaves out",
    teacher_heading: "Teacher's guide: a 45-minute lesson",
    teacher_intro: "For upper-secondary social studies and the like: students guess what a municipality's choices do to who is heard, and watch the model answer. Print the cards without the answer beforehand and give each group a card and the QR code.",
    teacher_steps: &[
        (
            "0–5 min",
            None,
            "Introduction: what is a citizen budget, and who comes to a citizen meeting? Show the sandbox's funnel from residents to attendees on the projector.",
        ),
        (
            "5–15 min",
            Some(1),
            "The groups guess on the card without the answer and give their reasons. Run the model together and talk about who is missing.",
        ),
        (
            "15–25 min",
            Some(3),
            "What does outreach do to the marginalised's share – and to their influence over what is funded?",
        ),
        (
            "25–35 min",
            Some(4),
            "Does a larger budget change who comes? Let one group try other amounts in the sandbox.",
        ),
        (
            "35–42 min",
            Some(7),
            "How many must vote before the outcome resembles what everyone would have chosen?",
        ),
        (
            "42–45 min",
            None,
            "Wrap-up: how many guesses were right? What can a model not tell us? See “What the model leaves out” in the glossary.",
        ),
    ],
    teacher_tips: &[
        "The answers come from one simulated town (one seed). Under “× N seeds” in the sandbox you can see how much the result varies from town to town.",
        "The link under each chapter opens exactly the same scenario for the students, so everyone sees the same numbers.",
        "The projector theme (at the top) gives large type and high contrast.",
    ],
    towns_running: "Simulating 20 towns …",
    one_town: "One town as an example",
};

impl Lang {
    /// The guide's fixed strings.
    #[must_use]
    pub fn guide(self) -> &'static GuideTexts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }

    /// A direction as an answer (bet options and the model's verdict).
    #[must_use]
    pub fn direction(self, d: Direction) -> &'static str {
        match (self, d) {
            (Lang::Da, Direction::Up) => "Op",
            (Lang::Da, Direction::Down) => "Ned",
            (Lang::Da, Direction::Same) => "Omtrent uændret",
            (Lang::En, Direction::Up) => "Up",
            (Lang::En, Direction::Down) => "Down",
            (Lang::En, Direction::Same) => "About the same",
        }
    }

    /// "Chapter 3 of 7".
    #[must_use]
    pub fn chapter_of(self, n: usize, total: usize) -> String {
        match self {
            Lang::Da => format!("Kapitel {n} af {total}"),
            Lang::En => format!("Chapter {n} of {total}"),
        }
    }

    /// The comparison the bet is about: "From X to Y".
    #[must_use]
    pub fn span_text(self, from: &str, to: &str) -> String {
        match self {
            Lang::Da => format!("Fra {from} til {to}"),
            Lang::En => format!("From {from} to {to}"),
        }
    }

    /// The model's verdict with the tolerance that separates "about the same".
    #[must_use]
    pub fn verdict(self, d: Direction, tolerance: &str) -> String {
        let word = crate::i18n::lower(self.direction(d));
        match self {
            Lang::Da => format!(
                "I denne by: {word} (ændringer under {tolerance} tæller som omtrent uændret)."
            ),
            Lang::En => {
                format!("In this town: {word} (changes under {tolerance} count as about the same).")
            }
        }
    }

    /// The verdict over several simulated towns, in plain words.
    #[must_use]
    pub fn towns_verdict(self, t: crate::guide::Towns) -> String {
        let (n, u, d, s) = (t.total(), t.up, t.down, t.same);
        let word = crate::i18n::lower(self.direction(t.majority()));
        match self {
            Lang::Da => format!(
                "I {u} af {n} simulerede byer gik tallet op, i {d} gik det ned, og i {s} var det omtrent uændret. Modellens svar: {word}."
            ),
            Lang::En => format!(
                "In {u} of {n} simulated towns the number went up, in {d} it went down, and in {s} it stayed about the same. The model's answer: {word}."
            ),
        }
    }

    /// Whether the bet was right, judged over several towns.
    #[must_use]
    pub fn bet_result_towns(self, bet: Direction, t: crate::guide::Towns) -> String {
        let word = crate::i18n::lower(self.direction(bet));
        let (k, n) = (t.count(bet), t.total());
        match (self, bet == t.majority()) {
            (Lang::Da, true) => {
                format!("Du gættede {word}: rigtigt – sådan gik det i {k} af {n} byer.")
            }
            (Lang::Da, false) => format!(
                "Du gættede {word}: modellen siger noget andet – sådan gik det kun i {k} af {n} byer."
            ),
            (Lang::En, true) => {
                format!("You bet {word}: right – that is what happened in {k} of {n} towns.")
            }
            (Lang::En, false) => format!(
                "You bet {word}: the model says otherwise – that happened in only {k} of {n} towns."
            ),
        }
    }

    /// Tally of the session's bets.
    #[must_use]
    pub fn tally(self, right: usize, placed: usize) -> String {
        match self {
            Lang::Da => format!("Dine gæt i denne session: {right} af {placed} rigtige."),
            Lang::En => format!("Your bets this session: {right} of {placed} right."),
        }
    }

    /// The chart's finding in words.
    #[must_use]
    pub fn guide_desc(self, metric: &str, from: (&str, &str), to: (&str, &str)) -> String {
        let text = match self {
            Lang::Da => format!(
                "{}: {} ved {}, {} ved {}",
                super::capitalise(metric),
                from.1,
                from.0,
                to.1,
                to.0
            ),
            Lang::En => format!(
                "{}: {} at {}, {} at {}",
                super::capitalise(metric),
                from.1,
                from.0,
                to.1,
                to.0
            ),
        };
        // An option such as »5 mio. kr.« ends the sentence: one full stop, not two.
        crate::format::sentence(text)
    }
}
