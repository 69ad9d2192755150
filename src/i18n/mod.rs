//! The typed Danish/English string table. Every user-visible string lives here; a field or a
//! match arm missing in one language is a compile error.
//!
//! One file per area of the app: this file holds the texts every view shares (`Texts`) and the
//! scenario's controls, fields and errors; `results`, `charts`, `controls`, `meeting`, `town`, `towns`,
//! `robustness`, `sweep`, `pb`, `panel`, `guide` and `glossary` hold their views' texts.
//!
//! One way of writing a text in both languages, Danish first and English second, side by side:
//! - fixed strings are fields of the area's struct of texts, with a `DA` and an `EN` value;
//! - everything else is a method of `Lang` that picks with `self.pick(danish, english)`, or with
//!   `match self { Lang::Da => …, Lang::En => … }` where a language needs statements of its own,
//!   or with `match (self, value)` for a table of names.

pub mod charts;
pub mod controls;
pub mod glossary;
pub mod guide;
pub mod meeting;
pub mod panel;
pub mod pb;
pub mod results;
pub mod robustness;
pub mod sweep;
pub mod town;
pub mod towns;

use dialoglab_engine::Strategy;

use crate::fields::{Choice, Field, Section, Support};
use crate::format;
use crate::state::{FileProblem, MAX_SCENARIO_BYTES, Problem, Theme, View};
use crate::url::{LINK_VERSION, LinkError};
use dialoglab_engine::pb::Rule;
use dialoglab_engine::scenario::MAX_PROJECT_NAME_CHARS;
use dialoglab_engine::scenario::{
    BallotKind, DecisionChannel, Implementer, Initiative, MeetingFormat, MeetingUpdate,
    PanelSelection, RulesBy,
};
use dialoglab_engine::{Inconsistency, ScenarioError};

pub use crate::language::Lang;
pub use charts::group_value;

impl Lang {
    /// The fixed strings of this language.
    #[must_use]
    pub fn t(self) -> &'static Texts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }
}

/// `text` in lower case, for a label used mid-sentence. The table's strings are Danish and
/// English, so only ASCII and Latin-1 letters (`A`–`Z`, `À`–`Þ` but `×`) change; everything else
/// stays as it is. For these strings it equals [`str::to_lowercase`], whose Unicode tables would
/// add several kB to the initial download (tested below on every character of Latin-1).
#[must_use]
pub fn lower(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' => {
                char::from_u32(c as u32 + 32).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// `text` with its first letter in upper case (the inverse of [`lower`] on the first letter).
#[must_use]
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        let upper = match c {
            'a'..='z' | '\u{E0}'..='\u{F6}' | '\u{F8}'..='\u{FE}' => {
                char::from_u32(c as u32 - 32).unwrap_or(c)
            }
            _ => c,
        };
        let mut out = String::with_capacity(text.len());
        out.push(upper);
        out.push_str(chars.as_str());
        out
    })
}

/// Fixed strings.
pub struct Texts {
    /// The language's own name, for the switch.
    pub language_name: &'static str,
    /// Label of the language switch.
    pub language_label: &'static str,
    /// Product name.
    pub title: &'static str,
    /// One line under the title.
    pub tagline: &'static str,
    /// Heading of the scenario panel.
    pub scenario_heading: &'static str,
    /// Preset picker label.
    pub preset_label: &'static str,
    /// Population size label.
    pub population_label: &'static str,
    /// Unit of the population size.
    pub citizens_unit: &'static str,
    /// Budget label.
    pub budget_label: &'static str,
    /// Hint under the budget slider.
    pub budget_hint: &'static str,
    /// Strategy picker label.
    pub strategy_label: &'static str,
    /// Label of the number of outreach contacts.
    pub contacts_label: &'static str,
    /// Unit of outreach contacts.
    pub contacts_unit: &'static str,
    /// Heading of the results.
    pub results_heading: &'static str,
    /// Shown while a run is computing.
    pub running: &'static str,
    /// Funnel chart title.
    pub funnel_title: &'static str,
    /// Ratio chart title.
    pub ratio_title: &'static str,
    /// Ratio chart axis label.
    pub ratio_axis: &'static str,
    /// Summary of the data table toggle.
    pub show_table: &'static str,
    /// Column header: group.
    pub col_group: &'static str,
    /// Column header: stage.
    pub col_stage: &'static str,
    /// Column header: count.
    pub col_count: &'static str,
    /// Column header: share of the population.
    pub col_share: &'static str,
    /// Column header: population share of a group.
    pub col_population_share: &'static str,
    /// Stage: the whole population.
    pub stage_population: &'static str,
    /// Stage: invited.
    pub stage_invited: &'static str,
    /// Stage: attendees.
    pub stage_attendees: &'static str,
    /// Representativeness index label.
    pub index_label: &'static str,
    /// Explanation of the index.
    pub index_help: &'static str,
    /// Cost label.
    pub cost_label: &'static str,
    /// Prefix of an error message.
    pub error_prefix: &'static str,
    /// Meeting view heading.
    pub meeting_title: &'static str,
    /// Meeting view hint.
    pub meeting_hint: &'static str,
    /// Play.
    pub meeting_play: &'static str,
    /// Pause.
    pub meeting_pause: &'static str,
    /// Step back.
    pub meeting_back: &'static str,
    /// Step forward.
    pub meeting_next: &'static str,
    /// Speed.
    pub meeting_speed: &'static str,
    /// Table.
    pub meeting_table: &'static str,
    /// Turn slider.
    pub meeting_turn: &'static str,
    /// Speaking time.
    pub meeting_talk: &'static str,
    /// Preference drift.
    pub meeting_drift: &'static str,
    /// Heading of the list of what was said at a traced table.
    pub meeting_said: &'static str,
    /// The sandbox's button to the meeting view.
    pub meeting_open: &'static str,
    /// Before the first turn.
    pub meeting_nothing_yet: &'static str,
    /// Speaking now.
    pub meeting_speaking: &'static str,
    /// Women.
    pub meeting_women: &'static str,
    /// Men.
    pub meeting_men: &'static str,
    /// No trace.
    pub meeting_none: &'static str,
    /// Stage: speakers.
    pub stage_speakers: &'static str,
    /// Stage: voters.
    pub stage_voters: &'static str,
    /// Column: supporters.
    pub col_supporters: &'static str,
    /// Column: funded if everyone voted.
    pub col_if_all: &'static str,
    /// Short header of the counterfactual marker.
    pub col_if_all_short: &'static str,
    /// Column: status.
    pub col_status: &'static str,
    /// Column: project.
    pub col_project: &'static str,
    /// Column: most over-represented supporters.
    pub col_top_supporters: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// Legend: funded if everyone voted.
    pub legend_if_all: &'static str,
    /// Projects chart title.
    pub projects_title: &'static str,
    /// Cycles chart title.
    pub cycles_title: &'static str,
    /// Cycles axis.
    pub cycles_axis: &'static str,
    /// Turnout.
    pub turnout_label: &'static str,
    /// Voice inequality.
    pub voice_gini_label: &'static str,
    /// Top decile share of speaking time.
    pub top_decile_label: &'static str,
    /// Legitimacy.
    pub legitimacy_label: &'static str,
    /// Welfare loss.
    pub welfare_loss_label: &'static str,
    /// Money per capita.
    pub money_per_capita_label: &'static str,
    /// Heading of the outcome metrics.
    pub outcome_heading: &'static str,
    /// Skip link to the results.
    pub skip_link: &'static str,
    /// Label of the row of view tabs.
    pub views_label: &'static str,
    /// Shown while the bundle with the Sweeps, Real PB data and Guide views loads.
    pub views_loading: &'static str,
    /// Shown when that bundle could not be loaded (the technical reason follows).
    pub views_failed: &'static str,
    /// Button that tries to load that bundle again.
    pub views_retry: &'static str,
    /// Shown while a panel of the sandbox page drawn by that bundle (many towns, robustness, A
    /// and B in the same towns) loads.
    pub panel_loading: &'static str,
    /// Shown when such a panel could not be loaded (the technical reason follows).
    pub panel_failed: &'static str,
    /// Shown in a results section, once opened, while its charts load (from that bundle).
    pub charts_loading: &'static str,
    /// Shown when a section's charts could not be loaded (the technical reason follows).
    pub charts_failed: &'static str,
    /// Shown in Compare while the comparison of A and B loads (from that bundle).
    pub compare_loading: &'static str,
    /// Shown when the comparison could not be loaded (the technical reason follows).
    pub compare_failed: &'static str,
    /// Shown in the share dialog while its QR code and files load (from that bundle).
    pub share_loading: &'static str,
    /// Shown when those could not be loaded (the technical reason follows).
    pub share_failed: &'static str,
    /// Label of the theme switch.
    pub theme_label: &'static str,
    /// Button opening the share dialog.
    pub share_button: &'static str,
    /// Heading of the share dialog.
    pub share_title: &'static str,
    /// Text at the top of the share dialog.
    pub share_intro: &'static str,
    /// Label of the link field.
    pub link_label: &'static str,
    /// Copy button.
    pub copy_link: &'static str,
    /// Shown after copying.
    pub copied: &'static str,
    /// Title of the QR code.
    pub qr_title: &'static str,
    /// Shown when the link is too long for a QR code.
    pub qr_too_long: &'static str,
    /// Shown while the QR code is being made (its encoder comes with the views bundle).
    pub qr_loading: &'static str,
    /// Shown when the QR code could not be made (the technical reason follows).
    pub qr_failed: &'static str,
    /// Download the current scenario's simulated vote as a pabulib file.
    pub export_pb: &'static str,
    /// Shown while that file is being made.
    pub export_pb_busy: &'static str,
    /// Shown when that file could not be made (the technical reason follows).
    pub export_pb_failed: &'static str,
    /// Download the scenario.
    pub download_json: &'static str,
    /// Upload a scenario.
    pub upload_json: &'static str,
    /// After an upload.
    pub uploaded: &'static str,
    /// Close button.
    pub close: &'static str,
    /// Dismiss a message.
    pub dismiss: &'static str,
    /// Reset All button.
    pub reset_all: &'static str,
    /// New seed button.
    pub new_seed: &'static str,
    /// Hint under the seed.
    pub seed_hint: &'static str,
    /// Label of a chart's export buttons.
    pub export_label: &'static str,
    /// CSV export.
    pub export_csv: &'static str,
    /// Danish-Excel CSV export.
    pub export_csv_da: &'static str,
    /// SVG export.
    pub export_svg: &'static str,
    /// PNG export.
    pub export_png: &'static str,
    /// Cost chart title.
    pub cost_title: &'static str,
    /// Cost part: letters.
    pub cost_letters: &'static str,
    /// Cost part: staff hours.
    pub cost_staff: &'static str,
    /// Cost per attendee.
    pub cost_per_attendee: &'static str,
    /// Column: amount.
    pub col_amount: &'static str,
    /// Column: quantity.
    pub col_quantity: &'static str,
    /// Column: probability.
    pub col_probability: &'static str,
    /// Compare heading.
    pub compare_heading: &'static str,
    /// How to compare.
    pub compare_hint: &'static str,
    /// Legend entry of the pinned run in paired charts.
    pub compare_legend_a: &'static str,
    /// Legend entry of the current run in paired charts.
    pub compare_legend_b: &'static str,
    /// Pin button.
    pub pin: &'static str,
    /// Unpin button.
    pub unpin: &'static str,
    /// After the selected preset's name once the scenario departs from it.
    pub preset_changed: &'static str,
    /// Button by the headline numbers that moves to the comparison.
    pub compare_go: &'static str,
    /// Column: metric.
    pub col_metric: &'static str,
    /// Column: difference B − A.
    pub col_difference: &'static str,
    /// Warning when A and B have different populations.
    pub other_population: &'static str,
    /// Note when A and B share the population.
    pub same_population: &'static str,
    /// Label of the list of changed fields.
    pub changed_fields: &'static str,
    /// When A equals B.
    pub no_changes: &'static str,
    /// Heading of the bad link notice.
    pub bad_link_title: &'static str,
    /// Sentence after the bad-link reason.
    pub bad_link_tail: &'static str,
    /// Prefix of a bad upload.
    pub bad_upload: &'static str,
    /// Hint under charts.
    pub tooltip_hint: &'static str,
    /// Said of a value drawn at the end of an axis it lies beyond.
    pub clipped_note: &'static str,
    /// Accessible name and tooltip of a link to the glossary.
    pub glossary_link: &'static str,
    /// Where the cost rates come from.
    pub costs_hint: &'static str,
    /// Button that prints the council brief.
    pub brief_print: &'static str,
    /// Heading of the printed brief.
    pub brief_heading: &'static str,
    /// Heading of the settings that differ from the preset.
    pub brief_settings: &'static str,
    /// When nothing differs from the preset.
    pub brief_no_changes: &'static str,
    /// Heading of the assumptions.
    pub brief_assumptions: &'static str,
    /// Label of the link that reopens the scenario.
    pub brief_link: &'static str,
}

