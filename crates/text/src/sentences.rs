//! Sentence segmentation tuned for news English.
//!
//! One left-to-right pass over the bytes. Only the few bytes that can end a
//! sentence (`.`, `?`, `!`, `…`, a line break) make the segmenter look around;
//! everything else costs one comparison. The decision at each candidate uses
//! the word before it (is it an abbreviation, an initial, a list number?) and
//! the word after it (lowercase continues the sentence; after an abbreviation
//! only a typical sentence opener such as "The" or "He" starts a new one).
//!
//! Spans are byte offsets into the input, trimmed of whitespace, in order,
//! non-overlapping, and together they cover every non-whitespace character.

use model::Sentence;

/// Splits `text` into sentences; spans cover the trimmed sentence text.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut seg = Segmenter {
        text,
        b: text.as_bytes(),
        out: Vec::with_capacity(text.len() / 100 + 1),
        seg_start: 0,
        first_word: None,
    };
    seg.run();
    crate::long::split_long(text, seg.out)
}

/// Index of the sentence whose span contains byte `offset`, by binary search.
///
/// `sentences` must be sorted and non-overlapping, as [`sentences`] returns
/// them. Offsets in the whitespace between two sentences, or outside the
/// text, give `None`.
pub fn sentence_of(sentences: &[Sentence], offset: usize) -> Option<usize> {
    // First sentence whose end lies beyond the offset; it contains the
    // offset unless the offset falls in the gap before it.
    let k = sentences.partition_point(|s| s.span[1] <= offset);
    let s = sentences.get(k)?;
    (s.span[0] <= offset).then_some(k)
}

/// What the first non-whitespace character after a candidate boundary is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Lower,
    Upper,
    Digit,
    /// An opening quote or bracket.
    Open,
    /// `,`, `;`, `:` or a closing bracket: the sentence goes on.
    Continue,
    /// A list marker at the start of a line (`- `, `* `, `•`, `1. `).
    Bullet,
    /// Anything else: dashes, symbols, letters of scripts without case.
    Other,
}

/// What the word just before a single full stop is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    /// A plain word or number: the stop ends the sentence.
    Ordinary,
    /// A title or similar that is always followed by more ("Gen.", "e.g.").
    Never,
    /// Ends a sentence only before a typical opener ("U.S.", "Inc.", "a.m.").
    CanEnd,
    /// Ends a sentence before any capitalised word: mid-sentence it is
    /// followed by a number or lowercase ("Jan. 5", "etc. and").
    EndsBeforeCapital,
    /// A single capital letter: a personal initial unless an opener follows.
    Initial,
    /// A number opening its line or sentence: a list marker ("1.").
    ListNumber,
}

struct Segmenter<'a> {
    text: &'a str,
    b: &'a [u8],
    out: Vec<Sentence>,
    /// Where the current (not yet emitted) segment begins; may be whitespace.
    seg_start: usize,
    /// Cached [`Segmenter::sentence_first_word`] of the current segment, so
    /// long whitespace runs are skipped once, not once per candidate.
    first_word: Option<usize>,
}

