//! A tiny stand-in actor recogniser for the events tests: country names,
//! adjectives, demonyms and seats from the lexicon's data files, plus a few
//! role nouns. It lets the coder be tested before and apart from `actors`.
#![allow(dead_code)]

use model::{Actor, ActorType, Mention, Sentence, Token};

const COUNTRIES: &str = include_str!("../../../lexicon/data/countries.tsv");

const ROLES: &[(&str, &str)] = &[
    ("air force", "MIL"),
    ("armed forces", "MIL"),
    ("army", "MIL"),
    ("military", "MIL"),
    ("troops", "MIL"),
    ("forces", "MIL"),
    ("soldiers", "MIL"),
    ("navy", "MIL"),
    ("police", "COP"),
    ("government", "GOV"),
    ("officials", "GOV"),
    ("president", "GOV"),
    ("prime minister", "GOV"),
    ("foreign minister", "GOV"),
    ("leaders", "GOV"),
    ("leader", "GOV"),
    ("minister", "GOV"),
    ("diplomats", "GOV"),
    ("rebels", "REB"),
    ("protesters", "CVL"),
    ("businessman", "BUS"),
    ("company", "BUS"),
    ("media", "MED"),
    ("court", "JUD"),
    ("parliament", "LEG"),
    ("opposition", "OPP"),
    ("militants", "INS"),
    ("spies", "SPY"),
    ("students", "EDU"),
];

pub struct Mini {
    /// (words, code, is_adjective)
    names: Vec<(Vec<String>, String, bool)>,
}

fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

impl Mini {
    pub fn new() -> Mini {
        let mut names = Vec::new();
        let mut header = false;
        for line in COUNTRIES.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !header {
                header = true;
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 5 {
                continue;
            }
            let code = f[0].to_string();
            for n in std::iter::once(f[1])
                .chain(f[2].split('|'))
                .chain(f[4].split('|'))
            {
                if !n.is_empty() {
                    names.push((words(n), code.clone(), false));
                }
            }
            for n in f[3].split('|').filter(|n| !n.is_empty()) {
                names.push((words(n), code.clone(), true));
            }
        }
        for (n, c) in [
            ("Baku", "AZE"),
            ("Ankara", "TUR"),
            ("Tel Aviv", "ISR"),
            ("Jerusalem", "ISR"),
            ("Tehran", "IRN"),
            ("Washington", "USA"),
            ("Moscow", "RUS"),
            ("Beijing", "CHN"),
            ("Damascus", "SYR"),
            ("Kyiv", "UKR"),
            ("Paris", "FRA"),
            ("Berlin", "DEU"),
            ("London", "GBR"),
        ] {
            names.push((words(n), c.to_string(), false));
        }
        names.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
        Mini { names }
    }

    pub fn recognise(&self, text: &str, sentences: &[Sentence], tokens: &[Token]) -> Vec<Mention> {
        let tw: Vec<&str> = tokens.iter().map(|t| &text[t.span[0]..t.span[1]]).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut hit = None;
            for (ws, code, adj) in &self.names {
                if i + ws.len() <= tokens.len()
                    && ws.iter().enumerate().all(|(d, w)| tw[i + d] == w)
                {
                    hit = Some((ws.len(), code.clone(), *adj));
                    break;
                }
            }
            let Some((n, code, adj)) = hit else {
                i += 1;
                continue;
            };
            let mut end = i + n;
            let mut role = None;
            let _ = adj;
            {
                for (r, rc) in ROLES {
                    let rw = words(r);
                    if end + rw.len() <= tokens.len()
                        && rw
                            .iter()
                            .enumerate()
                            .all(|(d, w)| tw[end + d].eq_ignore_ascii_case(w))
                    {
                        end += rw.len();
                        role = Some(rc.to_string());
                        break;
                    }
                }
            }
            let span = [tokens[i].span[0], tokens[end - 1].span[1]];
            let sentence = sentences
                .iter()
                .position(|s| s.span[0] <= span[0] && span[1] <= s.span[1])
                .unwrap_or(0);
            out.push(Mention {
                span,
                text: text[span[0]..span[1]].to_string(),
                sentence,
                actor: Actor {
                    code: format!("{code}{}", role.clone().unwrap_or_default()),
                    country: Some(code.clone()),
                    role,
                    name: code.clone(),
                    id: format!("mini:{code}"),
                    kind: ActorType::Country,
                },
                rule: "test:mini".into(),
                discovered: false,
                evidence: None,
            });
            i = end;
        }
        out
    }
}

/// Codes `text` with the real sentence splitter and tokeniser and the mini recogniser;
/// one line per event: `cameo src -> tgt modality date [rule]`.
pub fn code_lines(coder: &events::EventCoder, mini: &Mini, text: &str) -> Vec<String> {
    let sentences = text::sentences(text);
    let tokens = text::tokens(text);
    let mentions = mini.recognise(text, &sentences, &tokens);
    let date = chrono::NaiveDate::from_ymd_opt(2025, 5, 2).expect("valid date");
    let times = text::times(text, &sentences, date);
    coder
        .code(text, &sentences, &tokens, &mentions, &times, date)
        .iter()
        .map(|e| {
            format!(
                "{} {}->{} {} {} {:?} [{}]",
                e.cameo,
                e.source.actor.code,
                e.target.actor.code,
                e.modality.as_str(),
                e.date,
                &text[e.span[0]..e.span[1]],
                e.rule
            )
        })
        .collect()
}

/// Codes each text (document date 2025-05-02) and dumps one line per event,
/// `text` first: the golden format of the per-family tests.
pub fn golden(texts: &[&str]) -> String {
    golden_with(texts, false)
}

/// As `golden`, with the grammar check on or off.
pub fn golden_with(texts: &[&str], grammar: bool) -> String {
    let mut coder = events::EventCoder::builtin().expect("built-in lexicons load");
    coder.grammar = grammar;
    let mini = Mini::new();
    let mut out = String::new();
    for t in texts {
        out.push_str(&format!("> {t}\n"));
        let lines = code_lines(&coder, &mini, t);
        if lines.is_empty() {
            out.push_str("  (no event)\n");
        }
        for l in lines {
            out.push_str(&format!("  {l}\n"));
        }
    }
    out
}
