//! An outlet's name followed by a country or a language is one media actor:
//! "CNN Turk" and "CNN Indonesia" are Turkish and Indonesian channels that
//! carry CNN's name (a franchise of the country named), "BBC Arabic" and
//! "Al Jazeera English" are services of the outlet in a language (the
//! outlet's own country). Read as two mentions, the country word would make
//! a Turkish channel's report an American one's about Turkey.

use super::*;

/// Words that name an outlet's service in a language or for the world,
/// not a country it broadcasts from.
const SERVICES: &[&str] = &[
    "afrique",
    "albanian",
    "amharic",
    "arabic",
    "azeri",
    "bangla",
    "bengali",
    "burmese",
    "chinese",
    "dari",
    "english",
    "espanol",
    "español",
    "farsi",
    "french",
    "global",
    "hausa",
    "hindi",
    "international",
    "kurdish",
    "mandarin",
    "marathi",
    "nepali",
    "pashto",
    "persian",
    "portuguese",
    "punjabi",
    "russian",
    "serbian",
    "sinhala",
    "somali",
    "spanish",
    "swahili",
    "tamil",
    "tigrinya",
    "turkish",
    "ukrainian",
    "urdu",
    "uzbek",
    "vietnamese",
    "world",
    "yoruba",
];

impl Ctx<'_> {
    pub(in crate::assemble) fn outlets(&mut self) {
        let text = self.text;
        let mut drop = Vec::new();
        self.out.sort_by_key(|m| m.s);
        for i in 0..self.out.len() {
            let m = &self.out[i];
            if m.actor.role.as_deref() != Some("MED") || !text[m.e..].starts_with(' ') {
                continue;
            }
            let next = m.e + 1;
            let word_end = next
                + text[next..]
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(text.len() - next);
            if word_end == next || !text[next..].starts_with(char::is_uppercase) {
                continue;
            }
            let word = fold(&text[next..word_end]);
            let follower = self
                .out
                .get(i + 1)
                .filter(|n| n.s == next && drop.last() != Some(&(i + 1)));
            if SERVICES.contains(&word.as_str()) {
                // The outlet's own service: its span grows, its actor stays.
                let end = follower.map_or(word_end, |n| n.e.max(word_end));
                if follower.is_some() {
                    drop.push(i + 1);
                }
                let m = &mut self.out[i];
                m.e = end;
                m.rule = format!("{}+outlet:service", m.rule);
                continue;
            }
            // A franchise: the country named after the outlet's name.
            let Some(n) = follower else {
                continue;
            };
            let Some(cc) = n
                .actor
                .country
                .clone()
                .filter(|_| n.actor.kind == ActorType::Country && n.actor.role.is_none())
            else {
                continue;
            };
            let (e, rule) = (n.e, format!("{}+outlet:{}", m.rule, n.rule));
            let name = text[m.s..e].to_string();
            let id = format!("outlet:{}:{cc}", m.actor.id);
            drop.push(i + 1);
            let m = &mut self.out[i];
            m.actor = actor_from_code(&format!("{cc}MED"), &name, &id, m.actor.kind);
            m.e = e;
            m.rule = rule;
        }
        for k in drop.into_iter().rev() {
            self.out.remove(k);
        }
    }
}