impl Segmenter<'_> {
    fn run(&mut self) {
        let b = self.b;
        let n = b.len();
        let mut i = 0;
        while i < n {
            match b[i] {
                b'.' | b'?' | b'!' => i = self.terminal(i),
                0xE2 if is_ellipsis(b, i) => i = self.terminal(i),
                0xE2 if is_inline_bullet(b, i) => {
                    // Text flattened from HTML keeps list items and
                    // footnotes as " • item • item": each is its own unit.
                    self.cut(i);
                    i += 3;
                }
                b'\n' => i = self.line_break(i),
                // Nothing else matters here: jump to the next byte that may.
                _ => {
                    i += 1 + crate::bytes::find_any(&b[i + 1..], [b'.', b'?', b'!', 0xE2, b'\n'])
                        .unwrap_or(n - i - 1)
                }
            }
        }
        self.cut(n);
    }

    /// Ends the current segment at `end` and emits it if it has any text.
    fn cut(&mut self, end: usize) {
        let start = self.seg_start;
        self.seg_start = end;
        self.first_word = None;
        let Some(raw) = self.text.get(start..end) else {
            return;
        };
        let lead = raw.len() - raw.trim_start().len();
        let body = raw.trim();
        if !body.is_empty() {
            let s = start + lead;
            self.out.push(Sentence {
                index: self.out.len(),
                span: [s, s + body.len()],
            });
        }
    }

    /// Handles a run of terminal punctuation starting at `i`; returns where
    /// scanning resumes.
    fn terminal(&mut self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        let mut j = i;
        let mut dots = 0usize;
        let mut question = false;
        let mut ellipsis = false;
        while j < n {
            match b[j] {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'?' | b'!' => {
                    question = true;
                    j += 1;
                }
                0xE2 if is_ellipsis(b, j) => {
                    ellipsis = true;
                    j += 3;
                }
                _ => break,
            }
        }
        ellipsis |= dots >= 2;
        // Closing quotes and brackets belong to the sentence they close.
        let mut quoted = false;
        while let Some((len, is_quote)) = closer_at(b, j) {
            j += len;
            quoted |= is_quote;
        }
        let cut = j;
        if cut >= n {
            return n;
        }
        // "3.5", "U.S.-led", "example.com": no space, no boundary, except
        // for two sentences glued by a lost space ("of our age.Yet more").
        if !ws_at(self.text, cut) {
            if cut == i + 1 && b[i] == b'.' && glued_sentences(b, i) {
                self.cut(cut);
            }
            return cut;
        }
        // A leading ellipsis ("… The YPG is") opens its sentence.
        if self.sentence_first_word() >= i {
            return cut;
        }
        let (next, newlines) = skip_ws(self.text, cut);
        if next >= n {
            return n;
        }
        if newlines >= 2 {
            self.cut(cut);
            return next;
        }
        let newline = newlines == 1;
        let nx = classify_next(self.text, next, newline);
        let split = match nx {
            Next::Lower | Next::Continue => false,
            _ if question => !(quoted && nx == Next::Upper && speech_follows(b, next)),
            _ if ellipsis => true,
            _ => self.after_stop(i, next, nx, newline),
        };
        if split {
            self.cut(cut);
        }
        next
    }

    /// Decides whether a single full stop at `dot` ends the sentence, given
    /// that the next word is not lowercase.
    fn after_stop(&mut self, dot: usize, next: usize, nx: Next, newline: bool) -> bool {
        let (w_start, before) = self.word_before(dot);
        match before {
            Before::Ordinary => true,
            Before::ListNumber => false,
            Before::Never => nx == Next::Bullet,
            Before::CanEnd | Before::Initial | Before::EndsBeforeCapital => {
                if matches!(nx, Next::Digit | Next::Other) {
                    return false;
                }
                if nx == Next::Bullet {
                    return true;
                }
                // "U.S. Newsweek named him": an abbreviation opening the
                // sentence cannot also close it.
                if w_start == self.sentence_first_word() {
                    return false;
                }
                match before {
                    Before::Initial => nx == Next::Upper && is_starter(word_at(self.b, next)),
                    Before::EndsBeforeCapital => true,
                    // An opening quote after "U.S." starts a quotation; a
                    // bracket usually adds to the sentence ("the U.S. (and ...").
                    _ => {
                        (nx == Next::Open && !matches!(self.b[next], b'(' | b'['))
                            || newline
                            || is_starter(word_at(self.b, next))
                    }
                }
            }
        }
    }

    /// The word before the full stop at `dot` and what kind of word it is.
    fn word_before(&mut self, dot: usize) -> (usize, Before) {
        let b = self.b;
        let mut s = dot;
        // Abbreviations are short; a longer run is an ordinary word.
        while s > 0 && dot - s < 12 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'.') {
            s -= 1;
        }
        if s == dot || (s > 0 && (b[s - 1] >= 0x80 || b[s - 1].is_ascii_alphanumeric())) {
            return (s, Before::Ordinary);
        }
        let w = &b[s..dot];
        if w.iter().all(u8::is_ascii_digit) {
            let kind = if s == self.sentence_first_word() {
                Before::ListNumber
            } else {
                Before::Ordinary
            };
            return (s, kind);
        }
        (s, classify_abbrev(w, b.get(dot + 1..).unwrap_or_default()))
    }

    /// First byte of the current segment's first word, past any opening
    /// quotes or brackets.
    fn sentence_first_word(&mut self) -> usize {
        if let Some(p) = self.first_word {
            return p;
        }
        let (mut p, _) = skip_ws(self.text, self.seg_start);
        while let Some(len) = opener_at(self.b, p) {
            p += len;
        }
        self.first_word = Some(p);
        p
    }

    /// Handles a line break not preceded by terminal punctuation.
    fn line_break(&mut self, i: usize) -> usize {
        let b = self.b;
        let (next, newlines) = skip_ws(self.text, i);
        if next >= b.len() {
            return b.len();
        }
        if newlines >= 2 {
            self.cut(i);
            return next;
        }
        let split = match classify_next(self.text, next, true) {
            Next::Bullet => true,
            Next::Lower | Next::Continue => false,
            // A headline, byline or dateline line: ends unless the line
            // visibly runs on ("... the\nUnited States", "Smith,\nthe ...").
            _ => !line_runs_on(b, i),
        };
        if split {
            self.cut(i);
        }
        next
    }
}

