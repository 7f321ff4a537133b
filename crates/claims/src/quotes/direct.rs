//! Direct quotes: a quotation-mark region attributed by the words just
//! before it (`X said: "..."`), a label (`the statement:`), the words just
//! after it (`"...," X said`), or the quote before it (a paragraph that
//! continues it).

use super::*;

impl Ctx<'_> {
    /// `X said: "..."`, `X told Y: "..."`, `He described A as "..."`.
    pub(super) fn direct_pre(&self, ri: usize) -> Option<Cand> {
        let r = self.regs[ri];
        let [ua, _] = self.unit_at(r.open)?;
        let mut from = self.toks.get(ua)?.s;
        if ri > 0 && self.regs[ri - 1].close > from && self.regs[ri - 1].close <= r.open {
            from = self.regs[ri - 1].close;
        }
        let (pa, mut pb) = self.tok_range([from, r.open]);
        let mut colon = false;
        while pb > pa && matches!(self.w(pb - 1), ":" | "," | "—" | "–" | "-") {
            colon |= self.w(pb - 1) == ":";
            pb -= 1;
        }
        if pb == pa {
            return None;
        }
        // The last cue whose gap to the quote is acceptable.
        let mut i = pb;
        while i > pa {
            i -= 1;
            let Some((cue, n)) = self.cue_at(i, pb) else {
                continue;
            };
            let gap: Vec<&str> = (i + n..pb).map(|k| self.w(k)).collect();
            let gap_words = gap.len();
            let ok = match cue.style {
                Style::Noun => colon && gap_words == 0,
                Style::According => colon || gap_words == 0,
                Style::Verb => {
                    gap_words == 0
                        || gap == ["that"]
                        || (cue.needs == Needs::Obj
                            && gap_words <= 6
                            && !gap.iter().any(|w| is_punct_word(w)))
                            && (cue.words[0] != "described" || gap.last() == Some(&"as"))
                            // "told MSNBC's "Morning Joe"": a programme, not words.
                            && !(pb > pa && self.toks[pb - 1].possessive())
                        || colon && gap_words <= 6 && !gap.iter().any(|w| is_punct_word(w))
                }
            };
            if !ok {
                continue;
            }
            let speaker = match cue.style {
                Style::According => self.speaker_after(i + n, pb),
                Style::Noun => self.unit_subject(i),
                Style::Verb if self.w(i).ends_with("ing") => self.unit_subject(i),
                Style::Verb => self.speaker_before(i, pa).or_else(|| {
                    // "X, who ..., said:" and clause-initial participles fall back on the subject.
                    if colon {
                        self.unit_subject(i)
                    } else {
                        None
                    }
                }),
            }?;
            let start = self.toks[speaker.0].s.min(self.toks[i].s);
            return Some(Cand {
                span: [start, r.close],
                content: trim_content(self.text, r.content),
                cue: Some((i, i + n)),
                speaker: SpeakerSrc::Toks(speaker.0, speaker.1),
                style: "direct",
                rule: format!(
                    "quote/direct:{} cues.tsv:{}",
                    if colon { "colon" } else { "before" },
                    cue.line
                ),
            });
        }
        // `X boasted, "..."`: any verb-like word right before the comma or colon
        // of a longer quote is taken as the cue.
        let stripped = (pb..self.toks.partition_point(|t| t.s < r.open))
            .any(|k| matches!(self.w(k), ":" | ","));
        let v = pb - 1;
        let t = &self.toks[v];
        let verb_like = t.k == K::Word
            && !t.cap
            && (t.lower.ends_with("ed")
                || t.lower.ends_with('s')
                || IRREGULAR_PAST.contains(&t.lower));
        if stripped && verb_like && self.word_count(r.content) >= 3 {
            if let Some(sp) = self.speaker_before(v, pa) {
                return Some(Cand {
                    span: [self.toks[sp.0].s, r.close],
                    content: trim_content(self.text, r.content),
                    cue: Some((v, v + 1)),
                    speaker: SpeakerSrc::Toks(sp.0, sp.1),
                    style: "direct",
                    rule: "quote/direct:verb-before".to_string(),
                });
            }
        }
        None
    }

    /// `NAME: words` at the start of a paragraph (transcripts, headlines).
    pub(super) fn label(&self, u: [usize; 2]) -> Option<Cand> {
        let [a, b] = u;
        let start = self.toks.get(a)?.s;
        if start > 0 && !self.text[..start].ends_with('\n') {
            return None;
        }
        let colon = (a..b.min(a + 6)).find(|&k| self.w(k) == ":")?;
        if colon == a || (a..colon).any(|k| !self.toks[k].cap && self.toks[k].k != K::Punct) {
            return None;
        }
        let label = self.slice_toks(a, colon).to_lowercase();
        const NOT_SPEAKERS: &[&str] = &[
            "author",
            "source",
            "original source",
            "disclaimer",
            "photo",
            "update",
            "note",
            "editor's note",
            "related",
            "read more",
            "caption",
            "image",
            "credit",
            "tags",
            "category",
            "date",
            "by",
            "see also",
            "watch",
            "video",
            "listen",
            "warning",
            "breaking",
            "exclusive",
            "analysis",
            "opinion",
            "q",
            "a",
            "faq",
            "correction",
            "corrections",
            "the latest",
            "latest",
            "live",
            "sources",
            "summary",
        ];
        if NOT_SPEAKERS.contains(&label.as_str()) || self.toks[a].k != K::Word {
            return None;
        }
        let c0 = self.toks.get(colon + 1)?.s;
        let para_end = self.text[c0..]
            .find('\n')
            .map_or(self.text.len(), |x| c0 + x);
        let content = trim_content(self.text, [c0, para_end]);
        let body = &self.text[content[0]..content[1]];
        if self.word_count(content) < 4 || body.contains("://") {
            return None;
        }
        Some(Cand {
            span: [start, content[1]],
            content,
            cue: Some((colon, colon + 1)),
            speaker: SpeakerSrc::Toks(a, colon),
            style: "direct",
            rule: "quote/direct:label".to_string(),
        })
    }

    /// `"...," X said` and `"...," said X, the ...`.
    pub(super) fn direct_post(&self, ri: usize) -> Option<Cand> {
        let r = self.regs[ri];
        let ti = self.toks.partition_point(|t| t.s < r.close);
        let [_, mut ub] = self.unit_bounds(ti.saturating_sub(1))?;
        // `"Why?" she asked.`: a segmenter may end the sentence at the mark;
        // the attribution after it, in the same paragraph, still belongs here.
        if ti >= ub && ti < self.toks.len() && !self.text[r.close..self.toks[ti].s].contains('\n') {
            if let Some([_, nb]) = self.unit_bounds(ti) {
                ub = nb;
            }
        }
        let mut hi = ub;
        if let Some(next) = self.regs.get(ri + 1) {
            hi = hi.min(self.toks.partition_point(|t| t.s < next.open));
        }
        let mut j = ti;
        let mut dash = false;
        while j < hi && matches!(self.w(j), "," | "—" | "–" | "-" | "―") {
            dash |= self.w(j) != ",";
            j += 1;
        }
        if j >= hi {
            return None;
        }
        if dash && self.toks[j].cap && self.cue_at(j, hi).is_none() {
            // `"..." ― Jane Doe, a voter`: a signed quote.
            let mut e = j;
            while e < hi && e - j < 6 && (self.toks[e].cap || matches!(self.w(e), "." | "-")) {
                e += 1;
            }
            if let Some(sp) = self.check_speaker(j, e) {
                return Some(Cand {
                    span: [r.open, self.toks[sp.1 - 1].e],
                    content: trim_content(self.text, r.content),
                    cue: None,
                    speaker: SpeakerSrc::Toks(sp.0, sp.1),
                    style: "direct",
                    rule: "quote/direct:signed".to_string(),
                });
            }
        }
        let (cue_i, n, cue, speaker) = if let Some((cue, n)) = self.cue_at(j, hi) {
            if cue.style == Style::Noun {
                return None;
            }
            let sp = self.speaker_after(j + n, hi)?;
            (j, n, cue, sp)
        } else {
            let lim = hi.min(j + 25);
            let mut found = None;
            for k in j..lim {
                let abbrev_dot = self.w(k) == "."
                    && k > 0
                    && (is_title(self.w(k - 1))
                        || self.w(k + 1) == ")"
                        || self.w(k - 1).chars().count() == 1);
                if matches!(self.w(k), "." | ";" | "!" | "?" | ":") && !abbrev_dot
                    || self.is_mark(k)
                {
                    break;
                }
                if let Some((cue, n)) = self.cue_at(k, hi) {
                    if cue.style == Style::Verb {
                        found = Some((k, n, cue));
                    }
                    break;
                }
            }
            let (k, n, cue) = found?;
            let mut e = k;
            while e > j && (SKIP_BEFORE_CUE.contains(&self.w(e - 1)) || self.w(e - 1) == ",") {
                e -= 1;
            }
            let sp = self.check_speaker(j, e)?;
            (k, n, cue, sp)
        };
        if self.word_count(r.content) <= 2 && cue.style == Style::According {
            // `as an "assisting party" according to ...`: a scare quote inside a claim.
            return None;
        }
        let end = self.toks[(cue_i + n).max(speaker.1) - 1].e;
        Some(Cand {
            span: [r.open, end],
            content: trim_content(self.text, r.content),
            cue: Some((cue_i, cue_i + n)),
            speaker: SpeakerSrc::Toks(speaker.0, speaker.1),
            style: "direct",
            rule: format!("quote/direct:after cues.tsv:{}", cue.line),
        })
    }

    /// A paragraph or sentence that is all quote, right after an attributed quote.
    pub(super) fn continuation(&self, ri: usize, prev: &Cand) -> Option<Cand> {
        let r = self.regs[ri];
        if prev.span[1] > r.open || self.word_count(r.content) < 4 {
            return None;
        }
        let [ua, _] = self.unit_at(r.open)?;
        if self.toks.get(ua)?.s != r.open {
            return None;
        }
        let between = &self.text[prev.span[1]..r.open];
        let paras = between.matches('\n').count();
        let words = between
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        // Same paragraph with only a few words between, or the next paragraph.
        if paras > 2 || (paras == 0 && words > 12) || (paras > 0 && words > 0) {
            return None;
        }
        let speaker = prev.speaker;
        Some(Cand {
            span: [r.open, r.close],
            content: trim_content(self.text, r.content),
            cue: None,
            speaker,
            style: "direct",
            rule: "quote/direct:continuation".to_string(),
        })
    }
}