/// Danish.
pub const DA: Texts = Texts {
    language_name: "Dansk",
    language_label: "Sprog",
    title: "Dialoglab",
    tagline: "Hvem kommer til borgermødet – og hvis ønsker afspejler resultatet?",
    scenario_heading: "Scenarie",
    preset_label: "Forudindstilling",
    population_label: "Voksne borgere",
    citizens_unit: "borgere",
    budget_label: "Borgerbudget",
    budget_hint: "Logaritmisk skala: hvert trin ganger beløbet med det samme tal",
    strategy_label: "Invitationsstrategi",
    contacts_label: "Personlige kontakter pr. borger",
    contacts_unit: "kontakter",
    results_heading: "Resultater",
    running: "Beregner …",
    funnel_title: "Fra borgere til deltagere",
    ratio_title: "Repræsentation pr. gruppe",
    ratio_axis: "Repræsentationsforhold (1 = rimelig andel, logaritmisk akse)",
    show_table: "Vis datatabel",
    col_group: "Gruppe",
    col_stage: "Trin",
    col_count: "Antal",
    col_share: "Andel af befolkningen",
    col_population_share: "Andel i befolkningen",
    stage_population: "Befolkning",
    stage_invited: "Inviterede",
    stage_attendees: "Deltagere",
    index_label: "Repræsentativitetsindeks",
    index_help: "1 = et perfekt spejl af befolkningen (1 − gennemsnitlig total variationsafstand)",
    cost_label: "Omkostning",
    error_prefix: "Fejl",
    meeting_title: "Mødet, tur for tur",
    meeting_hint: "Ét bord fra mødet: realistisk og ideelt møde side om side med de samme deltagere. Størrelsen viser taletid, ringen hvem der taler, bjælken hvor meget ønskerne har flyttet sig. Under hvert bord står, hvilke argumenter der blev sagt, og hvem de flyttede.",
    meeting_play: "Afspil",
    meeting_pause: "Pause",
    meeting_back: "Forrige tur",
    meeting_next: "Næste tur",
    meeting_speed: "Hastighed",
    meeting_table: "Bord",
    meeting_turn: "Tur",
    meeting_talk: "Taletid",
    meeting_drift: "Ændring i ønsker",
    meeting_said: "Hvad der blev sagt",
    meeting_open: "Se mødet",
    meeting_nothing_yet: "Ingen har sagt noget endnu.",
    meeting_speaking: "taler nu",
    meeting_women: "Kvinder",
    meeting_men: "Mænd",
    meeting_none: "Ingen deltagere ved dette bord.",
    stage_speakers: "Talere",
    stage_voters: "Vælgere",
    col_supporters: "Stemmer",
    col_if_all: "Finansieret hvis alle stemte",
    col_if_all_short: "Alle stemte",
    col_status: "Status",
    col_project: "Projekt",
    col_top_supporters: "Mest overrepræsenteret blandt tilhængerne",
    yes: "Ja",
    no: "Nej",
    legend_if_all: "Finansieret, hvis alle havde stemt",
    projects_title: "Projekterne: stemmer, finansiering og veto",
    cycles_title: "År for år",
    cycles_axis: "År",
    turnout_label: "Valgdeltagelse",
    voice_gini_label: "Ulighed i taletid (Gini)",
    top_decile_label: "De 10\u{a0}% mest talendes andel af taletiden",
    legitimacy_label: "Overlap med »hvis alle stemte«",
    welfare_loss_label: "Velfærdstab i forhold til »hvis alle stemte«",
    money_per_capita_label: "Borgerbudget pr. borger",
    outcome_heading: "Mødet og afstemningen",
    skip_link: "Gå til resultaterne",
    views_label: "Visninger",
    views_loading: "Henter visningen …",
    views_failed: "Visningen kunne ikke hentes. Sandkassen virker stadig.",
    views_retry: "Prøv igen",
    panel_loading: "Henter beregningerne over mange byer …",
    panel_failed: "Beregningerne over mange byer kunne ikke hentes. Resten af sandkassen virker stadig.",
    charts_loading: "Henter diagrammerne …",
    charts_failed: "Diagrammerne kunne ikke hentes. Resten af sandkassen virker stadig.",
    compare_loading: "Henter sammenligningen …",
    compare_failed: "Sammenligningen kunne ikke hentes. Resten af sandkassen virker stadig.",
    share_loading: "Henter QR-koden og filerne …",
    share_failed: "QR-koden og filerne kunne ikke hentes. Linket virker stadig.",
    theme_label: "Tema",
    share_button: "Del og gem …",
    share_title: "Del scenariet",
    share_intro: "Linket gengiver præcis denne kørsel: samme scenarie, samme frø, samme tal.",
    link_label: "Link til scenariet",
    copy_link: "Kopiér link",
    copied: "Linket er kopieret.",
    qr_title: "QR-kode med linket",
    qr_too_long: "Linket er for langt til en QR-kode; brug JSON-filen.",
    qr_loading: "Laver QR-koden …",
    qr_failed: "QR-koden kunne ikke laves. Linket virker stadig.",
    export_pb: "Hent den simulerede afstemning (.pb)",
    export_pb_busy: "Laver afstemningsfilen …",
    export_pb_failed: "Afstemningsfilen kunne ikke laves.",
    download_json: "Hent scenariet som JSON",
    upload_json: "Indlæs scenarie fra JSON-fil",
    uploaded: "Scenariet fra filen er indlæst.",
    close: "Luk",
    dismiss: "Skjul besked",
    reset_all: "Nulstil alt",
    new_seed: "Nyt frø",
    seed_hint: "Samme frø giver samme befolkning og samme lodtrækninger.",
    export_label: "Eksportér",
    export_csv: "CSV",
    export_csv_da: "CSV (dansk Excel)",
    export_svg: "SVG",
    export_png: "PNG",
    cost_title: "Hvad invitationen koster",
    cost_letters: "Breve",
    cost_staff: "Personaletimer",
    cost_per_attendee: "Pris pr. deltager",
    col_amount: "Beløb",
    col_quantity: "Mængde",
    col_probability: "Sandsynlighed",
    compare_heading: "Sammenlign A og B",
    compare_legend_a: "A (fastgjort)",
    compare_legend_b: "B (nu)",
    compare_hint: "Fastgør den aktuelle kørsel som A, ændr indstillingerne, og se B ved siden af – på den samme befolkning, så længe frø og befolkning er uændrede.",
    pin: "Fastgør som A",
    unpin: "Fjern A",
    preset_changed: "(ændret)",
    compare_go: "Gå til sammenligningen",
    col_metric: "Mål",
    col_difference: "Forskel (B − A)",
    other_population: "A og B har ikke den samme befolkning (frøet eller befolkningens indstillinger er ændret), så forskellen blander tilfældigheder og indstillinger sammen.",
    same_population: "A og B har samme befolkning og samme tilfældige trækninger.",
    changed_fields: "Ændret fra A til B",
    no_changes: "Ingen ændringer endnu.",
    bad_link_title: "Linket kunne ikke åbnes",
    bad_link_tail: "Standardscenariet vises i stedet; dit gemte arbejde er urørt.",
    bad_upload: "Filen kunne ikke indlæses, og det aktuelle scenarie er bevaret",
    tooltip_hint: "Hold musen over et punkt, tryk på det, eller gå til det med tabulatortasten, for at se tallet.",
    clipped_note: "uden for aksen; vist ved kanten",
    glossary_link: "Forklaring i ordlisten",
    costs_hint: "Modellens antagelser, ikke officielle takster: ret dem til jeres egne.",
    brief_print: "Print notat (én A4-side)",
    brief_heading: "Notat fra Dialoglab",
    brief_settings: "Ændret i forhold til forudindstillingen",
    brief_no_changes: "Intet – scenariet er forudindstillingen, som den er.",
    brief_assumptions: "Antagelser om omkostninger",
    brief_link: "Åbn scenariet igen",
};

