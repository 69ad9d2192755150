//! Texts of the meeting view: who sat at the table, which arguments were voiced, who moved.

use dialoglab_engine::attributes::Attribute;

use super::{Lang, lower};
use crate::format;

impl Lang {
    /// A traced meeting member in words, e.g. `kvinde, 67+ år, foreningsmedlem`.
    #[must_use]
    pub fn member(self, m: &dialoglab_engine::deliberation::TraceMember) -> String {
        let woman = m.gender == "woman";
        let gender = match (self, woman) {
            (Lang::Da, true) => "kvinde",
            (Lang::Da, false) => "mand",
            (Lang::En, true) => "woman",
            (Lang::En, false) => "man",
        };
        let mut out = format!(
            "{gender}, {}",
            self.category(Attribute::AgeBand, &m.age_band)
        );
        if m.marginalised {
            out.push_str(self.pick(", socialt udsat", ", marginalised"));
        }
        if m.association_member {
            out.push_str(self.pick(", foreningsmedlem", ", association member"));
        }
        out
    }

    /// The plain-language text of an argument (keys of `dialoglab_engine::arguments::ARGUMENTS`;
    /// an unknown key is shown as it is).
    #[must_use]
    #[allow(
        clippy::too_many_lines,
        reason = "the 24 argument texts, in both languages side by side"
    )]
    pub fn argument(self, key: &str) -> String {
        let (da, en) = match key {
            "green_meeting_place" => (
                "Grønne områder giver alle et sted at mødes – gratis.",
                "Green spaces give everyone a place to meet, free of charge.",
            ),
            "green_climate" => (
                "Træer og beplantning køler gaderne og tager imod skybrud.",
                "Trees and planting cool the streets and soak up cloudbursts.",
            ),
            "green_upkeep" => (
                "En ny park koster vedligeholdelse hvert år, ikke kun én gang.",
                "A new park costs upkeep every year, not just once.",
            ),
            "green_nature_nearby" => (
                "Vi har allerede skoven og stranden lige i nærheden.",
                "We already have the woods and the beach close by.",
            ),
            "schools_safe_route" => (
                "En sikrere skolevej beskytter børnene hver eneste dag.",
                "A safer route to school protects children every single day.",
            ),
            "schools_families_stay" => (
                "Gode legepladser får unge familier til at blive i byen.",
                "Good playgrounds make young families stay in town.",
            ),
            "schools_ordinary_budget" => (
                "Skolerne er kommunens opgave og hører til i det almindelige budget.",
                "Schools are the municipality's job and belong in the ordinary budget.",
            ),
            "schools_few_benefit" => (
                "Det er kun familier med børn, der får glæde af det.",
                "Only families with children would benefit.",
            ),
            "elderly_loneliness" => (
                "Ensomhed blandt ældre er en reel sundhedsrisiko.",
                "Loneliness among older people is a real health risk.",
            ),
            "elderly_benches" => (
                "En bænk for hvert par hundrede meter gør, at ældre selv kan gå ind til byen.",
                "A bench every few hundred metres lets older people walk into town on their own.",
            ),
            "elderly_well_funded" => (
                "Ældreplejen har allerede penge nok.",
                "Care for the elderly is already well funded.",
            ),
            "elderly_same_few" => (
                "Aktivitetscentret bliver brugt af de samme få.",
                "The activity centre is used by the same few people.",
            ),
            "culture_youth_evenings" => (
                "Foreningerne giver de unge noget at lave om aftenen.",
                "Clubs give young people something to do in the evenings.",
            ),
            "culture_festival" => (
                "En byfest samler hele byen.",
                "A town festival brings everyone together.",
            ),
            "culture_members_only" => (
                "Idrætsanlæg gavner mest dem, der allerede går til noget.",
                "Sports facilities mostly serve those who are already in a club.",
            ),
            "culture_one_day" => (
                "Et arrangement er overstået på en dag, og så er pengene væk.",
                "An event is over in a day, and then the money is gone.",
            ),
            "social_homework_help" => (
                "Lektiehjælp giver børn fra fattige hjem en fair chance.",
                "Homework help gives children from poor homes a fair chance.",
            ),
            "social_drop_in" => (
                "Et værested når folk, som kommunens kontorer aldrig når.",
                "A drop-in centre reaches people no council office ever reaches.",
            ),
            "social_few_benefit" => (
                "Projekter for de få er svære at forsvare med alles penge.",
                "Projects for a few are hard to justify with everyone's money.",
            ),
            "social_professionals" => (
                "Socialt arbejde hører til hos fagfolk, ikke i et borgerbudget.",
                "Social work belongs to professionals, not to a citizens' budget.",
            ),
            "roads_bike_lanes" => (
                "Sikre cykelstier hjælper alle, der færdes i byen.",
                "Safe cycle lanes help everyone who gets about town.",
            ),
            "roads_street_lights" => (
                "Gadelys gør folk trygge, når de går hjem om aftenen.",
                "Street lights make people feel safe walking home at night.",
            ),
            "roads_expensive" => (
                "Veje er dyre: hele puljen rækker til ét stykke asfalt.",
                "Roads are expensive: the whole pool buys one stretch of asphalt.",
            ),
            "roads_more_traffic" => (
                "Bedre veje giver mere og hurtigere trafik.",
                "Better roads bring more and faster traffic.",
            ),
            other => return other.to_string(),
        };
        self.pick(da, en).to_string()
    }

    /// One turn in words: `speaker` (seat and person) said `text` (an argument for or against
    /// `category`) and `moved` (seats and persons) took it up; `text` `None`: they had no
    /// argument to offer.
    #[must_use]
    pub fn meeting_said(
        self,
        speaker: &str,
        text: Option<&str>,
        category: &str,
        pro: bool,
        moved: &[String],
    ) -> String {
        let category = lower(category);
        let Some(text) = text else {
            return match self {
                Lang::Da => format!("{speaker} havde intet argument at komme med."),
                Lang::En => format!("{speaker} had no argument to offer."),
            };
        };
        let who = moved.join("; ");
        match (self, moved.is_empty(), pro) {
            (Lang::Da, true, _) => format!("{speaker} sagde: »{text}« – ingen tog det til sig."),
            (Lang::Da, false, true) => {
                format!("{speaker} sagde: »{text}« – {who} flyttede sig mod {category}.")
            }
            (Lang::Da, false, false) => {
                format!("{speaker} sagde: »{text}« – {who} flyttede sig væk fra {category}.")
            }
            (Lang::En, true, _) => format!("{speaker} said: “{text}” – nobody took it up."),
            (Lang::En, false, true) => {
                format!("{speaker} said: “{text}” – {who} moved toward {category}.")
            }
            (Lang::En, false, false) => {
                format!("{speaker} said: “{text}” – {who} moved away from {category}.")
            }
        }
    }

    /// A member of a traced table by seat: `Plads 3 (kvinde, 67+ år)`.
    #[must_use]
    pub fn seat(self, seat: usize, m: &dialoglab_engine::deliberation::TraceMember) -> String {
        match self {
            Lang::Da => format!("Plads {} ({})", seat + 1, self.member(m)),
            Lang::En => format!("Seat {} ({})", seat + 1, self.member(m)),
        }
    }

    /// "Turn 5 of 24".
    #[must_use]
    pub fn meeting_step(self, step: usize, last: usize) -> String {
        match self {
            Lang::Da => format!("Tur {step} af {last}"),
            Lang::En => format!("Turn {step} of {last}"),
        }
    }

    /// Summary of a traced table.
    #[must_use]
    pub fn meeting_desc(self, format: &str, top: &str, share: f64, proposals: &[String]) -> String {
        let s = format::percent(self, share, 0);
        let list = proposals.join("; ");
        match (self, proposals.is_empty()) {
            (Lang::Da, false) => format!(
                "{format}: {top} taler mest ({s} af taletiden). Forslag fra bordet til afstemningen: {list}."
            ),
            (Lang::Da, true) => format!(
                "{format}: {top} taler mest ({s} af taletiden). Ingen forslag fra bordet nåede afstemningen."
            ),
            (Lang::En, false) => format!(
                "{format}: {top} speaks most ({s} of the speaking time). Proposals from the table to the ballot: {list}."
            ),
            (Lang::En, true) => format!(
                "{format}: {top} speaks most ({s} of the speaking time). No proposal from the table reached the ballot."
            ),
        }
    }
}
