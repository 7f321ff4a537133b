//! Named-entity gold in column files (CoNLL-2003's `token POS chunk TAG`,
//! Universal NER's `ID token TAG - -`): documents rebuilt as text, with
//! sentence spans and gold entity spans, and per-type span scoring.

use std::collections::BTreeMap;

/// A gold document: tokens joined by spaces, sentences by newlines.
#[derive(Debug, Clone, Default)]
pub struct NameDoc {
    pub text: String,
    /// Byte spans of the sentences (one per input sentence).
    pub sentences: Vec<[usize; 2]>,
    /// Gold entities: (start, end, type), type as written (PER, ORG, ...).
    pub gold: Vec<(usize, usize, String)>,
}

/// Reads a column file. Documents break at `-DOCSTART-` and `# newdoc`
/// lines; CoNLL-2003 copies that lost those lines are split before each
/// Reuters headline (the line before a dateline such as
/// `BRUSSELS 1996-08-22`), so that document-level evidence stays within an
/// article.
pub fn read(raw: &str) -> Vec<NameDoc> {
    let mut sents: Vec<(Vec<(String, String)>, bool)> = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    let mut new_doc = false;
    for line in raw.lines() {
        if line.starts_with("# newdoc") || line.starts_with("-DOCSTART-") {
            new_doc = true;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 2 {
            if !cur.is_empty() {
                sents.push((std::mem::take(&mut cur), std::mem::take(&mut new_doc)));
            }
            continue;
        }
        // CoNLL-2003 ends with the tag; Universal NER numbers its tokens
        // and puts the tag third, before two "-" columns.
        let is_tag = |t: &str| t == "O" || t.starts_with("B-") || t.starts_with("I-");
        let last = cols[cols.len() - 1];
        let (tok, tag) = if !is_tag(last) && cols.len() >= 3 && is_tag(cols[2]) {
            (cols[1], cols[2])
        } else {
            (cols[0], last)
        };
        cur.push((tok.to_string(), tag.to_string()));
    }
    if !cur.is_empty() {
        sents.push((cur, new_doc));
    }
    // Datelines open Reuters articles after their headline.
    let dateline = |s: &[(String, String)]| {
        s.len() <= 8
            && s.last().is_some_and(|(t, _)| {
                let b = t.as_bytes();
                b.len() == 10
                    && b[4] == b'-'
                    && b[7] == b'-'
                    && b[..4].iter().all(u8::is_ascii_digit)
            })
    };
    let explicit = sents.iter().any(|s| s.1);
    let mut starts = vec![false; sents.len()];
    for i in 0..sents.len() {
        if explicit {
            starts[i] = sents[i].1;
        } else if i > 0 && dateline(&sents[i].0) {
            starts[i - 1] = true;
        }
    }
    let mut docs = Vec::new();
    let mut doc = NameDoc::default();
    for (i, (sent, _)) in sents.iter().enumerate() {
        if starts[i] && !doc.text.is_empty() {
            docs.push(std::mem::take(&mut doc));
        }
        add_sentence(&mut doc, sent);
    }
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    docs
}

fn add_sentence(doc: &mut NameDoc, sent: &[(String, String)]) {
    if !doc.text.is_empty() {
        doc.text.push('\n');
    }
    let start = doc.text.len();
    let mut open: Option<(usize, usize, String)> = None;
    for (k, (tok, tag)) in sent.iter().enumerate() {
        if k > 0 {
            doc.text.push(' ');
        }
        let s = doc.text.len();
        doc.text.push_str(tok);
        let e = doc.text.len();
        match tag.split_once('-') {
            Some((bio, ty)) => {
                if bio != "B" && open.as_ref().is_some_and(|o| o.2 == ty) {
                    if let Some(o) = open.as_mut() {
                        o.1 = e;
                    }
                } else {
                    doc.gold.extend(open.take());
                    open = Some((s, e, ty.to_string()));
                }
            }
            None => doc.gold.extend(open.take()),
        }
    }
    doc.gold.extend(open);
    doc.sentences.push([start, doc.text.len()]);
}

/// Counts for precision and recall.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn p(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    pub fn r(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    pub fn f(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Exact-span scores per type for one document. `ignore` spans (gold of a
/// class the system does not produce, such as MISC) remove overlapping
/// predictions from the count.
pub fn score(
    gold: &[(usize, usize, &str)],
    pred: &[(usize, usize, &str)],
    ignore: &[(usize, usize)],
    by_type: &mut BTreeMap<String, Prf>,
) {
    let pred: Vec<_> = pred
        .iter()
        .filter(|p| !ignore.iter().any(|g| p.0 < g.1 && g.0 < p.1))
        .collect();
    for p in &pred {
        let e = by_type.entry(p.2.to_string()).or_default();
        if gold.iter().any(|g| g.0 == p.0 && g.1 == p.1 && g.2 == p.2) {
            e.tp += 1;
        } else {
            e.fp += 1;
        }
    }
    for g in gold {
        if !pred.iter().any(|p| g.0 == p.0 && g.1 == p.1 && g.2 == p.2) {
            by_type.entry(g.2.to_string()).or_default().fn_ += 1;
        }
    }
}

/// A gold document as the name tagger sees it: its sentences (as
/// `model::Sentence`), tokens, and per sentence the word spans and words.
pub struct Prepared {
    pub sentences: Vec<model::Sentence>,
    pub tokens: Vec<model::Token>,
    pub spans: Vec<Vec<(usize, usize)>>,
    pub words: Vec<Vec<syntax::ner::NameWord>>,
}

/// Prepares a gold document with the gold sentence breaks.
pub fn prepare(doc: &NameDoc, rec: &actors::Recogniser) -> Prepared {
    let sentences: Vec<model::Sentence> = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(index, &span)| model::Sentence { index, span })
        .collect();
    let tokens = text::tokens(&doc.text);
    let (spans, words) = rec.name_words(&doc.text, &sentences, &tokens);
    Prepared {
        sentences,
        tokens,
        spans,
        words,
    }
}