/// English.
pub const EN: Texts = Texts {
    language_name: "English",
    language_label: "Language",
    title: "Dialoglab",
    tagline: "Who comes to the citizen meeting – and whose wishes does the outcome reflect?",
    scenario_heading: "Scenario",
    preset_label: "Preset",
    population_label: "Adult citizens",
    citizens_unit: "citizens",
    budget_label: "Participatory budget",
    budget_hint: "Logarithmic scale: each step multiplies the amount",
    strategy_label: "Invitation strategy",
    contacts_label: "Personal contacts per citizen",
    contacts_unit: "contacts",
    results_heading: "Results",
    running: "Computing …",
    funnel_title: "From citizens to participants",
    ratio_title: "Representation by group",
    ratio_axis: "Representation ratio (1 = fair share, logarithmic axis)",
    show_table: "Show data table",
    col_group: "Group",
    col_stage: "Stage",
    col_count: "Count",
    col_share: "Share of population",
    col_population_share: "Share of population",
    stage_population: "Population",
    stage_invited: "Invited",
    stage_attendees: "Attendees",
    index_label: "Representativeness index",
    index_help: "1 = a perfect mirror of the population (1 − mean total variation distance)",
    cost_label: "Cost",
    error_prefix: "Error",
    meeting_title: "The meeting, turn by turn",
    meeting_hint: "One table from the meeting: a realistic and an ideal meeting side by side with the same attendees. Size shows speaking time, the ring who is speaking, the bar how far wishes have moved. Under each table: which arguments were made, and whom they moved.",
    meeting_play: "Play",
    meeting_pause: "Pause",
    meeting_back: "Previous turn",
    meeting_next: "Next turn",
    meeting_speed: "Speed",
    meeting_table: "Table",
    meeting_turn: "Turn",
    meeting_talk: "Speaking time",
    meeting_drift: "Change of wishes",
    meeting_said: "What was said",
    meeting_open: "Watch the meeting",
    meeting_nothing_yet: "Nobody has spoken yet.",
    meeting_speaking: "speaking now",
    meeting_women: "Women",
    meeting_men: "Men",
    meeting_none: "No attendees at this table.",
    stage_speakers: "Speakers",
    stage_voters: "Voters",
    col_supporters: "Votes",
    col_if_all: "Funded if everyone voted",
    col_if_all_short: "All voted",
    col_status: "Status",
    col_project: "Project",
    col_top_supporters: "Most over-represented among supporters",
    yes: "Yes",
    no: "No",
    legend_if_all: "Funded if everyone had voted",
    projects_title: "The projects: votes, funding and vetoes",
    cycles_title: "Year by year",
    cycles_axis: "Year",
    turnout_label: "Turnout",
    voice_gini_label: "Voice inequality (Gini)",
    top_decile_label: "Speaking time of the top 10\u{a0}%",
    legitimacy_label: "Overlap with 'if everyone voted'",
    welfare_loss_label: "Welfare loss vs 'if everyone voted'",
    money_per_capita_label: "Citizen budget per capita",
    outcome_heading: "The meeting and the vote",
    skip_link: "Skip to results",
    views_label: "Views",
    views_loading: "Loading the view …",
    views_failed: "This view could not be loaded. The sandbox still works.",
    views_retry: "Try again",
    panel_loading: "Loading the calculations over many towns …",
    panel_failed: "The calculations over many towns could not be loaded. The rest of the sandbox still works.",
    charts_loading: "Loading the charts …",
    charts_failed: "The charts could not be loaded. The rest of the sandbox still works.",
    compare_loading: "Loading the comparison …",
    compare_failed: "The comparison could not be loaded. The rest of the sandbox still works.",
    share_loading: "Loading the QR code and the files …",
    share_failed: "The QR code and the files could not be loaded. The link still works.",
    theme_label: "Theme",
    share_button: "Share and save …",
    share_title: "Share the scenario",
    share_intro: "The link reproduces exactly this run: same scenario, same seed, same numbers.",
    link_label: "Link to the scenario",
    copy_link: "Copy link",
    copied: "Link copied.",
    qr_title: "QR code of the link",
    qr_too_long: "The link is too long for a QR code; use the JSON file.",
    qr_loading: "Making the QR code …",
    qr_failed: "The QR code could not be made. The link still works.",
    export_pb: "Download the simulated vote (.pb)",
    export_pb_busy: "Making the vote file …",
    export_pb_failed: "The vote file could not be made.",
    download_json: "Download scenario JSON",
    upload_json: "Load scenario from a JSON file",
    uploaded: "The scenario from the file is loaded.",
    close: "Close",
    dismiss: "Dismiss message",
    reset_all: "Reset all",
    new_seed: "New seed",
    seed_hint: "The same seed gives the same population and the same draws.",
    export_label: "Export",
    export_csv: "CSV",
    export_csv_da: "CSV (Danish Excel)",
    export_svg: "SVG",
    export_png: "PNG",
    cost_title: "What the invitation costs",
    cost_letters: "Letters",
    cost_staff: "Staff hours",
    cost_per_attendee: "Cost per attendee",
    col_amount: "Amount",
    col_quantity: "Quantity",
    col_probability: "Probability",
    compare_heading: "Compare A and B",
    compare_legend_a: "A (pinned)",
    compare_legend_b: "B (now)",
    compare_hint: "Pin the current run as A, change parameters, and see B beside it – on the same population when seed and population are unchanged.",
    pin: "Pin as A",
    unpin: "Clear A",
    preset_changed: "(changed)",
    compare_go: "Go to the comparison",
    col_metric: "Metric",
    col_difference: "Difference (B − A)",
    other_population: "A and B do not share a population (seed or population parameters changed), so the difference mixes chance and parameters.",
    same_population: "A and B share the population and the random draws.",
    changed_fields: "Changed from A to B",
    no_changes: "No changes yet.",
    bad_link_title: "The link could not be opened",
    bad_link_tail: "The default scenario is shown instead; your stored work is untouched.",
    bad_upload: "The file could not be loaded, and the current scenario is kept",
    tooltip_hint: "Hover over, tap or tab to a mark to see its value.",
    clipped_note: "off the axis; drawn at its end",
    glossary_link: "Explained in the glossary",
    costs_hint: "The model's assumptions, not official rates: change them to your own.",
    brief_print: "Print a brief (one A4 page)",
    brief_heading: "Brief from Dialoglab",
    brief_settings: "Changed from the preset",
    brief_no_changes: "Nothing – the scenario is the preset as it is.",
    brief_assumptions: "Cost assumptions",
    brief_link: "Reopen the scenario",
};

