//! Who acts on whom, and whether it happened, read from the dependency
//! parse (`syntax`): a check over the events the pattern coder found in a
//! sentence. The patterns find triggers and candidate actors by word order;
//! the parse says which candidate is the grammatical agent (subject,
//! passive `by` agent, possessor or adjective of a nominal trigger, the
//! controller of an infinitive, the antecedent of a relative clause), which
//! is acted upon (object, passive subject, prepositional argument), and which
//! is only where it happened. Each change is named in the event's `rule`
//! (`grammar:swap nsubj/obj`...), so the provenance stays complete.

use model::{ActorType, Diagnostic, Event, Mention, Modality, Participant, Severity};
use syntax::{Parsed, Syntax};

/// A parsed sentence with the names and links the checks need.
pub struct Tree<'a> {
    text: &'a str,
    p: &'a Parsed,
    label: Vec<&'a str>,
    upos: Vec<&'a str>,
    xpos: Vec<&'a str>,
    lower: Vec<String>,
    kids: Vec<Vec<usize>>,
}

/// What part a word plays for a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Agent,
    Patient,
    /// Where it happened ("in Riyadh"), or a bystander in the clause.
    Place,
    /// Acting together with the agent ("fought alongside B").
    Ally,
    /// Not an argument of the trigger.
    None,
}

/// The trigger's arguments: word indices of the heads of each.
#[derive(Debug, Default)]
struct Args {
    agent: Vec<(usize, &'static str)>,
    patient: Vec<(usize, &'static str)>,
    place: Vec<usize>,
    ally: Vec<usize>,
}

/// Prepositions that mark where, not whom.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "inside",
    "outside",
    "around",
    "throughout",
    "within",
    "along",
    "beyond",
    "over",
];
/// Prepositions that mark a partner, not a counterpart.
const ALONGSIDE: &[&str] = &["alongside", "beside"];
/// Prepositions that mark whom an act is aimed at.
const TOWARD: &[&str] = &[
    "against", "on", "upon", "with", "to", "into", "toward", "towards", "from", "for", "between",
    "among", "of",
];
/// Words after which the governed act is not asserted.
const PLANNED: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "intending",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "expect",
    "expects",
    "expected",
    "prepare",
    "prepares",
    "prepared",
    "preparing",
    "want",
    "wants",
    "wanted",
    "hope",
    "hopes",
    "hoped",
    "vow",
    "vows",
    "vowed",
    "pledge",
    "pledges",
    "pledged",
    "promise",
    "promises",
    "promised",
    "decide",
    "decides",
    "decided",
    "agree",
    "agrees",
    "agreed",
    "propose",
    "proposes",
    "proposed",
    "offer",
    "offers",
    "offered",
    "seek",
    "seeks",
    "sought",
    "due",
    "set",
    "scheduled",
    "poised",
    "ready",
    "going",
];
const HYPOTHETICAL: &[&str] = &[
    "threaten",
    "threatens",
    "threatened",
    "threatening",
    "risk",
    "risks",
    "risked",
    "risking",
    "fear",
    "fears",
    "feared",
    "warn",
    "warns",
    "warned",
    "urge",
    "urges",
    "urged",
    "call",
    "calls",
    "called",
    "demand",
    "demands",
    "demanded",
    "ask",
    "asks",
    "asked",
    "avoid",
    "avoids",
    "avoided",
    "prevent",
    "prevents",
    "prevented",
    "dare",
    "try",
    "tries",
    "tried",
    "attempt",
    "attempts",
    "attempted",
    "consider",
    "considers",
    "considered",
    "considering",
    "possible",
    "likely",
    "could",
    "would",
    "might",
    "may",
    "should",
    "must",
    "can",
];
const NEGATING: &[&str] = &[
    "refuse", "refuses", "refused", "refusing", "deny", "denies", "denied", "denying", "decline",
    "declines", "declined", "fail", "fails", "failed", "reject", "rejects", "rejected",
];

