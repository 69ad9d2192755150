//! The app's views (its tabs). Free of web types, so the link codec and its fuzz target can use it.

/// The app's views, one tab each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    /// Scenario panel, results and compare.
    #[default]
    Sandbox,
    /// One meeting, turn by turn (a traced run), realistic and ideal side by side.
    Meeting,
    /// Many seeded runs over a parameter grid.
    Sweep,
    /// A real pabulib `.pb` file and every PB rule on it.
    RealData,
    /// Fair selection of a citizens' panel from a pool (LEGACY, maximin, LEXIMIN).
    Panel,
    /// The guided chapters from the workshop deck.
    Guide,
    /// The glossary: every term the app uses, explained.
    Glossary,
    /// The council brief: one printable A4 page for the current scenario.
    Brief,
    /// Workshop mode: a guide chapter for a room, in large type, with a round of bets.
    Workshop,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 9] = [
        View::Sandbox,
        View::Meeting,
        View::Sweep,
        View::RealData,
        View::Panel,
        View::Guide,
        View::Workshop,
        View::Glossary,
        View::Brief,
    ];

    /// Stable name (links, element ids).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            View::Sandbox => "sandbox",
            View::Meeting => "meeting",
            View::Sweep => "sweep",
            View::RealData => "real-data",
            View::Panel => "panel",
            View::Guide => "guide",
            View::Glossary => "glossary",
            View::Brief => "brief",
            View::Workshop => "workshop",
        }
    }

    /// Whether the view shows a guide chapter (its links carry the chapter).
    #[must_use]
    pub fn has_chapter(self) -> bool {
        matches!(self, View::Guide | View::Workshop)
    }

    /// The view with this name.
    #[must_use]
    #[allow(
        dead_code,
        reason = "read from links once `?view=` lands with the guide"
    )]
    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}