impl Lang {
    /// Name of an invitation strategy.
    #[must_use]
    pub fn strategy(self, s: Strategy) -> &'static str {
        match (self, s) {
            (Lang::Da, Strategy::OpenCall) => "Åben invitation",
            (Lang::Da, Strategy::Letters) => "Breve til tilfældige borgere",
            (Lang::Da, Strategy::Stratified) => "Borgerpanel (stratificeret lodtrækning)",
            (Lang::Da, Strategy::Targeted) => "Opsøgende kontakt til udsatte",
            (Lang::Da, Strategy::Associations) => "Mobilisering gennem foreninger",
            (Lang::En, Strategy::OpenCall) => "Open call",
            (Lang::En, Strategy::Letters) => "Letters to random citizens",
            (Lang::En, Strategy::Stratified) => "Citizens' panel (stratified sortition)",
            (Lang::En, Strategy::Targeted) => "Targeted outreach to the marginalised",
            (Lang::En, Strategy::Associations) => "Mobilisation through associations",
        }
    }
}

impl Lang {
    /// Name of a theme.
    #[must_use]
    pub fn theme(self, theme: Theme) -> &'static str {
        match (self, theme) {
            (Lang::Da, Theme::Auto) => "Som systemet",
            (Lang::Da, Theme::Light) => "Lyst",
            (Lang::Da, Theme::Dark) => "Mørkt",
            (Lang::Da, Theme::Projector) => "Projektor (høj kontrast)",
            (Lang::En, Theme::Auto) => "System",
            (Lang::En, Theme::Light) => "Light",
            (Lang::En, Theme::Dark) => "Dark",
            (Lang::En, Theme::Projector) => "Projector (high contrast)",
        }
    }

    /// Name of a view (its tab).
    #[must_use]
    pub fn view(self, view: View) -> &'static str {
        match (self, view) {
            (Lang::Da, View::Sandbox) => "Sandkasse",
            (Lang::Da, View::Meeting) => "Mødet",
            (Lang::En, View::Meeting) => "The meeting",
            (Lang::Da, View::Sweep) => "Mange kørsler",
            (Lang::Da, View::RealData) => "Rigtige afstemninger",
            (Lang::Da, View::Guide) => "Guidet tur",
            (Lang::Da, View::Panel) => "Udvælgelse af panel",
            (Lang::En, View::Panel) => "Panel selection",
            (Lang::Da, View::Glossary) => "Ordliste",
            (Lang::En, View::Glossary) => "Glossary",
            (Lang::Da, View::Brief) => "Notat",
            (Lang::En, View::Brief) => "Brief",
            // The same word in Danish.
            (_, View::Workshop) => "Workshop",
            (Lang::En, View::Sandbox) => "Sandbox",
            (Lang::En, View::Sweep) => "Sweeps",
            (Lang::En, View::RealData) => "Real PB data",
            (Lang::En, View::Guide) => "Guided tour",
        }
    }

    /// Heading of a panel section.
    #[must_use]
    pub fn section(self, section: Section) -> &'static str {
        match (self, section) {
            (Lang::Da, Section::Population) => "Befolkning",
            (_, Section::Invitation) => "Invitation",
            (_, Section::Budget) => "Budget",
            (Lang::Da, Section::Supports) => "Støtte til deltagerne",
            (Lang::Da, Section::Seed) => "Tilfældighed",
            (Lang::Da, Section::Meeting) => "Mødet",
            (Lang::Da, Section::Municipality) => "Kommunen",
            (Lang::Da, Section::Vote) => "Afstemningen",
            (Lang::Da, Section::Cycles) => "Over flere år",
            (Lang::Da, Section::Costs) => "Omkostningssatser",
            (Lang::En, Section::Costs) => "Cost rates",
            (Lang::En, Section::Meeting) => "The meeting",
            (Lang::En, Section::Municipality) => "The municipality",
            (Lang::En, Section::Vote) => "The vote",
            (Lang::En, Section::Cycles) => "Over several years",
            (Lang::En, Section::Population) => "Population",
            (Lang::En, Section::Supports) => "Supports for participants",
            (Lang::En, Section::Seed) => "Randomness",
            (Lang::Da, Section::Arguments) => "Argumenter og meningsdannelse",
            (Lang::En, Section::Arguments) => "Arguments and changing minds",
            (Lang::Da, Section::Decision) => "Beslutning og gennemførelse",
            (Lang::En, Section::Decision) => "Decision and delivery",
        }
    }

    /// Label of a support.
    #[must_use]
    pub fn support(self, support: Support) -> &'static str {
        match (self, support) {
            (Lang::Da, Support::Childcare) => "Børnepasning under mødet",
            (Lang::Da, Support::Evening) => "Møder om aftenen",
            (Lang::Da, Support::Interpretation) => "Tolkning",
            (Lang::Da, Support::Payment) => "Honorar eller gavekort",
            (Lang::Da, Support::Online) => "Mulighed for at deltage online",
            (Lang::En, Support::Childcare) => "Childcare during the meeting",
            (Lang::En, Support::Evening) => "Evening meetings",
            (Lang::En, Support::Interpretation) => "Interpretation",
            (Lang::En, Support::Payment) => "Payment or gift card",
            (Lang::En, Support::Online) => "Online option",
        }
    }

    /// Label of one option of a choice field.
    #[must_use]
    pub fn choice(self, c: Choice) -> &'static str {
        let pick = |d: &'static str, e: &'static str| self.pick(d, e);
        match c {
            Choice::Strategy(s) => self.strategy(s),
            Choice::Format(MeetingFormat::Realistic) => {
                pick("Realistisk møde", "Realistic meeting")
            }
            Choice::Format(MeetingFormat::Ideal) => {
                pick("Ideelt, faciliteret møde", "Ideal, facilitated meeting")
            }
            Choice::Initiative(Initiative::Municipality)
            | Choice::Implementer(Implementer::Municipality) => {
                pick("Kommunen", "The municipality")
            }
            Choice::Initiative(Initiative::Citizens) => pick("Borgerne", "The citizens"),
            Choice::RulesBy(RulesBy::Municipality) => {
                pick("Kommunen alene", "The municipality alone")
            }
            Choice::RulesBy(RulesBy::CoDesigned) => pick(
                "Udformet sammen med deltagerne",
                "Co-designed with participants",
            ),
            Choice::Selection(PanelSelection::Legacy) => pick(
                "Grådig kvoteudvælgelse (den hidtidige metode)",
                "Greedy quota selection (legacy)",
            ),
            Choice::Selection(PanelSelection::Leximin) => pick(
                "LEXIMIN: så lige chancer som muligt",
                "LEXIMIN: chances as equal as possible",
            ),
            Choice::Update(MeetingUpdate::Arguments) => {
                pick("Udveksling af argumenter", "Exchange of arguments")
            }
            Choice::Update(MeetingUpdate::BoundedConfidence) => pick(
                "Argumenter, men kun fra ligesindede",
                "Arguments, but only from the like-minded",
            ),
            Choice::Update(MeetingUpdate::Averaging) => pick(
                "Man nærmer sig taleren, uden argumenter",
                "Listeners move towards the speaker, no arguments",
            ),
            Choice::Channel(DecisionChannel::Everyone) => {
                pick("Alle borgere kan stemme", "Every resident may vote")
            }
            Choice::Channel(DecisionChannel::Attendees) => pick(
                "Mødets deltagere beslutter",
                "The meeting's attendees decide",
            ),
            Choice::Channel(DecisionChannel::Advisory) => pick(
                "Mødet rådgiver, kommunen beslutter",
                "The meeting advises, the municipality decides",
            ),
            Choice::Implementer(Implementer::Proposers) => pick(
                "Forslagsstillerne, i deres fritid",
                "The proposers, in their own time",
            ),
            Choice::Ballot(BallotKind::Approval) => pick(
                "Godkendelse: kryds ved alle gode projekter",
                "Approval: tick every good project",
            ),
            Choice::Ballot(BallotKind::Cumulative) => {
                pick("Kumulativ: fordel point", "Cumulative: spread points")
            }
            Choice::Rule(Rule::Greedy) => {
                pick("Flest stemmer først (grådig)", "Most votes first (greedy)")
            }
            Choice::Rule(Rule::GreedyNoSkip) => pick(
                "Flest stemmer først, stop ved første for dyre",
                "Most votes first, stop at the first unaffordable",
            ),
            Choice::Rule(Rule::GreedyPerCost) => pick(
                "Flest stemmer pr. krone først",
                "Most votes per krone first",
            ),
            Choice::Rule(Rule::Mes) => pick("Lige andele (MES)", "Method of Equal Shares (MES)"),
            Choice::Rule(Rule::MesCardinality) => pick(
                "Lige andele, nytte = antal projekter",
                "Equal Shares, utility = number of projects",
            ),
            Choice::Rule(Rule::MesGreedy) => pick(
                "Lige andele, resten grådigt",
                "Equal Shares, rest filled greedily",
            ),
            Choice::Rule(Rule::MesAdd1) => pick(
                "Lige andele med Add1-forhøjelse",
                "Equal Shares with Add1 completion",
            ),
            Choice::Rule(Rule::MesAdd1Greedy) => pick(
                "Lige andele, Add1 og derefter grådigt",
                "Equal Shares, Add1 then greedy",
            ),
            Choice::Rule(Rule::MesIncrement) => pick(
                "Lige andele med trinvis forhøjelse",
                "Equal Shares with stepwise completion",
            ),
            Choice::Rule(Rule::Phragmen) => pick(
                "Phragméns sekventielle metode",
                "Phragmén's sequential method",
            ),
        }
    }

    /// Label of a field.
    #[must_use]
    pub fn field(self, field: Field) -> &'static str {
        let t = self.t();
        match (self, field) {
            (_, Field::PopulationSize) => t.population_label,
            (_, Field::Strategy) => t.strategy_label,
            (_, Field::Contacts) => t.contacts_label,
            (_, Field::Budget) => t.budget_label,
            (_, Field::Support(s)) => self.support(s),
            (Lang::Da, Field::Districts) => "Bydele",
            (Lang::Da, Field::Letters) => "Breve til tilfældigt udtrukne borgere",
            (Lang::Da, Field::PanelSize) => "Panelets størrelse",
            (Lang::Da, Field::PanelDropout) => "Frafald fra panelet før mødet",
            (Lang::Da, Field::OutreachReach) => "Udsatte borgere som det opsøgende arbejde når",
            (Lang::Da, Field::Mobilisation) => "Foreningsmedlemmer som foreningerne mobiliserer",
            (Lang::Da, Field::Seed) => "Frø",
            (Lang::Da, Field::MeetingFormat) => "Mødeform",
            (Lang::Da, Field::TableSize) => "Pladser pr. bord",
            (Lang::Da, Field::Rounds) => "Samtalerunder",
            (Lang::Da, Field::ProposalsPerTable) => "Forslag pr. bord til afstemningen",
            (Lang::Da, Field::Initiative) => "Hvem tager initiativet",
            (Lang::Da, Field::RulesBy) => "Hvem skriver reglerne",
            (Lang::Da, Field::Control) => "Kommunal kontrol med forslag (veto)",
            (Lang::Da, Field::Ballot) => "Stemmeseddel",
            (Lang::Da, Field::Rule) => "Regel for fordeling af budgettet",
            (Lang::Da, Field::VoteOnline) => "Mulighed for at stemme online",
            (Lang::Da, Field::MaxProjects) => "Højst projekter på stemmesedlen",
            (Lang::Da, Field::Cycles) => "År der simuleres",
            (Lang::Da, Field::LetterCost) => "Pris pr. brev (porto og tryk)",
            (Lang::Da, Field::StaffHourCost) => "Pris pr. personaletime",
            (Lang::Da, Field::OpenCallHours) => "Timer til den åbne invitation",
            (Lang::Da, Field::HoursPerContact) => "Timer pr. opsøgende henvendelse",
            (Lang::Da, Field::HoursPerAssociation) => "Timer pr. forening og bydel",
            (Lang::Da, Field::HoursPerResponse) => "Timer pr. svar på et brev",
            (Lang::En, Field::LetterCost) => "Price per letter (postage and print)",
            (Lang::En, Field::StaffHourCost) => "Price per staff hour",
            (Lang::En, Field::OpenCallHours) => "Hours for the open call",
            (Lang::En, Field::HoursPerContact) => "Hours per outreach contact",
            (Lang::En, Field::HoursPerAssociation) => "Hours per association and district",
            (Lang::En, Field::HoursPerResponse) => "Hours per answer to a letter",
            (Lang::En, Field::MeetingFormat) => "Meeting format",
            (Lang::En, Field::TableSize) => "Seats per table",
            (Lang::En, Field::Rounds) => "Rounds of conversation",
            (Lang::En, Field::ProposalsPerTable) => "Proposals per table to the ballot",
            (Lang::En, Field::Initiative) => "Who takes the initiative",
            (Lang::En, Field::RulesBy) => "Who writes the rules",
            (Lang::En, Field::Control) => "Municipal control over proposals (veto)",
            (Lang::En, Field::Ballot) => "Ballot",
            (Lang::En, Field::Rule) => "Rule allocating the budget",
            (Lang::En, Field::VoteOnline) => "Online voting",
            (Lang::En, Field::MaxProjects) => "Most projects on the ballot",
            (Lang::En, Field::Cycles) => "Years simulated",
            (Lang::En, Field::Districts) => "Districts",
            (Lang::En, Field::Letters) => "Letters to randomly drawn citizens",
            (Lang::En, Field::PanelSize) => "Panel size",
            (Lang::En, Field::PanelDropout) => "Panel drop-out before the meeting",
            (Lang::En, Field::OutreachReach) => "Marginalised citizens that outreach reaches",
            (Lang::En, Field::Mobilisation) => "Association members mobilised",
            (Lang::En, Field::Seed) => "Seed",
            (Lang::Da, Field::Selection) => "Sådan trækkes panelet",
            (Lang::Da, Field::MeetingUpdate) => "Sådan skifter man mening ved bordet",
            (Lang::Da, Field::ConfidenceBound) => "Grænse for, hvem man lytter til",
            (Lang::Da, Field::KnowBase) => "Kender et argument uden særlig baggrund",
            (Lang::Da, Field::KnowEducation) => "Tillæg for en lang uddannelse",
            (Lang::Da, Field::KnowExperience) => "Tillæg for egen erfaring med emnet",
            (Lang::Da, Field::KnowAssociation) => "Tillæg for foreningsmedlemmer",
            (Lang::Da, Field::ArgumentImpact) => "Hvor meget ét argument flytter",
            (Lang::Da, Field::Channel) => "Hvem beslutter",
            (Lang::Da, Field::Implementer) => "Hvem gennemfører projekterne",
            (Lang::Da, Field::AdviceWeight) => "Vægt på mødets råd",
            (Lang::En, Field::Selection) => "How the panel is drawn",
            (Lang::En, Field::MeetingUpdate) => "How minds change at the table",
            (Lang::En, Field::ConfidenceBound) => "Limit on whom listeners heed",
            (Lang::En, Field::KnowBase) => "Knows an argument without special background",
            (Lang::En, Field::KnowEducation) => "Added for higher education",
            (Lang::En, Field::KnowExperience) => "Added for own experience of the issue",
            (Lang::En, Field::KnowAssociation) => "Added for association members",
            (Lang::En, Field::ArgumentImpact) => "How far one argument moves",
            (Lang::En, Field::Channel) => "Who decides",
            (Lang::En, Field::Implementer) => "Who carries the projects out",
            (Lang::En, Field::AdviceWeight) => "Weight of the meeting's advice",
        }
    }

    /// Unit shown beside a field ("" for none).
    #[must_use]
    pub fn unit(self, field: Field) -> &'static str {
        let t = self.t();
        match (self, field) {
            (_, Field::PopulationSize) => t.citizens_unit,
            (_, Field::Contacts) => t.contacts_unit,
            (
                _,
                Field::PanelDropout
                | Field::OutreachReach
                | Field::Mobilisation
                | Field::Control
                | Field::ConfidenceBound
                | Field::KnowBase
                | Field::KnowEducation
                | Field::KnowExperience
                | Field::KnowAssociation
                | Field::ArgumentImpact
                | Field::AdviceWeight,
            ) => "%",
            (
                _,
                Field::Strategy
                | Field::Support(_)
                | Field::MeetingFormat
                | Field::Initiative
                | Field::RulesBy
                | Field::Ballot
                | Field::Rule
                | Field::VoteOnline
                | Field::Selection
                | Field::MeetingUpdate
                | Field::Channel
                | Field::Implementer,
            ) => "",
            (Lang::Da, Field::TableSize) => "pladser",
            (Lang::Da, Field::Rounds) => "runder",
            (Lang::Da, Field::ProposalsPerTable) => "forslag",
            (Lang::Da, Field::MaxProjects) => "projekter",
            (Lang::Da, Field::Cycles) => "år",
            (Lang::En, Field::TableSize) => "seats",
            (Lang::En, Field::Rounds) => "rounds",
            (Lang::En, Field::ProposalsPerTable) => "proposals",
            (Lang::En, Field::MaxProjects) => "projects",
            (Lang::En, Field::Cycles) => "years",
            (Lang::Da, Field::Budget | Field::LetterCost | Field::StaffHourCost) => "kr.",
            (Lang::En, Field::Budget | Field::LetterCost | Field::StaffHourCost) => "DKK",
            (
                Lang::Da,
                Field::OpenCallHours
                | Field::HoursPerContact
                | Field::HoursPerAssociation
                | Field::HoursPerResponse,
            ) => "timer",
            (
                Lang::En,
                Field::OpenCallHours
                | Field::HoursPerContact
                | Field::HoursPerAssociation
                | Field::HoursPerResponse,
            ) => "hours",
            (Lang::Da, Field::Districts) => "bydele",
            (Lang::Da, Field::Letters) => "breve",
            (Lang::Da, Field::PanelSize) => "medlemmer",
            (Lang::Da, Field::Seed) => "nr.",
            (Lang::En, Field::Districts) => "districts",
            (Lang::En, Field::Letters) => "letters",
            (Lang::En, Field::PanelSize) => "members",
            (Lang::En, Field::Seed) => "no.",
        }
    }

    /// Label of the field at a dotted scenario path, e.g. `Panel size` for
    /// `invitation.panel_size` (no internal key in the label); the bare path only for a field
    /// without a control. The views bundle names any registered parameter with
    /// [`Lang::parameter_label`] instead, which this initial-load function does not call so as
    /// not to link the registry's labels.
    #[must_use]
    pub fn path_label(self, path: &str) -> String {
        crate::fields::Section::ALL
            .iter()
            .flat_map(|s| s.fields())
            .find(|f| f.path() == path)
            .map_or_else(|| path.to_string(), |f| self.field(f).to_string())
    }

    /// Why an uploaded scenario file was refused before it was read, in words.
    #[must_use]
    pub fn file_problem(self, p: FileProblem) -> String {
        let mb = |b: u64| format::dec(self, b as f64 / 1_000_000.0, 1);
        match (self, p) {
            (Lang::Da, FileProblem::TooBig(size)) => format!(
                "filen fylder {} MB, men en scenariefil må højst fylde {} MB",
                mb(size),
                mb(MAX_SCENARIO_BYTES)
            ),
            (Lang::En, FileProblem::TooBig(size)) => format!(
                "the file is {} MB, but a scenario file can be at most {} MB",
                mb(size),
                mb(MAX_SCENARIO_BYTES)
            ),
            (Lang::Da, FileProblem::Empty) => "filen er tom".into(),
            (Lang::En, FileProblem::Empty) => "the file is empty".into(),
            (Lang::Da, FileProblem::Binary) => {
                "filen er ikke en tekstfil (den indeholder binære data), så den kan ikke være et scenarie i JSON".into()
            }
            (Lang::En, FileProblem::Binary) => {
                "the file is not a text file (it holds binary data), so it cannot be a scenario in JSON".into()
            }
            (Lang::Da, FileProblem::NotUtf8(at)) => format!(
                "filen er ikke UTF-8-tekst (første ugyldige byte er nr. {}); gem den som UTF-8",
                format::int(self, at as u64 + 1)
            ),
            (Lang::En, FileProblem::NotUtf8(at)) => format!(
                "the file is not UTF-8 text (the first invalid byte is byte {}); save it as UTF-8",
                format::int(self, at as u64 + 1)
            ),
            (Lang::Da, FileProblem::Unreadable) => "browseren kunne ikke læse filen".into(),
            (Lang::En, FileProblem::Unreadable) => "the browser could not read the file".into(),
        }
    }

    /// A scenario error in words.
    #[must_use]
    pub fn scenario_error(self, e: &ScenarioError) -> String {
        match (self, e) {
            (
                Lang::Da,
                ScenarioError::OutOfRange {
                    field,
                    value,
                    allowed,
                },
            ) => format!(
                "{} = {} ligger uden for det tilladte interval {}",
                self.path_label(field),
                decimal_comma(value),
                allowed
                    .split(" – ")
                    .map(decimal_comma)
                    .collect::<Vec<_>>()
                    .join(" – ")
            ),
            (
                Lang::En,
                ScenarioError::OutOfRange {
                    field,
                    value,
                    allowed,
                },
            ) => format!(
                "{} = {value} is outside the allowed range {allowed}",
                self.path_label(field)
            ),
            (_, ScenarioError::Inconsistent { field, problem }) => {
                format!(
                    "{}: {}",
                    self.path_label(field),
                    self.inconsistency(problem)
                )
            }
            (Lang::Da, ScenarioError::Json(msg)) => {
                format!("scenariet kunne ikke læses: {}", json_problem_da(msg))
            }
            (Lang::En, ScenarioError::Json(msg)) => {
                format!("the scenario could not be read: {msg}")
            }
            (Lang::Da, ScenarioError::UnknownPath(p)) => {
                format!("der er intet scenariefelt ved navn {p}")
            }
            (Lang::En, ScenarioError::UnknownPath(p)) => {
                format!("there is no scenario field named {p}")
            }
        }
    }

    /// Values that do not fit together, in words (the engine's `Display` is the English one of
    /// the command line).
    #[must_use]
    pub fn inconsistency(self, problem: &Inconsistency) -> String {
        match (self, problem) {
            (Lang::Da, Inconsistency::NameTooLong { chars }) => format!(
                "navnet har {} tegn; højst {} er tilladt",
                format::int(self, *chars as u64),
                format::int(self, MAX_PROJECT_NAME_CHARS as u64)
            ),
            (Lang::En, Inconsistency::NameTooLong { chars }) => format!(
                "the name has {} characters; at most {} are allowed",
                format::int(self, *chars as u64),
                format::int(self, MAX_PROJECT_NAME_CHARS as u64)
            ),
            (_, Inconsistency::NameControlCharacter) => self
                .pick(
                    "navnet indeholder et styretegn (fx et linjeskift)",
                    "the name contains a control character (such as a line break)",
                )
                .into(),
            (Lang::Da, Inconsistency::CostAboveBudget { cost, budget }) => format!(
                "projektet koster {}, men hele budgettet er {}",
                format::money(self, *cost),
                format::money(self, *budget)
            ),
            (Lang::En, Inconsistency::CostAboveBudget { cost, budget }) => format!(
                "the project costs {} but the whole budget is {}",
                format::money(self, *cost),
                format::money(self, *budget)
            ),
            (_, Inconsistency::NoBallotLength) => self
                .pick(
                    "alle antal er nul; mindst én stemmeseddellængde skal have en vægt",
                    "every count is zero; at least one ballot length needs a weight",
                )
                .into(),
            (Lang::Da, Inconsistency::SharesSum { total }) => format!(
                "andelene giver tilsammen {}, ikke 1",
                format::dec(self, *total, 3)
            ),
            (Lang::En, Inconsistency::SharesSum { total }) => format!(
                "the shares add up to {}, not 1",
                format::dec(self, *total, 3)
            ),
            (_, Inconsistency::NoLeximinSolver) => self.leximin_elsewhere().into(),
            (Lang::Da, Inconsistency::PanelAboveLetters { panel, letters }) => format!(
                "et panel på {} personer kan ikke trækkes blandt {} brevmodtagere",
                format::int(self, (*panel).into()),
                format::int(self, (*letters).into())
            ),
            (Lang::En, Inconsistency::PanelAboveLetters { panel, letters }) => format!(
                "a panel of {} cannot be drawn from {} letters",
                format::int(self, (*panel).into()),
                format::int(self, (*letters).into())
            ),
        }
    }

    /// Why the last change was rejected.
    #[must_use]
    pub fn problem(self, p: &Problem) -> String {
        match (self, p) {
            (_, Problem::Scenario(e)) => self.scenario_error(e),
            (Lang::Da, Problem::NotANumber(f, text)) => {
                format!("»{text}« er ikke et tal ({})", self.path_label(&f.path()))
            }
            (Lang::En, Problem::NotANumber(f, text)) => {
                format!("“{text}” is not a number ({})", self.path_label(&f.path()))
            }
            (Lang::Da, Problem::UnknownPreset(name)) => {
                format!("der er ingen forudindstilling ved navn {name}")
            }
            (Lang::En, Problem::UnknownPreset(name)) => format!("there is no preset named {name}"),
        }
    }

    /// Why a link could not be opened.
    #[must_use]
    pub fn link_error(self, e: &LinkError) -> String {
        match (self, e) {
            (Lang::Da, LinkError::Newer(v)) => format!(
                "Linket er lavet med en nyere udgave af Dialoglab (linkformat {v}; denne udgave læser til og med {LINK_VERSION}). Genindlæs siden for at få den nyeste udgave."
            ),
            (Lang::En, LinkError::Newer(v)) => format!(
                "The link was made by a newer Dialoglab (link format {v}; this version reads up to {LINK_VERSION}). Reload the page to get the newest version."
            ),
            (Lang::Da, LinkError::BadVersion(v)) => format!("Linkets versionsnummer »{v}« er ikke et tal."),
            (Lang::En, LinkError::BadVersion(v)) => format!("The link's version “{v}” is not a number."),
            (Lang::Da, LinkError::BadValue(k, v)) => format!("Værdien »{v}« for {k} i linket er ikke et helt tal."),
            (Lang::En, LinkError::BadValue(k, v)) => format!("The value “{v}” for {k} in the link is not a whole number."),
            (Lang::Da, LinkError::BadPlace(k, v)) => format!("Linket beder om {k} »{v}«, som ikke findes; siden åbner fra begyndelsen."),
            (Lang::En, LinkError::BadPlace(k, v)) => format!("The link asks for {k} “{v}”, which does not exist; the page opens at the start."),
            (Lang::Da, LinkError::BadFragment) => "Linkets sidste del (efter #) er beskadiget eller afkortet – måske blev linket ikke kopieret helt.".to_string(),
            (Lang::En, LinkError::BadFragment) => "The last part of the link (after #) is damaged or cut off – perhaps the link was not copied completely.".to_string(),
            (Lang::Da, LinkError::UnknownPreset(p)) => format!("Linket nævner en forudindstilling, der ikke findes: »{p}«."),
            (Lang::En, LinkError::UnknownPreset(p)) => format!("The link names a preset that does not exist: “{p}”."),
            (Lang::Da, LinkError::Scenario(e)) => format!("Linket beskriver et ugyldigt scenarie: {}.", self.scenario_error(e)),
            (Lang::En, LinkError::Scenario(e)) => format!("The link describes an invalid scenario: {}.", self.scenario_error(e)),
        }
    }

    /// Text alternative of the cost chart.
    #[must_use]
    pub fn cost_desc(
        self,
        total: u64,
        letters: u64,
        staff: u64,
        per_attendee: Option<f64>,
    ) -> String {
        let (tt, l, st) = (
            format::money(self, total),
            format::money(self, letters),
            format::money(self, staff),
        );
        let per = per_attendee.map(|p| format::money(self, p.round() as u64));
        match (self, per) {
            (Lang::Da, Some(p)) => format!(
                "Invitationen koster {tt}: {l} til breve og {st} til personaletimer – {p} pr. deltager."
            ),
            (Lang::Da, None) => format!(
                "Invitationen koster {tt}: {l} til breve og {st} til personaletimer. Ingen deltog."
            ),
            (Lang::En, Some(p)) => format!(
                "The invitation costs {tt}: {l} for letters and {st} for staff hours – {p} per attendee."
            ),
            (Lang::En, None) => format!(
                "The invitation costs {tt}: {l} for letters and {st} for staff hours. Nobody attended."
            ),
        }
    }
}

