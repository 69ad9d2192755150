//! Texts of the result charts: titles, legends, value names and the sentences that sum a chart
//! up for screen readers and its data table.

use crate::charts::kinds::{GroupKind, PairKind, Series, Status};
use crate::format;

use super::Lang;

/// A value as shown: ratio with two decimals, probability in per mille.
#[must_use]
pub fn group_value(lang: Lang, kind: GroupKind, v: f64) -> String {
    if kind.is_ratio() {
        format::dec(lang, v, 2)
    } else {
        format!("{} ‰", format::dec(lang, v * 1000.0, 2))
    }
}

impl Lang {
    /// Title and axis label of a paired A/B chart.
    #[must_use]
    pub fn compare_chart(self, kind: PairKind) -> (&'static str, &'static str) {
        match (self, kind) {
            (Lang::Da, PairKind::Representation) => (
                "Hvem mødte op: A og B",
                "Repræsentationsforhold blandt deltagerne (1 = rimelig andel)",
            ),
            (Lang::En, PairKind::Representation) => (
                "Who attended: A and B",
                "Representation ratio among attendees (1 = fair share)",
            ),
            (Lang::Da, PairKind::Influence) => (
                "Hvis ønsker blev til noget: A og B",
                "Indflydelsesforhold (1 = lige indflydelse)",
            ),
            (Lang::En, PairKind::Influence) => (
                "Whose preferences the outcome reflects: A and B",
                "Influence ratio (1 = equal influence)",
            ),
        }
    }

    /// Summary of a paired chart: the group that moved most.
    #[must_use]
    pub fn compare_chart_desc(self, group: &str, a: &str, b: &str) -> String {
        match self {
            Lang::Da => format!("Den største forskel er for {group}: {a} i A og {b} i B."),
            Lang::En => format!("The largest change is for {group}: {a} in A and {b} in B."),
        }
    }

    /// Summary of a paired chart when no group moved.
    #[must_use]
    pub fn compare_chart_same(self) -> String {
        match self {
            Lang::Da => "A og B er ens for alle grupper.".into(),
            Lang::En => "A and B are the same for every group.".into(),
        }
    }

    /// Title and axis label of a group chart.
    #[must_use]
    pub fn group_chart(self, kind: GroupKind) -> (&'static str, &'static str) {
        match (self, kind) {
            (Lang::Da, GroupKind::Selection) => (
                "Sandsynlighed for at komme i borgerpanelet",
                "Sandsynlighed fra brev til panel (promille)",
            ),
            (Lang::En, GroupKind::Selection) => (
                "Probability of being selected for the panel",
                "Probability from letter to panel (per mille)",
            ),
            (Lang::Da, GroupKind::Inclusion) => (
                "Hele vejen: inviteret, mødt, talt og fået sit ønske finansieret",
                "Sandsynlighed (promille)",
            ),
            (Lang::En, GroupKind::Inclusion) => (
                "All the way: invited, attended, spoke and got their wish funded",
                "Probability (per mille)",
            ),
            (Lang::Da, GroupKind::Influence) => (
                "Indflydelse pr. gruppe",
                "Indflydelsesforhold (1 = gennemsnittet, logaritmisk akse)",
            ),
            (Lang::En, GroupKind::Influence) => (
                "Influence by group",
                "Influence ratio (1 = average, logarithmic axis)",
            ),
        }
    }

    /// Text alternative of a group chart.
    #[must_use]
    pub fn group_desc(self, kind: GroupKind, high: (&str, f64), low: (&str, f64)) -> String {
        let v = |x: f64| group_value(self, kind, x);
        let (h, hv, l, lv) = (high.0, v(high.1), low.0, v(low.1));
        match (self, kind) {
            (Lang::Da, GroupKind::Selection) => format!(
                "Fra brev til panel er chancen størst for {h} ({hv}) og mindst for {l} ({lv})."
            ),
            (Lang::En, GroupKind::Selection) => format!(
                "From letter to panel, the chance is highest for {h} ({hv}) and lowest for {l} ({lv})."
            ),
            (Lang::Da, GroupKind::Inclusion) => format!(
                "Hele vejen fra invitation til finansieret ønske når {h} længst ({hv}) og {l} kortest ({lv})."
            ),
            (Lang::En, GroupKind::Inclusion) => format!(
                "All the way from invitation to a funded wish, {h} get furthest ({hv}) and {l} least far ({lv})."
            ),
            (Lang::Da, GroupKind::Influence) => format!(
                "Resultatet afspejler mest ønskerne hos {h} (forhold {hv}) og mindst hos {l} (forhold {lv})."
            ),
            (Lang::En, GroupKind::Influence) => format!(
                "The outcome reflects the wishes of {h} most (ratio {hv}) and of {l} least (ratio {lv})."
            ),
        }
    }