/// The BIO class of each word from the gold spans: a word inside an
/// entity is `B-` at the entity's first word, else `I-`.
pub fn gold_classes(doc: &NameDoc, spans: &[(usize, usize)]) -> Vec<String> {
    let mut out = Vec::with_capacity(spans.len());
    let mut last: Option<usize> = None;
    for &(s, e) in spans {
        let g = doc.gold.iter().position(|g| g.0 <= s && e <= g.1);
        out.push(match g {
            Some(k) => {
                let bio = if last == Some(k) { "I" } else { "B" };
                format!("{bio}-{}", doc.gold[k].2)
            }
            None => "O".to_string(),
        });
        last = g;
    }
    out
}

/// A gold document as training data for the name tagger.
pub fn training_doc(doc: &NameDoc, rec: &actors::Recogniser) -> syntax::ner::TrainingDoc {
    let p = prepare(doc, rec);
    p.spans
        .iter()
        .zip(p.words)
        .filter(|(_, ws)| !ws.is_empty())
        .map(|(sp, ws)| (ws, gold_classes(doc, sp)))
        .collect()
}

/// The tagger's names in a prepared document, as (start, end, type).
pub fn tagged(p: &Prepared, tagger: &syntax::ner::NameTagger) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    for (sp, names) in p.spans.iter().zip(tagger.document_names(&p.words)) {
        for n in names {
            if let (Some(a), Some(b)) = (sp.get(n.start), sp.get(n.end - 1)) {
                out.push((a.0, b.1, n.kind.label()));
            }
        }
    }
    out
}

/// Per type and overall (PER, ORG, LOC) scores of the tagger alone.
pub fn score_tagger(
    docs: &[NameDoc],
    rec: &actors::Recogniser,
    tagger: &syntax::ner::NameTagger,
) -> BTreeMap<String, Prf> {
    let mut by_type = BTreeMap::new();
    for d in docs {
        let p = prepare(d, rec);
        let pred = tagged(&p, tagger);
        let gold: Vec<(usize, usize, &str)> =
            d.gold.iter().map(|g| (g.0, g.1, g.2.as_str())).collect();
        score(&gold, &pred, &[], &mut by_type);
    }
    let mut all = Prf::default();
    for (k, v) in &by_type {
        if matches!(k.as_str(), "PER" | "ORG" | "LOC") {
            all.add(*v);
        }
    }
    by_type.insert("all".to_string(), all);
    by_type
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_conll_and_uner_columns() {
        let conll = "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\nBRUSSELS NNP B-NP B-LOC\n1996-08-22 CD I-NP O\n\nThe DT B-NP O\n";
        let docs = read(conll);
        // The headline before the dateline opens a document.
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "EU rejects");
        assert_eq!(docs[1].text, "Peter Blackburn\nBRUSSELS 1996-08-22\nThe");
        assert_eq!(docs[1].gold[0], (0, 15, "PER".to_string()));
        assert_eq!(docs[1].sentences.len(), 3);
        let uner = "# newdoc id = a\n# text = x\n1\twhere\tO\t-\t-\n2\ttampa\tB-LOC\t-\t-\n3\tbay\tI-LOC\t-\t-\n\n# newdoc id = b\n1\tHi\tO\t-\t-\n";
        let docs = read(uner);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].gold, vec![(6, 15, "LOC".to_string())]);
    }

    #[test]
    fn scores_exact_spans_by_type() {
        let mut m = BTreeMap::new();
        score(
            &[(0, 5, "PER"), (10, 15, "ORG")],
            &[(0, 5, "PER"), (10, 14, "ORG"), (20, 25, "LOC")],
            &[(20, 30)],
            &mut m,
        );
        assert_eq!(
            m["PER"],
            Prf {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            m["ORG"],
            Prf {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert!(!m.contains_key("LOC"));
    }
}