impl Lang {
    /// One line naming a scenario, for exported charts: preset (marked if changed), strategy,
    /// population, budget and seed.
    #[must_use]
    pub fn scenario_line(
        self,
        preset: &str,
        s: &dialoglab_engine::Scenario,
        changed: bool,
    ) -> String {
        let t = self.t();
        let title = dialoglab_engine::presets::ALL
            .iter()
            .find(|p| p.name == preset)
            .map_or(preset, |p| self.preset_title(p));
        let mark = if changed {
            format!(" {}", t.preset_changed)
        } else {
            String::new()
        };
        let (n, b) = (
            format::int(self, u64::from(s.population.size)),
            format::money(self, s.budget),
        );
        let st = self.strategy(s.invitation.strategy);
        match self {
            Lang::Da => format!(
                "Dialoglab · {title}{mark} · {st} · {n} voksne borgere · borgerbudget {b} · frø {}",
                s.seed
            ),
            Lang::En => format!(
                "Dialoglab · {title}{mark} · {st} · {n} adult citizens · citizen budget {b} · seed {}",
                s.seed
            ),
        }
    }

    /// The invitation's cost against the citizen budget, in one sentence.
    #[must_use]
    pub fn cost_vs_budget(self, cost: u64, budget: u64) -> String {
        let (c, b) = (format::money(self, cost), format::money(self, budget));
        let share = format::percent(self, cost as f64 / budget.max(1) as f64, 0);
        let text = match self {
            Lang::Da if cost > budget => {
                format!("Invitationen koster {c} – mere end selve borgerbudgettet ({share} af {b})")
            }
            Lang::Da => {
                format!("Invitationen koster {c}, svarende til {share} af borgerbudgettet på {b}")
            }
            Lang::En if cost > budget => format!(
                "The invitation costs {c} – more than the citizen budget itself ({share} of {b})"
            ),
            Lang::En => {
                format!("The invitation costs {c}, or {share} of the citizen budget of {b}")
            }
        };
        format::sentence(text)
    }
}

