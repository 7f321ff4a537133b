//! Indirect speech: a reporting cue outside quotation marks with a speaker
//! and a clause (`X said that ...`, `according to X, ...`, `..., X said.`).

use super::*;

impl Ctx<'_> {
    /// Indirect speech around the cue at token `i`.
    pub(super) fn indirect(&self, i: usize) -> Option<Cand> {
        let [ua, ub] = self.unit_bounds(i)?;
        let (cue, n) = self.cue_at(i, ub)?;
        let cue_end = i + n;
        // "his plans", "the group's demands": a noun, not a reporting verb.
        if i > ua {
            let p = &self.toks[i - 1];
            let det = matches!(
                p.lower,
                "his" | "her" | "their" | "its" | "our" | "my" | "your" | "whose"
            );
            if (det || p.possessive() && p.k == K::Word) && self.w(cue_end) != "that" {
                return None;
            }
        }
        // "called into a show", "calls off the visit": not speech.
        if matches!(cue.words[0].as_str(), "called" | "calls" | "calling")
            && matches!(
                self.w(cue_end),
                "into" | "in" | "off" | "up" | "back" | "out" | "at" | "from" | "home"
            )
        {
            return None;
        }
        let unit_end_byte = content_end(self.text, &self.toks[ua..ub])?;
        let mk = |sp: (usize, usize), content: [usize; 2], how: &str| -> Option<Cand> {
            let content = trim_content(self.text, content);
            if self.word_count(content) < 2 {
                return None;
            }
            let s = self.toks[sp.0].s.min(self.toks[i].s).min(content[0]);
            let e = self.toks[sp.1 - 1]
                .e
                .max(self.toks[cue_end - 1].e)
                .max(content[1]);
            Some(Cand {
                span: [s, e],
                content,
                cue: Some((i, cue_end)),
                speaker: SpeakerSrc::Toks(sp.0, sp.1),
                style: "indirect",
                rule: format!("quote/indirect:{how} cues.tsv:{}", cue.line),
            })
        };
        match cue.style {
            Style::Noun => None,
            Style::According => {
                let sp = self.speaker_after(cue_end, ub)?;
                let lead = (ua..i)
                    .filter(|&k| !LEADING_TRIM.contains(&self.w(k)) && !is_punct_word(self.w(k)))
                    .count();
                if lead == 0 {
                    let mut c = sp.1;
                    while c < ub && self.w(c) != "," {
                        c += 1;
                    }
                    let start = self.toks.get(c + 1)?.s;
                    mk(sp, self.clip([start, unit_end_byte]), "according-before")
                } else {
                    let mut e = i;
                    while e > ua && is_punct_word(self.w(e - 1)) {
                        e -= 1;
                    }
                    if e == ua {
                        return None;
                    }
                    mk(sp, [self.toks[ua].s, self.toks[e - 1].e], "according-after")
                }
            }
            Style::Verb => {
                if i > ua && (BE_AUX.contains(&self.w(i - 1)) || self.w(i - 1) == "to") {
                    return None;
                }
                let tail_words = (cue_end..ub).filter(|&k| self.toks[k].is_word()).count();
                // "..., said X." : cue right after a comma, short speaker to the end.
                if i > ua && self.w(i - 1) == "," {
                    if let Some(sp) = self.speaker_after(cue_end, ub) {
                        let rest = (sp.1..ub).filter(|&k| self.toks[k].is_word()).count();
                        if rest <= 8 && i - 1 > ua {
                            return mk(sp, [self.toks[ua].s, self.toks[i - 2].e], "after-inverted");
                        }
                    }
                }
                if self.w(i).ends_with("ing") {
                    // "It goes without saying", "it is worth noting": nobody speaks.
                    if i > ua && matches!(self.w(i - 1), "without" | "worth" | "by" | "of" | "for")
                    {
                        return None;
                    }
                    // "..., saying that ...": the clause subject speaks.
                    let sp = self.unit_subject(i)?;
                    let mut j = cue_end;
                    if self.w(j) == "that" || self.w(j) == ":" {
                        j += 1;
                    }
                    if j >= ub {
                        return None;
                    }
                    return mk(sp, self.clip([self.toks[j].s, unit_end_byte]), "participle");
                }
                let sp = self.speaker_before(i, ua);
                // "..., X said [on Tuesday]." : content before the speaker.
                if let Some(sp) = sp {
                    let first_after = self.w(cue_end);
                    let tail_ok = tail_words == 0
                        || tail_words <= 6
                            && (STOP_AFTER.contains(&first_after)
                                || is_time_word(first_after)
                                || first_after == ",");
                    if sp.0 > ua + 1
                        && self.w(sp.0 - 1) == ","
                        && tail_ok
                        && first_after != "that"
                        && first_after != ":"
                    {
                        let c_end = self.toks[sp.0 - 2].e;
                        return mk(sp, [self.toks[ua].s, c_end], "after");
                    }
                }
                let sp = sp?;
                // Content after the cue.
                let mut j = cue_end;
                match cue.needs {
                    Needs::Obj => {
                        let lim = ub.min(j + 8);
                        let mut found = None;
                        for k in j..lim {
                            match self.w(k) {
                                "that" | ":" | "," => {
                                    found = Some(k + 1);
                                    break;
                                }
                                "to" if matches!(
                                    cue.words[0].as_str(),
                                    "urged"
                                        | "urges"
                                        | "told"
                                        | "tell"
                                        | "tells"
                                        | "asked"
                                        | "asks"
                                        | "called"
                                ) =>
                                {
                                    found = Some(k);
                                    break;
                                }
                                w if is_punct_word(w) => break,
                                _ => {}
                            }
                        }
                        j = match found {
                            Some(j) => j,
                            // "accused X of ...", "urged X to ...": the object is part of what is said.
                            None if !matches!(
                                cue.words[0].as_str(),
                                "told" | "tell" | "tells" | "asked" | "asks" | "described"
                            ) =>
                            {
                                j
                            }
                            None => return None,
                        };
                    }
                    Needs::That | Needs::Any => {
                        let lim = ub.min(j + 6);
                        let that = (j..lim)
                            .take_while(|&k| !is_punct_word(self.w(k)) || self.w(k) == ",")
                            .find(|&k| self.w(k) == "that");
                        if let Some(k) = that {
                            j = k + 1;
                        } else if matches!(self.w(j), ":" | ",") {
                            j += 1;
                        } else if cue.needs == Needs::That {
                            return None;
                        }
                    }
                }
                if j >= ub || is_punct_word(self.w(j)) && !self.is_mark(j) {
                    return None;
                }
                let speech = matches!(
                    cue.words[0].as_str(),
                    "said"
                        | "says"
                        | "say"
                        | "added"
                        | "adds"
                        | "wrote"
                        | "writes"
                        | "explained"
                        | "replied"
                        | "responded"
                        | "tweeted"
                        | "complained"
                );
                if j == cue_end
                    && (speech && self.w(j) == "to"
                        || matches!(
                            self.w(j),
                            "it" | "so" | "nothing" | "something" | "yes" | "no" | "otherwise"
                        ))
                {
                    return None;
                }
                // "said in an interview." is a setting, not content.
                let rest = (j..ub).filter(|&k| self.toks[k].is_word()).count();
                let setting = matches!(
                    self.w(j),
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "when"
                        | "while"
                        | "via"
                        | "from"
                );
                if rest <= 6 && (setting || is_time_word(self.w(j))) {
                    return None;
                }
                mk(sp, self.clip([self.toks[j].s, unit_end_byte]), "that")
            }
        }
    }

    /// `X <verb> that <clause>` for verbs not in the cue table ("X has long
    /// suspected that ..."): a complement clause after a verb with a subject.
    pub(super) fn that_clause(&self, i: usize) -> Option<Cand> {
        if self.w(i) != "that" {
            return None;
        }
        let [ua, ub] = self.unit_bounds(i)?;
        let mut v = i;
        while v > ua
            && (SKIP_BEFORE_CUE.contains(&self.w(v - 1))
                || self.w(v - 1).ends_with("ly") && !self.toks[v - 1].cap)
        {
            v -= 1;
        }
        if v == ua {
            return None;
        }
        let v = v - 1;
        let t = &self.toks[v];
        let w = t.lower;
        const THAT_VERBS: &[&str] = &[
            "know",
            "think",
            "believe",
            "feel",
            "hope",
            "say",
            "argue",
            "claim",
            "insist",
            "fear",
            "worry",
            "suspect",
            "assume",
            "realize",
            "realise",
            "understand",
            "admit",
            "deny",
            "suggest",
            "show",
            "prove",
            "mean",
            "indicate",
            "promise",
            "agree",
            "decide",
            "conclude",
            "announce",
            "warn",
            "predict",
            "expect",
            "recommend",
            "acknowledge",
            "note",
            "find",
            "knew",
            "felt",
            "thought",
            "meant",
            "saw",
            "heard",
            "wrote",
            "told",
            "found",
            "understood",
            "see",
            "hear",
            "recognize",
            "recognise",
            "doubt",
            "imply",
            "ensure",
        ];
        let verb_like = t.k == K::Word
            && !t.cap
            && (THAT_VERBS.contains(&w)
                || w.strip_suffix('s').is_some_and(|b| THAT_VERBS.contains(&b))
                || w.ends_with("ed") && w.len() > 4);
        // "dresses that showed ...": a relative clause, not reported content.
        let nx = self.w(i + 1);
        if AUX_VERBS.contains(&nx) || nx.ends_with("ed") && nx.len() > 4 {
            return None;
        }
        if !verb_like || matches!(w, "so" | "such" | "given" | "provided" | "now" | "except") {
            return None;
        }
        let sp = self.speaker_before(v, ua)?;
        let end = content_end(self.text, &self.toks[ua..ub])?;
        let start = self.toks.get(i + 1)?.s;
        if start >= end {
            return None;
        }
        let content = trim_content(self.text, self.clip([start, end]));
        if self.word_count(content) < 3 {
            return None;
        }
        Some(Cand {
            span: [self.toks[sp.0].s, content[1]],
            content,
            cue: Some((v, v + 1)),
            speaker: SpeakerSrc::Toks(sp.0, sp.1),
            style: "indirect",
            rule: "quote/indirect:that-clause".to_string(),
        })
    }
}
