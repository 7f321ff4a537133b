//! The seed article, coded with the real text and actors stages, scored the
//! way `../shared/tools/seed_check.py` scores events (one-to-one matching on
//! source/target countries, root family and modality).

use events::EventCoder;
use model::Event;
use serde_json::Value;

fn strs(v: &Value, k: &str) -> Vec<String> {
    v[k].as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn country(p: &model::Participant) -> String {
    p.actor
        .country
        .clone()
        .unwrap_or_else(|| p.actor.code.chars().take(3).collect())
}

/// Maximum bipartite matching, as seed_check.py does it.
fn matched(cands: &[Vec<usize>]) -> Vec<bool> {
    fn augment(
        i: usize,
        cands: &[Vec<usize>],
        owner: &mut std::collections::HashMap<usize, usize>,
        seen: &mut Vec<usize>,
    ) -> bool {
        for &c in &cands[i] {
            if seen.contains(&c) {
                continue;
            }
            seen.push(c);
            let prev = owner.get(&c).copied();
            if prev.is_none() || prev.is_some_and(|p| augment(p, cands, owner, seen)) {
                owner.insert(c, i);
                return true;
            }
        }
        false
    }
    let mut owner = std::collections::HashMap::new();
    (0..cands.len())
        .map(|i| augment(i, cands, &mut owner, &mut Vec::new()))
        .collect()
}

#[test]
fn seed_article_events() {
    let Some(testkit::Seed {
        text,
        expected: exp,
        date,
    }) = testkit::seed()
    else {
        return;
    };
    let pipe = testkit::Pipeline::new();
    let prep = pipe.prepare(&text, date);
    let coder = EventCoder::builtin().expect("coder");
    let evs: Vec<Event> = coder.code(
        &text,
        &prep.sentences,
        &prep.tokens,
        &prep.mentions,
        &prep.times,
        date,
    );
    for e in &evs {
        eprintln!(
            "{} {}->{} {} {} {:?} [{}]",
            e.cameo,
            e.source.actor.code,
            e.target.actor.code,
            e.modality.as_str(),
            e.date,
            &text[e.span[0]..e.span[1]],
            e.rule
        );
    }
    let expected = exp["events"].as_array().cloned().unwrap_or_default();
    let cands: Vec<Vec<usize>> = expected
        .iter()
        .map(|x| {
            let (src, tgt, roots, modal) = (
                strs(x, "src"),
                strs(x, "tgt"),
                strs(x, "roots"),
                strs(x, "modality"),
            );
            let sym = x["symmetric"].as_bool().unwrap_or(false);
            evs.iter()
                .enumerate()
                .filter(|(_, e)| {
                    let (s, t) = (country(&e.source), country(&e.target));
                    roots.contains(&e.root)
                        && s != t
                        && ((src.contains(&s) && tgt.contains(&t))
                            || (sym && src.contains(&t) && tgt.contains(&s)))
                        && (modal.is_empty() || modal.iter().any(|m| m == e.modality.as_str()))
                })
                .map(|(j, _)| j)
                .collect()
        })
        .collect();
    let got = matched(&cands);
    let found = got.iter().filter(|g| **g).count();
    let missing: Vec<i64> = expected
        .iter()
        .zip(&got)
        .filter(|(_, g)| !**g)
        .filter_map(|(x, _)| x["id"].as_i64())
        .collect();
    eprintln!("seed events {found}/{} missing {missing:?}", expected.len());
    // Emotive verbs are not events.
    for phrase in ["does not seem to bother", "did not surprise"] {
        let at = text.find(phrase).expect("phrase in seed");
        assert!(
            !evs.iter()
                .any(|e| e.span[0] >= at && e.span[0] < at + phrase.len()),
            "{phrase:?} must not be an event"
        );
    }
    assert!(found >= 15, "seed events {found}/19, missing {missing:?}");
}