/// A JSON reader's message (serde's English) in Danish: the common cases word for word, with
/// their field name or position; anything else as »ugyldig JSON« with its position.
fn json_problem_da(msg: &str) -> String {
    // serde ends positioned messages with " at line L column C".
    let (what, place) = match msg.rfind(" at line ") {
        Some(i) => {
            let mut words = msg[i + " at line ".len()..].split(" column ");
            match (words.next(), words.next()) {
                (Some(l), Some(c)) => (&msg[..i], Some(format!("linje {l}, kolonne {c}"))),
                _ => (msg, None),
            }
        }
        None => (msg, None),
    };
    let quoted = |prefix: &str| {
        what.strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string)
    };
    let text = if let Some(field) = quoted("unknown field `") {
        format!("der er intet scenariefelt ved navn »{field}«")
    } else if let Some(field) = quoted("missing field `") {
        format!("feltet »{field}« mangler")
    } else if let Some(field) = quoted("duplicate field `") {
        format!("feltet »{field}« står der to gange")
    } else if let Some(variant) = quoted("unknown variant `") {
        format!("»{variant}« er ikke en af de tilladte værdier")
    } else if what.starts_with("EOF while parsing") {
        "teksten slutter, før JSON-teksten er færdig".into()
    } else if what.starts_with("a scenario is a JSON object") {
        "et scenarie er et JSON-objekt, der begynder med {".into()
    } else if let Some(rest) = what.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((value, expected)) => format!(
                "{} har den forkerte type; her skal stå {}",
                json_value_da(value),
                json_expected_da(expected)
            ),
            None => "en værdi har den forkerte type".into(),
        }
    } else if let Some(rest) = what.strip_prefix("invalid value: ") {
        match rest.split_once(", expected ") {
            Some((value, expected)) => format!(
                "{} er ikke tilladt; her skal stå {}",
                json_value_da(value),
                json_expected_da(expected)
            ),
            None => "en værdi er ikke tilladt".into(),
        }
    } else {
        "teksten er ikke gyldig JSON".into()
    };
    match place {
        Some(p) => format!("{text} ({p})"),
        None => text,
    }
}