/// Whether the line ending at `eol` is cut mid-phrase (hard-wrapped text).
fn line_runs_on(b: &[u8], eol: usize) -> bool {
    let mut e = eol;
    while e > 0 && matches!(b[e - 1], b' ' | b'\t' | b'\r') {
        e -= 1;
    }
    if e == 0 {
        return false;
    }
    if matches!(b[e - 1], b',' | b';' | b'(' | b'-' | b'&' | b'/') {
        return true;
    }
    let mut s = e;
    while s > 0 && e - s < 5 && b[s - 1].is_ascii_lowercase() {
        s -= 1;
    }
    if s > 0 && !matches!(b[s - 1], b' ' | b'\t') {
        return false;
    }
    matches!(
        &b[s..e],
        b"the" | b"of" | b"and" | b"a" | b"an" | b"to" | b"for" | b"with" | b"by" | b"from" | b"or"
    )
}

/// A `•` between spaces, in the middle of a line.
fn is_inline_bullet(b: &[u8], i: usize) -> bool {
    b.get(i..i + 3) == Some("•".as_bytes())
        && i > 0
        && b[i - 1] == b' '
        && b.get(i + 3) == Some(&b' ')
}

/// Whether the stop at `dot` joins two sentences without a space: a
/// lowercase word of three or more letters before it, a capitalised
/// lowercase word after it ("age.Yet"), as opposed to "example.com",
/// "Mr.Smith" or "gov.UK".
fn glued_sentences(b: &[u8], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && b[s - 1].is_ascii_lowercase() {
        s -= 1;
    }
    let word_ok = dot - s >= 3 && s > 0 && b[s - 1] == b' ';
    let after = b.get(dot + 1..).unwrap_or_default();
    let next_ok = after.len() >= 3
        && after[0].is_ascii_uppercase()
        && after[1].is_ascii_lowercase()
        && after[2].is_ascii_lowercase();
    word_ok && next_ok
}

fn is_ellipsis(b: &[u8], i: usize) -> bool {
    b.get(i..i + 3) == Some("…".as_bytes())
}

/// A closing quote or bracket at `i`: its length and whether it is a quote.
fn closer_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
    match *b.get(i)? {
        b'"' | b'\'' => Some((1, true)),
        b')' | b']' => Some((1, false)),
        0xE2 => match b.get(i + 1..i + 3)? {
            [0x80, 0x9D] | [0x80, 0x99] | [0x80, 0xBA] => Some((3, true)), // ” ’ ›
            _ => None,
        },
        0xC2 if b.get(i + 1) == Some(&0xBB) => Some((2, true)), // »
        _ => None,
    }
}

