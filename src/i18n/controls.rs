//! Texts beside the scenario panel's controls: a short help line for the model's newer settings
//! (arguments, the decision channel, the panel's selection) and the source of every cost rate.
//! The council brief reads the same rate sources, so they are written once, here.

use crate::fields::Field;
use crate::i18n::Lang;

/// Where a cost rate's default value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateSource {
    /// The kind of source in a word (»antagelse« / "assumption").
    pub kind: &'static str,
    /// Why the value is what it is, and what to put there instead.
    pub reason: &'static str,
}

impl Lang {
    /// A help line under a field's control (`None` for fields whose label says enough).
    #[must_use]
    pub fn field_help(self, field: Field) -> Option<&'static str> {
        let pick = |d: &'static str, e: &'static str| Some(self.pick(d, e));
        match field {
            Field::Selection => pick(
                "LEXIMIN trækker panelet ved et lotteri, der gør den mindste chance for at komme med så stor som muligt og derefter den næstmindste (Flanigan m.fl. 2021). Den hidtidige metode udfylder kvoterne i tilfældig rækkefølge.",
                "LEXIMIN draws the panel by a lottery that makes the smallest chance of being chosen as large as possible, then the next smallest (Flanigan et al. 2021). The legacy method fills the quotas in a random order.",
            ),
            Field::MeetingUpdate => pick(
                "Ved udveksling af argumenter skifter en tilhører kun mening, når hun hører et argument, hun ikke kendte. Med »kun fra ligesindede« lytter man kun til dem, der mener nogenlunde det samme, så ensartede borde kan blive mere yderliggående.",
                "Under an exchange of arguments a listener only changes her mind on hearing an argument she did not know. With “only from the like-minded” listeners heed only those who think roughly the same, so uniform tables can polarise.",
            ),
            Field::ConfidenceBound => pick(
                "Tilhørerne overhører talere, hvis ønsker ligger længere fra deres egne end dette. 100\u{a0}% betyder, at man lytter til alle.",
                "Listeners ignore speakers whose wishes lie further from their own than this. 100% means they heed everyone.",
            ),
            Field::KnowBase => pick(
                "Chancen for at kende et argument er dette tal plus tillæggene nedenfor, som gælder for den, der har baggrunden.",
                "The chance of knowing an argument is this number plus the additions below, for those who have the background.",
            ),
            Field::KnowEducation => pick(
                "Halvdelen for en erhvervsuddannelse.",
                "Half of it for a vocational education.",
            ),
            Field::KnowExperience => pick(
                "Gælder argumenterne for et emne, man kender fra sit eget liv: forældre og skolen, de 67+ og ældreområdet, udsatte og social inklusion.",
                "Applies to the arguments for an issue one knows from one's own life: parents and schools, the 67+ and elderly care, the marginalised and social inclusion.",
            ),
            Field::ArgumentImpact => pick(
                "Hvor langt et argument af fuld styrke flytter, hvor meget en borger vil give til emnet.",
                "How far an argument of full strength moves how much a resident would give to its issue.",
            ),
            Field::Channel => pick(
                "Kan alle stemme, afgør en bred afstemning (online, på papir eller på mødet). Beslutter deltagerne, tæller kun de fremmødte. Er mødet rådgivende, vælger kommunen ud fra sine egne mål og mødets opbakning.",
                "If everyone may vote, a broad vote decides (online, on paper or at the meeting). If the attendees decide, only those who came count. If the meeting advises, the municipality chooses by its own goals and the meeting's support.",
            ),
            Field::Implementer => pick(
                "Skal forslagsstillerne selv føre projekterne ud i livet, bliver de oftere til noget, jo mere fritid forslagsstillerne har. Kommunens egne forslag gennemfører kommunen.",
                "If the proposers must carry the projects out themselves, a project is completed more often the more free time its proposers have. The municipality carries out its own proposals.",
            ),
            Field::AdviceWeight => pick(
                "Hvor meget kommunen vægter mødets opbakning til et projekt over for sine egne mål for området.",
                "How much the municipality weighs the meeting's support for a project against its own goals for the area.",
            ),
            _ => None,
        }
    }

    /// Where a cost rate's default comes from (`None` for fields that are not cost rates). Every
    /// default is an assumption of the model; the reason says why it is plausible and that the
    /// municipality's own figure belongs there.
    #[must_use]
    pub fn rate_source(self, field: Field) -> Option<RateSource> {
        let kind = self.pick("antagelse", "assumption");
        let reason = |d: &'static str, e: &'static str| {
            Some(RateSource {
                kind,
                reason: self.pick(d, e),
            })
        };
        match field {
            Field::LetterCost => reason(
                "et skøn over tryk, kuvert og porto for et brev sendt i stort oplag; sendes brevet med Digital Post, er prisen langt lavere",
                "an estimate of print, envelope and postage for a letter sent in bulk; a letter sent by Digital Post costs far less",
            ),
            Field::StaffHourCost => reason(
                "et skøn over en kommunal medarbejders timeløn med pension og andel af fællesudgifter; sæt jeres egen timepris ind",
                "an estimate of a municipal employee's hourly pay with pension and a share of overheads; put in your own hourly rate",
            ),
            Field::OpenCallHours => reason(
                "omkring en uges arbejde med plakater, presse og hjemmeside",
                "about a week's work on posters, press and web",
            ),
            Field::HoursPerContact => reason(
                "en halv time pr. personlig henvendelse med forberedelse og transport",
                "half an hour per personal contact including preparation and travel",
            ),
            Field::HoursPerAssociation => reason(
                "et møde eller et par opkald pr. foreningstype og bydel",
                "a meeting or a few calls per kind of association and district",
            ),
            Field::HoursPerResponse => reason(
                "et kvarter til at registrere et svar og tage kontakt igen",
                "a quarter of an hour to register an answer and follow it up",
            ),
            _ => None,
        }
    }

    /// A cost rate's source as a sentence beside its control: »Kilde: antagelse – …«.
    #[must_use]
    pub fn rate_source_line(self, field: Field) -> Option<String> {
        let label = match self {
            Lang::Da => "Kilde",
            Lang::En => "Source",
        };
        self.rate_source(field)
            .map(|r| format!("{label}: {} – {}.", r.kind, r.reason))
    }

    /// A cost rate's source in brief, for the council brief's list of rates: »kilde: antagelse«.
    #[must_use]
    pub fn rate_source_short(self, field: Field) -> Option<String> {
        let label = match self {
            Lang::Da => "kilde",
            Lang::En => "source",
        };
        self.rate_source(field)
            .map(|r| format!("{label}: {}", r.kind))
    }

    /// Why the sandbox cannot draw a LEXIMIN panel itself, and where it can be seen.
    #[must_use]
    pub fn leximin_elsewhere(self) -> &'static str {
        match self {
            Lang::Da => {
                "Sandkassen regner ikke selv LEXIMIN-paneler: den løser, det kræver, indlæses ikke her, så siden åbner hurtigt. LEXIMIN regnes i visningen »Udvælgelse af panel«."
            }
            Lang::En => {
                "The sandbox does not compute LEXIMIN panels itself: the solver it needs is not loaded here, so that the page opens quickly. LEXIMIN is computed in the “Panel selection” view."
            }
        }
    }

    /// The button that opens the panel-selection view from the sandbox's note on LEXIMIN.
    #[must_use]
    pub fn open_panel_view(self) -> &'static str {
        match self {
            Lang::Da => "Åbn »Udvælgelse af panel«",
            Lang::En => "Open “Panel selection”",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::Section;

    #[test]
    fn every_cost_rate_has_its_source_in_both_languages_and_only_cost_rates_do() {
        for section in Section::ALL {
            for f in section.fields() {
                for lang in Lang::ALL {
                    let source = lang.rate_source_line(f);
                    assert_eq!(source.is_some(), section == Section::Costs, "{f:?}");
                    if let Some(text) = source {
                        let word = if lang == Lang::Da {
                            "antagelse"
                        } else {
                            "assumption"
                        };
                        assert!(text.contains(word), "{f:?}: {text}");
                    }
                }
                if let Some(da) = Lang::Da.rate_source(f) {
                    assert_ne!(Some(da), Lang::En.rate_source(f), "{f:?}");
                    // The brief's short form is the same source.
                    assert_eq!(
                        Lang::Da.rate_source_short(f).as_deref(),
                        Some("kilde: antagelse")
                    );
                }
            }
        }
    }

    #[test]
    fn help_texts_use_the_quotes_of_their_language() {
        for section in Section::ALL {
            for f in section.fields() {
                if let Some(da) = Lang::Da.field_help(f) {
                    assert!(!da.contains('“') && !da.contains('"'), "{f:?}");
                    assert_ne!(Some(da), Lang::En.field_help(f));
                }
                if let Some(en) = Lang::En.field_help(f) {
                    assert!(!en.contains('»'), "{f:?}");
                }
            }
        }
        assert!(!Lang::Da.leximin_elsewhere().contains('“'));
    }
}