/// A number the engine wrote (`0.5`) with the Danish decimal comma; anything else as it is.
fn decimal_comma(number: &str) -> String {
    if number.parse::<f64>().is_ok() {
        number.replace('.', ",")
    } else {
        number.to_string()
    }
}

/// serde's description of an offending JSON value (`string "abc"`, ``integer `5` ``, `map`, …) in
/// Danish, with the value itself.
fn json_value_da(value: &str) -> String {
    let ticked = |prefix: &str| {
        value
            .strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_string())
    };
    if let Some(text) = value.strip_prefix("string ") {
        format!("teksten »{}«", text.trim_matches('"'))
    } else if let Some(n) = ticked("integer ") {
        format!("tallet {n}")
    } else if let Some(x) = ticked("floating point ") {
        format!("tallet {}", x.replace('.', ","))
    } else if let Some(b) = ticked("boolean ") {
        format!("sandhedsværdien {b}")
    } else {
        match value {
            "null" => "null".into(),
            "map" => "et objekt".into(),
            "sequence" => "en liste".into(),
            other => format!("værdien {other}"),
        }
    }
}

/// What serde expected instead (`u64`, `a boolean`, `struct Scenario`, …), in Danish.
fn json_expected_da(expected: &str) -> &'static str {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "et helt tal, 0 eller større",
        "i8" | "i16" | "i32" | "i64" | "isize" => "et helt tal",
        "f32" | "f64" => "et tal",
        "a boolean" => "true eller false",
        "a string" | "a borrowed string" => "en tekst i anførselstegn",
        e if e.starts_with("a sequence") || e.starts_with("an array") => "en liste i [ ]",
        e if e.starts_with("struct ") || e.starts_with("a map") => "et objekt i { }",
        e if e.starts_with("one of") || e.contains("variant") => "en af de tilladte værdier",
        _ => "en anden slags værdi",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::attributes::Attribute;

    /// A number and its unit stay on one line: the texts write `12\u{a0}%`, `250.000\u{a0}kr.`
    /// and `DKK\u{a0}250,000` with a no-break space, never a plain one (a Danish line once broke
    /// between »100,0« and »%«). Every file of texts is read as source; comments are skipped.
    #[test]
    fn numbers_keep_their_units_on_one_line() {
        let files = [
            ("charts.rs", include_str!("charts.rs")),
            ("controls.rs", include_str!("controls.rs")),
            ("glossary.rs", include_str!("glossary.rs")),
            ("guide.rs", include_str!("guide.rs")),
            ("meeting.rs", include_str!("meeting.rs")),
            ("mod.rs", include_str!("mod.rs")),
            ("panel.rs", include_str!("panel.rs")),
            ("pb.rs", include_str!("pb.rs")),
            ("results.rs", include_str!("results.rs")),
            ("robustness.rs", include_str!("robustness.rs")),
            ("sweep.rs", include_str!("sweep.rs")),
            ("town.rs", include_str!("town.rs")),
            ("towns.rs", include_str!("towns.rs")),
            ("guide/chapters.rs", include_str!("../guide/chapters.rs")),
            ("format.rs", include_str!("../format.rs")),
        ];
        let mut broken = Vec::new();
        for (file, text) in files {
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                let b = line.as_bytes();
                let number_then_unit = (1..b.len()).any(|k| {
                    b[k] == b' '
                        && (b[k - 1].is_ascii_digit() || b[k - 1] == b'}')
                        && (line[k + 1..].starts_with('%') || line[k + 1..].starts_with("kr."))
                });
                let dkk_then_number = line.match_indices("DKK ").any(|(k, _)| {
                    line[k + 4..].starts_with(|c: char| c.is_ascii_digit() || c == '{')
                });
                if number_then_unit || dkk_then_number {
                    broken.push(format!("{file}:{}: {}", n + 1, line.trim()));
                }
            }
        }
        assert!(broken.is_empty(), "{}", broken.join("\n"));
    }

    #[test]
    fn json_reader_messages_are_danish_with_their_field_or_position() {
        let read = |text: &str| match dialoglab_engine::Scenario::from_json(text) {
            Err(e) => Lang::Da.scenario_error(&e),
            Ok(_) => panic!("{text} was read"),
        };
        assert_eq!(
            read(r#"{"budget": 5000, "colour": "red"}"#),
            "scenariet kunne ikke læses: der er intet scenariefelt ved navn »colour«"
        );
        assert_eq!(
            read(r#"{"budget": 1"#),
            "scenariet kunne ikke læses: teksten slutter, før JSON-teksten er færdig (linje 1, kolonne 12)"
        );
        assert_eq!(
            read("[1, 2]"),
            "scenariet kunne ikke læses: et scenarie er et JSON-objekt, der begynder med {"
        );
        assert_eq!(
            read("{\n  budget: 1}"),
            "scenariet kunne ikke læses: teksten er ikke gyldig JSON (linje 2, kolonne 3)"
        );
        assert_eq!(
            Lang::Da.file_problem(FileProblem::TooBig(52_000_000)),
            "filen fylder 52,0 MB, men en scenariefil må højst fylde 5,0 MB"
        );
        assert_eq!(
            Lang::En.file_problem(FileProblem::NotUtf8(1233)),
            "the file is not UTF-8 text (the first invalid byte is byte 1,234); save it as UTF-8"
        );
    }

    #[test]
    fn lower_and_capitalise_agree_with_the_standard_library_on_latin_1() {
        for code in 0u32..=0xFF {
            let c = char::from_u32(code).unwrap();
            let s = format!("{c}x");
            assert_eq!(lower(&s), s.to_lowercase(), "U+{code:04X}");
            // Upper case outside Latin-1 (µ → Μ, ÿ → Ÿ) or of two letters (ß → SS) is not made.
            if !matches!(c, 'µ' | 'ß' | 'ÿ') {
                let upper: String = c.to_uppercase().collect();
                assert_eq!(capitalise(&s), format!("{upper}x"), "U+{code:04X}");
            }
        }
        assert_eq!(lower("Deltagere – ÆØÅ"), "deltagere – æøå");
        assert_eq!(capitalise("øst"), "Øst");
        assert_eq!(capitalise(""), "");
    }

    #[test]
    fn field_labels_name_no_internal_key() {
        for lang in Lang::ALL {
            for section in crate::fields::Section::ALL {
                for f in section.fields() {
                    let label = lang.path_label(&f.path());
                    let key = f.path();
                    assert!(
                        label != key && !label.contains(&format!("({key}")),
                        "{label}"
                    );
                    assert!(!label.contains('_'), "{label}");
                }
            }
        }
        let e = ScenarioError::OutOfRange {
            field: "invitation.strategy".into(),
            value: "x".into(),
            allowed: "y".into(),
        };
        let da = Lang::Da.scenario_error(&e);
        assert!(da.starts_with("Invitationsstrategi = x"), "{da}");
        let e = ScenarioError::OutOfRange {
            field: "invitation.strategy".into(),
            value: "1.5".into(),
            allowed: "0 – 0.95".into(),
        };
        let da = Lang::Da.scenario_error(&e);
        assert!(
            da.ends_with("= 1,5 ligger uden for det tilladte interval 0 – 0,95"),
            "{da}"
        );
    }

    #[test]
    fn danish_json_errors_name_the_offending_value_and_what_belongs_there() {
        let cases = [
            (
                "invalid type: string \"many\", expected u64 at line 1 column 17",
                "teksten »many« har den forkerte type; her skal stå et helt tal, 0 eller større (linje 1, kolonne 17)",
            ),
            (
                "invalid type: floating point `0.5`, expected a boolean at line 3 column 2",
                "tallet 0,5 har den forkerte type; her skal stå true eller false (linje 3, kolonne 2)",
            ),
            (
                "invalid type: map, expected f64",
                "et objekt har den forkerte type; her skal stå et tal",
            ),
            (
                "invalid value: integer `-1`, expected u32 at line 1 column 9",
                "tallet -1 er ikke tilladt; her skal stå et helt tal, 0 eller større (linje 1, kolonne 9)",
            ),
        ];
        for (serde, danish) in cases {
            assert_eq!(json_problem_da(serde), danish);
        }
        // The real message of a scenario with a text where a number belongs.
        let e = dialoglab_engine::Scenario::from_json(r#"{"budget": "many"}"#).unwrap_err();
        let da = Lang::Da.scenario_error(&e);
        assert!(
            da.contains("teksten »many« har den forkerte type; her skal stå et helt tal"),
            "{da}"
        );
    }

    #[test]
    fn inconsistent_values_are_named_in_danish_on_the_danish_page() {
        let cases = [
            (
                Inconsistency::NameTooLong { chars: 1_234 },
                "navnet har 1.234 tegn; højst 200 er tilladt",
                "the name has 1,234 characters; at most 200 are allowed",
            ),
            (
                Inconsistency::NameControlCharacter,
                "navnet indeholder et styretegn (fx et linjeskift)",
                "the name contains a control character (such as a line break)",
            ),
            (
                Inconsistency::CostAboveBudget {
                    cost: 300_000,
                    budget: 250_000,
                },
                "projektet koster 300.000\u{a0}kr., men hele budgettet er 250.000\u{a0}kr.",
                "the project costs DKK\u{a0}300,000 but the whole budget is DKK\u{a0}250,000",
            ),
            (
                Inconsistency::NoBallotLength,
                "alle antal er nul; mindst én stemmeseddellængde skal have en vægt",
                "every count is zero; at least one ballot length needs a weight",
            ),
            (
                Inconsistency::SharesSum { total: 1.25 },
                "andelene giver tilsammen 1,250, ikke 1",
                "the shares add up to 1.250, not 1",
            ),
            (
                Inconsistency::PanelAboveLetters {
                    panel: 60,
                    letters: 48,
                },
                "et panel på 60 personer kan ikke trækkes blandt 48 brevmodtagere",
                "a panel of 60 cannot be drawn from 48 letters",
            ),
        ];
        for (problem, danish, english) in cases {
            assert_eq!(Lang::Da.inconsistency(&problem), danish);
            assert_eq!(Lang::En.inconsistency(&problem), english);
        }
        let e = ScenarioError::Inconsistent {
            field: "invitation.panel_size".into(),
            problem: Inconsistency::PanelAboveLetters {
                panel: 60,
                letters: 48,
            },
        };
        let da = Lang::Da.scenario_error(&e);
        assert!(
            da.ends_with(": et panel på 60 personer kan ikke trækkes blandt 48 brevmodtagere"),
            "{da}"
        );
        assert!(!da.contains("invitation.panel_size"), "{da}");
    }

    #[test]
    fn the_invitation_cost_is_set_against_the_budget_with_one_full_stop() {
        let da = Lang::Da.cost_vs_budget(723_375, 250_000);
        assert_eq!(
            da,
            "Invitationen koster 723.375\u{a0}kr. – mere end selve borgerbudgettet (289\u{a0}% af 250.000\u{a0}kr.)."
        );
        let da = Lang::Da.cost_vs_budget(18_000, 250_000);
        assert!(
            da.ends_with("250.000\u{a0}kr.") && da.contains("7\u{a0}%"),
            "{da}"
        );
        let en = Lang::En.cost_vs_budget(18_000, 250_000);
        assert!(
            en.ends_with("DKK\u{a0}250,000.") && en.contains("7%"),
            "{en}"
        );
    }

    #[test]
    fn languages_round_trip_and_differ() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_ne!(DA.tagline, EN.tagline);
        assert_ne!(
            Lang::Da.strategy(Strategy::OpenCall),
            Lang::En.strategy(Strategy::OpenCall)
        );
    }

    #[test]
    fn every_category_has_a_label_in_both_languages() {
        for a in Attribute::ALL {
            for c in 0..a.category_count(3) {
                let key = a.category_key(c as u8);
                for l in Lang::ALL {
                    assert!(!l.category(a, &key).is_empty());
                }
            }
        }
        assert_eq!(Lang::Da.category(Attribute::Children, "yes"), "Ja");
    }

    #[test]
    fn sentences_use_locale_numbers() {
        let da = Lang::Da.funnel_desc(29_500, 12_000, 424);
        assert!(da.contains("29.500") && da.contains("1,4\u{a0}%"), "{da}");
        let en = Lang::En.funnel_desc(29_500, 12_000, 424);
        assert!(en.contains("29,500") && en.contains("1.4%"), "{en}");
    }
}
