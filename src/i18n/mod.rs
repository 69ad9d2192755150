//! The typed Danish/English string table. Every user-visible string lives here; a field or a
//! match arm missing in one language is a compile error.

use dialoglab_engine::Strategy;
use dialoglab_engine::attributes::Attribute;

use crate::format;

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Danish.
    #[default]
    Da,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in menu order.
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The BCP 47 code, also used in `?lang=` and `<html lang>`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The language with this code.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The fixed strings of this language.
    #[must_use]
    pub fn t(self) -> &'static Texts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }
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
    budget_hint: "Logaritmisk skala: hvert trin ganger beløbet",
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

    /// Name of an attribute.
    #[must_use]
    pub fn attribute(self, a: Attribute) -> &'static str {
        match (self, a) {
            (Lang::Da, Attribute::AgeBand) => "Alder",
            (Lang::Da, Attribute::Gender) => "Køn",
            (Lang::Da, Attribute::Occupation) => "Beskæftigelse",
            (Lang::Da, Attribute::Children) => "Skolebørn hjemme",
            (Lang::Da, Attribute::Education) => "Uddannelse",
            (Lang::Da, Attribute::Income) => "Indkomst",
            (Lang::Da, Attribute::Marginalised) => "Socialt udsat",
            (Lang::Da, Attribute::AssociationMember) => "Foreningsmedlem",
            (Lang::Da, Attribute::District) => "Bydel",
            (Lang::En, Attribute::AgeBand) => "Age",
            (Lang::En, Attribute::Gender) => "Gender",
            (Lang::En, Attribute::Occupation) => "Occupation",
            (Lang::En, Attribute::Children) => "School-age children",
            (Lang::En, Attribute::Education) => "Education",
            (Lang::En, Attribute::Income) => "Income",
            (Lang::En, Attribute::Marginalised) => "Marginalised",
            (Lang::En, Attribute::AssociationMember) => "Association member",
            (Lang::En, Attribute::District) => "District",
        }
    }

    /// Name of category `key` of attribute `a` (keys as in the report).
    #[must_use]
    pub fn category(self, a: Attribute, key: &str) -> String {
        let da = self == Lang::Da;
        let s = match (a, key) {
            (Attribute::AgeBand, k) => return format!("{k} {}", if da { "år" } else { "yrs" }),
            (Attribute::District, k) => {
                let n = k.trim_start_matches('d');
                return format!("{} {n}", if da { "Bydel" } else { "District" });
            }
            (Attribute::Gender, "woman") => {
                if da {
                    "Kvinder"
                } else {
                    "Women"
                }
            }
            (Attribute::Gender, _) => {
                if da {
                    "Mænd"
                } else {
                    "Men"
                }
            }
            (Attribute::Occupation, "employed") => {
                if da {
                    "I arbejde"
                } else {
                    "Employed"
                }
            }
            (Attribute::Occupation, "student") => {
                if da {
                    "Studerende"
                } else {
                    "Students"
                }
            }
            (Attribute::Occupation, "retired") => {
                if da {
                    "Pensionister"
                } else {
                    "Retired"
                }
            }
            (Attribute::Occupation, _) => {
                if da {
                    "Uden for arbejdsmarkedet"
                } else {
                    "Outside the labour force"
                }
            }
            (Attribute::Education, "basic") => {
                if da {
                    "Grundskole"
                } else {
                    "Basic"
                }
            }
            (Attribute::Education, "vocational") => {
                if da {
                    "Erhvervsfaglig"
                } else {
                    "Vocational"
                }
            }
            (Attribute::Education, _) => {
                if da {
                    "Videregående"
                } else {
                    "Higher"
                }
            }
            (Attribute::Income, "low") => {
                if da {
                    "Lav"
                } else {
                    "Low"
                }
            }
            (Attribute::Income, "middle") => {
                if da {
                    "Mellem"
                } else {
                    "Middle"
                }
            }
            (Attribute::Income, _) => {
                if da {
                    "Høj"
                } else {
                    "High"
                }
            }
            (
                Attribute::Children | Attribute::Marginalised | Attribute::AssociationMember,
                "yes",
            ) => {
                if da {
                    "Ja"
                } else {
                    "Yes"
                }
            }
            (Attribute::Children | Attribute::Marginalised | Attribute::AssociationMember, _) => {
                if da {
                    "Nej"
                } else {
                    "No"
                }
            }
        };
        s.to_string()
    }

    /// Text alternative of the funnel chart.
    #[must_use]
    pub fn funnel_desc(self, population: u32, invited: u32, attendees: u32) -> String {
        let share = if population == 0 {
            0.0
        } else {
            f64::from(attendees) / f64::from(population)
        };
        let (p, i, a, s) = (
            format::int(self, population.into()),
            format::int(self, invited.into()),
            format::int(self, attendees.into()),
            format::percent(self, share, 1),
        );
        match self {
            Lang::Da => format!(
                "Af {p} borgere blev {i} inviteret eller hørte om mødet, og {a} deltog ({s} af befolkningen)."
            ),
            Lang::En => format!(
                "Of {p} citizens, {i} were invited or heard of the meeting, and {a} attended ({s} of the population)."
            ),
        }
    }

    /// Text alternative of the ratio chart: the most over- and under-represented groups.
    #[must_use]
    pub fn ratio_desc(self, over: (&str, f64), under: (&str, f64), index: f64) -> String {
        let (o, ov) = (over.0, format::dec(self, over.1, 2));
        let (u, uv) = (under.0, format::dec(self, under.1, 2));
        let idx = format::dec(self, index, 2);
        match self {
            Lang::Da => format!(
                "Blandt deltagerne er {o} mest overrepræsenteret (forhold {ov}) og {u} mest underrepræsenteret (forhold {uv}). Repræsentativitetsindeks: {idx}."
            ),
            Lang::En => format!(
                "Among attendees, {o} are the most over-represented (ratio {ov}) and {u} the most under-represented (ratio {uv}). Representativeness index: {idx}."
            ),
        }
    }

    /// The one-sentence summary announced after each run.
    #[must_use]
    pub fn run_summary(self, strategy: Strategy, attendees: u32, index: f64) -> String {
        let a = format::int(self, attendees.into());
        let idx = format::dec(self, index, 2);
        let s = self.strategy(strategy);
        match self {
            Lang::Da => format!("{s}: {a} deltagere, repræsentativitetsindeks {idx}."),
            Lang::En => format!("{s}: {a} attendees, representativeness index {idx}."),
        }
    }

    /// Name of a preset, from the engine's bilingual titles.
    #[must_use]
    pub fn preset_title(self, preset: &dialoglab_engine::presets::Preset) -> &'static str {
        match self {
            Lang::Da => preset.title_da,
            Lang::En => preset.title_en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(da.contains("29.500") && da.contains("1,4 %"), "{da}");
        let en = Lang::En.funnel_desc(29_500, 12_000, 424);
        assert!(en.contains("29,500") && en.contains("1.4%"), "{en}");
    }
}