/// An opening quote or bracket at `i`: its length.
fn opener_at(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' | b'\'' | b'(' | b'[' => Some(1),
        0xE2 => match b.get(i + 1..i + 3)? {
            [0x80, 0x9C] | [0x80, 0x98] | [0x80, 0xB9] => Some(3), // “ ‘ ‹
            _ => None,
        },
        0xC2 if matches!(b.get(i + 1), Some(0xAB | 0xBF | 0xA1)) => Some(2), // « ¿ ¡
        _ => None,
    }
}

fn ws_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&c) if c < 0x80 => c.is_ascii_whitespace() || c == 0x0b,
        Some(_) => text
            .get(i..)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_whitespace),
        None => false,
    }
}

/// Skips whitespace from `i`; returns the next non-whitespace offset (or the
/// text length) and how many line feeds were crossed.
fn skip_ws(text: &str, mut i: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut newlines = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            newlines += 1;
            i += 1;
        } else if c < 0x80 {
            if c.is_ascii_whitespace() || c == 0x0b {
                i += 1;
            } else {
                break;
            }
        } else {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(ch) if ch.is_whitespace() => {
                    if matches!(ch, '\u{2028}' | '\u{2029}' | '\u{85}') {
                        newlines += 1;
                    }
                    i += ch.len_utf8();
                }
                _ => break,
            }
        }
    }
    (i, newlines)
}

fn classify_next(text: &str, i: usize, newline: bool) -> Next {
    let b = text.as_bytes();
    let Some(&c) = b.get(i) else {
        return Next::Other;
    };
    let spaced = |k: usize| b.get(i + k).is_none_or(|&d| d == b' ' || d == b'\t');
    if newline {
        match c {
            b'-' | b'*' if spaced(1) => return Next::Bullet,
            b'0'..=b'9' => {
                let mut k = i;
                while k < b.len() && b[k].is_ascii_digit() && k - i < 3 {
                    k += 1;
                }
                if matches!(b.get(k), Some(b'.' | b')')) && spaced(k - i + 1) {
                    return Next::Bullet;
                }
            }
            0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0xA2])) => return Next::Bullet, // •
            0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0x93 | 0x94])) && spaced(3) => {
                return Next::Bullet; // – —
            }
            _ => {}
        }
    }
    match c {
        b'a'..=b'z' => Next::Lower,
        b'A'..=b'Z' => Next::Upper,
        b'0'..=b'9' => Next::Digit,
        b',' | b';' | b':' | b')' | b']' | b'}' | b'%' => Next::Continue,
        _ if opener_at(b, i).is_some() => {
            // A quote that opens in lowercase continues the sentence
            // (`from the U.S. "will leave," he said`).
            let mut p = i;
            while let Some(len) = opener_at(b, p) {
                p += len;
            }
            match classify_next(text, p, false) {
                Next::Lower => Next::Lower,
                _ => Next::Open,
            }
        }
        _ if c < 0x80 => Next::Other,
        _ => match text.get(i..).and_then(|s| s.chars().next()) {
            Some(ch) if ch.is_lowercase() => Next::Lower,
            Some(ch) if ch.is_uppercase() => Next::Upper,
            Some(ch) if ch.is_numeric() => Next::Digit,
            Some('”' | '’') => Next::Open,
            _ => Next::Other,
        },
    }
}

/// The ASCII letters starting at `i` (empty when none).
fn word_at(b: &[u8], i: usize) -> &[u8] {
    let rest = b.get(i..).unwrap_or_default();
    let len = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    &rest[..len]
}

/// Whether the full stop after `word` may belong to an abbreviation rather
/// than end a sentence: a single character, a dotted initialism, or a word of
/// the splitter's lists (titles, months, company suffixes, state names, and
/// reference words such as "No." before a number); `after` is the text after
/// the stop. The quotes lexer asks this too, so both split alike.
pub fn is_abbreviation(word: &str, after: &str) -> bool {
    let w = word.as_bytes();
    if word.chars().count() == 1 || word.contains('.') {
        return true;
    }
    if w.is_empty() || w.len() > 12 || !w.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    !matches!(classify_abbrev(w, after.as_bytes()), Before::Ordinary)
}

