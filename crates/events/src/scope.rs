//! Scope: events only where the document is news of states and their
//! people. In a match report "beat", "attack" and "clash" are football; in
//! a takeover story "hostile" and "fight" are money. The document's topic
//! (`syntax::topic`, trained on AG News) decides: events of the kinds such
//! stories misread are left out of sport, business and science documents
//! the model is sure of, unless a participant acts for a state or against
//! one (a government, an army, rebels, police), and the document says how
//! many in a diagnostic, so nothing goes silently.

use model::{Diagnostic, Event, Participant, Severity};
use syntax::topic::Topic;

/// The margin (in the model's units) a topic other than world news needs
/// before events are left out: below it the document may well be news of
/// states (a sports boycott, a sanctioned bank).
pub const MIN_MARGIN: f32 = 4.0;

/// The CAMEO roots a topic's stories misread: in sport, protests, coercion
/// and every kind of violence ("protested the referee's decision", "beat",
/// "attack"). Business and science stories are left alone: on ACLED's notes
/// the model reads too many conflict reports as business (trained on 2004
/// wire items, it takes "[size=no report]" and casualty counts for markets),
/// and the events it would drop there are mostly right.
fn misread(class: &str, root: &str) -> bool {
    match class {
        "Sports" => matches!(root, "14" | "17" | "18" | "19" | "20"),
        _ => false,
    }
}

/// Roles of those who act for a state or against one: an event with one
/// of them is news of states whatever the document's topic (a bombing
/// reported in a business story, soldiers in a sports one).
const STATE_ROLES: &[&str] = &[
    "GOV", "MIL", "REB", "INS", "COP", "SPY", "UAF", "OPP", "JUD", "LEG", "PTY", "ELI", "SEP",
];

fn of_state(p: &Participant) -> bool {
    p.actor
        .role
        .as_deref()
        .is_some_and(|r| STATE_ROLES.iter().any(|s| r.starts_with(s)))
        || p.actor.code.starts_with("IGO")
}

/// Whether the topic could leave this event out: a document none of whose
/// events could go needs no topic (the model reads the whole text).
pub fn could_leave(e: &Event) -> bool {
    misread("Sports", &e.root) && !of_state(&e.source) && !of_state(&e.target)
}

/// Leaves out the events a document's topic says are misread; returns the
/// diagnostic that counts them, if any were.
pub fn filter(doc: &str, events: &mut Vec<Event>, topic: &Topic) -> Option<Diagnostic> {
    if topic.margin < MIN_MARGIN {
        return None;
    }
    let before = events.len();
    events
        .retain(|e| !misread(&topic.class, &e.root) || of_state(&e.source) || of_state(&e.target));
    let gone = before - events.len();
    (gone > 0).then(|| Diagnostic {
        doc: Some(doc.to_string()),
        file: None,
        line: None,
        severity: Severity::Warning,
        message: format!(
            "{gone} event(s) left out: the document reads as {} news (model:topics margin {:.2}); \
             `--all-topics` keeps them",
            topic.class, topic.margin
        ),
    })
}
