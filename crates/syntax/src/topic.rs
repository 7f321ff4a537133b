//! What a document is about, as a wire service files it: world news,
//! sport, business, or science and technology. The event coder reads
//! conflict verbs ("beat", "attack", "clash", "hostile bid") in their
//! political sense; in a match report or a takeover story they mean
//! something else, and the coder uses this to leave those events out.
//!
//! A bag of words (each lower-cased word and pair of words of the text,
//! counted once) scored by the averaged perceptron every trained stage
//! shares; trained by `entente train topics` on AG News (see
//! `data/README.md`).

use crate::hash::{mix, str_hash};
use crate::perceptron::{Model, ModelError, Trainer};

/// A topic model and its classes.
#[derive(Debug, Clone)]
pub struct TopicModel {
    model: Model,
}

/// One document's topic: the best class and by how much it beat the next
/// (in the model's units; 0 when the two tie).
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub class: String,
    pub margin: f32,
}

/// Words this short or this common say nothing of the topic.
const STOP: &[&str] = &[
    "the", "and", "for", "that", "with", "was", "are", "has", "have", "had", "its", "his", "her",
    "this", "from", "but", "not", "they", "their", "will", "were", "been", "which", "who", "said",
    "says", "would", "after", "also", "more", "than", "into", "about", "over", "one", "two", "new",
];

/// The features of a text: each word of three or more letters (lower-cased,
/// stop words left out) and each pair of neighbouring such words, once.
pub fn features(text: &str, out: &mut Vec<u64>) {
    out.clear();
    let mut prev: Option<u64> = None;
    // The lower-cased word and its length in characters.
    let mut word = String::new();
    let mut chars = 0usize;
    let push_word =
        |word: &mut String, chars: &mut usize, prev: &mut Option<u64>, out: &mut Vec<u64>| {
            // Stop words are all of three to five letters.
            if *chars >= 3 && !(word.len() <= 5 && STOP.contains(&word.as_str())) {
                let h = str_hash(word);
                out.push(mix(1, h));
                if let Some(p) = *prev {
                    out.push(mix(mix(2, p), h));
                }
                *prev = Some(h);
            } else if !word.is_empty() {
                *prev = None;
            }
            word.clear();
            *chars = 0;
        };
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            word.push(c.to_ascii_lowercase());
            chars += 1;
        } else if c.is_alphabetic() {
            for l in c.to_lowercase() {
                word.push(l);
                chars += 1;
            }
        } else if c == '\'' || c == '’' {
            // "Arsenal's": the possessive is no word of its own.
            push_word(&mut word, &mut chars, &mut prev, out);
            prev = None;
        } else if !word.is_empty() {
            push_word(&mut word, &mut chars, &mut prev, out);
        }
    }
    push_word(&mut word, &mut chars, &mut prev, out);
    out.sort_unstable();
    out.dedup();
}

impl TopicModel {
    pub fn new(model: Model) -> TopicModel {
        TopicModel { model }
    }

    pub fn from_bytes(b: &[u8]) -> Result<TopicModel, ModelError> {
        Ok(TopicModel::new(Model::from_bytes(b)?))
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn classes(&self) -> &[String] {
        self.model.classes()
    }

    /// The topic of a text.
    pub fn classify(&self, text: &str) -> Topic {
        let mut feats = Vec::new();
        features(text, &mut feats);
        self.classify_features(&feats)
    }

    pub fn classify_features(&self, feats: &[u64]) -> Topic {
        let mut scores = vec![0i32; self.model.nclass()];
        self.model.score(feats, &mut scores);
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by_key(|&c| std::cmp::Reverse(scores[c]));
        let best = order.first().copied().unwrap_or(0);
        let second = order.get(1).map_or(scores[best], |&c| scores[c]);
        Topic {
            class: self.model.classes().get(best).cloned().unwrap_or_default(),
            margin: self.model.unscale(scores[best] - second),
        }
    }
}

/// Trains a topic model on `(text, class)` pairs: `epochs` shuffled passes
/// (`seed` fixes the order, so a run is reproducible), features seen fewer
/// than `min_count` times dropped.
pub fn train(docs: &[(String, String)], epochs: usize, seed: u64, min_count: u32) -> TopicModel {
    let mut classes: Vec<String> = docs.iter().map(|d| d.1.clone()).collect();
    classes.sort();
    classes.dedup();
    let class_of = |c: &str| classes.binary_search_by(|x| x.as_str().cmp(c)).unwrap_or(0);
    let feats: Vec<(Vec<u64>, usize)> = docs
        .iter()
        .map(|(t, c)| {
            let mut f = Vec::new();
            features(t, &mut f);
            (f, class_of(c))
        })
        .collect();
    let mut t = Trainer::new(classes.len().max(1));
    for (f, _) in &feats {
        t.count(f);
    }
    let mut order: Vec<usize> = (0..feats.len()).collect();
    let mut rng = crate::train::Rng::new(seed);
    let mut scores = vec![0f32; classes.len().max(1)];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (f, y) = &feats[i];
            t.score(f, &mut scores);
            let guess = crate::perceptron::argmax(&scores, |_| true).unwrap_or(0);
            t.update(f, *y, guess);
            t.tick();
        }
    }
    TopicModel::new(t.freeze(classes, min_count))
}

static TOPICS: &[u8] = include_bytes!("../data/topics.bin");

/// The shipped topic model, read once on first use.
pub fn builtin() -> Result<&'static TopicModel, &'static ModelError> {
    static BUILTIN: std::sync::OnceLock<Result<TopicModel, ModelError>> =
        std::sync::OnceLock::new();
    BUILTIN
        .get_or_init(|| TopicModel::from_bytes(TOPICS))
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_words_and_pairs_once() {
        let mut f = Vec::new();
        features(
            "Arsenal's striker scored; the striker scored again.",
            &mut f,
        );
        // Non-ASCII letters count as one character each ("été" is a word).
        let mut e = Vec::new();
        features("été ok", &mut e);
        assert_eq!(e.len(), 1, "{e:?}");
        // arsenal, striker, scored, again + pairs striker-scored, scored-again
        // (the possessive and the stop word break pairs).
        assert_eq!(f.len(), 6, "{f:?}");
        let mut g = Vec::new();
        features("ARSENAL striker", &mut g);
        assert!(g.iter().all(|x| f.contains(x) || g.len() == 3));
    }

    #[test]
    fn a_small_model_learns_its_classes() {
        let docs: Vec<(String, String)> = [
            (
                "The striker scored twice as the club won the cup final",
                "Sports",
            ),
            (
                "The goalkeeper saved a penalty and the team won the league",
                "Sports",
            ),
            ("The coach praised the striker after the match", "Sports"),
            (
                "Troops shelled the border town as the ceasefire collapsed",
                "World",
            ),
            (
                "The minister met the envoy to discuss the ceasefire talks",
                "World",
            ),
            ("Rebels attacked the army convoy near the border", "World"),
        ]
        .iter()
        .map(|(t, c)| (t.to_string(), c.to_string()))
        .collect();
        let m = train(&docs, 10, 7, 1);
        assert_eq!(
            m.classify("the striker scored in the final match").class,
            "Sports"
        );
        assert_eq!(
            m.classify("the army shelled rebels near the border").class,
            "World"
        );
        let bytes = m.model().to_bytes();
        let back = TopicModel::from_bytes(&bytes).expect("round trip");
        assert_eq!(back.classify("a penalty in the cup final").class, "Sports");
    }
}