impl<'a> Tree<'a> {
    pub fn new(text: &'a str, p: &'a Parsed, syn: &'a Syntax) -> Tree<'a> {
        let n = p.len();
        let mut kids = vec![Vec::new(); n];
        for i in 0..n {
            if let Some(h) = p.head_of(i) {
                kids[h].push(i);
            }
        }
        Tree {
            text,
            p,
            label: p.labels.iter().map(|&l| syn.parser.label(l)).collect(),
            upos: p.tags.iter().map(|&t| syn.tagger.upos(t)).collect(),
            xpos: p.tags.iter().map(|&t| syn.tagger.xpos(t)).collect(),
            lower: p
                .spans
                .iter()
                .map(|&(s, e)| {
                    text.get(s..e)
                        .unwrap_or("")
                        .to_lowercase()
                        .replace('’', "'")
                })
                .collect(),
            kids,
        }
    }

    fn word_at(&self, byte: usize) -> Option<usize> {
        self.p
            .spans
            .iter()
            .position(|&(s, e)| s <= byte && byte < e)
    }

    /// The word of a span that heads it: the first whose head is outside.
    fn head_word(&self, span: [usize; 2]) -> Option<usize> {
        let inside = |i: usize| self.p.spans[i].0 >= span[0] && self.p.spans[i].1 <= span[1];
        let words: Vec<usize> = (0..self.p.len()).filter(|&i| inside(i)).collect();
        words
            .iter()
            .copied()
            .find(|&i| self.p.head_of(i).is_none_or(|h| !inside(h)))
            .or_else(|| words.last().copied())
    }

    fn children<'s>(&'s self, i: usize, labels: &'s [&'s str]) -> impl Iterator<Item = usize> + 's {
        self.kids[i]
            .iter()
            .copied()
            .filter(move |&k| labels.contains(&self.label[k]))
    }

    fn case_of(&self, i: usize) -> Option<&str> {
        self.kids[i]
            .iter()
            .find(|&&k| self.label[k] == "case" || self.label[k] == "mark")
            .map(|&k| self.lower[k].as_str())
    }

    /// Whether `w` lies in the phrase of `root`: its ancestors up to `root`
    /// are reached through nominal links (conjuncts, appositions,
    /// modifiers), not through a clause of its own.
    fn in_phrase(&self, root: usize, w: usize) -> bool {
        let mut k = w;
        for _ in 0..self.p.len() + 1 {
            if k == root {
                return true;
            }
            if matches!(
                self.label[k],
                "acl"
                    | "acl:relcl"
                    | "advcl"
                    | "ccomp"
                    | "parataxis"
                    | "csubj"
                    | "xcomp"
                    | "root"
                    | "list"
            ) {
                return false;
            }
            match self.p.head_of(k) {
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    }

    fn is_verb(&self, t: usize) -> bool {
        matches!(self.upos[t], "VERB" | "AUX") || self.xpos[t].starts_with("VB")
    }

    /// The arguments of trigger word `t`.
    fn args(&self, t: usize) -> Args {
        let mut a = Args::default();
        if self.is_verb(t) {
            self.verbal(t, &mut a, 0);
        } else if matches!(self.upos[t], "NOUN" | "PROPN") {
            self.nominal(t, &mut a);
        }
        a
    }

    fn verbal(&self, t: usize, a: &mut Args, depth: usize) {
        for k in self.children(t, &["nsubj", "nsubj:outer"]) {
            a.agent.push((k, "nsubj"));
        }
        for k in self.children(t, &["nsubj:pass"]) {
            a.patient.push((k, "nsubj:pass"));
        }
        for k in self.children(t, &["obl:agent"]) {
            a.agent.push((k, "obl:agent"));
        }
        for k in self.children(t, &["obj", "iobj"]) {
            a.patient.push((k, "obj"));
        }
        for k in self.children(t, &["obl", "obl:unmarked", "obl:tmod", "advmod"]) {
            match self.case_of(k) {
                Some(c) if ALONGSIDE.contains(&c) => a.ally.push(k),
                Some(c) if TOWARD.contains(&c) => a.patient.push((k, "obl")),
                Some(c) if LOCATIVE.contains(&c) => a.place.push(k),
                _ => {}
            }
        }
        if !a.agent.is_empty() || depth > 3 {
            return;
        }
        // No subject of its own: it shares one.
        let Some(h) = self.p.head_of(t) else {
            return;
        };
        match self.label[t] {
            "xcomp" => {
                // "urged A to accept": the object controls; else the subject.
                let obj: Vec<usize> = self.children(h, &["obj", "iobj"]).collect();
                if obj.is_empty() {
                    let mut up = Args::default();
                    self.verbal(h, &mut up, depth + 1);
                    a.agent
                        .extend(up.agent.into_iter().map(|(k, _)| (k, "xcomp-subject")));
                } else {
                    a.agent.extend(obj.into_iter().map(|k| (k, "xcomp-object")));
                    a.patient.retain(|&(k, _)| self.p.head_of(k) != Some(h));
                }
            }
            "conj" if self.is_verb(h) => {
                let mut up = Args::default();
                self.verbal(h, &mut up, depth + 1);
                a.agent
                    .extend(up.agent.into_iter().map(|(k, _)| (k, "conj-subject")));
            }
            "acl:relcl" => a.agent.push((h, "relcl-antecedent")),
            "acl" if self.xpos[t] == "VBN" => a.patient.push((h, "acl-passive")),
            // "forces fighting in X": the noun acts; but not "a plan to
            // attack" or "the jungle to investigate" (an infinitive's
            // noun is rarely its agent).
            "acl" if self.xpos[t] == "VBG" => a.agent.push((h, "acl-antecedent")),
            // "barred the judges from returning": the object acts.
            "advcl" if self.xpos[t] == "VBG" && self.case_of(t) == Some("from") => {
                a.agent
                    .extend(self.children(h, &["obj"]).map(|k| (k, "advcl-object")));
            }
            // "..., killing five", "after meeting X": the clause's subject acts.
            "advcl"
                if self.xpos[t] == "VBG"
                    && matches!(
                        self.case_of(t),
                        None | Some("by" | "while" | "after" | "before" | "when" | "in")
                    ) =>
            {
                let mut up = Args::default();
                self.verbal(h, &mut up, depth + 1);
                a.agent
                    .extend(up.agent.into_iter().map(|(k, _)| (k, "advcl-subject")));
            }
            _ => {}
        }
    }

    fn nominal(&self, t: usize, a: &mut Args) {
        for k in self.children(t, &["nmod:poss"]) {
            a.agent.push((k, "poss"));
        }
        for k in self.children(t, &["amod", "compound"]) {
            if self.upos[k] != "NOUN" || self.text_of(k).starts_with(char::is_uppercase) {
                a.agent.push((k, "modifier"));
            }
        }
        for k in self.children(t, &["nmod", "nmod:unmarked"]) {
            match self.case_of(k) {
                // "airstrikes by A", "weeks of airstrikes from A's jets".
                Some("by") => a.agent.push((k, "nmod-by")),
                // "support from A", but "withdrawal from A" is a place left.
                Some("from") if !crate::coder::AWAY_NOUNS.contains(&self.lower[t].as_str()) => {
                    a.agent.push((k, "nmod-by"))
                }
                Some(c) if TOWARD.contains(&c) => a.patient.push((k, "nmod")),
                Some(c) if LOCATIVE.contains(&c) => a.place.push(k),
                _ => {}
            }
        }
        // "A launched airstrikes on B": a light verb's subject acts.
        if a.agent.is_empty() && self.label[t] == "obj" {
            if let Some(h) = self.p.head_of(t) {
                for k in self.children(h, &["nsubj"]) {
                    a.agent.push((k, "light-verb-subject"));
                }
            }
        }
    }

    fn text_of(&self, i: usize) -> &str {
        let (s, e) = self.p.spans[i];
        self.text.get(s..e).unwrap_or("")
    }

    /// The role of a span (a mention) for the trigger's arguments.
    fn role(&self, a: &Args, span: [usize; 2]) -> (Role, &'static str) {
        let Some(w) = self.head_word(span) else {
            return (Role::None, "");
        };
        if let Some(&(_, why)) = a.agent.iter().find(|&&(k, _)| self.in_phrase(k, w)) {
            return (Role::Agent, why);
        }
        if let Some(&(_, why)) = a.patient.iter().find(|&&(k, _)| self.in_phrase(k, w)) {
            return (Role::Patient, why);
        }
        if a.place.iter().any(|&k| self.in_phrase(k, w)) {
            return (Role::Place, "locative");
        }
        if a.ally.iter().any(|&k| self.in_phrase(k, w)) {
            return (Role::Ally, "alongside");
        }
        (Role::None, "")
    }

    /// Modality the grammar gives trigger `t`, when it is not a plain
    /// assertion: its own negation, modal or conditional, or those of the
    /// verbs it depends on ("would not dare attack", "refused to meet",
    /// "a clash ... risks").
    fn modality(&self, t: usize) -> Option<(Modality, String)> {
        let mut k = t;
        for step in 0..4 {
            for c in &self.kids[k] {
                let w = self.lower[*c].as_str();
                match self.label[*c] {
                    "advmod" if matches!(w, "not" | "n't" | "never") => {
                        return Some((Modality::Negated, format!("neg:{w}")))
                    }
                    "det" if w == "no" && step == 0 => {
                        return Some((Modality::Negated, "neg:no".into()))
                    }
                    "aux" if matches!(w, "will" | "shall" | "'ll") => {
                        return Some((Modality::Planned, format!("aux:{w}")))
                    }
                    "aux" if HYPOTHETICAL.contains(&w) || w == "'d" => {
                        return Some((Modality::Hypothetical, format!("aux:{w}")))
                    }
                    "mark" if matches!(w, "if" | "unless" | "whether") => {
                        return Some((Modality::Hypothetical, format!("mark:{w}")))
                    }
                    _ => {}
                }
            }
            let Some(h) = self.p.head_of(k) else {
                break;
            };
            let lab = self.label[k];
            let hw = self.lower[h].as_str();
            // Only links that put the act under the governor's stance.
            let governed = matches!(lab, "xcomp" | "ccomp")
                || (step == 0 && !self.is_verb(k) && matches!(lab, "nsubj" | "obj" | "obl"));
            if !governed {
                break;
            }
            if NEGATING.contains(&hw) {
                return Some((Modality::Negated, format!("governor:{hw}")));
            }
            if PLANNED.contains(&hw) {
                return Some((Modality::Planned, format!("governor:{hw}")));
            }
            if HYPOTHETICAL.contains(&hw) {
                return Some((Modality::Hypothetical, format!("governor:{hw}")));
            }
            // A nominal act is governed by its verb's stance word only; the
            // verb's own negation is about the verb ("was not spared
            // attacks").
            if !self.is_verb(k) {
                break;
            }
            k = h;
        }
        None
    }
}

/// What the check did to one event.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Keep,
    Drop(&'static str),
}

/// Checks one event against the parse; may swap or replace its
/// participants and set its modality. `mentions` are the sentence's actor
/// mentions (for a replacement source or target).
pub fn check(tree: &Tree, e: &mut Event, mentions: &[&Mention], question: bool) -> Verdict {
    let Some(t) = tree.word_at(e.span[0]) else {
        return Verdict::Keep;
    };
    let a = tree.args(t);
    let implicit = |p: &Participant| p.actor.id.starts_with("implicit:");
    let (rs, ws) = if implicit(&e.source) {
        (Role::None, "")
    } else {
        tree.role(&a, e.source.span)
    };
    let (rt, wt) = if implicit(&e.target) {
        (Role::None, "")
    } else {
        tree.role(&a, e.target.span)
    };
    let mut note: Vec<String> = Vec::new();
    match (rs, rt) {
        (Role::Patient, Role::Agent) => {
            std::mem::swap(&mut e.source, &mut e.target);
            note.push(format!("swap {wt}/{ws}"));
        }
        (Role::Patient, Role::None) if !a.agent.is_empty() => {
            // The coded source is acted upon; the agent is someone else.
            match find_mention(tree, &a.agent, mentions, &e.source) {
                Some((m, why)) => {
                    e.target = e.source.clone();
                    e.source = to_participant(m);
                    note.push(format!("agent {why}"));
                }
                None => return Verdict::Drop("grammar:source-is-patient"),
            }
        }
        (Role::Place, _) if a.agent.is_empty() => {
            return Verdict::Drop("grammar:source-is-a-place")
        }
        // A source the words tie to the trigger ("shot dead by police",
        // "support from France") outweighs an agent the parse finds
        // elsewhere.
        (Role::Place, _) | (Role::None, _)
            if !implicit(&e.source)
                && !a.agent.is_empty()
                && !e.rule.contains("src=by-agent")
                && !e.rule.contains("src=from-agent") =>
        {
            match find_mention(tree, &a.agent, mentions, &e.target) {
                Some((m, why)) if m.span != e.target.span => {
                    e.source = to_participant(m);
                    note.push(format!("agent {why}"));
                }
                // The agent is no actor we know. The coded source is then
                // a bystander, but the parse may be wrong: drop only sources
                // that cannot act here (a town, a news outlet reporting).
                _ if cannot_act(&e.source) => return Verdict::Drop("grammar:no-agent-actor"),
                _ => {}
            }
        }
        _ => {}
    }
    // "A fought alongside B": B is A's partner, not its enemy.
    if tree.role(&a, e.target.span).0 == Role::Ally && !implicit(&e.target) {
        return Verdict::Drop("grammar:target-is-an-ally");
    }
    // A venue is no counterpart of talks or visits ("meeting in Riyadh");
    // in protests and violence the place stands for its people.
    // A visit's place is what is visited ("arrived in Britain for a visit").
    let cooperative = e.root.as_str() < "10" && !e.cameo.starts_with("042");
    if tree.role(&a, e.target.span).0 == Role::Place && !implicit(&e.target) && cooperative {
        match find_mention(tree, &a.patient, mentions, &e.source) {
            Some((m, why)) if m.span != e.source.span => {
                e.target = to_participant(m);
                note.push(format!("patient {why}"));
            }
            _ => return Verdict::Drop("grammar:target-is-a-place"),
        }
    }
    if e.modality == Modality::Asserted {
        if let Some((m, why)) = tree.modality(t) {
            e.modality = m;
            note.push(format!("modality {why}"));
        } else if question {
            e.modality = Modality::Hypothetical;
            note.push("modality question".into());
        }
    }
    if !note.is_empty() {
        e.rule = format!("{} grammar:{}", e.rule, note.join(","));
    }
    // As everywhere in the coder: a changed event needs two different actors.
    if !note.is_empty()
        && (e.source.span == e.target.span || e.source.actor.id == e.target.actor.id)
        && !implicit(&e.source)
    {
        return Verdict::Drop("grammar:same-actor");
    }
    Verdict::Keep
}

/// Sources that are not actors of the act when the grammar names another
/// agent: a town or region (a venue), a news outlet (a byline).
fn cannot_act(p: &Participant) -> bool {
    p.actor.kind == ActorType::Place || p.actor.role.as_deref() == Some("MED")
}

/// The first mention heading, or inside, one of the argument phrases.
fn find_mention<'m>(
    tree: &Tree,
    args: &[(usize, &'static str)],
    mentions: &[&'m Mention],
    not: &Participant,
) -> Option<(&'m Mention, &'static str)> {
    for &(k, why) in args {
        for m in mentions {
            if m.span == not.span {
                continue;
            }
            if let Some(w) = tree.head_word(m.span) {
                if tree.in_phrase(k, w) {
                    return Some((m, why));
                }
            }
        }
    }
    None
}

fn to_participant(m: &Mention) -> Participant {
    Participant {
        actor: m.actor.clone(),
        text: m.text.clone(),
        span: m.span,
    }
}

/// The diagnostic that counts a document's events the grammar check left
/// out, by reason, if it left out any: nothing goes silently.
/// Triggers read in their other sense (`senses.tsv`) are counted under
/// the key `sense` and told in the same diagnostic.
pub fn left_out(doc: &str, counts: &crate::coder::LeftOut) -> Option<Diagnostic> {
    let senses = counts.get("sense").copied().unwrap_or(0);
    let grammar: Vec<(&&str, &usize)> = counts.iter().filter(|(k, _)| **k != "sense").collect();
    let gone: usize = grammar.iter().map(|(_, n)| **n).sum();
    let mut parts = Vec::new();
    if gone > 0 {
        parts.push(format!(
            "{gone} event(s) left out by the grammar check ({}); without `--grammar` they are kept",
            grammar
                .iter()
                .map(|(why, n)| format!("{why} x{n}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if senses > 0 {
        parts.push(format!(
            "{senses} trigger(s) read in their other sense and not coded (events/data/senses.tsv: \"released a statement\", \"met the demands\")"
        ));
    }
    (!parts.is_empty()).then(|| Diagnostic {
        doc: Some(doc.to_string()),
        file: None,
        line: None,
        severity: Severity::Warning,
        message: parts.join("; "),
    })
}