/// Whether `word` (any case) is a title or similar abbreviation that is always
/// followed by more text ("Gen.", "Mr.", "e.g."), so a full stop after it
/// never ends a sentence or a clause.
pub fn is_title(word: &str) -> bool {
    let w = word.as_bytes();
    !w.is_empty()
        && w.len() <= 12
        && w.iter().all(|c| c.is_ascii_alphabetic() || *c == b'.')
        && matches!(classify_abbrev(w, b""), Before::Never)
}

/// Kind of the abbreviation-like word `w` (ASCII letters and dots, no digits
/// only); `after` is the text after its final full stop.
fn classify_abbrev(w: &[u8], after: &[u8]) -> Before {
    if w.len() == 1 && w[0].is_ascii_uppercase() {
        return Before::Initial;
    }
    let mut buf = [0u8; 12];
    let len = w.len().min(buf.len());
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    let lw = &buf[..len];
    let before_digit = after
        .iter()
        .find(|c| !c.is_ascii_whitespace())
        .is_some_and(u8::is_ascii_digit);
    match lw {
        // Titles and the like: always followed by a name or more text.
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"mme" | b"mlle" | b"dr" | b"prof" | b"sen"
        | b"rep" | b"gov" | b"gen" | b"lt" | b"col" | b"capt" | b"cpt" | b"maj" | b"sgt"
        | b"cpl" | b"pvt" | b"adm" | b"brig" | b"cmdr" | b"cdr" | b"rev" | b"hon" | b"pres"
        | b"supt" | b"det" | b"insp" | b"amb" | b"atty" | b"st" | b"mt" | b"ft" | b"vs" | b"v"
        | b"cf" | b"e.g" | b"i.e" | b"approx" | b"dept" | b"ca" | b"viz" => Before::Never,
        // Reference numbers: "No. 10", "Art. 5", "pp. 12".
        b"no" | b"nos" | b"art" | b"vol" | b"pp" | b"para" | b"ch" | b"sec" | b"tel" | b"fig"
        | b"p" | b"est"
            if before_digit =>
        {
            Before::Never
        }
        // Company suffixes often precede a capitalised title ("Acme Inc.
        // Chief Executive ..."), so they end a sentence only before an opener.
        b"inc" | b"ltd" | b"corp" | b"co" | b"bros" | b"plc" | b"llc" | b"ave" | b"blvd"
        | b"rd" => Before::CanEnd,
        b"jr" | b"sr" | b"etc" | b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug"
        | b"sep" | b"sept" | b"oct" | b"nov" | b"dec" => Before::EndsBeforeCapital,
        _ if w.contains(&b'.') => {
            // Initialisms: "U.S", "a.m", "Ph.D" (groups of one or two letters).
            if w.split(|&c| c == b'.')
                .all(|g| !g.is_empty() && g.len() <= 2)
            {
                Before::CanEnd
            } else {
                Before::Ordinary
            }
        }
        // US state abbreviations in datelines; capitalised to avoid words.
        _ if w[0].is_ascii_uppercase() && is_state_abbrev(w) => Before::CanEnd,
        _ => Before::Ordinary,
    }
}

fn is_state_abbrev(w: &[u8]) -> bool {
    matches!(
        w,
        b"Ala"
            | b"Ariz"
            | b"Ark"
            | b"Calif"
            | b"Colo"
            | b"Conn"
            | b"Del"
            | b"Fla"
            | b"Ga"
            | b"Ill"
            | b"Ind"
            | b"Kan"
            | b"Kans"
            | b"Ky"
            | b"La"
            | b"Md"
            | b"Mass"
            | b"Mich"
            | b"Minn"
            | b"Miss"
            | b"Mo"
            | b"Mont"
            | b"Neb"
            | b"Nev"
            | b"Okla"
            | b"Ore"
            | b"Pa"
            | b"Tenn"
            | b"Tex"
            | b"Va"
            | b"Vt"
            | b"Wash"
            | b"Wis"
            | b"Wyo"
    )
}