    /// Name of a project category (keys from the engine; unknown keys shown as they are).
    #[must_use]
    pub fn project_category(self, key: &str) -> String {
        let s = match key {
            "green_areas" => self.pick("Grønne områder", "Green areas"),
            "children_schools" => self.pick("Børn og skoler", "Children and schools"),
            "elderly" => self.pick("Ældre", "Elderly"),
            "culture_sports" => self.pick("Kultur og idræt", "Culture and sports"),
            "social_inclusion" => self.pick("Social inklusion", "Social inclusion"),
            "roads_infrastructure" => {
                self.pick("Veje og infrastruktur", "Roads and infrastructure")
            }
            other => return other.to_string(),
        };
        s.to_string()
    }

    /// Name of a project status.
    #[must_use]
    pub fn status(self, s: Status) -> &'static str {
        match (self, s) {
            (Lang::Da, Status::Funded) => "finansieret",
            (Lang::Da, Status::NotFunded) => "ikke finansieret",
            (Lang::Da, Status::Vetoed) => "afvist af kommunen",
            (Lang::Da, Status::OffBallot) => "ikke på stemmesedlen",
            (Lang::En, Status::Funded) => "funded",
            (Lang::En, Status::NotFunded) => "not funded",
            (Lang::En, Status::Vetoed) => "vetoed by the municipality",
            (Lang::En, Status::OffBallot) => "not on the ballot",
        }
    }

    /// Text alternative of the projects chart.
    #[must_use]
    pub fn projects_desc(
        self,
        funded: usize,
        ballot: usize,
        vetoed: usize,
        if_all: usize,
        legitimacy: f64,
    ) -> String {
        let l = format::percent(self, legitimacy, 0);
        match self {
            Lang::Da => format!(
                "{funded} af {ballot} projekter på stemmesedlen blev finansieret, og kommunen afviste {vetoed} forslag. Hvis alle havde stemt, var {if_all} blevet finansieret; {l} af pengene går til de samme projekter."
            ),
            Lang::En => format!(
                "{funded} of {ballot} projects on the ballot were funded, and the municipality vetoed {vetoed} proposals. Had everyone voted, {if_all} would have been funded; {l} of the money goes to the same projects."
            ),
        }
    }

    /// Name of a series of the cycles chart.
    #[must_use]
    pub fn series(self, s: Series) -> &'static str {
        match (self, s) {
            (Lang::Da, Series::Representativeness) => "Repræsentativitet",
            (Lang::Da, Series::Repeat) => "Andel gengangere",
            (Lang::Da, Series::Turnout) => "Valgdeltagelse",
            (Lang::Da, Series::EfficacyMarginalised) => "Udsattes tro på egen indflydelse",
            (Lang::En, Series::Representativeness) => "Representativeness",
            (Lang::En, Series::Repeat) => "Repeat attendees",
            (Lang::En, Series::Turnout) => "Turnout",
            (Lang::En, Series::EfficacyMarginalised) => "Efficacy of the marginalised",
        }
    }

    /// Text alternative of the cycles chart.
    #[must_use]
    pub fn cycles_desc(
        self,
        years: usize,
        index: (f64, f64),
        repeat: f64,
        efficacy: (f64, f64),
    ) -> String {
        let (i0, i1) = (format::dec(self, index.0, 2), format::dec(self, index.1, 2));
        let r = format::percent(self, repeat, 0);
        let (e0, e1) = (
            format::dec(self, efficacy.0, 2),
            format::dec(self, efficacy.1, 2),
        );
        match self {
            Lang::Da => format!(
                "Over {years} år går repræsentativiteten fra {i0} til {i1}; sidste år var {r} af deltagerne gengangere, og de udsattes tro på egen indflydelse gik fra {e0} til {e1}."
            ),
            Lang::En => format!(
                "Over {years} years, representativeness goes from {i0} to {i1}; in the last year {r} of attendees were repeat attendees, and the efficacy of the marginalised went from {e0} to {e1}."
            ),
        }
    }

    /// Text alternative of the comparison.
    #[must_use]
    pub fn compare_desc(self, a: u32, b: u32, ia: f64, ib: f64) -> String {
        let (a, b) = (format::int(self, a.into()), format::int(self, b.into()));
        let (ia, ib) = (format::dec(self, ia, 3), format::dec(self, ib, 3));
        match self {
            Lang::Da => format!("A: {a} deltagere, indeks {ia}. B: {b} deltagere, indeks {ib}."),
            Lang::En => format!("A: {a} attendees, index {ia}. B: {b} attendees, index {ib}."),
        }
    }
}