/// Capitalised words that typically open a sentence and rarely continue a
/// proper name, so "in the U.S. The next day" splits but "U.S. Army" does not.
fn is_starter(w: &[u8]) -> bool {
    matches!(
        w,
        b"A" | b"An"
            | b"The"
            | b"This"
            | b"That"
            | b"These"
            | b"Those"
            | b"There"
            | b"Their"
            | b"They"
            | b"Then"
            | b"He"
            | b"She"
            | b"It"
            | b"Its"
            | b"His"
            | b"Her"
            | b"We"
            | b"Our"
            | b"I"
            | b"You"
            | b"Your"
            | b"My"
            | b"In"
            | b"On"
            | b"At"
            | b"By"
            | b"For"
            | b"From"
            | b"With"
            | b"Without"
            | b"After"
            | b"Before"
            | b"During"
            | b"Since"
            | b"Until"
            | b"While"
            | b"When"
            | b"Where"
            | b"Why"
            | b"What"
            | b"Who"
            | b"Which"
            | b"How"
            | b"If"
            | b"Although"
            | b"Though"
            | b"As"
            | b"But"
            | b"And"
            | b"Or"
            | b"Yet"
            | b"So"
            | b"Also"
            | b"However"
            | b"Meanwhile"
            | b"Moreover"
            | b"Furthermore"
            | b"Still"
            | b"Now"
            | b"Last"
            | b"Next"
            | b"Earlier"
            | b"Later"
            | b"Today"
            | b"Yesterday"
            | b"Tomorrow"
            | b"Both"
            | b"Each"
            | b"Every"
            | b"Many"
            | b"Most"
            | b"Some"
            | b"Several"
            | b"Such"
            | b"Other"
            | b"Others"
            | b"Another"
            | b"All"
            | b"Any"
            | b"No"
            | b"None"
            | b"Not"
            | b"One"
            | b"Despite"
            | b"Under"
            | b"Over"
            | b"Among"
            | b"Only"
            | b"Even"
            | b"Instead"
            | b"Indeed"
            | b"Thus"
            | b"Therefore"
            | b"Nevertheless"
            | b"Nonetheless"
            | b"Officials"
            | b"Analysts"
            | b"Experts"
            | b"Critics"
            | b"Police"
            | b"Authorities"
            | b"Here"
            | b"According"
            | b"Because"
            | b"Whether"
            | b"More"
            | b"Few"
            | b"Once"
            | b"Unlike"
    )
}

/// Whether a quote attribution follows at `i`: up to three capitalised words
/// then a speech verb, as in `"Why?" Smith asked.`
fn speech_follows(b: &[u8], mut i: usize) -> bool {
    for k in 0..4 {
        let w = word_at(b, i);
        if w.is_empty() {
            return false;
        }
        let verb = matches!(
            w,
            b"said"
                | b"says"
                | b"asked"
                | b"asks"
                | b"added"
                | b"adds"
                | b"told"
                | b"wrote"
                | b"writes"
                | b"replied"
                | b"tweeted"
                | b"insisted"
                | b"explained"
                | b"continued"
                | b"shouted"
                | b"warned"
                | b"recalled"
        );
        if verb {
            return k > 0;
        }
        // Attributions are lowercase after a quote ("she said"), so a
        // capitalised opener such as "She said she..." starts a sentence;
        // "I" is the one pronoun that is always capitalised.
        if !w[0].is_ascii_uppercase() || (k == 0 && w != b"I" && is_starter(w)) {
            return false;
        }
        i += w.len();
        if b.get(i) == Some(&b'.') {
            i += 1; // "Mr. Smith said"
        }
        if b.get(i) != Some(&b' ') {
            return false;
        }
        i += 1;
    }
    false
}
